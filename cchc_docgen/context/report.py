"""Report-specific context: computed task summaries, the task appendix and the status chart.

``expand_report`` turns a report's ``report.tasks`` into plain document parts before the usual context is
built: the summary sentences go into the body node with ``role: summary`` and the task table becomes the
first appendix. ``place_charts`` then swaps the chart marker paragraph for the chart itself.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from cchc_docgen.context.body import Para
from cchc_docgen.context.text import squash
from cchc_docgen.models import Appendix, Column, Document, Node, Row
from cchc_docgen.models.report import STATUSES, TaskResult
from cchc_docgen.report.chart import Bar, chart_workbook, chart_xml, inline_run
from cchc_docgen.report.periods import get_period
from cchc_docgen.report.summary import MISSING, Counts, summary

_RESULT_OF = "kết quả thực hiện "
#: Text of the body paragraph the chart replaces (never printed).
CHART_MARK = "⟦biểu đồ trạng thái nhiệm vụ⟧"
CHART_RID = "rIdCchcChart1"
#: Words for each status inside a sentence, and colours of the chart bars.
STATUS_WORDS = {"hoàn thành": "đã hoàn thành", "hoàn thành quá hạn": "hoàn thành quá hạn",
                "đang thực hiện": "đang thực hiện", "chưa thực hiện": "chưa thực hiện",
                MISSING: "chưa cập nhật trạng thái"}
COLOURS = {"hoàn thành": "2E7D32", "hoàn thành quá hạn": "F9A825", "đang thực hiện": "1565C0",
           "chưa thực hiện": "C62828", MISSING: "9E9E9E"}
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


def _summary_node(node: Node, doc: Document, appendix_name: str) -> Node:
    figures = summary(doc)
    lines = [Node(text=unit_line(lead, c)) for lead, c in figures.by_lead.items()]
    if lines:
        last = lines[-1].text or ""
        lines[-1] = Node(text=last[:-1] + ".")
    paragraphs = [*node.paragraphs, total_sentence(figures.overall)]
    if figures.overall.total:
        paragraphs.append(CHART_MARK)
    paragraphs.append(f"Kết quả theo đơn vị chủ trì (chi tiết tại {appendix_name} kèm theo Báo cáo này):")
    return node.model_copy(update={
        "paragraphs": paragraphs,
        "items": [Node(text=ln.text, numbering="dash") for ln in lines] + list(node.items),
    })


def _with_summary(nodes: list[Node], doc: Document, appendix_name: str) -> list[Node]:
    out = []
    for node in nodes:
        if node.role == "summary":
            out.append(_summary_node(node, doc, appendix_name))
        elif node.items:
            out.append(node.model_copy(update={"items": _with_summary(node.items, doc, appendix_name)}))
        else:
            out.append(node)
    return out


def _row(task: TaskResult) -> Row:
    if task.group:
        return Row(group=task.group)
    cells: dict[str, Any] = {"task": (task.task or "").split("\n")}
    for key, value in (("lead", task.lead), ("deadline", task.deadline), ("result", task.result),
                       ("remark", task.note)):
        if value:
            cells[key] = value.split("\n")
    if task.status:
        cells["status"] = [task.status[0].upper() + task.status[1:]]
    return Row.model_validate(cells)


def task_appendix(doc: Document) -> Appendix:
    """The appendix "Kết quả thực hiện nhiệm vụ": one row per task with its status and result."""
    assert doc.report is not None
    lines = [squash(part) for part in doc.title.split("|") if part.strip()]
    if lines and lines[0].lower().startswith(_RESULT_OF) and len(lines[0]) > len(_RESULT_OF):
        lines[0] = "của " + lines[0][len(_RESULT_OF):].strip()
    else:
        lines = [get_period(doc.report.period).phrase(doc.report.year)]
    return Appendix(
        title=["Kết quả thực hiện nhiệm vụ", *lines],
        orientation="landscape", columns=_COLUMNS, rows=[_row(t) for t in doc.report.tasks],
    )


def expand_report(doc: Document) -> tuple[Document, list[dict[str, Any]]]:
    """``doc`` with its computed summary and task appendix, and the charts the renderer must add."""
    if doc.report is None:
        return doc, []
    appendices = [task_appendix(doc), *doc.appendices]
    name = "Phụ lục I" if len(appendices) > 1 else "Phụ lục"
    figures = summary(doc).overall
    expanded = doc.model_copy(update={"body": _with_summary(doc.body, doc, name), "appendices": appendices})
    if not figures.total:
        return expanded, []
    bars = [Bar(s[0].upper() + s[1:], figures.by_status[s], COLOURS[s])
            for s in (*STATUSES, MISSING) if s != MISSING or figures.by_status[s]]
    phrase = get_period(doc.report.period).phrase(doc.report.year)
    chart = {"rid": CHART_RID, "number": 1, "xml": chart_xml(f"Tình hình thực hiện nhiệm vụ {phrase}", bars),
             "workbook": chart_workbook(bars)}
    return expanded, [chart]


def place_charts(body: list[Para], charts: list[dict[str, Any]]) -> list[Para]:
    """Swap the chart marker paragraph for the chart (150 × 75 mm, centred by the template)."""
    if not charts:
        return body
    run = Markup(inline_run(CHART_RID, 1, 150, 75, "Biểu đồ trạng thái nhiệm vụ"))
    return [Para("chart", run, "") if p.plain == CHART_MARK else p for p in body]
