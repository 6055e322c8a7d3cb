"""Who a task falls to: the lead and partner of a task read against one unit, with the reason in Vietnamese.

Reads the vocabulary of ``derive/data/groups.yaml``: groups of the administration ("Các sở, ban, ngành",
"UBND các xã, phường, đặc khu", "Các cơ quan, đơn vị, địa phương" …), the sector's own words (``vocab``), the
openings of a named body ("Sở …", "Công an tỉnh", "Đề nghị Viện Kiểm sát …") and the wordings that leave the
lead open ("Theo phân công tại Quyết định …", "các cơ quan liên quan").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cchc_docgen.derive.vocab import Relation, concerns, normalize, pattern, vocabulary
from cchc_docgen.models.unit import Unit


@dataclass(frozen=True)
class Verdict:
    """Whether the unit keeps a task: 'lead' or 'support' (kept), '' (not kept); ``review``: kept, to be checked."""

    role: str
    review: bool = False
    #: why, in Vietnamese, for the printed summary ("giao cho Sở Nội vụ", "giao chung 'các cơ quan liên quan' …")
    reason: str = ""
    #: who the task is given to, as the plan writes it (for grouping the summary)
    who: str = ""

    @property
    def kept(self) -> bool:
        return bool(self.role)


@dataclass(frozen=True)
class Match:
    """How one assignee text stands to the unit."""

    #: 'named' (the unit by name), 'group' (a group that covers the unit), 'superior' (the unit's own superior,
    #: the unit not under the plan's issuer), 'open' (lead left open / "… liên quan"), '' (others only)
    how: str
    label: str = ""


def _groups() -> list[tuple[str, list[re.Pattern[str]], frozenset[str], bool]]:
    return [(g["label"], [pattern(p) for p in g["patterns"]], frozenset(g["covers"]), bool(g.get("indirect_review")))
            for g in vocabulary()["groups"]]


def _name_core(name: str, *places: str | None) -> str:
    """'Sở GD&ĐT Lâm Đồng' → 'sở gdđt'; 'Ủy ban nhân dân | xã Đơn Dương' → 'xã đơn dương' (what a plan writes)."""
    text = normalize(name.replace("|", " ")).strip()
    text = re.sub(r"\s+(tỉnh|thành phố|tp\.?)\s+\S.*$", "", text)
    for place in places:
        if place:
            text = re.sub(rf"\s+{re.escape(normalize(place))}$", "", text)
    return re.sub(r"^ubnd\s+(?=(xã|phường|đặc khu)\b)", "", text)


class Reader:
    """Reads assignee texts for one unit of a plan whose issuer is ``issuer``."""

    def __init__(self, unit: Unit, rel: Relation, *, superior: str | None, under_issuer: bool,
                 place: str | None = None) -> None:
        """``superior``: the unit's direct superior; ``place``: the parent's place name ('Lâm Đồng'), which the
        plan leaves out of the names of its own bodies ('Sở GD&ĐT Lâm Đồng' is written 'Sở Giáo dục và Đào tạo')."""
        self.unit, self.rel = unit, rel
        names = {unit.name, unit.sentence_name}
        self.own = sorted({c for c in (_name_core(n, unit.place, place) for n in names) if len(c) > 4},
                          key=len, reverse=True)
        self.superior = _name_core(superior, unit.place, place) if superior and not under_issuer else None
        self.under_issuer = under_issuer
        data = vocabulary()
        self.qualified = pattern(data["qualifiers"])
        self.open = [pattern(p) for p in data["ambiguous"]]
        self.about_schools = pattern(data["about"]["schools"])

    def match(self, text: str, task: str = "") -> Match:
        """How ``text`` (a lead or partner cell, the subject of a sentence) stands to the unit."""
        norm = normalize(text)
        if not norm.strip():
            return Match("")
        if any(re.search(rf"(?<!\w){re.escape(core)}(?!\w)", norm) for core in self.own):
            return Match("named", self.unit.sentence_name)
        spans: list[tuple[int, int, str, bool]] = []
        others = False  # a group is named that is not the unit's: "theo chức năng" then says nothing more
        for label, patterns, covers, indirect in _groups():
            if self.unit.category not in covers:
                others = others or any(p.search(norm) for p in patterns)
                continue
            spans += [(m.start(), m.end(), label, indirect) for p in patterns for m in p.finditer(norm)]
        hit, qualified = None, []
        for start, end, label, indirect in _merged(spans):
            qualifier = self.qualified.match(norm, end)
            if qualifier:  # "các sở, ban, ngành liên quan": only the ones concerned
                qualified.append((start, end, norm[start: qualifier.end()].strip()))
            elif hit is None:
                hit = (label, indirect)
        if hit is not None:
            return Match("open" if hit[1] and not self.under_issuer else "group", hit[0])
        rest = norm
        for start, end, _ in qualified:
            rest = rest[:start] + " " * (end - start) + rest[end:]
        if self.unit.category not in ("so", "ubnd_xa") and concerns(rest, self.unit, self.rel):
            return Match("group", "các đơn vị của ngành")
        if self.superior and re.search(rf"(?<!\w){re.escape(self.superior)}(?!\w)", norm) and (
            self.unit.is_school and self.about_schools.search(normalize(task or text))
        ):
            return Match("superior", self.superior)
        if qualified or (not others and any(p.search(norm) for p in self.open)):
            return Match("open", qualified[0][2] if qualified else text.strip())
        return Match("")

    def decide(self, lead: str, partner: str = "", task: str = "") -> Verdict:
        """The unit's part in a task led by ``lead`` with ``partner``; every 'not kept' and review has a reason."""
        who = _label(lead) or _label(partner) or "(không ghi cơ quan thực hiện)"
        lead_match = self.match(lead, task)
        if lead_match.how in ("named", "group"):
            if lead_match.how == "group" and pattern(vocabulary()["elsewhere"]).search(normalize(lead)):
                return Verdict("lead", True, f"giao '{_label(lead)}': kiểm tra văn bản phân công có gồm đơn vị không",
                               who)
            return Verdict("lead", who=who)
        if lead_match.how == "superior":
            return Verdict("lead", True, f"giao cho {who}, cấp trên trực tiếp của đơn vị: xem phần việc của đơn vị",
                           who)
        partner_match = self.match(partner, task) if partner else Match("")
        if partner_match.how in ("named", "group"):
            return Verdict("support", who=who)
        if lead_match.how == "open" and not _names_another_body(lead):
            return Verdict("lead", True, f"giao chung '{_label(lead_match.label)}', chưa rõ có gồm đơn vị không", who)
        if partner_match.how == "superior":
            return Verdict("support", True, f"cấp trên trực tiếp của đơn vị phối hợp với {who}", who)
        if not lead.strip() and not partner.strip():
            return Verdict("lead", True, "không ghi cơ quan thực hiện", who)
        reason = f"việc của {_in_sentence(who)}"
        if lead_match.how == "open":  # "Sở Tài chính, các sở liên quan": the named body leads, others if asked
            reason = f"việc của {who} (đơn vị chỉ tham gia khi được giao)"
        elif partner_match.how == "open":
            reason += f" (phối hợp: '{_label(partner_match.label)}', chỉ khi được mời)"
        return Verdict("", reason=reason, who=who)


