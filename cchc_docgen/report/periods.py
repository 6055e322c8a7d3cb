"""Report periods of the CCHC reporting regime (spec/nd30.md §7.3, Bộ Nội vụ 581/BNV-CCHC).

Each period has a calendar span (which plan tasks fall in it), a data period (the figures a report counts:
quý I from 15/12 of the previous year to 14/3) and a due date (the 20th of the period's last month).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cchc_docgen.errors import InputError
from cchc_docgen.models.report import PERIOD_KEYS

#: Day of the month the data period closes (the next one opens the day after).
CUTOFF_DAY = 14
#: Day of the period's last month by which the report must be sent.
DUE_DAY = 20


@dataclass(frozen=True)
class Period:
    """A report period: ``key`` as on the command line, its span in months, its name in running text."""

    key: str
    first_month: int  # calendar span, months 1–12
    last_month: int
    name: str  # "quý I", "6 tháng đầu năm", "năm"
    data_first_month: int  # the data period opens on the 15th of the month before this one
    next_name: str  # the following period, for "Phương hướng, nhiệm vụ quý II năm 2024"

    def phrase(self, year: int) -> str:
        """``quý I năm 2024``, ``6 tháng đầu năm 2024``, ``năm 2024``."""
        return f"{self.name} {year}" if self.name.endswith("năm") else f"{self.name} năm {year}"

    def next_phrase(self, year: int) -> str:
        """The period after this one: ``quý II năm 2024``; after the year, ``năm 2025``."""
        if self.next_name == "năm":
            return f"năm {year + 1}"
        if self.next_name.endswith("năm"):
            return f"{self.next_name} {year}"
        return f"{self.next_name} năm {year}"

    def span(self, year: int) -> tuple[dt.date, dt.date]:
        """The calendar span: 1/1–31/3 for quý I."""
        last = dt.date(year + (self.last_month == 12), self.last_month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, self.first_month, 1), last

    def data_period(self, year: int) -> tuple[dt.date, dt.date]:
        """The figures' period: 15/12 of the previous year – 14/3 for quý I."""
        month = self.data_first_month - 1
        start = dt.date(year - 1, 12, CUTOFF_DAY + 1) if month == 0 else dt.date(year, month, CUTOFF_DAY + 1)
        return start, dt.date(year, self.last_month, CUTOFF_DAY)

    def due(self, year: int) -> dt.date:
        """The date the report is due: 20/3 for quý I."""
        return dt.date(year, self.last_month, DUE_DAY)


PERIODS: dict[str, Period] = {
    p.key: p
    for p in (
        Period("q1", 1, 3, "quý I", 1, "quý II"),
        Period("q2", 4, 6, "quý II", 4, "quý III"),
        Period("q3", 7, 9, "quý III", 7, "quý IV"),
        Period("q4", 10, 12, "quý IV", 10, "năm"),
        Period("6m", 1, 6, "6 tháng đầu năm", 1, "6 tháng cuối năm"),
        Period("9m", 1, 9, "9 tháng đầu năm", 1, "quý IV"),
        Period("year", 1, 12, "năm", 1, "năm"),
    )
}
assert tuple(PERIODS) == PERIOD_KEYS


def get_period(key: str) -> Period:
    """The period named ``key``; ``InputError`` in Vietnamese for an unknown one."""
    period = PERIODS.get(key.strip().lower()) if isinstance(key, str) else None
    if period is None:
        raise InputError(
            f"kỳ báo cáo '{key}' không có. Hãy chọn một trong: q1 (quý I), q2 (quý II), q3 (quý III), "
            "q4 (quý IV), 6m (6 tháng đầu năm), 9m (9 tháng đầu năm), year (cả năm)."
        )
    return period
