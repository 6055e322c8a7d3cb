"""What real office documents do, each on the good test document changed in one way (issue #7).

Drawn rules anchored in another paragraph, TAB-indented paragraphs, a drafter mark after the Lưu
line, a space before "Nơi nhận:", a Số line with a space before "/", "PHỤ LỤC" in capitals, legacy
page-number fonts, quyết định parts, công văn, documents outside NĐ30 and stand-alone appendices.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from gooddoc import CAPTION, CENTER, build_good, clone_after, find_p, paragraphs, remove, set_runs, set_text

from cchc_docgen.checker import CheckResult, Finding, check_document

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
EMU = 36000


def _check(doc: DocxDocument, tmp_path: Path, name: str = "x.docx") -> CheckResult:
    path = tmp_path / name
    doc.save(str(path))
    return check_document(path)


def _rules(res: CheckResult) -> set[str]:
    return {f.rule_id for f in res.findings}


def _of(res: CheckResult, rule: str) -> list[Finding]:
    return [f for f in res.findings if f.rule_id == rule]


def _line_run(x_mm: float, y_mm: float, length_mm: float) -> object:
    """A DrawingML straight line anchored in a paragraph, offsets from the column and the paragraph."""
    cx = int(length_mm * EMU)
    return parse_xml(
        f"<w:r {NS}><w:drawing><wp:anchor distT='0' distB='0' distL='0' distR='0' simplePos='0' "
        "relativeHeight='1' behindDoc='0' locked='0' layoutInCell='1' allowOverlap='1'>"
        "<wp:simplePos x='0' y='0'/>"
        f"<wp:positionH relativeFrom='column'><wp:posOffset>{int(x_mm * EMU)}</wp:posOffset></wp:positionH>"
        f"<wp:positionV relativeFrom='paragraph'><wp:posOffset>{int(y_mm * EMU)}</wp:posOffset></wp:positionV>"
        f"<wp:extent cx='{cx}' cy='0'/><wp:wrapNone/><wp:docPr id='9' name='Straight Connector 9'/>"
        "<a:graphic><a:graphicData uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>"
        f"<wps:wsp><wps:spPr><a:xfrm><a:off x='0' y='0'/><a:ext cx='{cx}' cy='0'/></a:xfrm>"
        "<a:prstGeom prst='line'><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def _vml_run(x_pt: float, y_pt: float, length_pt: float) -> object:
    return parse_xml(
        f"<w:r {NS}><w:pict><v:line style='position:absolute;mso-position-horizontal-relative:text;"
        f"mso-position-vertical-relative:text' from='{x_pt}pt,{y_pt}pt' to='{x_pt + length_pt}pt,{y_pt}pt'/>"
        "</w:pict></w:r>"
    )


def _tn_rule_drawn(doc: DocxDocument, run: object) -> None:
    """Replace the underscores under the Tiêu ngữ by a line anchored in the date line below."""
    remove(find_p(doc, "_" * 37))
    find_p(doc, "Hưng Yên, ngày").append(run)


def test_rule_drawn_as_shape_in_the_date_line_counts_under_the_tieu_ngu(tmp_path: Path) -> None:
    doc = build_good()
    _tn_rule_drawn(doc, _line_run(18, -1, 60))  # 60 mm, centred in the 100 mm column, just above the date
    assert _rules(_check(doc, tmp_path)) == set()


def test_rule_drawn_as_vml_line_is_measured(tmp_path: Path) -> None:
    doc = build_good()
    _tn_rule_drawn(doc, _vml_run(51, -3, 170))  # 170 pt = 60 mm
    assert _rules(_check(doc, tmp_path)) == set()


def test_drawn_rule_too_short_is_reported_with_its_length(tmp_path: Path) -> None:
    doc = build_good()
    _tn_rule_drawn(doc, _line_run(33, -1, 30))
    (finding,) = _of(_check(doc, tmp_path), "H2")
    assert "dài khoảng 30 mm" in finding.message


def test_drawn_rule_in_the_other_column_is_not_taken(tmp_path: Path) -> None:
    doc = build_good()
    remove(find_p(doc, "_" * 37))
    find_p(doc, "Số: 07").append(_line_run(20, -1, 60))  # under the issuer's column, not the Tiêu ngữ's
    assert any("Thiếu đường kẻ" in f.message for f in _of(_check(doc, tmp_path), "H2"))


def _tab_first(doc: DocxDocument, start: str, tab_stop_twips: int | None = None) -> None:
    p = find_p(doc, start)
    ppr = p.find(qn("w:pPr"))
    ind = OxmlElement("w:ind")
    ind.set(qn("w:firstLine"), "0")
    ppr.append(ind)
    if tab_stop_twips:
        tabs = OxmlElement("w:tabs")
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), "left")
        tab.set(qn("w:pos"), str(tab_stop_twips))
        tabs.append(tab)
        ppr.insert(0, tabs)
    first_run = p.find(qn("w:r"))
    first_run.insert(1, OxmlElement("w:tab"))


def test_paragraph_indented_with_a_tab_is_indented_by_the_tab_stop(tmp_path: Path) -> None:
    doc = build_good()
    _tab_first(doc, "Công tác tuyên truyền phải")  # default tab stop 1.27 cm
    assert _rules(_check(doc, tmp_path)) == set()
    doc = build_good()
    _tab_first(doc, "Công tác tuyên truyền phải", tab_stop_twips=1134)  # 2 cm
    (finding,) = _of(_check(doc, tmp_path), "B1")
    assert "2,00 cm" in finding.message


def _last_entry(doc: DocxDocument, text: str, mark: str = "", half_points: int = 22) -> None:
    p = find_p(doc, "- Lưu")
    set_text(p, text)
    if mark:
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(half_points))
        rpr.append(sz)
        r.append(rpr)
        t = OxmlElement("w:t")
        t.text = mark
        r.append(t)
        p.append(r)


def test_drafter_mark_after_the_luu_line_is_normal(tmp_path: Path) -> None:
    """Mẫu 1.4 puts ô 12 (drafter's mark, copies) right after "- Lưu: VT, …."; like the entry it is 11 pt."""
    for text, mark in (("- Lưu: VT, VP.", "Châu"), ("- Lưu: VT, NC", ".Châu(04b)"), ("- Lưu: VT, VP, PL.(300).", "")):
        doc = build_good()
        _last_entry(doc, text, mark)
        assert _rules(_check(doc, tmp_path)) == set(), (text, mark)


def test_a_drafter_mark_smaller_than_11_pt_is_reported(tmp_path: Path) -> None:
    doc = build_good()
    _last_entry(doc, "- Lưu: VT, VP.", "Châu", half_points=12)
    (finding,) = _of(_check(doc, tmp_path), "R2")
    assert "11 pt" in finding.message


def test_luu_line_without_final_dot_is_reported(tmp_path: Path) -> None:
    doc = build_good()
    _last_entry(doc, "- Lưu: VT, VP")
    assert _rules(_check(doc, tmp_path)) == {"R2"}


def test_leading_space_before_noi_nhan_does_not_move_it(tmp_path: Path) -> None:
    doc = build_good()
    set_text(find_p(doc, "Nơi nhận"), " Nơi nhận:")
    assert _rules(_check(doc, tmp_path)) == set()


def test_so_with_a_space_before_the_slash_is_malformed_not_missing(tmp_path: Path) -> None:
    doc = build_good()
    set_text(find_p(doc, "Số:"), "Số: 07 /KH-SGDĐT")
    (finding,) = _of(_check(doc, tmp_path), "N1")
    assert "sai mẫu" in finding.message and "07 /KH" in finding.excerpt


def test_phu_luc_in_capitals_is_reported(tmp_path: Path) -> None:
    doc = build_good()
    set_text(find_p(doc, "Phụ lục I", exact=True), "PHỤ LỤC I")
    (finding,) = _of(_check(doc, tmp_path), "X1")
    assert "IN HOA" in finding.message and "“Phụ lục I”" in finding.fix


def test_appendix_page_numbering_that_does_not_restart(tmp_path: Path) -> None:
    doc = build_good()
    sect = doc.sections[1]._sectPr
    sect.remove(sect.find(qn("w:pgNumType")))
    (finding,) = _of(_check(doc, tmp_path), "X1")
    assert "đánh lại từ 1" in finding.message


def _header_font(doc: DocxDocument, font: str) -> None:
    for r in doc.sections[0].header.paragraphs[0]._p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        fonts = OxmlElement("w:rFonts")
        for a in ("ascii", "hAnsi"):
            fonts.set(qn(f"w:{a}"), font)
        rpr.insert(0, fonts)


def test_page_number_in_a_legacy_tcvn3_font_is_reported(tmp_path: Path) -> None:
    doc = build_good()
    _header_font(doc, ".VnTime")
    (finding,) = _of(_check(doc, tmp_path), "F1")
    assert "số trang" in finding.location and "TCVN3" in finding.message


def test_quyet_dinh_parts_are_not_body_or_signer(tmp_path: Path) -> None:
    doc = build_good()
    set_text(find_p(doc, "KẾ HOẠCH"), "QUYẾT ĐỊNH")
    set_text(find_p(doc, "Tuyên truyền cải cách"), "Ban hành Kế hoạch tuyên truyền năm 2022")
    set_text(find_p(doc, "Số:"), "Số: 07/QĐ-SGDĐT")
    for p in paragraphs(doc):
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith("(Kèm theo"):
            set_text(p, CAPTION.replace("Kế hoạch số 07/KH-", "Quyết định số 07/QĐ-"))
    authority = clone_after(find_p(doc, "_" * 25, exact=True))
    set_text(authority, "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    set_runs(authority, b=1, sz=28)
    marker = clone_after(find_p(doc, "Sở Giáo dục và Đào tạo xây dựng"))
    set_text(marker, "QUYẾT ĐỊNH:")
    set_runs(marker, b=1)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "center")
    marker.find(qn("w:pPr")).append(jc)
    res = _check(doc, tmp_path)
    assert res.kind == "typed"
    assert _rules(res) == set(), [f.message for f in res.findings]


def _cong_van(doc: DocxDocument, first_recipient_nhu_tren: bool) -> None:
    remove(find_p(doc, "KẾ HOẠCH", exact=True))
    remove(find_p(doc, "Tuyên truyền cải cách hành chính năm 2022", exact=True))
    remove(find_p(doc, "_" * 25, exact=True))
    vv = clone_after(find_p(doc, "Số:"))
    set_text(vv, "V/v tuyên truyền cải cách hành chính")
    set_runs(vv, sz=26)
    kg = clone_after(find_p(doc, "Căn cứ Kế hoạch số 21"))
    set_text(kg, "Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.")
    set_runs(kg, i=0)
    body = find_p(doc, "Căn cứ Nghị định số 30")
    body.addprevious(kg)
    if first_recipient_nhu_tren:
        set_text(clone_after(find_p(doc, "Nơi nhận")), "- Như trên;")
        set_runs(find_p(doc, "- Như trên"), b=0, i=0, sz=22)


def test_cong_van_needs_nhu_tren_first_when_it_has_kinh_gui(tmp_path: Path) -> None:
    doc = build_good()
    _cong_van(doc, first_recipient_nhu_tren=False)
    res = _check(doc, tmp_path)
    assert res.kind == "cong_van"
    assert any("Như trên" in f.message for f in _of(res, "R3"))
    assert "T1" not in _rules(res)
    doc = build_good()
    _cong_van(doc, first_recipient_nhu_tren=True)
    assert "R3" not in _rules(_check(doc, tmp_path))


def test_speech_and_petition_are_outside_nd30(tmp_path: Path) -> None:
    speech = Document()
    speech.add_paragraph("BÀI PHÁT BIỂU").alignment = CENTER
    speech.add_paragraph("Kính thưa các đồng chí lãnh đạo, thưa toàn thể hội nghị,")
    speech.add_paragraph("1. Tình hình chung")
    res = _check(speech, tmp_path, "speech.docx")
    assert res.kind == "outside" and res.findings == [] and "BÀI PHÁT BIỂU" in res.note
    petition = Document()
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐƠN ĐỀ NGHỊ", "Kính gửi: …"):
        petition.add_paragraph(text).alignment = CENTER
    res = _check(petition, tmp_path, "don.docx")
    assert res.kind == "outside" and res.findings == []


def test_stand_alone_appendix_is_checked_as_an_appendix(tmp_path: Path) -> None:
    doc = Document()
    for text, size, bold, italic in (
        ("Phụ lục", 14, True, False),
        ("DANH MỤC NHIỆM VỤ", 14, True, False),
        (CAPTION, 14, False, True),
    ):
        p = doc.add_paragraph()
        p.alignment = CENTER
        run = p.add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold or None, italic or None
    res = _check(doc, tmp_path, "phu_luc.docx")
    assert res.kind == "appendix"
    assert not _rules(res) & {"H1", "H2", "A1", "N1", "D1", "T1", "S1", "R1", "X2"}


def _typed(doc: DocxDocument, parts: list[tuple[str, float, bool, bool]], align=None, first_line=None):  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if first_line is not None:
        p.paragraph_format.first_line_indent = first_line
    for text, size, bold, italic in parts:
        run = p.add_run(text)
        run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, italic
    return p


def test_cong_van_typed_with_tabs_finds_its_v_v_line(tmp_path: Path) -> None:
    from docx.shared import Mm

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    _typed(
        doc,
        [
            ("ỦY BAN NHÂN DÂN", 13, True, False),
            ("\t\t", 13, False, False),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False),
        ],
    )
    _typed(
        doc,
        [
            ("TỈNH HƯNG YÊN", 13, True, False),
            ("\t\t", 13, False, False),
            ("Độc lập - Tự do - Hạnh phúc", 14, True, False),
        ],
    )
    _typed(
        doc,
        [
            ("Số: 15/UBND-VX", 13, False, False),
            ("\t\t", 13, False, False),
            ("Hưng Yên, ngày 04 tháng 3 năm 2025", 14, False, True),
        ],
    )
    _typed(doc, [("V/v tuyên truyền cải cách hành chính", 12, False, False)])
    _typed(doc, [("Kính gửi: Sở Giáo dục và Đào tạo.", 14, False, False)], align=CENTER)
    _typed(doc, [("Ủy ban nhân dân tỉnh đề nghị Sở Giáo dục và Đào tạo triển khai tuyên truyền./.", 14, False, False)])
    res = _check(doc, tmp_path, "cv.docx")
    assert res.kind == "cong_van"
    assert not any("V/v" in f.message and "thiếu" in f.message for f in _of(res, "T1"))
    assert not any("Ủy ban nhân dân tỉnh đề nghị" in f.excerpt for f in res.findings if f.rule_id in ("H1", "A1", "N1"))


