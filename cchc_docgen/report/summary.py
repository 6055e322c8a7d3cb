"""Computed figures of a report: tasks counted per status and per lead unit, with percentages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cchc_docgen.context.text import squash
from cchc_docgen.errors import InputError
from cchc_docgen.models import Document
from cchc_docgen.models.report import STATUSES

#: The count of tasks whose status is not filled in yet.
MISSING = "chưa cập nhật"


@dataclass
class Counts:
    """Tasks per status (``STATUSES`` order, then ``MISSING``) out of ``total``."""

    total: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*STATUSES, MISSING), 0))

    def add(self, status: str | None) -> None:
        self.total += 1
        self.by_status[status or MISSING] += 1

    def percent(self, status: str) -> float:
        """Share of ``status`` in percent (0.0 when there are no tasks)."""
        return 100.0 * self.by_status.get(status, 0) / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_status": dict(self.by_status),
            "percent": {s: round(self.percent(s), 1) for s in self.by_status},
        }


@dataclass
class Summary:
    """Counts for the whole report and for each lead unit (in order of first appearance)."""

    overall: Counts
    by_lead: dict[str, Counts]

    def as_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.as_dict(), "by_lead": {k: v.as_dict() for k, v in self.by_lead.items()}}


def summary(report: Document) -> Summary:
    """Count the tasks of ``report`` per status and per lead unit."""
    if report.report is None:
        raise InputError("văn bản này không phải báo cáo kết quả thực hiện kế hoạch (không có khóa 'report').")
    overall = Counts()
    by_lead: dict[str, Counts] = {}
    for task in report.report.tasks:
        if not task.task:
            continue
        overall.add(task.status)
        lead = squash(task.lead) if task.lead else "Chưa ghi đơn vị chủ trì"
        by_lead.setdefault(lead, Counts()).add(task.status)
    return Summary(overall, by_lead)
