"""What a periodic report's body gets at render time: the I.2 progress sentence and task results per field.

The I.2 sentence "đã hoàn thành X/Y nhiệm vụ kế hoạch đề ra (đạt Z% kế hoạch)" takes X, Y and Z from the
computed Biểu mẫu 1 rows 2.2, 2.1 and 2 (one data field for body and form, BC25). Overdue tasks are counted
and listed. Each task's result is placed under the outline field it feeds, as a first draft of its narrative.
"""

from __future__ import annotations

import re

from cchc_docgen.context.text import squash
from cchc_docgen.models import Document, Node
from cchc_docgen.models.report import OFFICIAL, TaskResult
from cchc_docgen.report.fields import bare
from cchc_docgen.report.forms import Computed
from cchc_docgen.report.outline import Outline
from cchc_docgen.report.outline_body import PLACEHOLDER
from cchc_docgen.report.progress import UNKNOWN, Progress


def _count(n: int, what: str) -> str:
    return f"{n:02d} nhiệm vụ {what}" if n < 10 else f"{n:,} nhiệm vụ {what}".replace(",", ".")


def progress_paragraphs(doc: Document, figures: Computed, counts: Progress, appendix_name: str | None) -> list[str]:
    """The I.2 paragraphs: plan, X/Y (Z%), the four official statuses, the overdue warning."""
    assert doc.report is not None
    done, total, rate = figures.text(1, "2.2"), figures.text(1, "2.1"), figures.text(1, "2")
    done, total = done or PLACEHOLDER, total or PLACEHOLDER
    rate = f" (đạt {rate}% kế hoạch)" if rate and rate != "-" else ""
    lines = [f"Thực hiện {doc.report.plan}, đến nay đã triển khai thực hiện hoàn thành {done}/{total} nhiệm vụ kế "
             f"hoạch đề ra{rate}."]
    if counts.counted:
        parts = [_count(counts.by_status[s], s) for s in OFFICIAL]
        if counts.by_status[UNKNOWN]:
            parts.append(_count(counts.by_status[UNKNOWN], UNKNOWN))
        where = f" (chi tiết tại {appendix_name} kèm theo Báo cáo này)" if appendix_name else ""
        lines.append(f"Trong đó: {'; '.join(parts)}{where}.")
    return lines


def overdue_items(counts: Progress) -> list[Node]:
    """One dash line per overdue task (BC28: counted and flagged)."""
    out = []
    for task in counts.overdue:
        lead = f"{squash(task.lead)}, " if task.lead else ""
        out.append(Node(text=f"{squash(task.task or '')} ({lead}thời hạn: {squash(task.deadline or '')});",
                        numbering="dash"))
    if out:
        last = out[-1].text or ""
        out[-1] = Node(text=last[:-1] + ".", numbering="dash")
    return out


def _heading_patterns(outline: Outline) -> dict[str, re.Pattern[str]]:
    out = {}
    for item in outline.walk():
        if item.key.count(".") != 1:
            continue
        texts = [t for t in (item.title, item.year_title) if t]
        alts = "|".join(re.sub(r"\\\{[a-z_]+\\\}", ".*", re.escape(bare(t))) for t in texts)
        out[item.key] = re.compile(f"(?:{alts})")
    return out


_MARK = re.compile(r"\s*\(\*+\)")


def _result_line(task: TaskResult) -> str:
    """``<task, first line, without (*) marks>: <result>`` (a first draft of the field's narrative)."""
    name = _MARK.sub("", (task.task or "").split("\n")[0])
    return f"{squash(name)}: {squash(task.result or '')}"


def place_results(body: list[Node], outline: Outline, tasks: list[TaskResult]) -> tuple[list[Node], int]:
    """Task results under the I.x / II.x heading of their field; returns the body and how many were placed."""
    by_field: dict[str, list[str]] = {}
    for task in tasks:
        if task.task and task.result and task.field:
            by_field.setdefault(".".join(task.field.split(".")[:2]), []).append(_result_line(task))
    if not by_field:
        return body, 0
    patterns = _heading_patterns(outline)
    placed = 0
    out = []
    for section in body:
        items = []
        for node in section.items:
            key = next((k for k, p in patterns.items() if node.title and p.fullmatch(bare(node.title))), None)
            lines = by_field.get(key or "", [])
            if lines:
                placed += len(lines)
                keep = [p for p in node.paragraphs if p.strip() != PLACEHOLDER]
                if node.text == PLACEHOLDER:  # a run-in heading: the results follow its colon
                    node = node.model_copy(update={"text": lines[0], "paragraphs": [*lines[1:], *keep]})
                else:
                    node = node.model_copy(update={"paragraphs": [*lines, *keep]})
            items.append(node)
        out.append(section.model_copy(update={"items": items}))
    return out, placed
