"""Signature blocks in every form (KT., TM., TM.+KT., Q., TL., TUQ., none) and the Nơi nhận list."""

from __future__ import annotations

import pytest

from cchc_docgen.importer.footer import read_footer, split_mixed
from cchc_docgen.models import Signer


@pytest.mark.parametrize(("lines", "expected"), [
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Đỗ Văn Khải"],
     {"authority": "KT", "head_title": "Giám đốc", "title": "Phó Giám đốc", "name": "Đỗ Văn Khải"}),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Minh"],
     {"authority": "TM+KT", "collective": "Ủy ban nhân dân", "head_title": "Chủ tịch", "title": "Phó Chủ tịch",
      "name": "Nguyễn Minh"}),
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Nam"],
     {"authority": "TM", "collective": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Trần Văn Nam"}),
    (["Q. GIÁM ĐỐC", "Lê Thị Hoa"], {"authority": "Q", "head_title": "Giám đốc", "name": "Lê Thị Hoa"}),
    (["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Phạm Văn Bình"],
     {"authority": "TL", "head_title": "Giám đốc", "title": "Chánh văn phòng", "name": "Phạm Văn Bình"}),
    (["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Hoàng Văn Cường"],
     {"authority": "TUQ", "head_title": "Chủ tịch", "title": "Giám đốc sở nội vụ", "name": "Hoàng Văn Cường"}),
    (["HIỆU TRƯỞNG", "Ký tên, đóng dấu", "Vũ Thị Mai"], {"authority": "none", "title": "Hiệu trưởng",
                                                         "name": "Vũ Thị Mai"}),
])
def test_signature_forms(lines: list[str], expected: dict[str, str]) -> None:
    signer = read_footer([], lines).signer
    assert signer == expected
    Signer.model_validate(signer)  # and it is a valid signer


def test_recipients_notes_and_the_archive_line() -> None:
    footer = read_footer(["Nơi nhận:", "- Sở Nội vụ (để b/c);", "- Các trường THPT (t/h);", "- Ban Giám đốc Sở;",
                          "- Lưu: VT, VP(02)."], [])
    assert footer.recipients == [{"name": "Sở Nội vụ", "note": "để b/c"}, {"name": "Các trường THPT", "note": "t/h"},
                                 "Ban Giám đốc Sở"]
    assert footer.archive == {"units": ["VP"], "copies": 2}
    assert read_footer(["- Lưu VT, VP, PL.(300)."], []).archive == {"drafter": "PL.(300)", "units": ["VP"]}


def test_both_columns_on_the_same_lines_are_told_apart() -> None:
    left, right, other = split_mixed(["Nơi nhận:", "KT. GIÁM ĐỐC", "- UBND tỉnh (để", "PHÓ GIÁM ĐỐC",
                                      "báo cáo);", "- Lưu: VT.", "Đỗ Văn Khải"])
    assert left == ["Nơi nhận:", "- UBND tỉnh (để báo cáo);", "- Lưu: VT."]
    assert right == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đỗ Văn Khải"]
    assert other == []