def test_document_issued_with_a_decision_is_not_an_appendix(tmp_path: Path) -> None:
    doc = build_good()
    heading = find_p(doc, "Phụ lục II", exact=True)
    set_text(heading, "QUY CHẾ")
    caption = find_p(doc, "(Kèm theo", nth=1)
    set_text(
        caption, "(Ban hành kèm theo Kế hoạch số 07/KH-SGDĐT ngày 04 tháng 01 năm 2022 của Sở Giáo dục và Đào tạo)"
    )
    res = _check(doc, tmp_path)
    assert _rules(res) <= {"X2"} and not any("Phụ lục II" in f.message for f in res.findings)


def test_one_line_left_aligned_paragraph_reads_as_justified(tmp_path: Path) -> None:
    doc = build_good()
    p = find_p(doc, "Kinh phí thực hiện từ nguồn")
    ppr = p.find(qn("w:pPr"))
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "left")
    ppr.append(jc)
    assert _rules(_check(doc, tmp_path)) == set()
    set_text(
        p,
        "Kinh phí thực hiện từ nguồn ngân sách nhà nước giao cho Sở năm 2022, nguồn xã hội hóa "
        "và các nguồn hợp pháp khác theo quy định của pháp luật hiện hành.",
    )
    (finding,) = _of(_check(doc, tmp_path), "B1")
    assert "căn đều" in finding.message


