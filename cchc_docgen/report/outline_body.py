"""The body of a periodic report: every heading of the official outline, in order, for any level.

Nothing is deleted for a lower level (BC32): a sub-item that does not apply keeps its heading and gets the
level's "Không phát sinh" sentence from the data file. Section IV is numbered paragraphs in the order of
spec §3.5, each followed by the next period's plan tasks of that area (never tasks of a closed year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_docgen.context.text import squash
from cchc_docgen.models import Node
from cchc_docgen.report.outline import Item, Outline

_MARK = re.compile(r"\s*\(\*+\)")  # "(*)": a plan's marker for key tasks, not part of the task
#: What the skeleton writes where staff have to fill in text.
PLACEHOLDER = "…"
#: Section IV paragraph (0-based, spec §3.5 order) that each outline field's tasks belong to.
_DIRECTION_OF = {"I.1": 0, "I.2": 0, "I.3": 1, "I.4": 1, "I.5": 1, "I.6": 1, "II.1": 2, "II.2": 3, "II.3": 4,
                 "II.4": 4, "II.5": 5, "II.6": 6}


@dataclass(frozen=True)
class NextTask:
    """A plan task due in the next period, for Section IV."""

    task: str
    field: str
    deadline: str | None = None


def direction_index(field: str) -> int:
    """The Section IV paragraph of an outline field (``II.2`` → 3)."""
    key = ".".join(field.split(".")[:2])
    return _DIRECTION_OF.get(key, 0)


def _dash(label: str) -> Node:
    text = f"{label} {PLACEHOLDER}" if label.endswith(":") else f"{label}: {PLACEHOLDER}"
    return Node(text=text, numbering="dash")


def _point(item: Item, year_report: bool, values: dict[str, str], level: str) -> Node:
    title = item.heading(year_report, values)
    missing = item.not_applicable.get(level)
    if item.run_in:
        return Node(title=title, text=missing or PLACEHOLDER)
    if missing:
        return Node(title=title, paragraphs=[missing])
    if item.dashes:
        return Node(title=title, items=[_dash(d) for d in item.dashes])
    return Node(title=title, paragraphs=[PLACEHOLDER])


def _clause(item: Item, year_report: bool, values: dict[str, str], level: str) -> Node:
    if not item.items:
        node = _point(item, year_report, values, level)
        if item.role == "summary":
            return Node(title=node.title, role="summary")
        return node
    return Node(title=item.heading(year_report, values),
                items=[_point(i, year_report, values, level) for i in item.items])


def _direction_line(task: NextTask) -> str:
    """"<task> (thời gian: <deadline>);" without the task's own full stop before the parenthesis."""
    text = squash(_MARK.sub("", task.task)).rstrip(" .;,")
    when = squash(task.deadline or "").rstrip(" .;,")
    return text + (f" (thời gian: {when})" if when else "") + ";"


def directions(outline: Outline, values: dict[str, str], tasks: list[NextTask]) -> list[Node]:
    """Section IV: the generic priorities, each with the next period's tasks of its area as dash lines."""
    buckets: list[list[NextTask]] = [[] for _ in outline.priorities]
    for task in tasks:
        buckets[min(direction_index(task.field), len(buckets) - 1)].append(task)
    out = []
    for text, bucket in zip(outline.priorities, buckets, strict=True):
        lines = [Node(text=_direction_line(t), numbering="dash") for t in bucket]
        if lines:
            last = lines[-1].text or ""
            lines[-1] = Node(text=last[:-1] + ".", numbering="dash")
        out.append(Node(text=text.format(**values), items=lines))
    return out


def outline_body(outline: Outline, *, year_report: bool, level: str, values: dict[str, str],
                 next_tasks: list[NextTask], appendix: bool) -> list[Node]:
    """Sections I–IV of the report, every heading of ``outline`` in order."""
    body: list[Node] = []
    for section in outline.sections:
        title = section.heading(year_report, values)
        if section.role == "directions":
            body.append(Node(title=title, role="directions", items=directions(outline, values, next_tasks)))
            continue
        items = [_clause(i, year_report, values, level) for i in section.items]
        if section.after and appendix:
            items.append(Node(text=f"*{section.after}*", numbering="none"))
        body.append(Node(title=title, items=items))
    return body
