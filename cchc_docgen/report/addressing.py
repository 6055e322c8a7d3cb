"""Who a periodic report goes to, how it is addressed and who compiles it (spec §2.6); when: ``due.py``.

Pattern B (default, NĐ 30): "Kính gửi" names the recipients and Nơi nhận starts "- Như trên;". Pattern A (the
provincial model): no "Kính gửi", the recipients head Nơi nhận. Either way the closing names every recipient.
A report that feeds a roll-up lists the compiling body (Sở Nội vụ, Phòng Nội vụ) in Nơi nhận.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc_docgen.context.text import squash
from cchc_docgen.models import Document, Recipient
from cchc_docgen.report.fields import bare

MINISTRY = "Bộ Nội vụ"
_UPWARD = re.compile(r"\bb/c\b|báo cáo", re.IGNORECASE)
_LEADERS = re.compile(r"ban giám đốc|lãnh đạo|ban giám hiệu", re.IGNORECASE)
_HOME_AFFAIRS = re.compile(r"\bnội vụ\b", re.IGNORECASE)
#: who compiles a lower level's report: Sở Nội vụ (Phòng Nội vụ of a district before 7/2025), never the Ministry
_COMPILER = re.compile(r"\b(?:Sở|Phòng)\s+Nội\s+vụ\b", re.IGNORECASE)
_DISTRICT = re.compile(r"\b(?:huyện|quận|thị xã)\b", re.IGNORECASE)
_UBND = re.compile(r"\b(?:UBND|Uỷ ban nhân dân)\b")
_EDUCATION = re.compile(r"\bGD\s*&\s*ĐT\b|\bGDĐT\b")


@dataclass
class Addressing:
    """Kính gửi lines, Nơi nhận entries and the names the closing sentence gives."""

    addressees: list[str]
    recipients: list[Recipient]
    named: list[str] = field(default_factory=list)


def full_name(name: str) -> str:
    """``UBND huyện.`` → ``Ủy ban nhân dân huyện``, ``Sở GD&ĐT`` → ``Sở Giáo dục và Đào tạo`` (short names
    written out, stray punctuation gone)."""
    name = _EDUCATION.sub("Giáo dục và Đào tạo", _UBND.sub("Ủy ban nhân dân", squash(name.replace("|", " "))))
    return squash(name).strip(" .;,")


def _superior(plan: Document, level: str) -> str:
    if level == "province":
        return MINISTRY
    parent = full_name(plan.issuer.parent or "")
    if level in ("department", "office") and parent:
        return parent
    return "Ủy ban nhân dân tỉnh" if level == "commune" else (parent or "…")  # office: its district


def _complete(name: str, plan: Document) -> str:
    """"Ủy ban nhân dân thành phố" → "Ủy ban nhân dân thành phố Hải Phòng" when the issuer's parent says so."""
    parent = full_name(plan.issuer.parent or "")
    if parent and bare(parent).startswith(bare(name)) and len(parent) > len(name):
        return parent
    return name


def addressing(plan: Document, level: str, pattern: str) -> Addressing:
    """The recipients of the report of ``plan``'s issuer at ``level``, addressed by ``pattern`` (A or B)."""
    upward = [_complete(full_name(r.name), plan) for r in plan.recipients if r.note and _UPWARD.search(r.note)]
    upward = [u for u in upward if not _HOME_AFFAIRS.search(u)] or [_superior(plan, level)]
    copies: list[Recipient] = []
    # a province's report is drafted by Sở Nội vụ, which is then not among its recipients (spec §2.6)
    compiling = [] if level == "province" else [
        r for r in plan.recipients if _COMPILER.search(r.name) and full_name(r.name) not in upward]
    if compiling:
        copies.append(Recipient(name=full_name(compiling[0].name), note="để tổng hợp"))
    elif level in ("department", "office", "commune"):
        district = any(_DISTRICT.search(u) for u in upward)  # before 7/2025: Phòng Nội vụ of the district
        copies.append(Recipient(name="Phòng Nội vụ" if district else "Sở Nội vụ", note="để tổng hợp"))
    copies += [r for r in plan.recipients if _LEADERS.search(r.name)]
    if pattern == "A":
        return Addressing([], [Recipient(name=u) for u in upward] + copies, upward)
    return Addressing(upward, [Recipient(name="Như trên"), *copies], upward)


def closing_sentence(period_phrase: str, next_phrase: str, unit: str, named: list[str]) -> str:
    """"Trên đây là báo cáo … của <đơn vị>, kính gửi <every recipient> để tổng hợp" (BC12)."""
    who = ", ".join(named[:-1]) + f" và {named[-1]}" if len(named) > 1 else named[0]
    return (f"Trên đây là báo cáo công tác cải cách hành chính {period_phrase} và phương hướng, nhiệm vụ "
            f"{next_phrase} của {unit}, kính gửi {who} để tổng hợp")