def test_default_tab_stop_comes_from_the_document_settings(tmp_path: Path) -> None:
    doc = build_good()
    stop = doc.settings.element.find(qn("w:defaultTabStop"))
    if stop is None:
        stop = OxmlElement("w:defaultTabStop")
        doc.settings.element.append(stop)
    stop.set(qn("w:val"), "850")  # 1.5 cm
    _tab_first(doc, "Công tác tuyên truyền phải")
    (finding,) = _of(_check(doc, tmp_path), "B1")
    assert "1,50 cm" in finding.message


def test_appendix_of_a_decision_by_the_chairman_names_the_chairman(tmp_path: Path) -> None:
    doc = build_good()
    set_text(find_p(doc, "KẾ HOẠCH"), "QUYẾT ĐỊNH")
    set_text(find_p(doc, "Tuyên truyền cải cách"), "Ban hành Kế hoạch tuyên truyền năm 2022")
    set_text(find_p(doc, "Số:"), "Số: 07/QĐ-SGDĐT")
    authority = clone_after(find_p(doc, "_" * 25, exact=True))
    set_text(authority, "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    set_runs(authority, b=1, sz=28)
    for p in paragraphs(doc):
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith("(Kèm theo"):
            set_text(
                p, CAPTION.replace("Kế hoạch số 07/KH-", "Quyết định số 07/QĐ-").replace("của Sở", "của Giám đốc Sở")
            )
    assert "X1" not in _rules(_check(doc, tmp_path))
