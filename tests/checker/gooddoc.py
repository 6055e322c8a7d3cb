"""Builders of test documents: a conforming KẾ HOẠCH (built the way our generator lays it out),
the same typed by hand (tabs, direct formatting), and helpers that mutate one thing at a time."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ISSUER = "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
PARENT = "UBND TỈNH HƯNG YÊN"
QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN = "Độc lập - Tự do - Hạnh phúc"
SO = "Số: 07/KH-SGDĐT"
DATE = "Hưng Yên, ngày 04 tháng 01 năm 2022"
CAPTION = "(Kèm theo Kế hoạch số 07/KH-SGDĐT ngày 04 tháng 01 năm 2022 của Sở Giáo dục và Đào tạo)"
CENTER = WD_ALIGN_PARAGRAPH.CENTER

BODY = [
    ("cc", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;"),
    ("cc", "Căn cứ Kế hoạch số 21/KH-UBND ngày 14 tháng 02 năm 2022 của Ủy ban nhân dân tỉnh Hưng Yên."),
    ("p", "Sở Giáo dục và Đào tạo xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2022 như sau:"),
    ("h1", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("h2", "1. Mục đích"),
    ("p", "- Nâng cao nhận thức của cán bộ, công chức, viên chức về cải cách hành chính."),
    ("p", "- Tạo sự đồng thuận của người dân, tổ chức trong quá trình thực hiện."),
    ("h2", "2. Yêu cầu"),
    ("p", "Công tác tuyên truyền phải thường xuyên, thiết thực, hiệu quả, phù hợp với từng đối tượng."),
    ("h1", "II. NỘI DUNG TUYÊN TRUYỀN"),
    ("h2", "1. Nội dung"),
    ("p", "a) Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;"),
    ("p", "b) Cải cách thể chế, thủ tục hành chính;"),
    ("p", "c) Cải cách tổ chức bộ máy hành chính nhà nước;"),
    ("p", "d) Cải cách chế độ công vụ;"),
    ("p", "đ) Cải cách tài chính công;"),
    ("p", "e) Xây dựng và phát triển Chính phủ điện tử, Chính phủ số;"),
    ("p", "g) Kết quả thực hiện cải cách hành chính của ngành;"),
    ("p", "+ Chỉ số cải cách hành chính;"),
    ("p", "+ Chỉ số hài lòng của người dân."),
    ("p", "h) Các mô hình, sáng kiến hay trong cải cách hành chính."),
    ("h2", "2. Hình thức"),
    ("p", "Tuyên truyền trên Cổng thông tin điện tử của Sở (chi tiết tại Phụ lục I kèm theo)."),
    ("h1", "III. KINH PHÍ"),
    ("p", "Kinh phí thực hiện từ nguồn ngân sách nhà nước giao cho Sở năm 2022."),
    ("h1", "IV. TỔ CHỨC THỰC HIỆN"),
    ("mixed", "1. Văn phòng Sở: |chủ trì, phối hợp với các phòng thực hiện Kế hoạch."),
    ("p", "2. Các phòng thuộc Sở báo cáo kết quả theo mẫu tại Phụ lục II kèm theo."),
    ("p", "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2022 của Sở Giáo dục và Đào tạo./."),
]
RECIPIENTS = [
    "- UBND tỉnh (để b/c);",
    "- Giám đốc, các Phó Giám đốc Sở;",
    "- Các phòng thuộc Sở;",
    "- Lưu: VT, VP.",
]


def _fonts(rpr) -> None:  # type: ignore[no-untyped-def]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), "Times New Roman")


def _setup_styles(doc: DocxDocument) -> None:
    styles = doc.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _fonts(rpr)
    rpr.find(qn("w:sz")).set(qn("w:val"), "28")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
    body = doc.styles.add_style("ND30Body", 1)
    body.base_style = normal
    bf = body.paragraph_format
    bf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    bf.first_line_indent = Mm(10)
    bf.space_before = Pt(6)


def para(
    container,
    text: str = "",
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,  # type: ignore[no-untyped-def]
    align=None,
    style: str | None = None,
    vert: str | None = None,
):
    p = container.add_paragraph(style=style)
    if align is not None:
        p.alignment = align
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        if vert == "superscript":
            run.font.superscript = True
    return p


def _cell_para(cell, text: str = "", **kw):  # type: ignore[no-untyped-def]
    first = cell.paragraphs[0]
    if not first.text and not first.runs and not getattr(cell, "_used", False):
        cell._used = True
        p = first
        if kw.get("align") is not None:
            p.alignment = kw["align"]
        if text:
            run = p.add_run(text)
            run.bold = kw.get("bold") or None
            run.italic = kw.get("italic") or None
            if kw.get("size"):
                run.font.size = Pt(kw["size"])
            if kw.get("vert") == "superscript":
                run.font.superscript = True
        return p
    return para(cell, text, **kw)


def _widths(table, widths_mm: list[float]) -> None:  # type: ignore[no-untyped-def]
    grid = table._tbl.tblGrid
    for gc, wmm in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        gc.set(qn("w:w"), str(int(wmm * 1440 / 25.4)))
    for row in table.rows:
        for cell, wmm in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(wmm)


def _page_field(p, size: float = 14) -> None:  # type: ignore[no-untyped-def]
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        run = p.add_run()
        run.font.size = Pt(size)
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run._r.append(fc)
        elif instr:
            it = OxmlElement("w:instrText")
            it.text = instr
            run._r.append(it)
        else:
            run.text = "2"


def _pg_start(section) -> None:  # type: ignore[no-untyped-def]
    pnt = OxmlElement("w:pgNumType")
    pnt.set(qn("w:start"), "1")
    section._sectPr.append(pnt)


def _header(doc: DocxDocument) -> None:
    t = doc.add_table(rows=2, cols=2)
    _widths(t, [65, 100])
    left, right = t.cell(0, 0), t.cell(0, 1)
    _cell_para(left, PARENT, size=13, align=CENTER)
    _cell_para(left, ISSUER, size=13, bold=True, align=CENTER)
    _cell_para(left, "_" * 10, size=13, align=CENTER)
    _cell_para(right, QH, size=13, bold=True, align=CENTER)
    _cell_para(right, TN, size=14, bold=True, align=CENTER)
    # superscript underscores render at about 2/3 size: 37 of them at 14 pt are about 60 mm (Tiêu ngữ)
    _cell_para(right, "_" * 37, size=14, align=CENTER, vert="superscript")
    _cell_para(t.cell(1, 0), SO, size=13, align=CENTER)
    _cell_para(t.cell(1, 1), DATE, size=14, italic=True, align=CENTER)


def _body(doc: DocxDocument, long: bool) -> None:
    para(doc, "KẾ HOẠCH", bold=True, align=CENTER)
    para(doc, "Tuyên truyền cải cách hành chính năm 2022", bold=True, align=CENTER)
    para(doc, "_" * 25, align=CENTER, vert="superscript")
    items = list(BODY)
    if long:
        extra: list[tuple[str, str]] = []
        for n in range(8):
            extra.append(("h1", f"X. NHIỆM VỤ BỔ SUNG SỐ {n + 1}"))
            for k in range(1, 5):
                extra.append(("h2", f"{k}. Nhiệm vụ thành phần {k}"))
                extra.append(
                    (
                        "p",
                        "Triển khai thực hiện các nhiệm vụ cải cách hành chính theo đúng tiến độ, "
                        "chất lượng, bảo đảm hiệu quả và tiết kiệm; báo cáo kết quả định kỳ.",
                    )
                )
        items = _renumber_long(BODY[:23] + extra + BODY[23:])
    for kind, text in items:
        if kind == "mixed":
            p = para(doc, style="ND30Body")
            head, tail = text.split("|")
            p.add_run(head).bold = True
            p.add_run(tail)
        else:
            para(doc, text, style="ND30Body", bold=kind in ("h1", "h2"), italic=kind == "cc")


def _renumber_long(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out, n = [], 0
    for kind, text in items:
        if kind == "h1":
            n += 1
            text = f"{_roman(n)}. {text.split('. ', 1)[1]}"
        out.append((kind, text))
    return out


def _roman(n: int) -> str:
    vals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _signature(doc: DocxDocument, blank_lines: int = 4) -> None:
    t = doc.add_table(rows=1, cols=2)
    _widths(t, [70, 95])
    left, right = t.cell(0, 0), t.cell(0, 1)
    _cell_para(left, "Nơi nhận:", size=12, bold=True, italic=True)
    for entry in RECIPIENTS:
        _cell_para(left, entry, size=11)
    _cell_para(right, "KT. GIÁM ĐỐC", bold=True, align=CENTER)
    _cell_para(right, "PHÓ GIÁM ĐỐC", bold=True, align=CENTER)
    for _ in range(blank_lines):
        _cell_para(right, "", align=CENTER)
    _cell_para(right, "Nguyễn Văn An", bold=True, align=CENTER)


def _appendix(doc: DocxDocument, numeral: str, title: str, landscape: bool, rows: int) -> None:
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.different_first_page_header_footer = True
    _pg_start(sec)
    para(doc, f"Phụ lục {numeral}", bold=True, align=CENTER)
    para(doc, title, bold=True, align=CENTER)
    para(doc, CAPTION, italic=True, align=CENTER)
    para(doc, "_" * 12, align=CENTER, vert="superscript")
    table = doc.add_table(rows=1, cols=4)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"], strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    n = 0
    for r in range(rows):
        cells = table.add_row().cells
        if r % 12 == 0:
            merged = cells[0].merge(cells[3])
            merged.paragraphs[0].add_run(f"{_roman(r // 12 + 1)}. NHÓM NHIỆM VỤ {r // 12 + 1}").bold = True
            continue
        n += 1
        for cell, text in zip(cells, [str(n), f"Nhiệm vụ tuyên truyền số {n}", "Văn phòng Sở", "Quý I"], strict=True):
            cell.paragraphs[0].add_run(text)


def build_good(*, long: bool = False) -> DocxDocument:
    """The conforming KẾ HOẠCH; ``long`` makes it seed-001 sized (~45 sections, 44-row appendix table)."""
    doc = Document()
    _setup_styles(doc)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    sec.header_distance = Mm(10)
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.alignment = CENTER
    _page_field(hp)
    sec.first_page_header.paragraphs[0].text = ""
    _header(doc)
    _body(doc, long)
    _signature(doc)
    _appendix(doc, "I", "DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN NĂM 2022", True, 44 if long else 6)
    _appendix(doc, "II", "MẪU BÁO CÁO KẾT QUẢ", False, 2)
    return doc


def save_good(folder: Path, name: str = "ke_hoach_dung.docx") -> Path:
    """Save the good document in ``folder`` and return its path."""
    path = folder / name
    build_good().save(str(path))
    return path


# ---------------------------------------------------------------- mutation helpers
def paragraphs(doc: DocxDocument) -> Iterator:  # type: ignore[type-arg]
    yield from doc.element.body.iter(qn("w:p"))


def find_p(doc: DocxDocument, start: str, nth: int = 0, exact: bool = False):  # type: ignore[no-untyped-def]
    """The ``nth`` paragraph (body or table) whose text starts with (or is, if ``exact``) ``start``."""

    def text(p) -> str:  # type: ignore[no-untyped-def]
        return "".join(t.text or "" for t in p.iter(qn("w:t")))

    hits = [p for p in paragraphs(doc) if (text(p) == start if exact else text(p).startswith(start))]
    return hits[nth]


def set_text(p, text: str) -> None:  # type: ignore[no-untyped-def]
    ts = list(p.iter(qn("w:t")))
    ts[0].text = text
    for t in ts[1:]:
        t.text = ""


def set_runs(p, **props) -> None:  # type: ignore[no-untyped-def]
    """Set ``b``/``i``/``sz``/``font``/``color`` on every run of ``p`` (direct formatting)."""
    for r in p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        for key, val in props.items():
            tag = {"font": "rFonts"}.get(key, key)
            old = rpr.find(qn(f"w:{tag}"))
            if old is not None:
                rpr.remove(old)
            el = OxmlElement(f"w:{tag}")
            if key == "font":
                for a in ("ascii", "hAnsi", "cs", "eastAsia"):
                    el.set(qn(f"w:{a}"), val)
            else:
                el.set(qn("w:val"), str(val))
            rpr.append(el)


def remove(p) -> None:  # type: ignore[no-untyped-def]
    p.getparent().remove(p)


def clone_after(p):  # type: ignore[no-untyped-def]
    new = copy.deepcopy(p)
    p.addnext(new)
    return new
