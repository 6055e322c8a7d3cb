"""Narrowing a task table: merged cells, sub-rows, group rows, column labels."""

from __future__ import annotations

from cchc_docgen.derive.appendix import Assignee, narrow
from cchc_docgen.derive.assign import Reader
from cchc_docgen.derive.vocab import Relation
from cchc_docgen.models import Appendix
from cchc_docgen.models.unit import Unit

UNIT = Unit.model_validate({"name": "Trường Tiểu học A", "abbreviation": "THA", "place": "X", "category": "tiểu học",
                            "head": {"title": "Hiệu trưởng", "name": "A"}})
READER = Reader(UNIT, Relation(True), superior=None, under_issuer=True)
WHO = Assignee(lead="Hiệu trưởng", support_lead="Phó Hiệu trưởng", partners="Các tổ chuyên môn")


def _table(rows: list[dict]) -> Appendix:
    return Appendix.model_validate({
        "title": ["Phụ lục"],
        "columns": [{"key": "tt", "label": "TT", "width": 10, "numbers": True},
                    {"key": "task", "label": "Nhiệm vụ", "width": 80},
                    {"key": "lead", "label": "Đơn vị chủ trì", "width": 40},
                    {"key": "partner", "label": "Đơn vị phối hợp", "width": 40},
                    {"key": "time", "label": "Thời gian", "width": 30}],
        "rows": rows,
    })


def test_merged_lead_cell_is_read_for_every_row_it_spans() -> None:
    table = _table([
        {"group": "Chỉ đạo"},
        {"task": "T1", "lead": {"text": "Các trường tiểu học", "rows": 3}, "time": "Quý I/2024"},
        {"task": "T2", "time": "Quý II/2024"},
        {"task": "T3", "time": "Quý III/2024"},
        {"group": "Kiểm tra"},
        {"task": "T4", "lead": "Văn phòng", "partner": "Bộ phận Tiểu học"},
        {"group": "Báo cáo"},
        {"task": "T5", "lead": "Văn phòng", "partner": "Các trường MN, TH, THCS"},
    ])
    narrowed, kept, _ = narrow(table, READER, WHO, "Phòng GD&ĐT")
    assert [(k.task, k.role) for k in kept] == [("T1", "lead"), ("T2", "lead"), ("T3", "lead"), ("T5", "support")]
    assert [r.group or r.cells()["task"].paragraphs[0] for r in narrowed.rows] == [
        "Chỉ đạo", "T1", "T2", "T3", "Báo cáo", "T5"]  # the "Kiểm tra" group lost its only task
    assert all(c.rows == 1 for r in narrowed.rows for c in r.cells().values())  # no merge left behind
    t5 = narrowed.rows[-1].cells()
    assert t5["lead"].paragraphs == ["Phó Hiệu trưởng"]
    assert t5["partner"].paragraphs == ["Các tổ chuyên môn", "(phối hợp với Văn phòng – Phòng GD&ĐT)"]
    assert [c.label for c in narrowed.columns][2:4] == ["Bộ phận chủ trì", "Bộ phận phối hợp"]


def test_subrows_kept_one_by_one() -> None:
    table = _table([
        {"task": "Ban hành kế hoạch", "subrows": [
            {"task": "của Phòng", "lead": "Văn phòng"},
            {"task": "của các trường", "lead": "Các trường tiểu học"},
        ]},
    ])
    narrowed, kept, _ = narrow(table, READER, WHO, "Phòng GD&ĐT")
    assert [k.task for k in kept] == ["của các trường"]
    assert [s.cells()["task"].paragraphs[0] for s in narrowed.rows[0].subrows] == ["của các trường"]


def test_table_without_assignee_columns_is_kept_whole() -> None:
    table = Appendix.model_validate({"title": ["Phụ lục"], "columns": [
        {"key": "task", "label": "Nội dung", "width": 100}, {"key": "time", "label": "Thời gian", "width": 40}],
        "rows": [{"task": "A"}, {"task": "B"}]})
    narrowed, kept, _ = narrow(table, READER, WHO, "Phòng GD&ĐT")
    assert narrowed == table and kept == []
