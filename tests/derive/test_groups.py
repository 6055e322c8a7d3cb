"""The vocabulary of unit groups (derive/data/groups.yaml) and who a task falls to (issue 22)."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from cchc_docgen.derive.assign import Reader, subject
from cchc_docgen.derive.plan import derive
from cchc_docgen.derive.vocab import relation, vocabulary
from cchc_docgen.models import Document
from cchc_docgen.models.unit import Category, Unit, category_key

ISSUER = "Ủy ban nhân dân tỉnh Lâm Đồng"


def _unit(category: str, name: str, parent: str | None = "UBND tỉnh Lâm Đồng") -> Unit:
    return Unit.model_validate({"name": name, "abbreviation": "DV", "place": "Lâm Đồng", "category": category,
                                "parent": parent, "head": {"title": "Thủ trưởng", "name": "A"}})


SO = _unit("sở", "Sở Xây dựng")
XA = _unit("UBND xã", "Ủy ban nhân dân xã Hòa Ninh")
THPT = _unit("trường THPT", "Trường THPT Chu Văn An", parent="Sở GD&ĐT Lâm Đồng")


def _reader(unit: Unit) -> Reader:
    under = unit.parent == "UBND tỉnh Lâm Đồng"
    return Reader(unit, relation(unit, ISSUER), superior=unit.parent, under_issuer=under, place="Lâm Đồng")


def test_every_pattern_compiles_and_covers_known_categories() -> None:
    data = vocabulary()
    categories = set(get_args(Category))
    for group in data["groups"]:
        assert set(group["covers"]) <= categories, group["label"]
        for p in group["patterns"]:
            re.compile(p)
    for entry in data["education"]["categories"]:
        assert set(entry["covers"]) <= categories
    for key in ("qualifiers", "predicates", "lead_words", "elsewhere"):
        re.compile(data[key])


@pytest.mark.parametrize(("written", "key"), [
    ("sở", "so"), ("Sở, ban, ngành", "so"), ("UBND xã", "ubnd_xa"), ("phường", "ubnd_xa"), ("đặc khu", "ubnd_xa"),
    ("Trường THPT", "thpt"), ("trường tiểu học", "tieu_hoc"), ("Phòng GD&ĐT", "phong_gddt"), ("thcs", "thcs"),
])
def test_categories_in_plain_vietnamese(written: str, key: str) -> None:
    assert category_key(written) == key


# lead, partner, then the expected role for (Sở Xây dựng, UBND xã Hòa Ninh, THPT under the Sở GD&ĐT):
# 'lead', 'support', 'review' (kept with a review mark) or '' (not kept)
TABLE = [
    ("Các sở, ban, ngành", "", ("lead", "", "")),
    ("Các sở, ban, ngành, địa phương", "", ("lead", "lead", "")),
    ("Các cơ quan, đơn vị, địa phương", "", ("lead", "lead", "review")),
    ("Cơ quan chuyên môn thuộc UBND tỉnh", "", ("lead", "", "")),
    ("UBND các xã, phường, đặc khu", "Sở Nội vụ", ("", "lead", "")),
    ("Sở Nội vụ", "Các sở, ban, ngành; UBND các xã, phường, đặc khu", ("support", "support", "")),
    ("Sở Nội vụ", "Các cơ quan, đơn vị liên quan", ("", "", "")),
    ("Công an tỉnh", "", ("", "", "")),
    ("Văn phòng UBND tỉnh", "Sở Xây dựng", ("support", "", "")),
    ("Theo phân công tại Quyết định số 1256/QĐ-UBND", "", ("review", "review", "review")),
    ("Các cơ quan liên quan", "", ("review", "review", "review")),
    ("Sở Tài chính, các sở, ngành liên quan", "", ("", "", "")),
    ("Các đơn vị trực tiếp sử dụng ngân sách", "", ("lead", "lead", "lead")),
    ("Các cơ sở giáo dục", "", ("", "", "lead")),
    ("Các trường THPT", "", ("", "", "lead")),
    ("Sở Giáo dục và Đào tạo", "", ("", "", "")),
]


@pytest.mark.parametrize(("lead", "partner", "expected"), TABLE)
def test_who_a_task_falls_to(lead: str, partner: str, expected: tuple[str, str, str]) -> None:
    for unit, want in zip((SO, XA, THPT), expected, strict=True):
        verdict = _reader(unit).decide(lead, partner, task="Tuyên truyền cải cách hành chính")
        got = "review" if verdict.review else verdict.role
        assert got == want, (unit.name, lead, partner, verdict)
        if not verdict.kept or verdict.review:
            assert verdict.reason


def test_a_superiors_task_about_schools_is_the_schools_for_review() -> None:
    verdict = _reader(THPT).decide("Sở Giáo dục và Đào tạo", "", task="Tăng cường quản lý học sinh trong trường học")
    assert verdict.kept and verdict.review and "cấp trên trực tiếp" in verdict.reason


@pytest.mark.parametrize(("text", "lead", "partner"), [
    ("Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành tổ chức Cuộc thi", "Sở Nội vụ", "các sở, ban, ngành"),
    ("Giao Công an tỉnh là cơ quan thường trực", "Công an tỉnh", ""),
    ("Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh",
     ""),
    ("Căn cứ nội dung Chương trình; các sở, ban, ngành tổ chức tổng kết", "các sở, ban, ngành", ""),
    ("Sở Tư pháp:", "Sở Tư pháp", ""),
    ("Trách nhiệm của các sở, ban, ngành", "các sở, ban, ngành", ""),
    ("Đề nghị Ủy ban MTTQ tỉnh phối hợp tuyên truyền", "Ủy ban MTTQ tỉnh", ""),
    ("Đối với các cơ quan Trung ương đóng trên địa bàn tỉnh: phối hợp", "các cơ quan Trung ương đóng trên địa bàn tỉnh",
     ""),
])
def test_subject_of_a_sentence(text: str, lead: str, partner: str) -> None:
    assert subject(text) == (lead, partner)


@pytest.mark.parametrize("text", ["Sở hữu trí tuệ được bảo vệ", "Tổ chức Cuộc thi tìm hiểu",
                                   "Báo cáo UBND tỉnh kết quả", "Xã hội hóa nguồn lực",
                                  "Trường hợp cần điều chỉnh dự toán", "Thời gian thực hiện: năm 2026"])
def test_no_subject(text: str) -> None:
    assert subject(text) is None


def _provincial_plan() -> Document:
    rows = [{"task": f"Nhiệm vụ {i}", "lead": lead, "partner": partner, "time": "Năm 2026"}
            for i, (lead, partner, _) in enumerate(TABLE, 1)]
    return Document.model_validate({
        "issuer": {"parent": None, "name": "Ủy ban nhân dân | tỉnh Lâm Đồng", "abbreviation": "UBND",
                   "place": "Lâm Đồng"},
        "number": 9, "date": "2025-12-24", "title": "Cải cách hành chính năm 2026 tỉnh Lâm Đồng",
        "body": [{"title": "Nhiệm vụ", "paragraphs": ["(Phân công nhiệm vụ cụ thể tại Phụ lục đính kèm)"]},
                 {"title": "Tổ chức thực hiện", "role": "organization",
                  "items": ["Các sở, ban, ngành báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày 15/12/2026."]}],
        "appendices": [{"title": ["Phụ lục"], "columns": [
            {"key": "tt", "label": "TT", "width": 10, "numbers": True},
            {"key": "task", "label": "Nhiệm vụ", "width": 80},
            {"key": "lead", "label": "Cơ quan chủ trì", "width": 40},
            {"key": "partner", "label": "Cơ quan phối hợp", "width": 40},
            {"key": "time", "label": "Thời gian hoàn thành", "width": 30}], "rows": rows}],
        "signer": {"title": "Chủ tịch", "name": "B"}, "recipients": ["Các sở, ban, ngành"],
    })


def test_a_so_keeps_its_rows_of_a_provincial_task_table() -> None:
    derived = derive(_provincial_plan(), SO)
    kept = {t.text for t in derived.tasks if t.kept}
    want = {f"Nhiệm vụ {i}" for i, (_, _, roles) in enumerate(TABLE, 1) if roles[0]}
    assert kept == want | {"Các sở, ban, ngành báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày 15/12/2026."}
    assert derived.document.title == "Cải cách hành chính năm 2026"


def test_a_xa_with_no_table_row_left_loses_the_appendix_and_its_mention() -> None:
    plan = _provincial_plan()
    rows = [r for r in plan.appendices[0].rows if r.cells()["lead"].paragraphs[0] == "Công an tỉnh"]
    plan = plan.model_copy(update={"appendices": [plan.appendices[0].model_copy(update={"rows": rows})]})
    doc = derive(plan, XA).document
    assert doc.appendices == []
    assert all("Phụ lục" not in p for node in doc.body for p in node.paragraphs)


def test_a_school_under_a_xa_reads_the_xas_plan() -> None:
    """UBND xã → the schools it manages: the xã's groups of schools are the school's, the xã's own bodies not."""
    school = _unit("tiểu học", "Trường Tiểu học Lạc Xuân", parent="UBND xã Đơn Dương")
    reader = Reader(school, relation(school, "Ủy ban nhân dân xã Đơn Dương"), superior=school.parent,
                    under_issuer=True, place="Đơn Dương")
    assert reader.decide("Các trường học trên địa bàn xã", "").role == "lead"
    assert reader.decide("Các trường MN, TH, THCS", "").role == "lead"
    assert reader.decide("Công an xã", "Các trường học").role == "support"
    assert not reader.decide("Công an xã", "").kept
    assert not reader.decide("Các trường THCS", "").kept