def _names_another_body(text: str) -> bool:
    """Does ``text`` begin with a named body ('Sở Tài chính, …', 'Các phòng Sở, …'), not with a group?"""
    norm = normalize(re.sub(r"[*_]", "", text)).strip()
    if any(pattern(rf"^(?:{x.pattern})").match(norm) for _, ps, _, _ in _groups() for x in ps):
        return False
    if any(pattern(rf"^(?:{p})").match(norm) for p in vocabulary()["ambiguous"]):  # "Các cơ quan liên quan"
        return False
    return any(pattern(rf"^(?:{p})").match(norm) for p in vocabulary()["body_starts"])


def _merged(spans: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Overlapping mentions as one ("các sở" inside "các sở, ban, ngành"), the first one's label kept."""
    out: list[tuple[int, int, str, bool]] = []
    for start, end, label, indirect in sorted(spans):
        if out and start < out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], end), last[2], last[3] and indirect)
        else:
            out.append((start, end, label, indirect))
    return out


def _in_sentence(text: str) -> str:
    """'Các sở, ban, ngành' → 'các sở, ban, ngành' inside a sentence; names keep their capitals."""
    return text[:1].lower() + text[1:] if text.startswith(("Các ", "Theo ")) else text


def _label(text: str) -> str:
    text = re.sub(r"[*_]", "", re.sub(r"\s+", " ", text)).strip(" :;,.")
    return text if len(text) <= 90 else text[:87].rstrip() + "…"


def subject(text: str) -> tuple[str, str] | None:
    """(lead, partner) when ``text`` begins with who does it: 'Sở Nội vụ chủ trì, phối hợp với X …' → ('Sở Nội
    vụ', 'X'); 'Các sở, ban, ngành tổ chức …' → ('Các sở, ban, ngành', ''); ``None`` when it does not."""
    data = vocabulary()
    clean = unicodedata.normalize("NFC", re.sub(r"[*_]", "", text)).strip()
    rest = clean[_after_opening(clean):]
    if not _begins_with_body(rest):
        return None
    predicates = pattern(data["predicates"])
    low = rest.lower()  # same length as ``rest``: positions found here cut ``rest``
    stop = _first(low, predicates, re.compile(r"[:.(]|;\s(?!ubnd|ủy ban|các|sở|thủ trưởng|trưởng|giám đốc|chủ tịch)"))
    lead = rest[:stop].strip(" ,;:-–")
    partner = ""
    cooperate = re.compile(r"\bphối hợp( chặt chẽ)?( với)?\s+").search(low, stop)
    if cooperate and cooperate.start() - stop < 30:
        tail = low[cooperate.end():]
        end = _first(tail, predicates, re.compile(r"[;:.(]"))
        partner = rest[cooperate.end(): cooperate.end() + end].strip(" ,;:-–")
        if not _begins_with_body(partner):  # "phối hợp tuyên truyền …": no partner named
            partner = ""
    return (lead, partner) if lead else None


def _begins_with_body(text: str) -> bool:
    norm = normalize(text)
    return any(pattern(rf"^(?:{p})").match(norm) for p in vocabulary()["body_starts"]) or any(
        pattern(rf"^(?:{x.pattern})").match(norm) for _, ps, _, _ in _groups() for x in ps
    )


def _after_opening(text: str) -> int:
    """Where the subject starts: after 'Giao', 'Đề nghị', 'Đối với' or a leading 'Căn cứ …;' clause."""
    norm = text.lower()
    opening = pattern(vocabulary()["lead_words"]).match(norm)
    if opening:
        return opening.end()
    if norm.startswith("căn cứ"):
        clause = re.search(r";\s+", norm)
        if clause and clause.end() < 200:
            return clause.end()
    return 0


def _first(text: str, *patterns: re.Pattern[str]) -> int:
    found = [m.start() for p in patterns for m in [p.search(text, 1)] if m]
    return min(found) if found else len(text)
