"""The parent's wording turned to the unit where that is mechanical, and the sentences the child plan cites.

Only phrases whose meaning inside the unit is clear are changed: "các đơn vị trực thuộc" (the parent's
subordinate units: inside a school, its own staff), "Thủ trưởng đơn vị" (the unit's head). Everything else is
kept as the parent wrote it, for the user to edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cchc_docgen.context.symbols import reference
from cchc_docgen.models import KINDS, Document
from cchc_docgen.models.unit import Unit

#: Blank left where the user must write a name or a figure.
BLANK = "……………"

_SUBORDINATE = re.compile(
    r"\b(các )?(cơ quan, )?đơn vị (sự nghiệp )?trực thuộc"
    r"( (Sở|Phòng)( (GD&ĐT|GDĐT|GD-ĐT|Giáo dục và Đào tạo))?)?",
    re.IGNORECASE,
)
_HEAD_OF_UNITS = re.compile(r"\bthủ trưởng (các )?(cơ quan, )?đơn vị( trực thuộc)?\b", re.IGNORECASE)
_SCHOOLS_OF_AREA = re.compile(
    r"\bcác (cơ sở giáo dục|trường học|đơn vị trường học)"
    r"( trên địa bàn( (tỉnh|huyện|thành phố|thị xã|quận))?| thuộc phạm vi quản lý| trực thuộc)?",
    re.IGNORECASE,
)

_UNITS_SCHOOLS = re.compile(r"\bcác cơ quan, đơn vị trường học\b", re.IGNORECASE)


@dataclass
class Wording:
    """The replacements for one unit; counts what it changed (for the command's summary)."""

    unit: Unit
    changed: dict[str, int] = field(default_factory=dict)

    def _rules(self) -> list[tuple[re.Pattern[str], str]]:
        unit = self.unit
        head = unit.head.title
        if unit.category in ("so", "ubnd_xa"):  # a Sở, a xã has units of its own: only the head is its own
            return [(_HEAD_OF_UNITS, head)]
        if unit.category == "phong_gddt":
            return [(_SUBORDINATE, "các trường học trực thuộc"), (_HEAD_OF_UNITS, f"{head} và Hiệu trưởng các trường")]
        own = f"{unit.staff_words} {unit.self_noun}"
        return [(_SUBORDINATE, own), (_HEAD_OF_UNITS, head), (_SCHOOLS_OF_AREA, unit.self_noun),
                (_UNITS_SCHOOLS, unit.self_noun)]

    def __call__(self, text: str) -> str:
        out = text
        for pattern, replacement in self._rules():
            out = pattern.sub(_keep_case(replacement, self._count), out)
        return out

    def _count(self, before: str, after: str) -> None:
        key = f"'{before}' → '{after}'"
        self.changed[key] = self.changed.get(key, 0) + 1


def _keep_case(replacement: str, count: Callable[[str, str], None]) -> Callable[[re.Match[str]], str]:
    def sub(match: re.Match[str]) -> str:
        found = match.group(0)
        text = replacement
        start = match.start() == 0 or match.string[: match.start()].rstrip()[-1:] in (".", ":", "-", "")
        if found[:1].isupper() and start:
            text = text[:1].upper() + text[1:]
        elif not _proper(text):
            text = text[:1].lower() + text[1:]
        count(found, text)
        return text

    return sub


def _proper(text: str) -> bool:
    """Titles and names keep their capital: 'Hiệu trưởng', 'Phòng', 'Trung tâm'."""
    return text[:1].isupper() and not text.startswith(("Các ", "Cán ", "Toàn "))


def one_line(text: str) -> str:
    """A title or name without the ' | ' line-break marks, spaces squashed."""
    return re.sub(r"\s+", " ", text.replace("|", " ")).strip()


def lower_first(text: str) -> str:
    """'Tuyên truyền …' → 'tuyên truyền …'; an acronym or a name ('CCHC', 'Sở …') keeps its capitals."""
    words = text.split(" ", 1)
    first = words[0]
    if len(first) > 1 and (first[1:2].isupper() or first in ("Sở", "Phòng", "Trường", "Trung", "UBND", "Bộ")):
        return text
    return text[:1].lower() + text[1:]


def issuer_sentence_name(doc: Document) -> str:
    return one_line(doc.issuer.full_name or doc.issuer.name)


def parent_reference(doc: Document) -> str:
    """'Kế hoạch số 07/KH-SGDĐT ngày 04/01/2022 của Sở Giáo dục và Đào tạo Hưng Yên về …' (parent is complete)."""
    kind = KINDS[doc.kind]
    assert doc.date is not None and doc.date.day and doc.date.month
    date = f"{doc.date.day:02d}/{doc.date.month:02d}/{doc.date.year}"
    ref = reference(doc.number, kind.abbreviation, doc.issuer.abbreviation)
    return f"{kind.in_text} số {ref} ngày {date} của {issuer_sentence_name(doc)} về {lower_first(one_line(doc.title))}"


def child_title(parent: Document, unit: Unit) -> str:
    """The parent's title with the parent body's name (if it is in it) replaced by the unit's."""
    title = one_line(parent.title)
    names = {issuer_sentence_name(parent), one_line(parent.issuer.name)}
    for name in sorted(names, key=len, reverse=True):
        title = re.sub(rf"\b(của )?{re.escape(name)}\b", unit.sentence_name, title, flags=re.IGNORECASE)
    return title


def topic(title: str, unit: Unit) -> str:
    """The child's title without the unit's own name, for 'X xây dựng Kế hoạch <topic>'."""
    return re.sub(r"\s+", " ", re.sub(rf"(của )?{re.escape(unit.sentence_name)}", "", title)).strip()
