"""Report-specific context: the I.2 progress, results under their fields, the Biểu mẫu, Phụ lục II, the chart.

``expand_report`` turns a report's ``report`` block into plain document parts before the usual context is
built: the progress sentences go into the node with ``role: summary`` (I.2), task results under the field
they feed, the Biểu mẫu become the first appendix (their table XML made by ``forms_table``) and, only when
asked for (``task_table: true``), the per-task table becomes Phụ lục II with a status chart in I.2.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from cchc_docgen.context.body import Para
from cchc_docgen.context.forms_table import forms_xml
from cchc_docgen.context.report_body import overdue_items, place_results, progress_paragraphs
from cchc_docgen.context.rules import LANDSCAPE_WIDTH_MM
from cchc_docgen.context.text import squash, upper_vi
from cchc_docgen.models import Appendix, Column, Document, Node, Row
from cchc_docgen.models.report import OFFICIAL, STATUSES, Figure, ReportInfo, TaskResult
from cchc_docgen.report.chart import Bar, chart_workbook, chart_xml, inline_run
from cchc_docgen.report.forms import Computed, compute_forms
from cchc_docgen.report.outline import Outline, load_outline
from cchc_docgen.report.periods import get_period
from cchc_docgen.report.progress import LATE, ON_TIME, OVERDUE, PENDING, UNKNOWN, Progress, official_status, progress
from cchc_docgen.report.summary import MISSING, Counts

_RESULT_OF = "kết quả thực hiện "
#: Text of the body paragraph the chart replaces (never printed).
CHART_MARK = "⟦biểu đồ trạng thái nhiệm vụ⟧"
CHART_RID = "rIdCchcChart1"
#: Words for each status inside a sentence, and colours of the chart bars.
STATUS_WORDS = {"hoàn thành": "đã hoàn thành", "hoàn thành quá hạn": "hoàn thành quá hạn",
                "đang thực hiện": "đang thực hiện", "chưa thực hiện": "chưa thực hiện",
                MISSING: "chưa cập nhật trạng thái"}
COLOURS = {"hoàn thành": "2E7D32", "hoàn thành quá hạn": "F9A825", "đang thực hiện": "1565C0",
           "chưa thực hiện": "C62828", MISSING: "9E9E9E", ON_TIME: "2E7D32", LATE: "F9A825", OVERDUE: "C62828",
           PENDING: "1565C0", UNKNOWN: "9E9E9E"}
_COLUMNS = [
    Column(key="tt", label="TT", width=10, numbers=True, align="center"),
    Column(key="task", label="Nhiệm vụ", width=86),
    Column(key="lead", label="Đơn vị chủ trì", width=34),
    Column(key="deadline", label="Thời gian thực hiện/hoàn thành", width=30, align="center"),
    Column(key="status", label="Trạng thái", width=28, align="center"),
    Column(key="result", label="Kết quả, sản phẩm", width=44),
    Column(key="remark", label="Ghi chú", width=20),
]


def vi_number(value: int) -> str:
    """``1234`` → ``1.234`` (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def vi_percent(value: float) -> str:
    """``68.18`` → ``68,2%``; whole numbers without decimals: ``100%``."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", ",") + "%"


def _parts(counts: Counts, keep_zero: bool) -> list[str]:
    out = []
    for status in (*STATUSES, MISSING):
        n = counts.by_status[status]
        if n or (keep_zero and status != MISSING):
            out.append(f"{STATUS_WORDS[status]} {vi_number(n)} ({vi_percent(counts.percent(status))})")
    return out


def total_sentence(counts: Counts) -> str:
    """``Tổng số 44 nhiệm vụ: đã hoàn thành 30 (68,2%), hoàn thành quá hạn 5 (11,4%), …``."""
    return f"Tổng số {vi_number(counts.total)} nhiệm vụ: {', '.join(_parts(counts, True))}."


def unit_line(lead: str, counts: Counts) -> str:
    """``Văn phòng: 20 nhiệm vụ, đã hoàn thành 15 (75%), đang thực hiện 5 (25%)``."""
    return f"{lead}: {vi_number(counts.total)} nhiệm vụ, {', '.join(_parts(counts, False))};"


def _with_summary(nodes: list[Node], lines: list[str], extra: list[Node]) -> list[Node]:
    """The node with ``role: summary`` (I.2) gets the computed paragraphs (and the overdue list, the chart)."""
    out = []
    for node in nodes:
        if node.role == "summary":
            out.append(node.model_copy(update={"paragraphs": [*node.paragraphs, *lines],
                                               "items": [*extra, *node.items]}))
        elif node.items:
            out.append(node.model_copy(update={"items": _with_summary(node.items, lines, extra)}))
        else:
            out.append(node)
    return out


def _row(task: TaskResult, status: str | None = None) -> Row:
    if task.group:
        return Row(group=task.group)
    cells: dict[str, Any] = {"task": (task.task or "").split("\n")}
    for key, value in (("lead", task.lead), ("deadline", task.deadline), ("result", task.result),
                       ("remark", task.note)):
        if value:
            cells[key] = value.split("\n")
    if status:
        cells["status"] = [status[0].upper() + status[1:]]
    return Row.model_validate(cells)


def task_appendix(doc: Document) -> Appendix:
    """Phụ lục II (optional, BC31): one row per task with its official status and result."""
    assert doc.report is not None
    info = doc.report
    rows = []
    for task in info.tasks:
        status = official_status(task, info.data_to, info.year) if task.task else None
        rows.append(_row(task.model_copy(update={"status": None}), status))
    return Appendix(title=["Kết quả thực hiện nhiệm vụ của Kế hoạch",
                           f"({get_period(info.period).phrase(info.year)})"],
                    orientation="landscape", columns=_COLUMNS, rows=rows)


def report_figures(doc: Document) -> tuple[Outline, Computed, Progress]:
    """The outline, the computed Biểu mẫu (plan tasks filling rows 2.1/2.2 the user left blank), the progress."""
    assert doc.report is not None
    info = doc.report
    outline = load_outline(info.outline)
    counts = progress(info)
    return outline, compute_forms(outline, info.figures, info.notes, task_figures(info, counts)), counts


#: Biểu mẫu rows the program counts from the tasks: tasks of the plan (2.1) and done (2.2) of Biểu mẫu 1.
TASK_ROWS: dict[str, tuple[str, ...]] = {"bm1": ("2.1", "2.2")}


def counted_rows(info: ReportInfo, counts: Progress) -> dict[str, tuple[str, ...]]:
    """The rows of ``TASK_ROWS`` this report counts (none when it has no task to count)."""
    return TASK_ROWS if counts.counted or info.plan_tasks_total is not None else {}


def task_figures(info: ReportInfo, counts: Progress) -> dict[str, dict[str, Figure]]:
    """The Biểu mẫu rows the program counts from the tasks (Biểu mẫu 1 rows 2.1 and 2.2)."""
    known: dict[str, dict[str, Figure]] = {}
    if counts.counted or info.plan_tasks_total is not None:
        known["bm1"] = {"2.1": counts.total}
        if counts.by_status[UNKNOWN] < counts.counted:  # X only once some status is entered
            known["bm1"]["2.2"] = counts.done
    return known


def expand_report(doc: Document) -> tuple[Document, list[dict[str, Any]], dict[int, Markup]]:
    """``doc`` with I.2 computed, results under their fields, the Biểu mẫu (and Phụ lục II if asked for).

    Returns the expanded document, the charts the renderer must add and the ready-made table XML of
    appendices (by position) that are not plain task tables (the Biểu mẫu).
    """
    if doc.report is None:
        return doc, [], {}
    info = doc.report
    outline, figures, counts = report_figures(doc)
    appendices = ([forms_appendix(doc, outline)] if info.appendix else []) + \
        ([task_appendix(doc)] if info.task_table else []) + list(doc.appendices)
    many = len(appendices) > 1
    task_name = ("Phụ lục II" if info.appendix else "Phụ lục I" if many else "Phụ lục") if info.task_table else None
    body, _ = place_results(doc.body, outline, info.tasks)
    if many and info.appendix:  # the body names "Phụ lục I" once there is a Phụ lục II (NĐ 30 X2)
        body = _rename_appendix(body, "tại phụ lục kèm theo", "tại Phụ lục I kèm theo")
    if not info.appendix:  # no Biểu mẫu attached: no line pointing to them (BC8)
        body = _drop_text(body, _FORMS_LINE)
    extra = overdue_items(counts)
    lines = progress_paragraphs(doc, figures, counts, task_name)
    charts: list[dict[str, Any]] = []
    if info.task_table and counts.counted:
        lines.append(CHART_MARK)
        bars = [Bar(s[0].upper() + s[1:], counts.by_status[s], COLOURS[s])
                for s in (*OFFICIAL, UNKNOWN) if s != UNKNOWN or counts.by_status[s]]
        phrase = get_period(info.period).phrase(info.year)
        charts.append({"rid": CHART_RID, "number": 1, "xml": chart_xml(f"Tình hình thực hiện nhiệm vụ {phrase}", bars),
                       "workbook": chart_workbook(bars)})
    if extra:  # the overdue list follows its lead-in line, after the chart
        lines.append(f"Các nhiệm vụ quá hạn nhưng chưa hoàn thành ({len(extra):02d}), cần khẩn trương thực hiện:")
    expanded = doc.model_copy(update={"body": _with_summary(body, lines, extra), "appendices": appendices})
    tables = {0: forms_xml(figures, outline.appendix, LANDSCAPE_WIDTH_MM)} if info.appendix else {}
    return expanded, charts, tables


_FORMS_LINE = "(Số liệu cụ thể ở các nội dung tại phụ lục kèm theo báo cáo)."


def _drop_text(nodes: list[Node], text: str) -> list[Node]:
    return [n.model_copy(update={"items": _drop_text(n.items, text)}) for n in nodes
            if (n.text or "").strip("*") != text]


def _rename_appendix(nodes: list[Node], old: str, new: str) -> list[Node]:
    return [n.model_copy(update={"text": n.text.replace(old, new) if n.text else n.text,
                                 "items": _rename_appendix(n.items, old, new)}) for n in nodes]


def forms_appendix(doc: Document, outline: Outline) -> Appendix:
    """The Biểu mẫu appendix's heading lines (its table is ``forms_xml``)."""
    assert doc.report is not None
    phrase = get_period(doc.report.period).phrase(doc.report.year)
    title = outline.appendix["title"].format(period_upper=upper_vi(phrase))
    unit = squash(doc.issuer.full_name or doc.issuer.name.replace("|", " "))
    columns = [Column(key="stt", label="STT", width=20, numbers=True)]
    return Appendix(title=[title, f"của {unit}"], orientation="landscape", columns=columns)
def place_charts(body: list[Para], charts: list[dict[str, Any]]) -> list[Para]:
    """Swap the chart marker paragraph for the chart (150 × 75 mm, centred by the template)."""
    if not charts:
        return body
    run = Markup(inline_run(CHART_RID, 1, 150, 75, "Biểu đồ trạng thái nhiệm vụ"))
    return [Para("chart", run, "") if p.plain == CHART_MARK else p for p in body]
