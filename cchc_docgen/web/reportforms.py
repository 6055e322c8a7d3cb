"""The Biểu mẫu part of the report page: every row of the seven forms, and the computed values after a save.

Formula rows (sums, ratios) and rows the program counts from the tasks are shown, never typed; their values,
the automatic notes and the §4.4 check messages come from ``report.forms`` (the same code that prints the
Word tables), so the page and the document always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cchc_docgen.models import Document
from cchc_docgen.models.report import ReportInfo
from cchc_docgen.report.forms import Computed, form_key
from cchc_docgen.report.outline import Form, load_outline
from cchc_docgen.web.treeedit import get, shown
from cchc_docgen.yamlio import plain_data

FORMULA = ("sum", "ratio")
FROM_TASKS = "Đếm từ các nhiệm vụ (phần “Nhiệm vụ trong kỳ”)."


@dataclass
class FigureRow:
    """One row of a Biểu mẫu as the page shows it."""

    key: str  # "bm1:3.1"
    stt: str
    name: str
    unit: str
    kind: str
    path: str  # "report.figures.bm1.'3.1'"
    note_path: str
    value: str = ""  # what the box holds (typed rows)
    note: str = ""
    computed: str = ""  # formula rows and rows counted from the tasks
    auto_note: str = ""
    source: str = ""
    formula: str = ""
    messages: list[str] = field(default_factory=list)

    @property
    def editable(self) -> bool:
        return self.kind not in (*FORMULA, "group") and not self.source


@dataclass
class FormView:
    number: int
    title: str
    rows: list[FigureRow]


def _info(doc: Document | None, tree: Any) -> ReportInfo | None:
    if doc is not None and doc.report is not None:
        return doc.report
    try:  # the document has problems elsewhere: its report block alone may still be whole
        return ReportInfo.model_validate(plain_data(tree.get("report")))
    except Exception:  # no figures to compute until the report block is fixed
        return None


def computed(doc: Document | None, tree: Any) -> tuple[Computed | None, dict[str, tuple[str, ...]]]:
    """The computed forms and the rows counted from the tasks (``None`` while the report block is broken)."""
    from cchc_docgen.context.report import counted_rows, task_figures
    from cchc_docgen.report.forms import compute_forms
    from cchc_docgen.report.progress import progress

    info = _info(doc, tree)
    if info is None:
        return None, {}
    counts = progress(info)
    known = task_figures(info, counts)
    return compute_forms(load_outline(info.outline), info.figures, info.notes, known), counted_rows(info, counts)


def _formula(form: Form, kind: str, parts: tuple[str, ...]) -> str:
    if kind == "sum":
        return "Tổng các dòng " + " + ".join(parts)
    if kind == "ratio" and len(parts) == 2:
        return f"Tỷ lệ = dòng {parts[0]} / dòng {parts[1]} × 100"
    return ""


def form_views(doc: Document | None, tree: Any) -> list[FormView]:
    """Every form and row, with the box texts from the file and the computed values."""
    report = tree.get("report") if isinstance(tree, dict) else None
    version = str(report.get("outline") or "4625/2025") if isinstance(report, dict) else "4625/2025"
    outline = load_outline(version)
    result, known = computed(doc, tree)
    out = []
    for form in outline.forms:
        key = form_key(form.number)
        rows = []
        for row in form.rows:
            path = f"report.figures.{key}.'{row.stt}'"
            note_path = f"report.notes.{key}.'{row.stt}'"
            view = FigureRow(f"{key}:{row.stt}", row.stt, row.name, " ".join(row.unit), row.kind, path, note_path,
                             value=shown("n", get(tree, ["report", "figures", key, row.stt])),
                             note=shown("s", get(tree, ["report", "notes", key, row.stt])),
                             formula=_formula(form, row.kind, row.of))
            if row.stt in known.get(key, ()):
                view.source = FROM_TASKS
            rows.append(view)
        out.append(FormView(form.number, form.title, rows))
    fill(out, result)
    return out


def fill(forms: list[FormView], result: Computed | None) -> None:
    """Put the computed values, automatic notes and check messages into the rows."""
    if result is None:
        return
    for view, done in zip(forms, result.forms, strict=False):
        for row in view.rows:
            cell = done.cells.get(row.stt)
            row.messages = result.rows.get(row.key, [])
            if cell is None:
                continue
            if not row.editable and row.kind != "group":
                row.computed = cell.value or "-"
            row.auto_note = cell.note if cell.note != row.note else ""


def state(doc: Document | None, tree: Any) -> dict[str, Any]:
    """What the page updates after every save: computed cells, automatic notes, row messages."""
    result, known = computed(doc, tree)
    if result is None:
        return {}
    cells: dict[str, str] = {}
    notes: dict[str, str] = {}
    for done in result.forms:
        key = form_key(done.form.number)
        for row in done.form.rows:
            cell = done.cells[row.stt]
            if row.kind in FORMULA or row.stt in known.get(key, ()):
                cells[f"{key}:{row.stt}"] = cell.value or "-"
            if cell.note and cell.note != shown("s", get(tree, ["report", "notes", key, row.stt])):
                notes[f"{key}:{row.stt}"] = cell.note
    return {"cells": cells, "notes": notes, "rows": result.rows}
