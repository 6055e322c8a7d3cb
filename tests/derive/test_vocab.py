"""Who an assignee cell concerns: a general vocabulary of how plans name units."""

from __future__ import annotations

import pytest

from cchc_docgen.derive.vocab import Relation, concerns, directly_under, relation
from cchc_docgen.models.unit import Unit


def _unit(category: str, parent: str | None = None) -> Unit:
    return Unit.model_validate({"name": "Đơn vị", "abbreviation": "DV", "place": "X", "category": category,
                                "parent": parent, "head": {"title": "Hiệu trưởng", "name": "A"}})


CASES = [
    # text, category, directly under the parent body, expected
    ("Các trường THPT", "thpt", True, True),
    ("Các trường THPT", "thcs", False, False),
    ("Các trường MN, TH, THCS", "tieu_hoc", True, True),
    ("Các trường MN, TH, THCS", "thpt", True, False),
    ("Các cơ sở giáo dục mầm non", "mam_non", True, True),
    ("Các cơ sở giáo dục mầm non", "tieu_hoc", True, False),
    ("các đơn vị giáo dục", "gdnn_gdtx", True, True),
    ("Phòng GD&ĐT các huyện, thị xã, thành phố", "phong_gddt", False, True),
    ("Phòng GD&ĐT các huyện, thị xã, thành phố", "thcs", False, False),
    ("Phòng Tổ chức cán bộ", "phong_gddt", False, False),
    ("Các phòng thuộc Sở", "phong_gddt", False, False),
    ("Văn phòng Sở", "thpt", True, False),
    ("Bộ phận THCS", "thcs", True, False),
    ("Phòng GDĐT, Trung tâm GDNN-GDTX, các đơn vị trực thuộc", "thpt", True, True),
    ("Phòng GDĐT, Trung tâm GDNN-GDTX, các đơn vị trực thuộc", "gdnn_gdtx", True, True),
    ("Phòng GDĐT, Trung tâm GDNN-GDTX, các đơn vị trực thuộc", "thcs", False, False),
    ("Trung tâm GDNN - GDTX huyện", "gdnn_gdtx", True, True),
    ("Các trường học trên địa bàn", "mam_non", True, True),
    ("Các trường học trên địa bàn", "phong_gddt", False, False),
    ("Các trường phổ thông", "thcs", True, True),
    ("Các trường phổ thông", "mam_non", True, False),
    ("Trường TH&THCS", "tieu_hoc_thcs", True, True),
    ("Sở Nội vụ, Sở Thông tin và Truyền thông", "thpt", True, False),
    ("Cải thiện môi trường đầu tư", "thpt", True, False),
    ("", "thpt", True, False),
]


@pytest.mark.parametrize(("text", "category", "direct", "expected"), CASES)
def test_concerns(text: str, category: str, direct: bool, expected: bool) -> None:
    assert concerns(text, _unit(category), Relation(direct)) is expected


def test_directly_under() -> None:
    assert directly_under(_unit("thpt"), "Sở Giáo dục và Đào tạo")
    assert not directly_under(_unit("thcs"), "Sở Giáo dục và Đào tạo")
    assert directly_under(_unit("thcs"), "Phòng Giáo dục và Đào tạo")
    assert not directly_under(_unit("phong_gddt"), "Sở Giáo dục và Đào tạo")


def test_general_words_of_a_phong_plan_cover_only_its_own_schools() -> None:
    phong = "Phòng Giáo dục và Đào tạo"
    assert concerns("Các cơ sở giáo dục", _unit("thcs"), relation(_unit("thcs"), phong))
    assert not concerns("Các cơ sở giáo dục", _unit("thpt"), relation(_unit("thpt"), phong))
    assert not concerns("Các trường học trực thuộc", _unit("thpt"), relation(_unit("thpt"), phong))
    assert concerns("Các trường THPT", _unit("thpt"), relation(_unit("thpt"), phong))  # named: always
    so = "Sở Giáo dục và Đào tạo"
    assert concerns("Các trường học trên địa bàn tỉnh", _unit("thcs"), relation(_unit("thcs"), so))
    assert not concerns("Các đơn vị trực thuộc", _unit("thcs"), relation(_unit("thcs"), so))
