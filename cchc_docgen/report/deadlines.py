"""Deadlines written as free text in plans ("Quý I/2023", "Trước ngày 15/6", "Thường xuyên") → date windows.

A deadline becomes a window ``start … end``: the task runs in that window and is due at its end.
Text with no date in it ("Theo kế hoạch của UBND tỉnh") gives a window of ``None`` and is kept as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:19|20)\d\d"
_Q = r"(?:iv|iii|ii|i|[1-4])"
_LIST = r"\s*(?:,|;|và|-|đến)\s*"
_QUARTER = re.compile(rf"qu[ýy]\s+(?P<q>{_Q}(?:{_LIST}(?:qu[ýy]\s+)?{_Q})*)\b(?:\s*(?:/|năm)\s*(?P<y>{_YEAR}))?")
_M = r"(?:1[0-2]|0?[1-9])"
_MONTH = re.compile(rf"tháng\s+(?P<m>{_M}(?:{_LIST}(?:tháng\s+)?{_M})*)"
                    rf"(?:\s*(?:/|năm)\s*(?P<y>{_YEAR}))?(?!\s*/\s*\d)(?!\d)")
_SCHOOL_YEAR = re.compile(rf"năm\s+học\s+(?P<y>{_YEAR})\s*-\s*(?P<y2>{_YEAR})")
_DATE = re.compile(rf"(?<![\d/])(?P<d>[0-3]?\d)\s*/\s*(?P<m>1[0-2]|0?[1-9])(?:\s*/\s*(?P<y>{_YEAR}))?(?![\d/])")
_HALF = re.compile(r"(?P<n>6|9|sáu|chín)\s+tháng\s+(?P<w>đầu|cuối)\s+năm")
_WHOLE = re.compile(rf"(?:(?:cả|trong|suốt)\s+)?năm\s+(?P<y>{_YEAR})|(?:cả|trong|suốt)\s+năm\b")
_ONGOING = re.compile(r"thường\s+xuyên|liên\s+tục|h[ằà]ng\s+(?:năm|quý|tháng)|định\s+kỳ")
_BEFORE = re.compile(r"(?:trước|chậm\s+nhất|hạn|không\s+quá|đến)\s+(?:ngày\s+)?$")


@dataclass(frozen=True)
class Deadline:
    """A parsed deadline: the text as written, the window it covers (``None`` when not understood)."""

    text: str
    start: dt.date | None
    end: dt.date | None
    ongoing: bool = False
    #: Each dated milestone written in the cell ("Trước ngày 10/6/2023, 10/11/2023": two), in order.
    milestones: tuple[dt.date, ...] = ()

    @property
    def understood(self) -> bool:
        return self.end is not None

    def due_within(self, first: dt.date, last: dt.date) -> bool:
        """A milestone falls in ``first … last`` (each milestone belongs to its own period, not a range)."""
        return any(first <= m <= last for m in self.milestones)

    def overdue_at(self, day: dt.date) -> bool:
        """The last milestone has passed by ``day`` (a task not done by then is overdue)."""
        return self.end is not None and self.end < day


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().replace("uý", "uý")
    return " ".join(text.replace("–", "-").replace("—", "-").split())


def _later_year(text: str, pos: int) -> int | None:
    """A year written after ``pos`` ("Quý III, Quý IV/2022": the year of Quý III)."""
    found = re.search(_YEAR, text[pos:])
    return int(found.group()) if found else None


def parse_deadline(text: str | None, plan_year: int) -> Deadline:
    """The window of ``text``; parts without a year belong to ``plan_year``."""
    raw = text or ""
    low = _clean(raw)
    if not low:
        return Deadline(raw, None, None)
    windows: list[tuple[dt.date, dt.date]] = []
    used: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in used)

    def year_of(match: re.Match[str]) -> int:
        y = match.groupdict().get("y")
        return int(y) if y else (_later_year(low, match.end()) or plan_year)

    for m in _DATE.finditer(low):
        day, month = int(m.group("d")), int(m.group("m"))
        year = year_of(m) if m.group("y") else plan_year
        try:
            end = dt.date(year, month, day)
        except ValueError:
            continue
        before = bool(_BEFORE.search(low[: m.start()]))
        windows.append((dt.date(year, 1, 1) if before else end, end))
        used.append(m.span())
    for m in _SCHOOL_YEAR.finditer(low):  # năm học 2023-2024: September to May
        windows.append((dt.date(int(m.group("y")), 9, 1), dt.date(int(m.group("y2")), 5, 31)))
        used.append(m.span())
    for m in _QUARTER.finditer(low):
        if free(m):
            quarters = [_ROMAN[q] for q in re.findall(_Q + r"\b", re.sub(r"qu[ýy]", "", m.group("q")))]
            year = year_of(m)
            windows.append((dt.date(year, 3 * min(quarters) - 2, 1), _month_end(year, 3 * max(quarters))))
            used.append(m.span())
    for m in _MONTH.finditer(low):
        if free(m):
            months = [int(x) for x in re.findall(r"\d+", m.group("m"))]
            year = year_of(m)
            windows.append((dt.date(year, min(months), 1), _month_end(year, max(months))))
            used.append(m.span())
    for m in _HALF.finditer(low):
        if free(m):
            count = 6 if m.group("n") in ("6", "sáu") else 9
            year = _later_year(low, m.end()) or plan_year
            first, last = (1, count) if m.group("w") == "đầu" else (13 - count, 12)
            windows.append((dt.date(year, first, 1), _month_end(year, last)))
            used.append(m.span())
    for m in _WHOLE.finditer(low):
        if free(m):
            year = int(m.group("y")) if m.group("y") else plan_year
            windows.append((dt.date(year, 1, 1), dt.date(year, 12, 31)))
            used.append(m.span())
    ongoing = bool(_ONGOING.search(low))
    if not windows and ongoing:
        windows.append((dt.date(plan_year, 1, 1), dt.date(plan_year, 12, 31)))
    if not windows and re.fullmatch(_YEAR, low.strip(" .")):  # "2023" alone: that year
        windows.append((dt.date(int(low.strip(" .")), 1, 1), dt.date(int(low.strip(" .")), 12, 31)))
    if not windows:
        return Deadline(raw, None, None)
    starts = [min(w) for w in windows]  # a window written backwards ("2024-2023") still counts
    ends = [max(w) for w in windows]
    return Deadline(raw, min(starts), max(ends), ongoing, tuple(sorted(set(ends))))
