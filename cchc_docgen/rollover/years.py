"""Moving the plan year inside one text, and nowhere else.

A year moves when it means the plan year (``năm 2023``, ``Quý I/2023``, ``Cả năm 2023``) or, in a deadline
(a time column, ``Tháng 12/2022``, ``trước ngày 15/12/2022``), the year before it. It never moves inside a
citation of another document (``Kế hoạch số 216/KH-UBND ngày 23/9/2021 … về … năm 2023``), in a range
(``giai đoạn 2021-2030``), in a document number (``30/2020/NĐ-CP``, ``ISO 9001:2015``) or in a date that is
not a deadline (a past event). ``năm học 2022-2023`` moves as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DOC = (
    r"(?:Nghị quyết|Nghị định|Quyết định|Kế hoạch|Chỉ thị|Thông tư liên tịch|Thông tư|Công văn|Văn bản|"
    r"Chương trình hành động|Chương trình|Hướng dẫn|Thông báo|Công điện|Kết luận|Quy định|Đề án|Luật|Báo cáo|"
    r"Tờ trình|Quy chế|Phương án|Dự án|Chiến lược|Điều lệ|Pháp lệnh|Nghị quyết liên tịch|Thông báo kết luận|Giấy mời)"
)
#: a cited document: its type and a number with a '/' or '-' ("số 4647/QĐ-UBND", "76/NQ-CP", "số 03-NQ/TU")
CITATION = re.compile(
    rf"{_DOC}\s+(?:số\s*:?\s*)?\d+[\w.]*[/-][\wĐđ/.&-]*"
    r"|\bsố\s*:?\s*\d+[\w.]*/(?:\d{4}/)?[A-ZĐ][\wĐđ/.&-]*",  # "(theo) số 7178/PA-UBND": any typed number
    re.IGNORECASE,
)
_CITED_DATE = re.compile(r"\s*(?:của\s[^;.()]{0,80}?\s)?(?:ngày\s+)?\d{1,2}/\d{1,2}/(?:19|20)\d\d")
#: a citation goes on with the cited document's title ("của … về …") up to ';', '.', ')' or the lead-in clause
_TITLE_TAIL = re.compile(r"\s*(của|về|v/v|ban hành|quy định|phê duyệt|hướng dẫn|triển khai|thực hiện|tại)\b",
                         re.IGNORECASE)
_LEAD_IN = r",\s+(?=[^,;]{0,80}\b(?:xây dựng|ban hành)\s+[Kk]ế hoạch)"
_STOP = re.compile(rf";|\.(?=\s|$)|\n|{_LEAD_IN}")
_STOP_PAREN = re.compile(rf"\)|{_LEAD_IN}")
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
_SCHOOL_YEAR = re.compile(r"năm học\s*$", re.IGNORECASE)
_NUMBER_YEAR = re.compile(r"(?:\d/|/)((?:19|20)\d\d)(?=/)|\d:((?:19|20)\d\d)\b")
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_DEADLINE_WORDS = re.compile(
    r"(trước|đến|hạn|chậm nhất|từ|trong|hoàn thành|xong|kể từ|gửi)\s+(là\s+)?(ngày\s+)?$|^\s*$", re.IGNORECASE
)
_PERIOD = re.compile(r"(tháng|quý|quí)\s+[\dIVX]+(\s*,\s*[\dIVX]+)*\s*/\s*$|(tháng|quý)\s*[\dIVX]*\s*/?\s*$",
                     re.IGNORECASE)


@dataclass
class Shift:
    """The result of moving the years of one text."""

    text: str
    #: (before, after) phrases that changed
    changes: list[tuple[str, str]] = field(default_factory=list)
    #: dates kept as they are (not deadlines), and mentions of the year before the plan year that were not moved
    kept_dates: list[str] = field(default_factory=list)
    kept_previous: list[str] = field(default_factory=list)
    #: citations found (text of each), with their date's year when there is one
    citations: list[tuple[str, int | None]] = field(default_factory=list)
    #: full dates moved as deadlines ("15/01/2026"): the same date elsewhere in the plan moves with them
    moved_dates: set[str] = field(default_factory=set)
    #: "ngày 23 tháng 1" with no year: a day of the old year's calendar
    undated: list[str] = field(default_factory=list)


def citation_spans(text: str) -> list[tuple[int, int, int | None]]:
    """(start, end, year of its date) of every cited document: its type, number, date and title up to ';' '.' ')'."""
    spans: list[tuple[int, int, int | None]] = []
    for match in CITATION.finditer(text):
        start, end = match.start(), match.end()
        year = None
        dated = _CITED_DATE.match(text, end)
        if dated:
            year = int(dated.group(0)[-4:])
            end = dated.end()
        if _TITLE_TAIL.match(text, end):
            open_paren = text.count("(", 0, start) > text.count(")", 0, start)
            found = (_STOP_PAREN if open_paren else _STOP).search(text, end)
            end = found.start() if found else len(text)
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end, year))
    return spans


_UNDATED = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\b(?!\s*(?:năm\b|/))", re.IGNORECASE)


def shift_text(text: str, old: int, new: int, *, deadline: bool = False, also: frozenset[str] = frozenset()) -> Shift:
    """``text`` with the plan year ``old`` moved to ``new`` (and, in deadlines, the years before and after it);
    ``also``: dates moved as deadlines elsewhere in the plan, moved here too (one deadline, one date)."""
    delta = new - old
    result = Shift(text)
    spans = citation_spans(text)
    result.citations = [(text[s:e], y) for s, e, y in spans]
    protected = [(s, e) for s, e, _ in spans]
    edits: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in protected)

    for match in _RANGE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if _SCHOOL_YEAR.search(text[: match.start()]) and old in (first, second) and second == first + 1:
            joint = text[match.end(1): match.start(2)]
            edits.append((match.start(), match.end(), f"{first + delta}{joint}{second + delta}"))
        protected.append((match.start(), match.end()))
    for match in _NUMBER_YEAR.finditer(text):
        protected.append((match.start(), match.end()))
    for match in _DATE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        year = int(match.group(3))
        before = text[max(0, match.start() - 30): match.start()]
        is_deadline = deadline or bool(_DEADLINE_WORDS.search(before))
        if (is_deadline and year in (old - 1, old, old + 1)) or _same_date(match.group(0)) in also:
            edits.append((match.start(3), match.end(3), str(year + delta)))
            result.moved_dates.add(_same_date(match.group(0)))
        elif year <= old:
            result.kept_dates.append(match.group(0))
        protected.append((match.start(), match.end()))
    for match in _YEAR.finditer(text):
        if not free(match.start(), match.end()):
            continue
        year = int(match.group(1))
        before = text[max(0, match.start() - 20): match.start()]
        if year == old:
            edits.append((match.start(), match.end(), str(new)))
        elif year == old - 1:
            if deadline or _PERIOD.search(before):
                edits.append((match.start(), match.end(), str(year + delta)))
            else:
                result.kept_previous.append(_phrase(text, match.start(), match.end()))
        elif year == old + 1 and (deadline or _PERIOD.search(before)):  # "Quý I/2027" of a 2026 plan: its review
            edits.append((match.start(), match.end(), str(year + delta)))
    result.undated = [m.group(0) for m in _UNDATED.finditer(text) if free(m.start(), m.end())]
    out = text
    for start, end, value in sorted(edits, reverse=True):
        out = out[:start] + value + out[end:]
    for start, end, value in sorted(edits):
        a, b = _span(text, start, end)
        result.changes.append((text[a:b], text[a:start] + value + text[end:b]))
    result.text = out
    return result


def _same_date(text: str) -> str:
    """'5/1/2026' and '05/01/2026' are one date: '05/01/2026'."""
    day, month, year = text.split("/")
    return f"{int(day):02d}/{int(month):02d}/{year}"


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the phrase around a year lies: the word before it and the year's own word ('Quý I/2023')."""
    left = start
    while left > 0 and text[left - 1] not in " \n(":
        left -= 1
    word_start = left
    left -= 1
    while left > 0 and text[left - 1] not in " \n(":
        left -= 1
    left = max(0, left) if word_start > 0 else word_start
    right = end
    while right < len(text) and text[right] not in " ,;:.)”\"\n":
        right += 1
    return left, right


def _phrase(text: str, start: int, end: int) -> str:
    a, b = _span(text, start, end)
    return text[a:b]
