"""When a periodic report is due (spec §2.2, §6.4, BC15, FIND 9).

A province reports to Bộ Nội vụ by the 20th of the period's last month. Any other level takes the date its
superior set for its group of units ("Các sở, ban, ngành … trước ngày 10 của tháng cuối quý; Ủy ban nhân dân
các xã … trước ngày 05 …"), or the user's. A unit's own plan usually sets the date of the units reporting to
*it* ("các đơn vị giáo dục … gửi về Sở Giáo dục và Đào tạo trước ngày 08 tháng cuối của quý"): that date is not
the unit's own and is only shown in the warning. When nothing says, there is no date, never an invented one.

Rules are read clause by clause: who reports (the words before the verb, or the unit the section is about),
to whom ("gửi về …", "báo cáo …") and when (a day of the period's last month, or a date per period:
"6 tháng (trước ngày 10/6/2023) và năm (trước ngày 10/11/2023)").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from cchc_docgen.context.text import squash
from cchc_docgen.models import Document, Node
from cchc_docgen.report.fields import bare
from cchc_docgen.report.periods import Period

_DAY_RULE = re.compile(r"(?:trước|chậm\s+nhất(?:\s+là)?|không\s+quá)\s+(?:ngày\s+)?(?P<d>\d{1,2})\s+(?:của\s+)?"
                       r"tháng\s+cuối(?:\s+(?:của\s+)?(?:quý|kỳ(?:\s+báo\s+cáo)?))?", re.IGNORECASE)
_PERIOD_DATE = re.compile(
    r"(?P<p>quý\s+(?:IV|III|II|I)\b|(?:6|sáu)\s+tháng|(?:9|chín)\s+tháng|\bnăm)\s*[(:,]?\s*(?:gửi\s+)?"
    r"(?:trước|chậm\s+nhất(?:\s+là)?)\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?",
    re.IGNORECASE)
_PERIOD_KEYS = {"quy i": "q1", "quy ii": "q2", "quy iii": "q3", "quy iv": "q4", "6 thang": "6m",
                "sau thang": "6m", "9 thang": "9m", "chin thang": "9m", "nam": "year"}
_VERB = re.compile(r"\s(?:gửi|báo\s+cáo|thực\s+hiện|xây\s+dựng|tổng\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|"
                   r"định\s+kỳ|chủ\s+động)\b", re.IGNORECASE)
_TO = re.compile(r"(?:\bvề|\bgửi|\bbáo\s+cáo|\bcho)\s+(?P<to>(?:Sở|Phòng|Ủy\s+ban|Uỷ\s+ban|UBND|Văn\s+phòng|Bộ|Ban)\b"
                 r"[^(),;.]*)")
_TO_END = re.compile(r"\s+(?:trước|chậm|để|qua|theo|định|trong|vào|hằng|hàng|kèm|đúng)\b.*", re.IGNORECASE)
#: Groups of units a rule may name (compared without diacritics), by report level.
_GROUPS = {
    "department": re.compile(r"\bcac so\b|\bso, ban\b|\bso ban\b|\bban, nganh\b|co quan chuyen mon"),
    "commune": re.compile(r"\bxa\b(?! hoi)|(?<!dia )\bphuong\b|dac khu|thi tran"),
    "office": re.compile(r"\bphong (?:giao duc|gd)"),
    "school": re.compile(r"\btruong\b|don vi giao duc|co so giao duc|mam non|tieu hoc|\bthcs\b|\bthpt\b|"
                         r"trung hoc|don vi truc thuoc"),
}
_EVERYONE = re.compile(r"\bcac (?:co quan|don vi|dia phuong)\b|co quan, don vi")
#: A section title that names units ("Các trường mầm non …", "Phòng Giáo dục và Đào tạo"), not a topic.
_UNIT_TITLE = re.compile(r"(?:Các|Sở|Phòng|Ủy ban|Uỷ ban|UBND|Văn phòng|Trường|Ban)\b")
_SHORT = {"gd&dt": "giao duc va dao tao", "gddt": "giao duc va dao tao", "ubnd": "uy ban nhan dan"}


def _norm(text: str) -> str:
    out = bare(text.replace("|", " "))
    for short, full in _SHORT.items():
        out = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, out)
    return out


@dataclass(frozen=True)
class Rule:
    """One clause that sets a report date: who, to whom, and when."""

    phrase: str  # the words that set the date, as written
    who: str
    to: str
    day: int | None = None
    dates: dict[str, tuple[int, int, int | None]] = field(default_factory=dict)

    def date_for(self, period: Period, year: int) -> dt.date | None:
        """The date this rule sets for ``period`` of ``year``, ``None`` when it sets none."""
        if period.key in self.dates:
            day, month, written = self.dates[period.key]
            try:
                return dt.date(written or year, month, day)
            except ValueError:
                return None
        if self.day is not None and 1 <= self.day <= 28:
            return period.due(year).replace(day=self.day)
        return None

    def groups(self) -> set[str]:
        who = _norm(self.who)
        return {level for level, words in _GROUPS.items() if words.search(who)}

    def for_everyone(self) -> bool:
        return not self.who or bool(_EVERYONE.search(_norm(self.who)))


def _clauses(text: str) -> Iterator[str]:
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", squash(text.replace("|", " "))):
        if re.search(r"báo\s+cáo", sentence, re.IGNORECASE):
            yield from (c.strip() for c in sentence.split(";") if c.strip())


def _rule(clause: str, context: str) -> Rule | None:
    day = _DAY_RULE.search(clause)
    dates = {}
    for m in _PERIOD_DATE.finditer(clause):
        key = _PERIOD_KEYS.get(" ".join(bare(m.group("p")).split()))
        if key:
            dates[key] = (int(m.group("d")), int(m.group("m")), int(m.group("y")) if m.group("y") else None)
    if day is None and not dates:
        return None
    spans = [m.span() for m in (day, *_PERIOD_DATE.finditer(clause)) if m]
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    verb = _VERB.search(" " + clause[:first])
    who = (" " + clause)[: verb.start()].strip(" ,-") if verb else ""
    to = _TO.search(clause)
    phrase = clause[first:last] + ")" * (clause[first:last].count("(") - clause[first:last].count(")"))
    return Rule(phrase=phrase, who=who if len(who) > 2 else context,
                to=_TO_END.sub("", to.group("to")).strip() if to else "",
                day=int(day.group("d")) if day else None, dates=dates)


def plan_rules(plan: Document) -> list[Rule]:
    """Every clause of ``plan`` that sets a report date, in document order."""
    out: list[Rule] = []

    def walk(nodes: list[Node], context: str) -> None:
        for node in nodes:
            here = node.unit or (node.title if node.title and _UNIT_TITLE.match(node.title) else None) or context
            for text in (node.title, node.text, *node.paragraphs):
                for clause in _clauses(text or ""):
                    rule = _rule(clause, here)
                    if rule is not None:
                        out.append(rule)
            walk(node.items, here)

    walk(plan.body, "")
    return out


def _names(plan: Document) -> list[str]:
    return [_norm(n) for n in (plan.issuer.name, plan.issuer.full_name) if n]


def _is(name: str, plan: Document) -> bool:
    """``name`` is ``plan``'s issuer ("Sở Giáo dục và Đào tạo Hải Phòng", "Sở GD&ĐT")."""
    low = _norm(name)
    return any(low.startswith(n) or (n.startswith(low) and len(low.split()) >= 3) for n in _names(plan))


