"""The parent's task tables narrowed to the tasks that fall to the unit, re-assigned inside the unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_docgen.derive.assign import Reader, Verdict
from cchc_docgen.derive.tasks import Task
from cchc_docgen.models import Appendix, Cell, Column, Row

_PARTNER = re.compile(r"phối hợp", re.IGNORECASE)
_LEAD = re.compile(r"chủ trì|thực hiện|phụ trách|đơn vị|cơ quan|người|bộ phận|trách nhiệm", re.IGNORECASE)
_TIME = re.compile(r"thời gian|thời hạn|tiến độ", re.IGNORECASE)
_LABEL_BODY = re.compile(r"^(cơ quan|đơn vị|cơ quan, đơn vị)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Assignee:
    """Who does the work inside the unit: the lead and the partners."""

    lead: str
    support_lead: str
    partners: str


@dataclass(frozen=True)
class Kept:
    """One kept task: its text and whether the unit leads it ('lead') or supports it ('support')."""

    task: str
    role: str


def assignee_columns(appendix: Appendix) -> tuple[str | None, str | None]:
    """Keys of the lead and the partner columns (by their labels), ``None`` when there is none."""
    lead = partner = None
    for column in appendix.columns:
        if column.numbers or _TIME.search(column.label):
            continue
        if _PARTNER.search(column.label):
            partner = partner or column.key
        elif _LEAD.search(column.label) and not re.search(r"nhiệm vụ|nội dung|sản phẩm", column.label, re.I):
            lead = lead or column.key
    return lead, partner


def unmerge(rows: list[Row]) -> list[Row]:
    """Rows with every merged cell copied into each row it spans (so rows can be dropped one by one)."""
    out: list[Row] = []
    pending: dict[str, tuple[Cell, int]] = {}
    for row in rows:
        if row.group:
            out.append(row)
            continue
        cells = row.cells()
        for key, (cell, left) in list(pending.items()):
            cells.setdefault(key, cell)
            if left <= 1:
                del pending[key]
            else:
                pending[key] = (cell, left - 1)
        for key, cell in row.cells().items():
            if cell.rows > 1:
                pending[key] = (Cell(paragraphs=cell.paragraphs), cell.rows - 1)
        plain = {k: Cell(paragraphs=c.paragraphs) for k, c in cells.items()}
        out.append(_row(row, plain, unmerge(row.subrows)))
    return out


def _row(row: Row, cells: dict[str, Cell], subrows: list[Row]) -> Row:
    data: dict[str, object] = {"subrows": subrows, "number": row.number}
    if row.note:
        data["note"] = row.note
    return Row.model_validate({**data, **cells})


def _text(row: Row, key: str | None) -> str:
    cell = row.cells().get(key) if key else None
    return " ".join(cell.paragraphs) if cell else ""


def narrow(
    appendix: Appendix, reader: Reader, who: Assignee, parent_body: str
) -> tuple[Appendix, list[Kept], list[Task]]:
    """``appendix`` with only the rows that fall to the reader's unit (lead or partner), re-assigned to ``who``;
    the kept tasks, and every task with its verdict."""
    lead_key, partner_key = assignee_columns(appendix)
    kept: list[Kept] = []
    tasks: list[Task] = []
    if lead_key is None and partner_key is None:
        return appendix, kept, tasks
    task_key = _task_key(appendix, lead_key, partner_key)
    title = " ".join(appendix.title)

    def role(row: Row, inherited: str | None) -> str | None:
        lead, partner = _text(row, lead_key), _text(row, partner_key)
        if not lead.strip() and not partner.strip():
            return inherited  # a heading row, or a sub-row under its task
        verdict = reader.decide(lead, partner, task=_text(row, task_key))
        if not verdict.kept and inherited:
            verdict = Verdict(inherited, who=verdict.who)
        if not row.subrows:
            tasks.append(Task(title, _text(row, task_key), verdict, "appendix"))
        return verdict.role or None

    def assign(row: Row, how: str) -> Row:
        cells = row.cells()
        task = _text(row, _task_key(appendix, lead_key, partner_key))
        kept.append(Kept(task, how))
        if lead_key:
            cells[lead_key] = Cell(paragraphs=[who.lead if how == "lead" else who.support_lead])
        if partner_key:
            partners = [who.partners]
            if how == "support" and _text(row, lead_key):
                partners.append(f"(phối hợp với {_text(row, lead_key)} – {parent_body})")
            cells[partner_key] = Cell(paragraphs=partners)
        return _row(row, cells, [])

    def walk(rows: list[Row], inherited: str | None) -> list[Row]:
        out: list[Row] = []
        for row in rows:
            if row.group:
                out.append(row)
                continue
            how = role(row, inherited)
            if row.subrows:
                subs = walk(row.subrows, how)
                if subs:
                    head = assign(row, how) if how else _row(row, row.cells(), [])
                    out.append(_row(head, head.cells(), subs))
                continue
            if how:
                out.append(assign(row, how))
        return _drop_empty_groups(out)

    rows = walk(unmerge(appendix.rows), None)
    columns = [_relabel(c, (lead_key, partner_key)) for c in appendix.columns]
    return appendix.model_copy(update={"rows": rows, "columns": columns}), kept, tasks


def _task_key(appendix: Appendix, *skip: str | None) -> str | None:
    for column in appendix.columns:
        if not column.numbers and column.key not in skip:
            return column.key
    return None


def _relabel(column: Column, keys: tuple[str | None, ...]) -> Column:
    if column.key in keys and _LABEL_BODY.match(column.label):
        return column.model_copy(update={"label": _LABEL_BODY.sub("Bộ phận ", column.label)})
    return column


def _drop_empty_groups(rows: list[Row]) -> list[Row]:
    out: list[Row] = []
    for i, row in enumerate(rows):
        if row.group and (i + 1 == len(rows) or rows[i + 1].group):
            continue
        out.append(row)
    return out
