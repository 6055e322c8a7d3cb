"""Lines a PDF page breaks where the DOCX did not: a wrapped quarter ("Quý" | "III/2023);") is not a Roman
heading, and a form's number printed on one line with its title ("Biểu mẫu 2 Cải cách thể chế") still starts
that form (the PDF round trip of a CCHC report, issue 20 item 3)."""

from __future__ import annotations

from cchc_docgen.importer.blocks import Cell, Table, para
from cchc_docgen.importer.patterns import marker
from cchc_docgen.importer.report_forms import take_forms


def test_a_wrapped_quarter_is_not_a_roman_heading() -> None:
    assert marker("III/2023);") is None
    assert marker("II / 2024 và các năm sau") is None
    assert marker("III/ NỘI DUNG")[0] == "roman"  # type: ignore[index]  # the slash style of headings stays
    assert marker("II. NHIỆM VỤ")[0] == "roman"  # type: ignore[index]


def _form(rows: list[tuple[str, str]]) -> Table:
    head = [Cell([t], plain=[t]) for t in ("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú")]
    body = [[Cell([t], plain=[t] if t else []) for t in (stt, "Chỉ tiêu", "Văn bản", value, "")]
            for stt, value in rows]
    return Table([head, *body], "trang 1, bảng 1")


def test_a_form_number_on_one_line_with_its_title_starts_that_form() -> None:
    zone = [para("PHỤ LỤC I", "trang 1"),
            para("BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2023", "trang 1"),
            para("Biểu mẫu 1 Công tác chỉ đạo điều hành CCHC", "trang 1"), _form([("1", "14")]),
            para("Biểu mẫu 2 Cải cách thể chế", "trang 2"), _form([("1.1", "3")])]
    rest, report = take_forms(zone)
    assert rest == []
    assert report is not None
    assert report["figures"]["bm1"] == {"1": 14}
    assert report["figures"]["bm2"] == {"1.1": 3}