@dataclass
class Due:
    """The due date (``None`` when nothing says), where it came from, and dates seen but not the unit's."""

    date: dt.date | None
    source: str = ""
    ignored: list[str] = field(default_factory=list)
    #: the superior's plan was read (and set no date for the unit's group)
    superior_read: bool = False


def _own_rule_applies(rule: Rule, plan: Document, level: str) -> bool:
    """A rule of the unit's own plan is the unit's own: it names the unit, its group, or reports upward."""
    if rule.to and _is(rule.to, plan):
        return False  # units report to this one: their date, not its own
    if rule.who:
        return _is(rule.who, plan) or level in rule.groups()
    return bool(rule.to) or level == "school"  # a school has no units reporting to it


def _dated(rules: list[Rule], period: Period, year: int) -> dt.date | None:
    """The first date of ``rules`` for ``period``: one written for the period before a day of its last month."""
    for rule in sorted(rules, key=lambda r: period.key not in r.dates):
        found = rule.date_for(period, year)
        if found is not None:
            return found
    return None


def _in_sentence(who: str) -> str:
    """"Các phòng …" → "các phòng …" inside a sentence (a proper name keeps its capital)."""
    return who[0].lower() + who[1:] if re.match(r"(?:Các|Những)\s", who) else who


def due_date(plan: Document, level: str, period: Period, year: int, given: dt.date | None,
             superior: Document | None = None) -> Due:
    """The date the report of ``plan``'s issuer at ``level`` is due for ``period`` of ``year``."""
    if given is not None:
        return Due(given, "theo hạn người dùng ghi")
    if level == "province":
        return Due(period.due(year), "hạn báo cáo Bộ Nội vụ")
    if superior is not None:
        rules = [r for r in plan_rules(superior) if not (r.who and _is(r.who, superior))]
        for tier in ([r for r in rules if level in r.groups()],
                     [r for r in rules if not r.groups() and r.for_everyone()]):
            found = _dated(tier, period, year)
            if found is not None:
                return Due(found, "theo kế hoạch của cấp trên")
    own = plan_rules(plan)
    found = _dated([r for r in own if _own_rule_applies(r, plan, level)], period, year)
    if found is not None:
        return Due(found, "theo kế hoạch của đơn vị")
    return Due(None, ignored=[f"'{r.phrase}'" + (f" cho {_in_sentence(r.who)}" if r.who else "") for r in own
                              if r.date_for(period, year) is not None], superior_read=superior is not None)
