"""X1 appendix layout and caption, X2 references from the body, X3 one section per appendix."""

from __future__ import annotations

import re

from cchc_docgen.checker.docmodel import DocModel, Para
from cchc_docgen.checker.fmtcheck import Expect, check_seg
from cchc_docgen.checker.locate import Appendix, Elements
from cchc_docgen.checker.model import Collector
from cchc_docgen.checker.rules_header import DATE_RE, SO_RE
from cchc_docgen.checker.rules_page import PAGE_FIELD, _header_for
from cchc_docgen.checker.segs import Seg, segments
from cchc_docgen.checker.vocab import fold
from cchc_docgen.nd30words import roman, roman_value
from cchc_docgen.ooxml.paratext import read_paragraph
from cchc_docgen.outline.words import APPENDIX_HEAD

CAPTION = re.compile(
    r"^\(kèm theo (?P<type>.+?) số\s*(?P<num>\d*)\s*/\s*(?P<sym>\S+)\s+"
    r"ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*"
    r"năm\s*(?P<y>\d*)\s+của\s+(?P<issuer>.+)\)$"
)
REFERENCE = re.compile(r"phụ lục((?:\s*(?:số\s*)?\b[ivxlc]+\b\s*(?:,|và|-|–|đến)?)*)")


def check(doc: DocModel, el: Elements, col: Collector) -> None:
    total = len(el.appendices)
    # first paragraph with text of each section, computed once (checking must stay linear in size)
    firsts: dict[int, int] = {}
    for p in doc.paras:
        if p.section not in firsts and p.text.strip():
            firsts[p.section] = p.index
    for k, app in enumerate(el.appendices):
        _layout(doc, el, app, k, total, col)
        _caption(doc, el, app, col)
        _section(doc, app, firsts, col)
    if el.kind.code != "appendix":
        _references(doc, el, col)


def _whole(p: Para) -> Seg:
    segs = segments(p)
    return segs[0] if len(segs) == 1 else Seg(p, 0, len(p.text), 0, 0, 1, False)


def _layout(doc: DocModel, el: Elements, app: Appendix, k: int, total: int, col: Collector) -> None:
    head = _whole(app.heading)
    loc = app.heading.location(doc.rendered_pages)
    m = APPENDIX_HEAD.match(fold(head.display))
    want = f"Phụ lục {roman(k + 1)}" if total > 1 else "Phụ lục"
    if not m:
        col.add(
            "X1",
            loc,
            head.display,
            "Phụ lục không bắt đầu bằng dòng “Phụ lục …” riêng.",
            f"Thêm dòng “{want}” (cỡ 14, đậm, căn giữa) ở đầu phụ lục.",
        )
    elif total > 1 and roman_value((m.group("num") or "").upper()) != k + 1:
        col.add(
            "X1",
            loc,
            head.display,
            f"Có {total} phụ lục nên phụ lục thứ {k + 1} phải đánh số La Mã “{want}”.",
            f"Sửa thành “{want}”.",
        )
    if m:
        check_seg(col, doc, "X1", head, "Dòng “Phụ lục”", Expect(sizes=(14, 14), bold=True, center=True))
        if head.is_caps:
            col.add(
                "X1",
                loc,
                head.display,
                "Dòng “Phụ lục” đang viết IN HOA; Nghị định 30 quy định chữ in thường “Phụ lục”.",
                f"Sửa thành “{want}” (chỉ viết hoa chữ P; bỏ Font › All caps nếu đang bật).",
            )
    for p in app.titles:
        check_seg(
            col,
            doc,
            "X1",
            _whole(p),
            "Tên phụ lục",
            Expect(sizes=(13, 14), bold=True, center=True, caps=True),
        )


def _caption(doc: DocModel, el: Elements, app: Appendix, col: Collector) -> None:
    loc = app.heading.location(doc.rendered_pages)
    fix = (
        "Ghi dòng “(Kèm theo Kế hoạch số 07/KH-SGDĐT ngày 04 tháng 01 năm 2022 của Sở Giáo dục và Đào tạo)” "
        "đúng số, ký hiệu, ngày và cơ quan ban hành ở phần đầu văn bản."
    )
    if app.caption is None:
        col.add("X1", loc, app.heading.text, "Phụ lục thiếu dòng “(Kèm theo … số … ngày … của …)”.", fix)
        return
    cap = _whole(app.caption)
    cloc = app.caption.location(doc.rendered_pages)
    check_seg(col, doc, "X1", cap, "Dòng “Kèm theo”", Expect(sizes=(13, 14), italic=True, center=True))
    m = CAPTION.match(fold(cap.display))
    if not m:
        col.add(
            "X1",
            cloc,
            cap.display,
            "Dòng “Kèm theo” sai mẫu “(Kèm theo … số …/… ngày … tháng … năm … của …)”.",
            fix,
        )
        return
    diffs = _caption_diffs(doc, el, m)
    if diffs:
        col.add(
            "X1",
            cloc,
            cap.display,
            "Dòng “Kèm theo” không khớp với phần đầu văn bản: " + "; ".join(diffs) + ".",
            fix,
        )


