"""Which item of the report outline a plan task feeds (I.1 … I.6, II.1 … II.6), and the unit's level.

A task goes where its group row (or, failing that, its own wording) points: a group "Cải cách thủ tục hành
chính" feeds II.2. Matching uses the keywords of the outline data file, compared without diacritics. Every
task of a tuyên truyền plan feeds I.4 (spec §6.4): its own structure never becomes report headings.
"""

from __future__ import annotations

import re
import unicodedata

from cchc_docgen.context.text import squash
from cchc_docgen.models import Document
from cchc_docgen.report.outline import Item, Outline

#: Where a task goes when nothing in its group or wording matches.
DEFAULT_FIELD = "I.1"
COMMUNICATION_FIELD = "I.4"
_SCHOOL = re.compile(r"\b(trường|mầm non|tiểu học|thcs|thpt|trung học|mẫu giáo|nhà trẻ)\b", re.IGNORECASE)
_COMMUNE = re.compile(r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã)\b",
                      re.IGNORECASE)
_OFFICE = re.compile(r"^phòng\b", re.IGNORECASE)
_PROVINCE = re.compile(r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(tỉnh|thành phố)\b", re.IGNORECASE)


def bare(text: str) -> str:
    """Lower case, no diacritics, single spaces: 'Thủ tục hành chính' → 'thu tuc hanh chinh'."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def level_of(plan: Document) -> str:
    """province, department, office (a Phòng), commune or school, from the issuer's name (spec §6)."""
    name = squash((plan.issuer.full_name or plan.issuer.name).replace("|", " "))
    if _SCHOOL.search(name):
        return "school"
    if _PROVINCE.search(name) and not plan.issuer.parent:
        return "province"
    if _COMMUNE.search(name):
        return "commune"
    if _OFFICE.search(name):
        return "office"
    return "department"


def is_communication_plan(plan: Document) -> bool:
    """A tuyên truyền plan (spec S15, S16): its results belong under I.4."""
    return "tuyen truyen" in bare(plan.title)


def _fields(outline: Outline) -> list[Item]:
    return [i for i in outline.walk() if i.words]


def match_field(outline: Outline, *texts: str | None) -> str | None:
    """The first outline item whose keywords occur in the first text that matches any; ``None`` if none."""
    for text in texts:
        if not text:
            continue
        low = f" {bare(text)} "
        best: tuple[int, str] | None = None
        for item in _fields(outline):
            for word in item.words:
                pos = low.find(f" {bare(word)}")
                if pos >= 0 and (best is None or pos < best[0]):
                    best = (pos, item.key)
        if best is not None:
            return best[1]
    return None


def field_of(outline: Outline, task: str, group: str | None, communication: bool) -> str:
    """The outline key a task feeds: its group row first, then its wording; I.4 for a tuyên truyền plan."""
    if communication:
        return COMMUNICATION_FIELD
    by_group, by_task = match_field(outline, group), match_field(outline, task)
    if by_group and by_task and by_group.split(".")[0] == by_task.split(".")[0]:
        return by_task  # "Chỉ đạo điều hành, kiểm tra và tuyên truyền": a kiểm tra task goes to I.3
    return by_group or by_task or DEFAULT_FIELD
