"""The broken-document corpus: each mutation breaks exactly one NĐ30 rule of a good document."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm
from gooddoc import CAPTION, find_p, paragraphs, remove, set_runs, set_text

Mutation = Callable[[DocxDocument], None]


def _text(p) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def body_paras(doc: DocxDocument):  # type: ignore[no-untyped-def]
    return [p._p for p in doc.paragraphs if p.style is not None and p.style.name == "ND30Body"]


def wrong_font(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "Công tác tuyên truyền"), font="Arial")


def body_12pt(doc: DocxDocument) -> None:
    for p in body_paras(doc):
        set_runs(p, sz=24)


def letter_paper(doc: DocxDocument) -> None:
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(215.9), Mm(279.4)


def margins_10mm(doc: DocxDocument) -> None:
    s = doc.sections[0]
    s.top_margin = s.bottom_margin = s.left_margin = s.right_margin = Mm(10)


def tn_en_dash(doc: DocxDocument) -> None:
    set_text(find_p(doc, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")


def qh_missing(doc: DocxDocument) -> None:
    set_text(find_p(doc, "CỘNG HÒA"), "")


def qh_not_bold(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "CỘNG HÒA"), b=0)


def date_no_zero(doc: DocxDocument) -> None:
    set_text(find_p(doc, "Hưng Yên, ngày"), "Hưng Yên, ngày 4 tháng 1 năm 2022")
    for p in paragraphs(doc):
        if _text(p).startswith("(Kèm theo"):
            set_text(p, CAPTION.replace("ngày 04 tháng 01", "ngày 4 tháng 1"))


def number_no_zero(doc: DocxDocument) -> None:
    set_text(find_p(doc, "Số:"), "Số: 7/KH-SGDĐT")
    for p in paragraphs(doc):
        if _text(p).startswith("(Kèm theo"):
            set_text(p, CAPTION.replace("số 07/", "số 7/"))


def point_f(doc: DocxDocument) -> None:
    p = find_p(doc, "g) ")
    set_text(p, "f)" + _text(p)[2:])


def point_d_twice(doc: DocxDocument) -> None:
    p = find_p(doc, "đ) ")
    set_text(p, "d)" + _text(p)[2:])


def roman_skipped(doc: DocxDocument) -> None:
    set_text(find_p(doc, "III. KINH PHÍ"), "IV. KINH PHÍ")
    set_text(find_p(doc, "IV. TỔ CHỨC"), "V. TỔ CHỨC THỰC HIỆN")


def noi_nhan_not_italic(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "Nơi nhận"), i=0)


def no_luu(doc: DocxDocument) -> None:
    remove(find_p(doc, "- Lưu:"))
    set_text(find_p(doc, "- Các phòng"), "- Các phòng thuộc Sở.")


def no_page_number(doc: DocxDocument) -> None:
    hdr = doc.sections[0].header._element
    for p in list(hdr.iter(qn("w:p"))):
        for r in list(p.iter(qn("w:r"))):
            r.getparent().remove(r)


def page_number_on_page_1(doc: DocxDocument) -> None:
    tpg = doc.sections[0]._sectPr.find(qn("w:titlePg"))
    tpg.getparent().remove(tpg)


def caption_other_number(doc: DocxDocument) -> None:
    set_text(find_p(doc, "(Kèm theo", 1), CAPTION.replace("số 07/", "số 08/"))


def caption_other_year(doc: DocxDocument) -> None:
    set_text(find_p(doc, "(Kèm theo"), CAPTION.replace("năm 2022", "năm 2021"))


def wrong_type_abbr(doc: DocxDocument) -> None:
    set_text(find_p(doc, "Số:"), "Số: 07/BC-SGDĐT")
    for p in paragraphs(doc):
        if _text(p).startswith("(Kèm theo"):
            set_text(p, CAPTION.replace("/KH-", "/BC-"))


def month_zero_padded(doc: DocxDocument) -> None:
    set_text(find_p(doc, "Hưng Yên, ngày"), "Hưng Yên, ngày 04 tháng 03 năm 2022")
    for p in paragraphs(doc):
        if _text(p).startswith("(Kèm theo"):
            set_text(p, CAPTION.replace("tháng 01", "tháng 3"))


def can_cu_not_italic(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "Căn cứ Nghị định"), i=0)


def no_end_mark(doc: DocxDocument) -> None:
    p = find_p(doc, "Trên đây là")
    set_text(p, _text(p).replace("./.", "."))


def issuer_not_bold(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "SỞ GIÁO DỤC"), b=0)


def tn_rule_missing(doc: DocxDocument) -> None:
    remove(find_p(doc, "_" * 24))


def summary_rule_too_long(doc: DocxDocument) -> None:
    set_text(find_p(doc, "_" * 25, exact=True), "_" * 40)


def type_not_bold(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "KẾ HOẠCH"), b=0)


def body_left_aligned(doc: DocxDocument) -> None:
    doc.styles["ND30Body"].paragraph_format.alignment = 0


def signer_with_title(doc: DocxDocument) -> None:
    set_text(find_p(doc, "Nguyễn Văn An"), "TS. Nguyễn Văn An")


def signature_space_short(doc: DocxDocument) -> None:
    name = find_p(doc, "Nguyễn Văn An")
    for _ in range(2):
        remove(name.getprevious())


def qh_12_pt(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "CỘNG HÒA"), sz=24)


def appendix_not_referenced(doc: DocxDocument) -> None:
    set_text(find_p(doc, "2. Các phòng"), "2. Các phòng thuộc Sở báo cáo kết quả theo mẫu kèm theo.")


def appendix_same_section(doc: DocxDocument) -> None:
    sect = doc.sections[1]._sectPr
    sect.getparent().remove(sect)


def appendix_first_page_numbered(doc: DocxDocument) -> None:
    tpg = doc.sections[2]._sectPr.find(qn("w:titlePg"))
    tpg.getparent().remove(tpg)


def recipient_no_semicolon(doc: DocxDocument) -> None:
    set_text(find_p(doc, "- Các phòng"), "- Các phòng thuộc Sở")


def decomposed_text(doc: DocxDocument) -> None:
    p = find_p(doc, "Công tác tuyên truyền")
    set_text(p, unicodedata.normalize("NFD", _text(p)))


def red_text(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "Kinh phí thực hiện"), color="FF0000")


def theme_font(doc: DocxDocument) -> None:
    """docDefaults back to the theme font (Cambria): every run inherits it through rFonts asciiTheme."""
    rpr = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts"))
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")


def double_spacing(doc: DocxDocument) -> None:
    doc.styles["ND30Body"].paragraph_format.line_spacing = 2.0


def appendix_heading_not_bold(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "Phụ lục II"), b=0)


def appendix_wrong_numeral(doc: DocxDocument) -> None:
    set_text(find_p(doc, "Phụ lục II"), "Phụ lục III")
    set_text(find_p(doc, "2. Các phòng"), "2. Các phòng thuộc Sở báo cáo theo mẫu tại Phụ lục II, III kèm theo.")


def landscape_margins(doc: DocxDocument) -> None:
    doc.sections[1].bottom_margin = Mm(12)


def date_not_italic(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "Hưng Yên, ngày"), i=0)


def first_line_indent(doc: DocxDocument) -> None:
    doc.styles["ND30Body"].paragraph_format.first_line_indent = Mm(5)


def no_paragraph_gap(doc: DocxDocument) -> None:
    doc.styles["ND30Body"].paragraph_format.space_before = 0


def caption_other_issuer(doc: DocxDocument) -> None:
    set_text(find_p(doc, "(Kèm theo"), CAPTION.replace("của Sở Giáo dục và Đào tạo", "của Ủy ban nhân dân tỉnh"))


def signer_not_bold(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "KT. GIÁM ĐỐC"), b=0)


def entry_not_11pt(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "- Giám đốc"), sz=28)


def page_number_bold(doc: DocxDocument) -> None:
    for p in doc.sections[0].header._element.iter(qn("w:p")):
        set_runs(p, b=1)


def portrait_landscape_without_table(doc: DocxDocument) -> None:
    s = doc.sections[0]
    s.page_width, s.page_height = Mm(297), Mm(210)


def khoan_title_not_bold(doc: DocxDocument) -> None:
    set_runs(find_p(doc, "2. Yêu cầu"), b=0)


def tn_not_centred(doc: DocxDocument) -> None:
    p = find_p(doc, "Độc lập")
    jc = p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    jc.set(qn("w:val"), "left")


#: (name, mutation, expected rule ids)
CORPUS: list[tuple[str, Mutation, set[str]]] = [
    ("sai phông Arial", wrong_font, {"F1"}),
    ("nội dung cỡ 12", body_12pt, {"B1"}),
    ("khổ Letter", letter_paper, {"P1"}),
    ("lề 10 mm", margins_10mm, {"P2"}),
    ("gạch ngang dài trong Tiêu ngữ", tn_en_dash, {"H2"}),
    ("thiếu Quốc hiệu", qh_missing, {"H1"}),
    ("Quốc hiệu không đậm", qh_not_bold, {"H1"}),
    ("ngày 4 tháng 1", date_no_zero, {"D1"}),
    ("Số: 7/KH-SGDĐT", number_no_zero, {"N1"}),
    ("điểm f)", point_f, {"B3"}),
    ("d) hai lần", point_d_twice, {"B3"}),
    ("bỏ sót số La Mã", roman_skipped, {"B3"}),
    ("Nơi nhận không nghiêng", noi_nhan_not_italic, {"R1"}),
    ("thiếu Lưu: VT", no_luu, {"R2"}),
    ("không có số trang", no_page_number, {"P3"}),
    ("số trang ở trang 1", page_number_on_page_1, {"P3"}),
    ("phụ lục ghi sai số", caption_other_number, {"X1"}),
    ("phụ lục ghi sai năm", caption_other_year, {"X1"}),
    ("ký hiệu BC cho Kế hoạch", wrong_type_abbr, {"N2"}),
    ("tháng 03", month_zero_padded, {"D2"}),
    ("căn cứ không nghiêng", can_cu_not_italic, {"B2"}),
    ("thiếu ./.", no_end_mark, {"B4"}),
    ("tên cơ quan không đậm", issuer_not_bold, {"A1"}),
    ("thiếu đường kẻ dưới Tiêu ngữ", tn_rule_missing, {"H2"}),
    ("đường kẻ trích yếu quá dài", summary_rule_too_long, {"T1"}),
    ("tên loại không đậm", type_not_bold, {"T1"}),
    ("nội dung căn trái", body_left_aligned, {"B1"}),
    ("học vị trước tên", signer_with_title, {"S1"}),
    ("chỉ 2 dòng trống để ký", signature_space_short, {"S2"}),
    ("Quốc hiệu 12 với Tiêu ngữ 14", qh_12_pt, {"H3"}),
    ("không dẫn chiếu Phụ lục II", appendix_not_referenced, {"X2"}),
    ("hai phụ lục chung section", appendix_same_section, {"X3"}),
    ("trang đầu phụ lục có số", appendix_first_page_numbered, {"X3"}),
    ("nơi nhận thiếu dấu ;", recipient_no_semicolon, {"R2"}),
    ("Unicode tổ hợp", decomposed_text, {"F1"}),
    ("chữ màu đỏ", red_text, {"F1"}),
    ("phông theme Cambria", theme_font, {"F1"}),
    ("giãn dòng đôi", double_spacing, {"B1"}),
    ("dòng Phụ lục không đậm", appendix_heading_not_bold, {"X1"}),
    ("phụ lục đánh số sai", appendix_wrong_numeral, {"X1"}),
    ("lề trang ngang", landscape_margins, {"P2"}),
    ("ngày tháng không nghiêng", date_not_italic, {"D1"}),
    ("thụt đầu dòng 0,5 cm", first_line_indent, {"B1"}),
    ("không giãn đoạn", no_paragraph_gap, {"B1"}),
    ("phụ lục ghi sai cơ quan", caption_other_issuer, {"X1"}),
    ("chức vụ không đậm", signer_not_bold, {"S1"}),
    ("nơi nhận cỡ 14", entry_not_11pt, {"R2"}),
    ("số trang in đậm", page_number_bold, {"P3"}),
    ("trang ngang không có bảng", portrait_landscape_without_table, {"P1"}),
    ("tiêu đề khoản không đậm", khoan_title_not_bold, {"B3"}),
    ("Tiêu ngữ căn trái", tn_not_centred, {"H2"}),
]
