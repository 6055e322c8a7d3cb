"""Messages that teach: the exact Vietnamese text a user sees for common slips, and input as people type it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_docgen.cli import main
from cchc_docgen.context import build_context
from cchc_docgen.loader import load_document

BLANK = "\u00a0" * 6  # what a draft prints where the day or month is not known yet
PLAN = """\
issuer: {name: Sở Giáo dục và Đào tạo, abbreviation: SGDĐT, place: Hưng Yên}
number: 12
date: 2024-03-16
title: Tuyên truyền cải cách hành chính năm 2024
body:
  - Nội dung (chi tiết tại Phụ lục).
signer: {authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Nguyễn Văn An}
recipients:
  - UBND tỉnh
  - Sở Nội vụ
archive: VP
"""


def _write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    plan = tmp_path / name
    plan.write_text(text, encoding="utf-8")
    return plan


def _validate(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *flags: str) -> tuple[int, list[str]]:
    plan = _write(tmp_path, text)
    code = main(["validate", *flags, str(plan)])
    err = capsys.readouterr().err
    return code, [line.replace(str(plan), "p.yaml") for line in err.splitlines()]


# dates as people type them


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("01/12/2025", "Hưng Yên, ngày 01 tháng 12 năm 2025"),
        ("16/3/2024", "Hưng Yên, ngày 16 tháng 3 năm 2024"),
        ("5/02/2024", "Hưng Yên, ngày 05 tháng 02 năm 2024"),
        ("2024-03-16", "Hưng Yên, ngày 16 tháng 3 năm 2024"),
        ("'2024-03-16'", "Hưng Yên, ngày 16 tháng 3 năm 2024"),
        ("3/2024", f"Hưng Yên, ngày {BLANK} tháng 3 năm 2024"),
        ("2024", f"Hưng Yên, ngày {BLANK} tháng {BLANK} năm 2024"),
        ("{year: 2024}", f"Hưng Yên, ngày {BLANK} tháng {BLANK} năm 2024"),
    ],
)
def test_dates_as_people_type_them(tmp_path: Path, typed: str, printed: str) -> None:
    doc = load_document(_write(tmp_path, PLAN.replace("date: 2024-03-16", f"date: {typed}")))
    assert build_context(doc)["date"] == printed


FORMS = ("Hãy viết ngày theo dạng NĂM-THÁNG-NGÀY (dạng chuẩn), ví dụ 'date: 2025-12-01', hoặc NGÀY/THÁNG/NĂM, "
         "ví dụ 'date: 01/12/2025'; dự thảo chưa có ngày thì viết 'date: 12/2025' hoặc 'date: 2025'.")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ngày 16 tháng 3", f"'ngày 16 tháng 3' không phải là một ngày. {FORMS}"),
        ("16/3/24", f"'16/3/24': năm phải viết đủ 4 chữ số, ví dụ '16/3/2024'. {FORMS}"),
        ("31/02/2024", f"ngày '31/02/2024' không có trên lịch; hãy sửa lại ngày, tháng. {FORMS}"),
        ("13/2024", f"ngày '13/2024' không có trên lịch; hãy sửa lại ngày, tháng. {FORMS}"),
    ],
)
def test_a_date_that_is_not_a_date_says_how_to_write_it(tmp_path: Path, capsys, typed: str, message: str) -> None:
    code, err = _validate(tmp_path, capsys, PLAN.replace("date: 2024-03-16", f"date: {typed}"))
    assert code == 1
    assert err == [f"cchc-docgen: lỗi: p.yaml:3: [date] {message}"]


# messages that teach


def test_unquoted_colon_in_a_recipient_says_to_quote(tmp_path: Path, capsys) -> None:
    code, err = _validate(tmp_path, capsys, PLAN.replace("  - Sở Nội vụ\n", "  - Sở Nội vụ: để báo cáo\n"))
    assert code == 1
    assert err == [
        "cchc-docgen: lỗi: p.yaml:10: [recipients[2]] dòng chữ 'Sở Nội vụ: để báo cáo' có dấu ': ' nên YAML hiểu "
        "nhầm thành một cặp 'khóa: giá trị'. Hãy đặt cả dòng chữ trong ngoặc kép: \"Sở Nội vụ: để báo cáo\"."
    ]


def test_unquoted_colon_in_a_body_item_says_to_quote(tmp_path: Path, capsys) -> None:
    code, err = _validate(tmp_path, capsys, PLAN.replace("  - Nội dung (chi tiết tại Phụ lục).",
                                                         "  - Thời gian: cả năm 2024"))
    assert code == 1
    assert err == [
        "cchc-docgen: lỗi: p.yaml:6: [body[1]] dòng chữ 'Thời gian: cả năm 2024' có dấu ': ' nên YAML hiểu "
        "nhầm thành một cặp 'khóa: giá trị'. Hãy đặt cả dòng chữ trong ngoặc kép: \"Thời gian: cả năm 2024\"."
    ]


def test_duplicate_recipient_counts_from_one_in_path_and_text(tmp_path: Path, capsys) -> None:
    code, err = _validate(tmp_path, capsys, PLAN.replace("  - Sở Nội vụ\n", "  - Sở Nội vụ\n  - UBND tỉnh\n"))
    assert code == 0
    assert err == [
        "cchc-docgen: cảnh báo: p.yaml:11: [recipients[3]] nơi nhận thứ 3 ('UBND tỉnh') trùng với nơi nhận thứ 1 "
        "(dòng 9); hãy xóa một trong hai. [mã: noi-nhan-trung@recipients[3]; nếu đúng như vậy, ghi mã này vào "
        "'accept_warnings']"
    ]


def test_list_item_errors_count_from_one_in_path_and_text(tmp_path: Path, capsys) -> None:
    text = PLAN.replace("  - Sở Nội vụ\n", "  - [Sở Nội vụ, Sở Tài chính]\n  -\n")
    text += "closing: [Trên đây, {a: 1, b: 2}]\n"
    code, err = _validate(tmp_path, capsys, text)
    assert code == 1
    assert err == [
        "cchc-docgen: lỗi: p.yaml:10: [recipients[2]] phần tử thứ 2 của 'recipients' phải là một dòng chữ (tên nơi "
        "nhận) hoặc một nhóm 'name: …, note: …'; hiện đang là một danh sách.",
        "cchc-docgen: lỗi: p.yaml:11: [recipients[3]] phần tử thứ 3 của 'recipients' phải là một dòng chữ (tên nơi "
        "nhận) hoặc một nhóm 'name: …, note: …'; hiện đang để trống.",
        "cchc-docgen: lỗi: p.yaml:13: [closing[2]] phần tử thứ 2 của 'closing' phải là một dòng chữ (văn bản); hiện "
        "đang là một nhóm 'khóa: giá trị'.",
    ]


def test_choice_errors_are_all_vietnamese(tmp_path: Path, capsys) -> None:
    code, err = _validate(tmp_path, capsys, "kind: ke_hoch\n" + PLAN.replace("authority: KT", "authority: kt"))
    assert code == 1
    assert err == [
        "cchc-docgen: lỗi: p.yaml:1: [kind] giá trị 'ke_hoch' của 'kind' không hợp lệ; chỉ được chọn 'ke_hoach' "
        "hoặc 'bao_cao'. Có phải bạn muốn viết 'ke_hoach'?",
        "cchc-docgen: lỗi: p.yaml:8: [signer.authority] giá trị 'kt' của 'authority' không hợp lệ; chỉ được chọn "
        "một trong 'none', 'KT', 'TM', 'TM+KT', 'Q', 'TL' hoặc 'TUQ'. Có phải bạn muốn viết 'KT'?",
    ]
    assert not any(" or " in line for line in err)


def test_out_of_range_numbers_are_vietnamese(tmp_path: Path, capsys) -> None:
    code, err = _validate(tmp_path, capsys, PLAN.replace("number: 12", "number: 0"))
    assert code == 1
    assert err == ["cchc-docgen: lỗi: p.yaml:2: [number] giá trị 0 của 'number' không hợp lệ: phải lớn hơn hoặc "
                   "bằng 1."]


TAB = ("cchc-docgen: lỗi: p.yaml:{line}: lỗi cú pháp YAML: dòng này thụt lề bằng phím Tab, nhưng YAML chỉ chấp nhận "
       "dấu cách. Hãy xóa Tab và thụt lề bằng dấu cách (mỗi cấp 2 dấu cách); trong trình soạn thảo, bật chế độ "
       "đổi Tab thành dấu cách.")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (PLAN.replace("  - UBND tỉnh", "\t- UBND tỉnh"), 9),
        (PLAN.replace("  - Sở Nội vụ", "  -\tSở Nội vụ"), 10),
        ("issuer:\n\tname: Sở Giáo dục và Đào tạo\n", 2),
    ],
)
def test_tabs_say_to_use_spaces_not_a_bracket(tmp_path: Path, capsys, text: str, line: int) -> None:
    code, err = _validate(tmp_path, capsys, text)
    assert code == 1
    assert err == [TAB.format(line=line)]
    assert "ngoặc" not in err[0]


def test_unclosed_quote_names_where_it_started(tmp_path: Path, capsys) -> None:
    code, err = _validate(tmp_path, capsys, PLAN.replace("title: Tuyên", 'title: "Tuyên'))
    assert code == 1
    assert len(err) == 1 and err[0].startswith("cchc-docgen: lỗi: p.yaml:")
    assert "chưa đóng" in err[0] and "dòng 4" in err[0]


@pytest.mark.parametrize(
    ("char", "what", "why"),
    [
        ("\u202e", "ký tự điều khiển hướng chữ U+202E",
         "ký tự này đảo hoặc đổi thứ tự các chữ khi hiển thị và khi in, nên văn bản ban hành có thể khác với điều "
         "bạn đọc thấy trong tệp YAML"),
        ("\u2066", "ký tự điều khiển hướng chữ U+2066",
         "ký tự này đảo hoặc đổi thứ tự các chữ khi hiển thị và khi in, nên văn bản ban hành có thể khác với điều "
         "bạn đọc thấy trong tệp YAML"),
        ("\u200b", "ký tự ẩn U+200B",
         "ký tự này không nhìn thấy được nhưng vẫn nằm trong văn bản (thường do chép từ trang web hoặc tệp khác)"),
    ],
)
def test_invisible_characters_are_refused_with_file_and_line(tmp_path: Path, capsys, char: str, what: str,
                                                              why: str) -> None:
    code, err = _validate(tmp_path, capsys, PLAN.replace("  - Sở Nội vụ", f"  - Sở Nội{char} vụ"))
    assert code == 1
    assert err == [
        f"cchc-docgen: lỗi: p.yaml:10: [recipients[2]] văn bản có {what} ngay sau 'Sở Nội'; {why}. Hãy xóa đoạn "
        "chữ quanh chỗ đó rồi gõ lại bằng bàn phím."
    ]


def test_render_refuses_a_bidi_override(tmp_path: Path, capsys) -> None:
    plan = _write(tmp_path, PLAN.replace("năm 2024", "năm \u202e4202"))
    assert main(["render", str(plan), "-o", str(tmp_path / "out")]) == 1
    assert "U+202E" in capsys.readouterr().err
    assert not (tmp_path / "out" / "p.docx").exists()
