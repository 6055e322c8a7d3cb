"""A document typed by hand: header with tabs, no tables, direct formatting instead of styles."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from cchc_docgen.checker import check_docx

C, L = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def _p(doc, parts, align=None, first_line=None, before=None):  # type: ignore[no-untyped-def]
    """``parts`` = [(text, size, bold, italic)], all with direct Times New Roman formatting."""
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if first_line is not None:
        p.paragraph_format.first_line_indent = first_line
    if before is not None:
        p.paragraph_format.space_before = before
    for text, size, bold, italic in parts:
        r = p.add_run(text)
        r.font.name = "Times New Roman"
        r.font.size = Pt(size)
        r.bold, r.italic = bold, italic
    return p


def build_handtyped(path: Path) -> Path:
    doc = Document()  # python-docx defaults: Cambria (theme) 11 pt, Letter paper
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)  # A4, but Word's default 1"/1.25" margins
    _p(
        doc,
        [
            ("UBND TỈNH HƯNG YÊN", 13, False, False),
            ("\t\t", 13, False, False),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False),
        ],
    )
    _p(
        doc,
        [
            ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 13, True, False),
            ("\t\t", 13, False, False),
            ("Độc lập - Tự do - Hạnh phúc", 14, True, False),
        ],
    )
    _p(doc, [("\t__________\t\t", 13, False, False), ("________________________", 14, False, False)])
    _p(
        doc,
        [
            ("Số: 07/KH-SGDĐT", 13, False, False),
            ("\t\t", 13, False, False),
            ("Hưng Yên, ngày 04 tháng 01 năm 2022", 14, False, True),
        ],
    )
    _p(doc, [("KẾ HOẠCH", 14, True, False)], C)
    _p(doc, [("Tuyên truyền cải cách hành chính năm 2022", 14, True, False)], C)
    _p(doc, [("________________", 14, False, False)], C)
    body = [
        ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ.", False, True),
        ("Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:", False, False),
        ("I. MỤC ĐÍCH, YÊU CẦU", True, False),
        ("1. Mục đích", True, False),
        ("Nâng cao nhận thức về cải cách hành chính.", False, False),
        ("II. NỘI DUNG", True, False),
        ("a) Cải cách thể chế;", False, False),
        ("b) Cải cách thủ tục hành chính;", False, False),
        ("c) Cải cách tổ chức bộ máy;", False, False),
        ("d) Cải cách chế độ công vụ;", False, False),
        ("e) Cải cách tài chính công;", False, False),
        ("f) Chính phủ số.", False, False),
        ("Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2022./.", False, False),
    ]
    for text, bold, italic in body:
        _p(doc, [(text, 14, bold, italic)], L, Mm(12.7), Pt(6))
    _p(doc, [])
    for text in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"):
        _p(doc, [(text, 14, True, False)], C)
    for _ in range(4):
        _p(doc, [], C)
    _p(doc, [("Nguyễn Văn An", 14, True, False)], C)
    _p(doc, [("Nơi nhận:", 12, True, True)])
    _p(doc, [("- UBND tỉnh;", 11, False, False)])
    _p(doc, [("- Lưu: VT, VP.", 11, False, False)])
    doc.save(str(path))
    return path


def test_handtyped_document_is_checked_sensibly(tmp_path: Path) -> None:
    findings = check_docx(build_handtyped(tmp_path / "go_tay.docx"))
    by_rule: dict[str, list[str]] = {}
    for f in findings:
        by_rule.setdefault(f.rule_id, []).append(f.message)
    # the elements were all found although the header is typed with tabs
    assert not [f for f in findings if f.message.startswith("Không tìm thấy")], findings
    # real faults of this document
    assert any("lề phải 31,7 mm" in m for m in by_rule["P2"])
    assert by_rule["P3"] == ["Văn bản không có số trang."]
    assert any("căn đều hai bên" in m for m in by_rule["B1"])
    assert any("“f)”" in m for m in by_rule["B3"]) and any("thiếu đ)" in m for m in by_rule["B3"])
    assert any("ngang hàng" in m for m in by_rule["R1"])
    # what it does right is not reported: direct TNR overrides the Cambria theme default, sizes, styles
    for ok in ("F1", "H1", "H2", "A1", "N1", "N2", "D1", "T1", "S1", "S2", "R2", "X1", "X2"):
        assert ok not in by_rule, (ok, by_rule.get(ok))
