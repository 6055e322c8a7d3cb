"""The tasks of a plan: rows of its task table (phụ lục), with lead unit, deadline and product.

Columns are found by their key or label, so any of the real layouts works ("Đơn vị chủ trì", "Cơ quan chủ
trì", "Người phụ trách"; "Thời gian thực hiện/hoàn thành", "Thời hạn"). A row with sub-rows a), b), c) gives
one task per sub-row, named "<task>: <sub-row>", each taking the parent's unit and deadline when it has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_docgen.models import Appendix, Cell, Document, Row

_ROLES = {
    "lead": re.compile(r"chủ trì|phụ trách|thực hiện chính|đơn vị thực hiện|^lead$|^owner$"),
    "time": re.compile(r"thời gian|thời hạn|tiến độ|^time$|^deadline$"),
    "product": re.compile(r"sản phẩm|kết quả|^product$|^output$"),
    "task": re.compile(r"nhiệm vụ|nội dung|công việc|hoạt động|^task$"),
}


@dataclass(frozen=True)
class PlanTask:
    """One task of a plan (``group`` set for a group row), as written in its table."""

    group: str | None = None
    task: str = ""
    lead: str | None = None
    deadline: str | None = None
    product: str | None = None
    path: tuple[object, ...] = ()  # key path of the row in the plan (for YAML line numbers)


def _text(cell: Cell | None) -> str | None:
    if cell is None:
        return None
    text = "\n".join(p.strip() for p in cell.paragraphs if p.strip())
    return text or None


def task_columns(appendix: Appendix) -> dict[str, str]:
    """Role (task, lead, time, product) → column key, for the roles this table has."""
    found: dict[str, str] = {}
    for role, pattern in _ROLES.items():
        for col in appendix.columns:
            if col.numbers or col.key in found.values():
                continue
            if pattern.search(col.key.lower()) or pattern.search(col.label.lower()):
                found[role] = col.key
                break
    if "task" not in found:
        free = [c.key for c in appendix.columns if not c.numbers and c.key not in found.values()]
        if free:
            found["task"] = free[0]
    return found


def is_task_table(appendix: Appendix) -> bool:
    """A table with a task column and a lead-unit or deadline column."""
    cols = task_columns(appendix)
    return "task" in cols and ("lead" in cols or "time" in cols)


def _merged(row: Row, merges: dict[str, tuple[Cell, int]]) -> dict[str, Cell]:
    """The row's cells plus those merged down into it from a row above (``lead: {text: …, rows: 3}``)."""
    cells = row.cells()
    for key, (cell, left) in list(merges.items()):
        cells.setdefault(key, cell)
        if left > 1:
            merges[key] = (cell, left - 1)
        else:
            del merges[key]
    for key, cell in row.cells().items():
        if cell.rows > 1:
            merges[key] = (cell, cell.rows - 1)
    return cells


def _tasks(rows: list[Row], cols: dict[str, str], parent: PlanTask | None,
           path: tuple[object, ...], merges: dict[str, tuple[Cell, int]]) -> list[PlanTask]:
    out: list[PlanTask] = []
    for index, row in enumerate(rows):
        here = (*path, index)
        if row.group:
            out.append(PlanTask(group=row.group, path=here))
            continue
        cells = _merged(row, merges)

        def get(role: str, cells: dict[str, Cell] = cells) -> str | None:
            return _text(cells.get(cols[role])) if role in cols else None

        name = get("task") or ""
        if parent is not None:
            name = f"{parent.task.rstrip(':')}: {name}" if name else parent.task
        own = PlanTask(
            task=name,
            lead=get("lead") or (parent.lead if parent else None),
            deadline=get("time") or (parent.deadline if parent else None),
            product=get("product") or (parent.product if parent else None),
            path=(*here, cols["time"]) if get("time") else here,
        )
        if row.subrows:
            if get("lead") or get("time"):
                out.append(own)
            out.extend(_tasks(row.subrows, cols, own, (*here, "subrows"), merges))
        elif name:
            out.append(own)
    return out


def plan_tasks(plan: Document) -> list[PlanTask]:
    """Every task (and group row) of every task table of ``plan``, in order."""
    out: list[PlanTask] = []
    for a, appendix in enumerate(plan.appendices):
        if is_task_table(appendix):
            cols = task_columns(appendix)
            out.extend(_tasks(appendix.rows, cols, None, ("appendices", a, "rows"), {}))
    return out
