"""P1 paper, P2 margins, P3 page numbers, F1 font / colour / NFC."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from cchc_docgen.checker.docmodel import DocModel, Section
from cchc_docgen.checker.locate import Elements
from cchc_docgen.checker.model import SHOULD, Collector
from cchc_docgen.fontmetrics import twips_to_mm
from cchc_docgen.ooxml.names import w
from cchc_docgen.ooxml.paratext import read_paragraph

A4 = (210.0, 297.0)
MARGINS = {
    "top": (20, 25, "trên"),
    "bottom": (20, 25, "dưới"),
    "left": (30, 35, "trái"),
    "right": (15, 20, "phải"),
}
PAGE_FIELD = re.compile(r"^\s*PAGE(\s|\\|$)", re.IGNORECASE)


def _sec_loc(doc: DocModel, s: Section) -> str:
    page = doc.paras[s.first_para].page if 0 <= s.first_para < len(doc.paras) else 1
    return f"section {s.index + 1} (từ trang ~{page})"


def check(doc: DocModel, el: Elements, col: Collector) -> None:
    wide = {a.heading.section for a in el.appendices} | {p.section for p in doc.paras if p.grid_cols >= 3}
    for s in doc.sections:
        _paper(doc, s, s.index in wide, col)
        _margins(doc, s, col)
    if not doc.one_page():  # a one-page document shows no page number
        _page_numbers(doc, col)
    _fonts(doc, col)


def _paper(doc: DocModel, s: Section, has_wide: bool, col: Collector) -> None:
    short, long_ = sorted((twips_to_mm(s.width), twips_to_mm(s.height)))
    if abs(short - A4[0]) > 1 or abs(long_ - A4[1]) > 1:
        col.add(
            "P1",
            _sec_loc(doc, s),
            "",
            f"Khổ giấy {short:.0f} × {long_:.0f} mm, không phải A4 (210 × 297 mm).",
            "Vào Layout › Size (Bố cục › Khổ giấy), chọn A4 cho mọi section.",
            group=f"paper{short:.0f}x{long_:.0f}",
        )
    if s.landscape and not has_wide:
        col.add(
            "P1",
            _sec_loc(doc, s),
            "",
            "Trang nằm ngang nhưng section này không chứa bảng rộng hay phụ lục.",
            "Đặt hướng dọc (Portrait); chỉ để nằm ngang cho phụ lục hoặc bảng rộng.",
        )


def _margins(doc: DocModel, s: Section, col: Collector) -> None:
    bad = []
    for name, (lo, hi, vn) in MARGINS.items():
        mm = twips_to_mm(getattr(s, name))
        if not lo - 0.5 <= mm <= hi + 0.5:
            bad.append(f"lề {vn} {mm:.1f} mm (quy định {lo}–{hi} mm)".replace(".", ","))
    if bad:
        level = SHOULD if s.landscape else None
        note = " (trang nằm ngang: chỉ khuyến nghị)" if s.landscape else ""
        col.add(
            "P2",
            _sec_loc(doc, s),
            "",
            "Lề trang sai: " + "; ".join(bad) + note + ".",
            "Vào Layout › Margins › Custom Margins, đặt lề trên 20–25 mm, dưới 20–25 mm, trái 30–35 mm, "
            "phải 15–20 mm (ví dụ 20/20/30/15).",
            level=level,
            group="margins:" + ";".join(bad),
        )


def _header_for(doc: DocModel, idx: int, kind: str) -> etree._Element | None:
    """Header part shown in section ``idx`` for ``kind`` (inherited from earlier sections)."""
    for s in reversed(doc.sections[: idx + 1]):
        rid = s.headers.get(kind)
        if rid:
            return doc.pkg.parts_by_rid.get(rid)
    return None


def _page_fields(doc: DocModel, part: etree._Element) -> list[tuple[etree._Element, list[etree._Element]]]:
    out = []
    for p in part.iter(w("p")):
        for instr, runs in read_paragraph(p).fields:
            if PAGE_FIELD.match(instr):
                out.append((p, runs))
    return out


def _page_numbers(doc: DocModel, col: Collector) -> None:
    first = doc.sections[0]
    loc = _sec_loc(doc, first)
    fix_field = (
        "Vào Insert › Page Number › Top of Page › Plain Number 2 (số trang giữa lề trên), "
        "cỡ chữ 13–14, chữ đứng, không đậm."
    )
    if first.pg_fmt not in ("decimal", ""):
        col.add(
            "P3",
            loc,
            "",
            f"Số trang dùng kiểu “{first.pg_fmt}”, không phải chữ số Ả Rập.",
            "Vào Insert › Page Number › Format Page Numbers, chọn kiểu 1, 2, 3.",
        )
    if first.pg_start not in (None, 1):
        col.add(
            "P3",
            loc,
            "",
            f"Số trang bắt đầu từ {first.pg_start}, không phải từ 1.",
            "Vào Format Page Numbers, chọn Start at: 1.",
        )
    seen: set[int] = set()
    has_default = False
    for s in doc.sections:
        part = _header_for(doc, s.index, "default")
        if part is None or id(part) in seen:
            continue
        seen.add(id(part))
        fields = _page_fields(doc, part)
        if not fields:
            continue
        has_default = True
        p, runs = fields[0]
        issues = []
        if doc.styles.para_props("", p).jc != "center":
            issues.append("chưa căn giữa")
        pstyle = doc.styles.para_style_id(p)
        props = [doc.styles.run_props("", pstyle, r) for r in runs]
        sizes = sorted({pr.size for pr in props if not 13 <= pr.size <= 14})
        if sizes:
            issues.append(f"cỡ chữ {', '.join(f'{x:g}' for x in sizes)} pt (quy định 13–14 pt)")
        if any(pr.bold for pr in props):
            issues.append("in đậm")
        if any(pr.italic for pr in props):
            issues.append("in nghiêng")
        fonts = sorted({pr.font_ascii for pr in props if not pr.font_ascii.lower().startswith("times new roman")})
        if fonts:
            legacy = any(f.lower().startswith((".vn", "vn")) for f in fonts)
            col.add(
                "F1",
                _sec_loc(doc, s) + ", số trang ở đầu trang",
                "",
                f"Số trang dùng phông “{', '.join(fonts)}”"
                + (" (phông TCVN3 cũ, không phải Unicode)" if legacy else "")
                + ", không phải Times New Roman (phông này lấy từ kiểu Header hoặc Normal vì số trang "
                "không đặt phông riêng).",
                "Mở Header, chọn số trang và đặt phông Times New Roman; sửa cả kiểu (Style) Header và Normal "
                "(Home › Styles › Modify).",
            )
        if issues:
            col.add("P3", _sec_loc(doc, s), "", "Số trang ở đầu trang " + ", ".join(issues) + ".", fix_field)
    if not has_default:
        in_footer = any(_page_fields(doc, part) for part in doc.pkg.parts_by_rid.values() if part.tag == w("ftr"))
        where = "đang ở chân trang (footer), phải ở giữa lề trên" if in_footer else "không có số trang"
        col.add("P3", loc, "", f"Văn bản {where}.", fix_field)
        return
    if not first.title_pg:
        col.add(
            "P3",
            loc,
            "",
            "Trang 1 đang hiện số trang (chưa bật “Different First Page”).",
            "Mở Header, đánh dấu “Different First Page” (Trang đầu khác) để trang 1 không hiện số trang.",
        )
        return
    part = _header_for(doc, 0, "first")
    if part is not None and (_page_fields(doc, part) or "".join(part.itertext()).strip()):
        col.add(
            "P3",
            loc,
            "",
            "Header của trang 1 (First Page Header) có nội dung hoặc số trang.",
            "Xóa toàn bộ nội dung First Page Header để trang 1 không hiện số trang.",
        )


def _fonts(doc: DocModel, col: Collector) -> None:
    rendered = doc.rendered_pages
    for p in doc.paras:
        if not p.text.strip():
            continue
        if not unicodedata.is_normalized("NFC", p.text):
            col.add(
                "F1",
                p.location(rendered),
                p.text,
                "Văn bản dùng Unicode tổ hợp (dấu gõ rời), không phải Unicode dựng sẵn (NFC).",
                "Dùng Unikey (Công cụ › Chuyển mã) chuyển sang “Unicode dựng sẵn”.",
                group="nfc",
            )
        for r in p.runs:
            if not r.text.strip():
                continue
            fonts = set()
            if any(ord(c) < 128 and not c.isspace() for c in r.text):
                fonts.add(r.props.font_ascii)
            if any(ord(c) >= 128 and not c.isspace() for c in r.text):
                fonts.add(r.props.font_hansi)
            for font in fonts:
                if font.lower() != "times new roman":
                    col.add(
                        "F1",
                        p.location(rendered),
                        p.text,
                        f"Dùng phông chữ “{font}”, không phải Times New Roman."
                        + (
                            " Tên phông này không phải tên họ phông chuẩn: máy không có phông đúng tên sẽ hiện "
                            "một phông khác."
                            if font.lower().startswith("times new roman")
                            else ""
                        ),
                        "Chọn toàn bộ văn bản (Ctrl+A) và đặt phông Times New Roman; sửa cả kiểu (Style) "
                        "Normal và phông mặc định của theme.",
                        group="font:" + font,
                    )
            # text the reader cannot see (hidden, or white on the white page) shows no colour on paper
            invisible = r.props.hidden or r.props.color.lower() in ("ffffff", "background1", "light1")
            if not r.props.is_black and not invisible:
                col.add(
                    "F1",
                    p.location(rendered),
                    p.text,
                    f"Chữ có màu “{r.props.color}”, không phải màu đen.",
                    "Chọn đoạn chữ và đặt màu chữ Automatic hoặc Black.",
                    group="color",
                )
