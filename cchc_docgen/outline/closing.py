"""The end of a document: the closing block (signature and Nơi nhận, nd30.md §4.7–§4.9) and the appendices
(nd30.md §4.11), found in the recogniser's lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc_docgen.outline import words as W
from cchc_docgen.outline.lines import Line

Pos = tuple[int, int]  # (line, piece)


@dataclass
class Appendix:
    """An appendix: its first line, title lines, its "(Kèm theo …)" caption and the line after its end."""

    heading: int
    titles: list[int] = field(default_factory=list)
    caption: int | None = None
    end: int = 0


def _marks_closing(ln: Line) -> bool:
    return any(W.NOI_NHAN.match(W.fold(p)) or W.is_authority(p) for p in ln.pieces)


def _signer_alone(lines: list[Line], i: int) -> bool:
    """A signer's title standing alone near the end: only a few short lines follow before the end, a table or an
    appendix."""
    ln = lines[i]
    if ln.table is not None or len(ln.pieces) != 1 or not W.is_signer_title(ln.pieces[0]):
        return False
    tail = []
    for nxt in lines[i + 1:]:
        if nxt.table is not None or W.APPENDIX_HEAD.match(nxt.folded) or W.LIST_HEAD.match(nxt.folded):
            break
        if not nxt.empty:
            tail.append(nxt)
    return len(tail) <= 4 and all(len(x.text) < 60 for x in tail)


def closing_bounds(lines: list[Line], pos: int) -> tuple[int, int]:
    """(first line of the signature/Nơi nhận block, first line of the appendices)."""
    n = len(lines)
    foot = None
    foot_tables: set[int] = set()
    for i in range(pos, n):
        ln = lines[i]
        if foot is None:
            if _marks_closing(ln) or _signer_alone(lines, i):
                foot = i
                if ln.table is not None:
                    foot = next(k for k in range(n) if lines[k].table == ln.table)
                    foot_tables.add(ln.table)
            continue
        if ln.table is not None:
            if ln.table in foot_tables or _marks_closing(ln):
                foot_tables.add(ln.table)
                continue
            if foot_tables or i > foot:  # a table after the closing block holds an appendix
                return foot, _back_to_heading(lines, foot, i)
            continue
        text = ln.folded
        if W.APPENDIX_HEAD.match(text) or W.LIST_HEAD.match(text):
            return foot, i
        if W.CAPTION.match(text):
            return foot, _back_to_heading(lines, foot, i)
    if foot is None:
        return n, n
    while foot > pos:
        prev = lines[foot - 1]
        if prev.empty or (
            prev.pieces
            and prev.bold
            and all(W.is_caps(p) and len(p) <= 40 and not re.match(r"^[IVX]+\.", p) for p in prev.pieces)
        ):
            foot -= 1
        else:
            break
    return foot, n


def _back_to_heading(lines: list[Line], foot: int, at: int) -> int:
    """An appendix met at its caption or table starts at the last running-text line before it (its title)."""
    back = [k for k in range(foot, at) if not lines[k].empty and lines[k].table is None]
    if not back:
        return at
    k = back[-1]
    ln = lines[k]
    if _marks_closing(ln) or (lines[at].table is not None and not (ln.center or ln.bold or ln.caps)):
        return at
    return k


def closing_parts(lines: list[Line], start: int, end: int) -> tuple[Pos | None, Pos | None]:
    """(the "Nơi nhận" piece, the first piece of the signer's block) between ``start`` and ``end``."""
    zone = range(start, end)
    noi_nhan = next(((i, k) for i in zone for k, p in enumerate(lines[i].pieces) if W.NOI_NHAN.match(W.fold(p))),
                    None)
    signer = next(((i, k) for i in zone for k, p in enumerate(lines[i].pieces) if W.is_authority(p)), None)
    if signer is None:
        signer = next(((i, k) for i in zone for k, p in enumerate(lines[i].pieces)
                       if W.is_signer_title(p) and not W.NOI_NHAN.match(W.fold(p))), None)
    return noi_nhan, signer


def appendices(lines: list[Line], start: int) -> list[Appendix]:
    out: list[Appendix] = []
    current: Appendix | None = None
    for i in range(start, len(lines)):
        ln = lines[i]
        text = ln.folded
        if ln.table is None and (W.APPENDIX_HEAD.match(text) or (current is None and text)):
            if current is not None:
                current.end = i
            current = Appendix(heading=i)
            out.append(current)
            continue
        if current is None:
            continue
        if current.caption is None and ln.table is None and W.CAPTION.match(text):
            if W.ISSUED_WITH.match(text):
                # a regulation or plan issued with a decision (Mẫu 1.3) is its own document, not an appendix
                out.remove(current)
                return out
            current.caption = i
        elif current.caption is None and text and ln.table is None and len(current.titles) < 3:
            current.titles.append(i)
    if current is not None:
        current.end = len(lines)
    return out
