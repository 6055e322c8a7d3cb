"""NĐ30 dates: "ngày 04 tháng 01 năm 2022", "ngày 29 tháng 6 năm 2019"; blanks for drafts."""

from __future__ import annotations

from typing import Protocol

#: What a draft prints where the day or month is not known yet (non-breaking spaces keep the gap).
BLANK = "\u00a0" * 6


class DateLike(Protocol):
    year: int
    month: int | None
    day: int | None


def day_text(day: int | None) -> str:
    """Days below 10 take a leading zero."""
    return BLANK if day is None else f"{day:02d}"


def month_text(month: int | None) -> str:
    """Months 1 and 2 take a leading zero; 3–12 do not (PL1 §II.4.b)."""
    if month is None:
        return BLANK
    return f"{month:02d}" if month <= 2 else str(month)


def long_date(date: DateLike | None, default_year: int | None = None) -> str:
    """``ngày 04 tháng 01 năm 2022``; unknown parts are left blank for the signer's office to fill in."""
    if date is None:
        year = str(default_year) if default_year else "20" + "\u00a0" * 4
        return f"ngày {BLANK} tháng {BLANK} năm {year}"
    return f"ngày {day_text(date.day)} tháng {month_text(date.month)} năm {date.year}"


def date_line(place: str, date: DateLike | None, default_year: int | None = None) -> str:
    """The ô 4 line: ``Hưng Yên, ngày 04 tháng 01 năm 2022``."""
    return f"{place}, {long_date(date, default_year)}"
