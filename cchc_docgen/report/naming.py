"""How a report names its plan and issuer ("Kế hoạch số 07/KH-SGDĐT ngày 04/01/2022 của …"), and its warnings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from cchc_docgen.context.dates import month_text
from cchc_docgen.context.text import squash
from cchc_docgen.models import Document
from cchc_docgen.report.outline_body import PLACEHOLDER

_OWNER_TAIL = re.compile(r"\s+(?:của|tại)\s+(?:sở|phòng|trường|ủy ban|uỷ ban|ubnd|ngành|trung tâm|ban)\b.*$",
                         re.IGNORECASE)
_YEAR_TAIL = re.compile(r"\s+(?:năm\s+)?(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?$", re.IGNORECASE)


class Note(str):
    """A warning for the user (Vietnamese text); ``path`` is the key path in the plan it concerns, if any."""

    path: tuple[object, ...]

    def __new__(cls, text: str, path: tuple[object, ...] = ()) -> Note:
        note = super().__new__(cls, text)
        note.path = path
        return note


@dataclass
class Skeleton:
    """A report skeleton and the warnings met while making it (Vietnamese, for the user)."""

    report: Document
    warnings: list[Note] = field(default_factory=list)


def short_date(date: dt.date) -> str:
    """``15/12/2022``, ``14/3/2023``: as dates are cited in running text (months 1–2 with a zero)."""
    return f"{date.day:02d}/{month_text(date.month)}/{date.year}"


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _about(plan: Document) -> str:
    """The plan's title without its owner ("… của Sở …", "… Sở Giáo dục và Đào tạo Hưng Yên …")."""
    text = squash(plan.title.replace("|", " "))
    for name in {issuer_in_text(plan), squash(plan.issuer.name.replace("|", " "))}:
        owner = rf"\s*(?:của\s+|tại\s+)?{re.escape(name)}(?:\s+{re.escape(squash(plan.issuer.place))})?\b"
        text = re.sub(owner, "", text, flags=re.IGNORECASE)
    return squash(_OWNER_TAIL.sub("", text))


def plan_subject(plan: Document) -> str:
    """What the plan is about, without its year or owner: "tuyên truyền cải cách hành chính"."""
    return _lower_first(_YEAR_TAIL.sub("", _about(plan)))


def issuer_in_text(doc: Document) -> str:
    return squash(doc.issuer.full_name or doc.issuer.name.replace("|", " "))


def plan_reference(plan: Document) -> str:
    """``Kế hoạch số 07/KH-SGDĐT ngày 04/01/2022 của Sở … về …``; a draft's missing parts are '…'."""
    number = f"{plan.number:02d}" if plan.number else PLACEHOLDER
    date = plan.date
    if date and date.day and date.month:
        when = f"ngày {short_date(dt.date(date.year, date.month, date.day))}"
    elif date and date.month:
        when = f"ngày {PLACEHOLDER}/{month_text(date.month)}/{date.year}"
    else:
        when = f"ngày {PLACEHOLDER}"
    about = _lower_first(_about(plan))
    return f"Kế hoạch số {number}/KH-{plan.issuer.abbreviation} {when} của {issuer_in_text(plan)} về {about}"


