"""Pure formatting decisions: numbering, dates, symbols, upper-casing, inline markup, recipients, signer."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_docgen.context import closing, dates, numbering, symbols
from cchc_docgen.context.rules import Rule, motto_rule, rule_under, text_width_mm
from cchc_docgen.context.text import Run, end_with, parse_inline, upper_vi
from cchc_docgen.models import Archive, DocDate, Recipient, Signer


def test_point_letters_follow_the_vietnamese_sequence() -> None:
    letters = [numbering.point_letter(i) for i in range(1, 24)]
    assert "".join(letters) == "abcdđeghiklmnopqrstuvxy"
    assert not {"f", "j", "w", "z"} & set(letters)
    assert numbering.point_letter(24) == "aa"


@pytest.mark.parametrize(("n", "text"), [(1, "I"), (4, "IV"), (7, "VII"), (9, "IX"), (14, "XIV"), (40, "XL")])
def test_roman(n: int, text: str) -> None:
    assert numbering.roman(n) == text


def test_labels_by_style() -> None:
    assert numbering.label("roman", 3) == "III."
    assert numbering.label("decimal", 2) == "2."
    assert numbering.label("nested", 1, "2") == "2.1."
    assert numbering.label("letter", 6) == "e)"
    assert numbering.label("letter", 7) == "g)"
    assert numbering.label("dash", 9) == "-"
    assert numbering.label("plus", 1) == "+"
    assert numbering.label("none", 1) == ""


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2022, 1, 4), "ngày 04 tháng 01 năm 2022"),
        (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (dt.date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
        (dt.date(2010, 2, 8), "ngày 08 tháng 02 năm 2010"),
        (dt.date(2023, 12, 31), "ngày 31 tháng 12 năm 2023"),
    ],
)
def test_nd30_dates(date: dt.date, text: str) -> None:
    assert dates.long_date(DocDate.model_validate(date)) == text


def test_draft_date_leaves_blanks() -> None:
    line = dates.date_line("Hải Phòng", DocDate(year=2023, month=3))
    assert line.startswith("Hải Phòng, ngày ") and line.endswith(" tháng 3 năm 2023")
    assert "\u00a0" in line  # a visible gap for the day


def test_number_line_pads_and_builds_the_symbol() -> None:
    assert symbols.number_line(7, "KH", "SGDĐT") == "Số: 07/KH-SGDĐT"
    assert symbols.number_line(123, "BC", "PGDĐT") == "Số: 123/BC-PGDĐT"
    draft = symbols.number_line(None, "KH", "SGDĐT")
    assert draft.startswith("Số: ") and draft.endswith("/KH-SGDĐT") and "\u00a0" in draft


def test_upper_vi_handles_vietnamese_and_decomposed_input() -> None:
    assert upper_vi("Sở Giáo dục và Đào tạo") == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    decomposed = "tr\u01b0\u01a1\u0300ng ma\u0302\u0300m non"  # 'trường mầm non' with combining marks
    assert upper_vi(decomposed) == "TRƯỜNG MẦM NON"
    assert upper_vi("Phòng GD&ĐT") == "PHÒNG GD&ĐT"


def test_inline_markup() -> None:
    assert parse_inline("a **b** *c* d") == [Run("a "), Run("b", bold=True), Run(" "), Run("c", italic=True), Run(" d")]
    # markers and bullets stay literal
    assert parse_inline("Sở GD&ĐT (*)") == [Run("Sở GD&ĐT (*)")]
    assert parse_inline("* Quy mô: 03 cuộc") == [Run("* Quy mô: 03 cuộc")]
    assert parse_inline(r"a \*b\* c") == [Run("a *b* c")]
    assert parse_inline("Ngành[^1].") == [Run("Ngành"), Run("", footnote="1"), Run(".")]


def test_end_with_replaces_trailing_punctuation() -> None:
    assert end_with("Căn cứ Luật;", ".") == "Căn cứ Luật."
    assert end_with("xem xét, quyết định.", "./.") == "xem xét, quyết định./."
    assert end_with("quyết định./.", "./.") == "quyết định./."
    assert end_with("(Chi tiết tại phụ lục kèm theo)", "./.") == "(Chi tiết tại phụ lục kèm theo)./."


def test_recipients_are_punctuated_and_archived() -> None:
    lines = closing.recipient_lines(
        [Recipient(name="UBND tỉnh;"), Recipient(name="Sở Nội vụ", note="(để b/c)")], Archive(units=["VP"]), False
    )
    assert lines == ["- UBND tỉnh;", "- Sở Nội vụ (để b/c);", "- Lưu: VT, VP."]
    assert closing.recipient_lines([], Archive(), True) == ["- Như trên;", "- Lưu: VT."]
    assert closing.archive_line(Archive(units=["HC"], copies=2)) == "- Lưu: VT, HC (2)."


def test_signer_forms() -> None:
    kt = Signer(authority="KT", head_title="Giám đốc", title="Phó Giám đốc", name="Đỗ Văn Khải")
    assert closing.signer_lines(kt) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    tm_kt = Signer(authority="TM+KT", collective="Ủy ban nhân dân", head_title="Chủ tịch", title="Phó Chủ tịch",
                   name="A")
    assert closing.signer_lines(tm_kt) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert closing.signer_lines(Signer(title="Hiệu trưởng", name="Lê Thị Lành")) == ["HIỆU TRƯỞNG"]
    assert closing.signer_lines(Signer(authority="Q", head_title="Giám đốc", name="B")) == ["Q. GIÁM ĐỐC"]


def test_addressees() -> None:
    assert closing.addressee_lines(["Ủy ban nhân dân tỉnh"]) == ["Kính gửi: Ủy ban nhân dân tỉnh."]
    assert closing.addressee_lines(["A", "B;"]) == ["Kính gửi:", "- A;", "- B."]


def test_rule_lengths_follow_text_width() -> None:
    motto = text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    assert 55 < motto < 66  # ≈ 60.5 mm (spec §4.1)
    assert motto_rule().length_mm == motto
    # a rule is centred in its column: equal indents leave exactly its length between them
    rule = Rule(60.0, 100.0)
    assert rule.indent_twips == round(20 * 1440 / 25.4)
    assert f'w:left="{rule.indent_twips}" w:right="{rule.indent_twips}"' in rule.xml()
    assert 'w:pStyle w:val="ND30Rule"' in rule.xml()
    name = rule_under(["SỞ GIÁO DỤC VÀ ĐÀO TẠO"], 13, True, 0.42, 68.0)
    assert name.length_mm == text_width_mm("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 13, True) * 0.42
    # a line wider than its column counts as the column's width; a rule never gets negative indents
    assert rule_under(["X" * 200], 14, True, 0.5, 165.0).length_mm == 82.5
    assert Rule(200.0, 165.0).indent_twips == 0
    # the rule under an appendix caption keeps the table below it off the line
    assert '<w:spacing w:after="240"/>' in Rule(40.0, 252.0, after_twips=240).xml()
    assert "w:spacing" not in Rule(40.0, 252.0).xml()


def test_row_height_estimate_keeps_rows_that_fit_on_a_page() -> None:
    from cchc_docgen.context.rowheight import HEADER_ROOM_PT, LINE_PT, PT_PER_MM, cell_height_pt, fits_on_page, lines_of

    assert lines_of("Văn phòng", 40) == 1
    words = "rà soát cập nhật công khai thủ tục hành chính " * 10
    assert lines_of(words, 40) > lines_of(words, 120) >= 3  # narrower column, more lines
    assert lines_of("x" * 400, 30) >= 10  # one word longer than the column still wraps
    assert cell_height_pt(["a", "b"], 50) == 2 * (LINE_PT + 4)
    page = 170 * PT_PER_MM - HEADER_ROOM_PT
    lines_per_page = int(page // (LINE_PT + 4))
    assert fits_on_page([(["Nhiệm vụ"] * lines_per_page, 130)], landscape=True)
    assert not fits_on_page([(["Nhiệm vụ"] * (lines_per_page + 1), 130)], landscape=True)
    # the same row fits on a portrait page (257 mm tall)
    assert fits_on_page([(["Nhiệm vụ"] * (lines_per_page + 1), 130)], landscape=False)
