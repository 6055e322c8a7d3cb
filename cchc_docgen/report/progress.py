"""Plan progress for I.2 and Biểu mẫu 1 rows 2–2.2: official statuses, overdue tasks, X/Y cumulative.

Staff enter what happened (``hoàn thành``, ``hoàn thành quá hạn``, ``đang thực hiện``, ``chưa thực hiện``);
reports print only the four official wordings (spec §5.2), computed at the close of the data window from the
task's deadline: a task not done whose last milestone has passed is "quá hạn nhưng chưa hoàn thành" and is
flagged. Y is every task of the year plan (or the user's count), X every task done since the year began.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cchc_docgen.models.report import OFFICIAL, ReportInfo, TaskResult
from cchc_docgen.report.deadlines import parse_deadline

ON_TIME, LATE, OVERDUE, PENDING = OFFICIAL
#: Tasks whose status has not been entered yet.
UNKNOWN = "chưa cập nhật trạng thái"


def official_status(task: TaskResult, at: dt.date, year: int) -> str | None:
    """The official wording of ``task``'s status at ``at`` (``None`` while no status is entered)."""
    if task.status == "hoàn thành":
        return ON_TIME
    if task.status == "hoàn thành quá hạn":
        return LATE
    if task.status is None:
        return None
    return OVERDUE if parse_deadline(task.deadline, year).overdue_at(at) else PENDING


@dataclass
class Progress:
    """Counts of the year plan's tasks at the end of a report's data window."""

    total: int
    counted: int  # task rows found in the plan (``total`` unless the user overrides it)
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*OFFICIAL, UNKNOWN), 0))
    overdue: list[TaskResult] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.by_status[ON_TIME] + self.by_status[LATE]


def progress(info: ReportInfo) -> Progress:
    """Every task of the report (the whole year plan) classified at ``info.data_to``."""
    tasks = [t for t in info.tasks if t.task]
    result = Progress(total=info.plan_tasks_total if info.plan_tasks_total is not None else len(tasks),
                      counted=len(tasks))
    for task in tasks:
        status = official_status(task, info.data_to, info.year)
        result.by_status[status or UNKNOWN] += 1
        if status == OVERDUE:
            result.overdue.append(task)
    return result
