"""The NĐ30 elements the rules judge, placed from the shared recogniser's outline (:mod:`cchc_docgen.outline`).

The recogniser says where each part is; this module turns its positions into the checker's segments and
measures what only the rules need: the rules (lines) under the Tiêu ngữ, the issuer and the trích yếu, the
split of the agency lines into parent body and issuer, the signer's title block and signing space, and which
body paragraphs are body text (not chapter headings or "QUYẾT ĐỊNH:").
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field

from cchc_docgen import outline as nd30outline
from cchc_docgen.checker.docmodel import DocModel, Para
from cchc_docgen.checker.kind import Kind, kind_of
from cchc_docgen.checker.outline_lines import is_rule_para, lines_of
from cchc_docgen.checker.rulepos import drawn_rule_under
from cchc_docgen.checker.segs import Rule, Seg, para_rule, rule_of, segments
from cchc_docgen.checker.vocab import fold
from cchc_docgen.outline import Outline
from cchc_docgen.outline.words import AUTHORITY_LINE as AUTHORITY
from cchc_docgen.outline.words import CENTRED_HEAD, ENACT_MARK

__all__ = ["AUTHORITY", "Appendix", "Elements", "locate", "rule_below"]


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


def locate(doc: DocModel) -> Elements:
    """Find every element the rules need; missing ones stay ``None`` / empty."""
    el = Elements()
    outline = nd30outline.recognise(lines_of(doc))
    kind = el.kind = kind_of(doc, outline)
    paras = doc.paras
    if kind.code == "outside":
        return el
    if kind.code == "appendix":
        _appendices(doc, outline, el)
        return el
    if kind.type_idx is not None:
        el.type_seg = segments(paras[kind.type_idx])[0]
        el.type_name = kind.type_name
    _header(doc, outline, el)
    if outline.title:
        el.summary = [segments(paras[i])[0] for i in outline.title]
        last = max(outline.title[-1], outline.note if outline.note is not None else -1)
        el.summary_rule = rule_below(doc, segments(paras[last])[-1], 3)
    el.kinh_gui = [segments(paras[i])[0] for i in outline.kinh_gui]
    el.not_body.update(outline.enacting)
    _body(paras, outline.body_start, outline.footer_start, el)
    _footer(doc, outline, el)
    _appendices(doc, outline, el)
    return el


def _seg(doc: DocModel, pos: tuple[int, int] | None) -> Seg | None:
    return None if pos is None else segments(doc.paras[pos[0]])[pos[1]]


def _header(doc: DocModel, outline: Outline, el: Elements) -> None:
    zone = doc.paras[: outline.header_end]
    el.qh, el.tn, el.so, el.date = (_seg(doc, pos) for pos in (outline.qh, outline.tn, outline.so, outline.date))
    el.vv = [s for s in (_seg(doc, pos) for pos in outline.vv) if s is not None]
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


def _body(paras: list[Para], start: int, end: int, el: Elements) -> None:
    prev_head = False
    for p in paras[start:end]:
        if not p.text.strip() or is_rule_para(p):
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


def _footer(doc: DocModel, outline: Outline, el: Elements) -> None:
    zone = doc.paras[outline.footer_start : outline.appendix_start]
    el.nn = _seg(doc, outline.noi_nhan)
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


def _appendices(doc: DocModel, outline: Outline, el: Elements) -> None:
    paras = doc.paras
    for found in outline.appendices:
        app = Appendix(heading=paras[found.heading])
        app.titles = [paras[i] for i in found.titles]
        app.paras = paras[found.heading + 1 : found.end]
        if found.caption is not None:
            app.caption = paras[found.caption]
            app.rule = rule_below(doc, segments(app.caption)[-1], 2)
        el.appendices.append(app)


def normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
