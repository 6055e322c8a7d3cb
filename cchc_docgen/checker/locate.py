"""Find the NĐ30 elements of a document heuristically (header as a table or typed with tabs)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from cchc_docgen.checker.docmodel import DocModel, Para
from cchc_docgen.checker.kind import QH_KEY, SO_LINE, Kind, detect_kind, is_vv
from cchc_docgen.checker.rulepos import drawn_rule_under
from cchc_docgen.checker.segs import Rule, Seg, para_rule, rule_of, segments
from cchc_docgen.checker.vocab import fold
from cchc_docgen.nd30words import AUTHORITY as AUTHORITY_ALT

AUTHORITY = re.compile(rf"^{AUTHORITY_ALT}(?:\s*\.\s*\S|\s+[A-ZĐÀ-Ỹ])")
ENACT_MARK = re.compile(r"^(quyết định|quyết nghị|nghị định|thông tư|chỉ thị|ban hành)\s*:$")
#: the line under an appendix title, or under the title of a document issued with a decision
ATTACHED = ("(kèm theo", "(ban hành kèm theo")
CENTRED_HEAD = re.compile(r"^(phần|chương|mục|tiểu mục)\s+\S+$")
APPENDIX_HEAD = re.compile(r"^phụ lục(\s+(số\s+)?([ivxlc]+|\d+))?\s*[:.]?$")
BODY_START = re.compile(r"^(căn cứ|thực hiện|kính gửi|theo đề nghị|[IVX]+\.\s)", re.IGNORECASE)


@dataclass
class Appendix:
    heading: Para
    titles: list[Para] = field(default_factory=list)
    caption: Para | None = None
    rule: Rule | None = None
    paras: list[Para] = field(default_factory=list)


@dataclass
class Elements:
    qh: Seg | None = None
    tn: Seg | None = None
    tn_rule: Rule | None = None
    parent: list[Seg] = field(default_factory=list)
    issuer: list[Seg] = field(default_factory=list)
    issuer_rule: Rule | None = None
    so: Seg | None = None
    date: Seg | None = None
    type_seg: Seg | None = None
    type_name: str = ""
    summary: list[Seg] = field(default_factory=list)
    summary_rule: Rule | None = None
    kinh_gui: list[Seg] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    body_all: list[Para] = field(default_factory=list)
    nn: Seg | None = None
    nn_entries: list[Seg] = field(default_factory=list)
    sign_titles: list[Seg] = field(default_factory=list)
    sign_name: Seg | None = None
    sign_gap: int = 0
    appendices: list[Appendix] = field(default_factory=list)
    kind: Kind = field(default_factory=lambda: Kind("typed"))
    #: measured in layout mode: the signing space in mm and whether "Nơi nhận:" is level with 7a
    sign_gap_mm: float | None = None
    nn_level: bool | None = None
    vv: list[Seg] = field(default_factory=list)
    #: paragraphs between the title and the body that are not body text (enacting authority,
    #: "QUYẾT ĐỊNH:", chapter headings)
    not_body: set[int] = field(default_factory=set)


def _first_seg(paras: list[Para], pred) -> Seg | None:  # type: ignore[no-untyped-def]
    for p in paras:
        for s in segments(p):
            if pred(s):
                return s
    return None


def rule_below(doc: DocModel, seg: Seg, lookahead: int = 3) -> Rule | None:
    """The rule under ``seg``: a border, underscores in the same column within the next few
    paragraphs, or a drawn line rendered under it (wherever it is anchored)."""
    paras = doc.paras
    p = seg.para
    if p.props.border_bottom and p.props.border_bottom not in ("nil", "none"):
        return Rule(p, "border", seg.width_mm(), None, p.props.border_bottom in ("single", "thick", "double"))
    key = seg.col_key
    for s in segments(p):
        if s.line > seg.line and s.col_key == key:
            found = rule_of(s)
            if found is not None:
                return found
            break
    for q in paras[p.index + 1 : p.index + 1 + lookahead]:
        if key[0] == "cell" and q.cell is not p.cell:
            break
        segs = segments(q)
        if not segs:
            r = para_rule(q)
            if r is not None:
                return r
            continue
        same = [s for s in segs if s.col_key == key or "center" in (key[0], s.col_key[0])]
        if same:
            found = rule_of(same[0])
            if found is not None:
                return found
            break
    return drawn_rule_under(doc, seg)


def _is_rule_para(p: Para) -> bool:
    segs = segments(p)
    if not segs:
        return para_rule(p) is not None
    return all(rule_of(s) is not None for s in segs)


def locate(doc: DocModel) -> Elements:
    """Find every element the rules need; missing ones stay ``None`` / empty."""
    el = Elements()
    kind = el.kind = detect_kind(doc)
    paras = doc.paras
    if kind.code == "outside":
        return el
    if kind.code == "appendix":
        _appendices(doc, 0, el)
        return el
    type_idx = kind.type_idx
    if type_idx is not None:
        el.type_seg = segments(paras[type_idx])[0]
        el.type_name = kind.type_name
        head_end = type_idx
    else:
        head_end = _header_end(paras)
    _header(doc, paras[:head_end], el)
    pos = _title(doc, type_idx, el) if type_idx is not None else _kinh_gui(paras, head_end, el)
    if kind.enacted:
        pos = _enacting(paras, pos, el)
    foot, app = _footer_start(paras, pos)
    _body(paras, pos, foot, el)
    _footer(paras[foot:app], el)
    _appendices(doc, app, el)
    return el


def _header_end(paras: list[Para]) -> int:
    """First paragraph after the header of a công văn: the first one outside the header table(s)."""
    seen_table = False
    for p in paras[:60]:
        if p.table is not None:
            seen_table = True
        elif seen_table and p.text.strip():
            return p.index
    # typed without a table: the header ends after its last Quốc hiệu, Số, date or "V/v" line
    last = -1
    for p in paras[:15]:
        for s in segments(p):
            text = fold(s.display)
            if QH_KEY in text or SO_LINE.match(text) or is_vv(s) or all(k in text for k in ("ngày", "tháng", "năm")):
                last = p.index
    return last + 1 if last >= 0 else min(len(paras), 12)


def _header(doc: DocModel, zone: list[Para], el: Elements) -> None:
    el.qh = _first_seg(zone, lambda s: "chủ nghĩa việt nam" in fold(s.display))
    el.tn = _first_seg(zone, lambda s: "độc lập-tự do-hạnh phúc" in re.sub(r"\s*[-–—‒−]\s*", "-", fold(s.display)))
    el.so = _first_seg(zone, lambda s: bool(SO_LINE.match(fold(s.display))))
    el.vv = [s for p in zone for s in segments(p) if is_vv(s)]
    if el.vv:  # "V/v …" may wrap onto the next lines of its cell
        first = el.vv[0].para
        el.vv = [s for p in zone if p.cell is first.cell and p.index >= first.index for s in segments(p)]
    el.date = _first_seg(zone, lambda s: all(k in fold(s.display) for k in ("ngày", "tháng", "năm")))
    if el.tn is not None:
        el.tn_rule = rule_below(doc, el.tn)
    taken = {id(s) for s in (el.qh, el.tn, el.so, el.date) if s is not None}
    right = el.qh.col_key if el.qh is not None and el.qh.col_key[0] != "center" else None
    agency = [
        s
        for p in zone
        for s in segments(p)
        if id(s) not in taken
        and s not in el.vv
        and s.is_caps
        and rule_of(s) is None
        and s.col_key != right
        and (el.qh is None or s.col_key != el.qh.col_key)
    ]
    if any(s.bold for s in agency):
        first_bold = next(i for i, s in enumerate(agency) if s.bold)
        el.parent, el.issuer = agency[:first_bold], agency[first_bold:]
    elif len(agency) >= 2:
        el.parent, el.issuer = agency[:1], agency[1:]
    else:
        el.issuer = agency
    if el.issuer:
        el.issuer_rule = rule_below(doc, el.issuer[-1])


def _title(doc: DocModel, type_idx: int, el: Elements) -> int:
    """Summary lines, the rule and "Kính gửi"; returns the index where the body starts."""
    paras = doc.paras
    i = type_idx + 1
    last = type_idx
    while i < len(paras) and len(el.summary) < 4:
        p = paras[i]
        text = p.text.strip()
        if not text:
            if el.summary:
                break
        elif _is_rule_para(p) or (el.summary and _is_enacting(p)):
            break
        elif BODY_START.match(text) and not (p.props.jc == "center" and segments(p)[0].bold):
            # a centred bold line under the type name is the summary even when it reads "Thực hiện …"
            break
        elif text.startswith("("):
            last = i
        else:
            el.summary.append(segments(p)[0])
            last = i
        i += 1
    if el.summary:
        el.summary_rule = rule_below(doc, segments(paras[last])[-1], 3)
    if el.summary_rule is not None and el.summary_rule.kind != "shape":
        last = max(last, el.summary_rule.para.index)
    return _kinh_gui(paras, last + 1, el)


def _kinh_gui(paras: list[Para], start: int, el: Elements) -> int:
    """Collect "Kính gửi: …" (and its "- …" lines) at ``start``; returns where the body starts."""
    j = start
    while j < len(paras) and (not paras[j].text.strip() or _is_rule_para(paras[j])):
        j += 1
    if j < len(paras) and fold(paras[j].text).startswith("kính gửi"):
        el.kinh_gui.append(segments(paras[j])[0])
        j += 1
        while j < len(paras) and paras[j].text.strip().startswith("-"):
            el.kinh_gui.append(segments(paras[j])[0])
            j += 1
        return j
    return start


def _is_enacting(p: Para) -> bool:
    """A centred, bold, upper-case line naming the enacting authority ("CHỦ TỊCH ỦY BAN …")."""
    segs = segments(p)
    return (
        len(segs) == 1
        and p.table is None
        and p.props.jc == "center"
        and segs[0].is_caps
        and segs[0].bold
        and not re.match(r"^([IVX]+|\d+)\.", segs[0].display)
    )


def _enacting(paras: list[Para], pos: int, el: Elements) -> int:
    """Skip the enacting authority line(s) of a quyết định / nghị định; returns the body start."""
    j = pos
    while j < len(paras) and not paras[j].text.strip():
        j += 1
    while j < len(paras) and _is_enacting(paras[j]) and not fold(paras[j].text).startswith("căn cứ"):
        el.not_body.add(j)
        j += 1
    return j


def _is_footer_marker(p: Para) -> bool:
    return any(
        fold(s.display).startswith("nơi nhận") or (s.is_caps and AUTHORITY.match(s.display) is not None)
        for s in segments(p)
    )


def _footer_start(paras: list[Para], pos: int) -> tuple[int, int]:
    """(first paragraph of the signature/recipients block, first paragraph of the appendices)."""
    app = len(paras)
    foot = None
    for p in paras[pos:]:
        if foot is None and _is_footer_marker(p):
            foot = p.index
            if p.table is not None:
                foot = next(q.index for q in paras if q.table == p.table)
        if foot is not None and p.table is None and APPENDIX_HEAD.match(fold(p.text)):
            app = p.index
            break
        if foot is not None and fold(p.text).startswith(ATTACHED):
            back = [q for q in paras[foot : p.index] if q.text.strip() and q.table is None]
            app = back[-1].index if back else p.index
            break
    if foot is None:
        return app, app
    while foot > pos:
        prev = paras[foot - 1]
        segs = segments(prev)
        if not prev.text.strip() or (
            segs
            and all(
                s.is_caps and s.bold and len(s.display) <= 40 and not re.match(r"^[IVX]+\.", s.display) for s in segs
            )
        ):
            foot -= 1
        else:
            break
    return foot, app


def _body(paras: list[Para], start: int, end: int, el: Elements) -> None:
    prev_head = False
    for p in paras[start:end]:
        if not p.text.strip() or _is_rule_para(p):
            continue
        el.body_all.append(p)
        if p.table is not None:
            continue
        folded = fold(p.text)
        head = bool(CENTRED_HEAD.match(folded))
        title = prev_head and segments(p) and all(s.is_caps for s in segments(p))  # "QUY ĐỊNH CHUNG"
        if p.index in el.not_body or ENACT_MARK.match(folded) or head or title:
            el.not_body.add(p.index)
            prev_head = head
            continue
        prev_head = False
        el.body.append(p)


def _footer(zone: list[Para], el: Elements) -> None:
    el.nn = _first_seg(zone, lambda s: fold(s.display).startswith("nơi nhận"))
    used: set[int] = set()
    if el.nn is not None:
        used.add(id(el.nn))
        key = el.nn.col_key
        after = False
        for p in zone:
            for s in segments(p):
                if s is el.nn:
                    after = True
                elif after and s.col_key == key:
                    el.nn_entries.append(s)
                    used.add(id(s))
            if after and p.table is None and el.nn_entries and not p.text.strip():
                break
    nn_key = el.nn.col_key if el.nn is not None else None
    sign = [s for p in zone for s in segments(p) if id(s) not in used and s.col_key != nn_key and rule_of(s) is None]
    titles: list[Seg] = []
    for s in sign:
        if s.is_caps and not s.display.startswith("("):
            titles.append(s)
        elif titles:
            break
    # ô 7a (authority and title) stands above the signing space, ô 7b (the name and any other title of the
    # signer) below it (nd30.md §3, §4.7): a capital line after a gap of more than two lines is part of 7b
    block = titles[:1]
    for prev, s in itertools.pairwise(titles):
        if s.para.y - (prev.para.y + prev.para.h) > 2 * 14 * 1.15:
            break
        block.append(s)
    el.sign_titles = block
    last_title = titles[-1].para if titles else None
    below = [
        s
        for s in sign
        if last_title is not None
        and not s.is_caps
        and not s.display.startswith("(")
        and s.para.index > last_title.index
    ]
    # the name is in the title's cell, or (typed without a table, or under it) within a few lines
    cell = last_title.cell if last_title is not None else None
    names = [s for s in below if cell is not None and s.para.cell is cell]
    if not names and last_title is not None:
        names = [s for s in below if s.para.index - last_title.index <= 15]
    if names:
        el.sign_name = names[-1]
        # signing space as it renders: from the last title line to what is under it, in 14 pt lines
        last = block[-1].para
        under = titles[len(block)].para if len(titles) > len(block) else el.sign_name.para
        el.sign_gap = max(0, int((under.y - (last.y + last.h)) / (14 * 1.15) + 0.3))


def _appendices(doc: DocModel, start: int, el: Elements) -> None:
    current: Appendix | None = None
    for p in doc.paras[start:]:
        text = p.text.strip()
        if p.table is None and (APPENDIX_HEAD.match(fold(text)) or (current is None and text)):
            current = Appendix(heading=p)
            el.appendices.append(current)
            continue
        if current is None:
            continue
        current.paras.append(p)
        if current.caption is None and p.table is None and fold(text).startswith("(ban hành kèm theo"):
            # a regulation or plan issued with a decision (Mẫu 1.3) is its own document, not an appendix
            el.appendices.remove(current)
            break
        if current.caption is None and p.table is None and fold(text).startswith("(kèm theo"):
            current.caption = p
            current.rule = rule_below(doc, segments(p)[-1], 2)
        elif current.caption is None and text and p.table is None and len(current.titles) < 3:
            current.titles.append(p)


def normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
