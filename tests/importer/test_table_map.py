"""A read table → the model's table: merges kept as merges, numbers count tasks, multi-row headers."""

from __future__ import annotations

from cchc_docgen.importer.blocks import Cell, Table
from cchc_docgen.importer.table_map import table_appendix
from cchc_docgen.models import Table as ModelTable


def _c(text: str = "", span: int = 1, merged: bool = False) -> Cell:
    return Cell([text] if text else [], span, merged, [text] if text else [])


def test_a_task_over_several_rows_counts_once_and_keeps_its_merges() -> None:
    """Task 1 takes two rows (its number, task and support cells merged down; two leads); task 2 one row."""
    table = Table([
        [_c("TT"), _c("Nhiệm vụ"), _c("Chủ trì"), _c("Phối hợp")],
        [_c("1"), _c("Rà soát thủ tục"), _c("Văn phòng"), _c("Các phòng")],
        [_c(merged=True), _c(merged=True), _c("Tổ Tin học"), _c(merged=True)],
        [_c("2"), _c("Công khai thủ tục"), _c("Văn phòng"), _c("Tổ Tin học")],
    ], "bảng 1")
    model = ModelTable.model_validate(table_appendix(table))
    assert [r.number for r in model.rows] == [True, False, True]
    first = model.rows[0].cells()
    assert first["task"].rows == 2 and first["support"].rows == 2 and first["lead"].rows == 1
    assert model.rows[1].cells()["lead"].paragraphs == ["Tổ Tin học"] and "task" not in model.rows[1].cells()


def test_a_two_row_header_with_merges_becomes_header() -> None:
    table = Table([
        [_c("TT"), _c("Nhiệm vụ"), _c("Đơn vị thực hiện", span=2)],
        [_c(merged=True), _c(merged=True), _c("Chủ trì"), _c("Phối hợp")],
        [_c("1"), _c("Rà soát thủ tục"), _c("Văn phòng"), _c("Các phòng")],
    ], "bảng 1")
    mapping = table_appendix(table)
    assert [where for where, _ in mapping.pop("_guesses")] == ["bảng 1"]  # reported as a choice
    model = ModelTable.model_validate(mapping)
    assert [[(h.text, h.span, h.rows) for h in line] for line in model.header] == [
        [("TT", 1, 2), ("Nhiệm vụ", 1, 2), ("Đơn vị thực hiện", 2, 1)], [("Chủ trì", 1, 1), ("Phối hợp", 1, 1)]]
    assert [c.label for c in model.columns] == ["TT", "Nhiệm vụ", "Đơn vị thực hiện - Chủ trì",
                                                "Đơn vị thực hiện - Phối hợp"]
    assert len(model.rows) == 1