def _num(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def _first_body(el: Elements) -> int:
    return el.body[0].index if el.body else 10**9


def _caption_diffs(doc: DocModel, el: Elements, m: re.Match[str]) -> list[str]:
    diffs = []
    if el.type_name and fold(m.group("type")) != fold(el.type_name):
        diffs.append(f"ghi “{m.group('type')}” nhưng văn bản là {el.type_name}")
    so = SO_RE.match(el.so.text) if el.so is not None else None
    if so is not None:
        if _num(so.group("num")) != _num(m.group("num")):
            diffs.append(f"số “{m.group('num') or '(trống)'}” khác số văn bản “{so.group('num').strip() or '(trống)'}”")
        if fold(so.group("sym")) != m.group("sym"):
            diffs.append(f"ký hiệu “{m.group('sym').upper()}” khác “{so.group('sym')}”")
    date = DATE_RE.match(el.date.text) if el.date is not None else None
    if date is not None:
        for key, name in (("d", "ngày"), ("m", "tháng"), ("y", "năm")):
            if _num(date.group(key).strip(" .…")) != _num(m.group(key)):
                diffs.append(
                    f"{name} “{m.group(key) or '(trống)'}” khác {name} ban hành "
                    f"“{date.group(key).strip() or '(trống)'}”"
                )
    if el.issuer:
        head = fold(" ".join(s.display for s in el.issuer))
        cap = m.group("issuer").strip()
        # a decision enacted by a person ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") is "của Chủ tịch …"
        enacting = [fold(doc.paras[i].text) for i in sorted(el.not_body) if i < _first_body(el)]
        names = [head, *enacting]
        if not any(n.startswith(cap) or cap.startswith(n) for n in names):
            diffs.append(f"cơ quan “{cap}” khác cơ quan ban hành “{head.upper()}”")
    return diffs


def _section(doc: DocModel, app: Appendix, firsts: dict[int, int], col: Collector) -> None:
    sec = doc.sections[app.heading.section]
    loc = app.heading.location(doc.rendered_pages)
    if firsts.get(sec.index, -1) != app.heading.index:
        col.add(
            "X3",
            loc,
            app.heading.text,
            "Phụ lục không nằm trong một section riêng, nên không đánh số trang riêng được.",
            "Đặt Section Break (Next Page) ngay trước dòng “Phụ lục”.",
        )
        return
    if sec.pg_start != 1 and not (sec.index == 0 and sec.pg_start is None):
        col.add(
            "X1",
            loc,
            app.heading.text,
            "Số trang của phụ lục không được đánh lại từ 1.",
            "Mở Format Page Numbers của section phụ lục, chọn Start at: 1.",
        )
    header = _header_for(doc, sec.index, "first") if sec.title_pg else None
    shows = not sec.title_pg or (
        header is not None
        and any(PAGE_FIELD.match(instr) for p in header.iter("{*}p") for instr, _ in read_paragraph(p).fields)
    )
    if shows:
        col.add(
            "X3",
            loc,
            app.heading.text,
            "Trang đầu của phụ lục đang hiện số trang.",
            "Bật “Different First Page” cho section phụ lục (trang đầu không hiện số).",
        )


def _references(doc: DocModel, el: Elements, col: Collector) -> None:
    if not el.appendices:
        return
    text = fold(" ".join(p.text for p in el.body_all))
    numerals: set[int] = set()
    plain = False
    for m in REFERENCE.finditer(text):
        tokens = [roman_value(t.upper()) for t in re.findall(r"\b[ivxlc]+\b", m.group(1))]
        values = [v for v in tokens if v]
        if not values:
            plain = True
        elif re.search(r"-|–|đến", m.group(1)) and len(values) >= 2:
            numerals.update(range(min(values), max(values) + 1))
        numerals.update(values)
    total = len(el.appendices)
    for k, app in enumerate(el.appendices):
        ok = (plain or numerals) if total == 1 else (k + 1 in numerals)
        if not ok:
            name = f"Phụ lục {roman(k + 1)}" if total > 1 else "Phụ lục"
            col.add(
                "X2",
                app.heading.location(doc.rendered_pages),
                app.heading.text,
                f"Nội dung văn bản không dẫn chiếu tới {name}.",
                f"Thêm câu dẫn chiếu trong nội dung, ví dụ “(Chi tiết tại {name} kèm theo)”.",
            )
