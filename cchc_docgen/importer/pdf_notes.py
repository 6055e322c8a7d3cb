"""Footnotes in a PDF: small-print lines at the foot of a page, and the superscript marks that point to them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from cchc_docgen.importer.blocks import Block, Para

MARK = re.compile(r"\[\^fn(\d+)\]")


@dataclass
class Piece:
    """One printed line piece: baseline height, left and right edge, text (with markup), all bold, font size."""

    y: float
    x0: float
    x1: float
    text: str
    bold: bool
    size: float


def body_size(pages: list[list[Piece]]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for p in page:
            sizes[round(p.size)] += len(p.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def split_notes(pieces: list[Piece], size: float, notes: dict[str, list[str]]) -> list[Piece]:
    """Take the footnote lines off the foot of the page into ``notes``; return the other pieces."""
    body = [p for p in pieces if p.size > 0.88 * size and not re.fullmatch(r"[-–\s*]*\d{1,3}[-–\s*]*", p.text)]
    if not body:
        return pieces
    floor = min(p.y for p in body)
    foot = sorted((p for p in pieces if (p.y < floor - 1 and p.size <= 0.88 * size and MARK.search(p.text))
                   or (p.y < floor - 1 and p.size <= 0.88 * size and foot_started(pieces, floor, size))),
                  key=lambda p: (-p.y, p.x0))
    if not foot or not MARK.match(foot[0].text.lstrip("*")):
        return pieces
    current: str | None = None
    for p in foot:
        text = p.text.strip()
        m = MARK.match(text.lstrip("*"))
        if m:
            current = m.group(1)
            notes[current] = [text.lstrip("*")[m.end():].strip()]
        elif current is not None:
            paras = notes[current]
            if text.startswith(("-", "+", "•")):
                paras.append(text)
            elif re.search(r"\w[-/]$", paras[-1]):
                paras[-1] += text
            else:
                paras[-1] = f"{paras[-1]} {text}".strip()
    return [p for p in pieces if p not in foot]


def foot_started(pieces: list[Piece], floor: float, size: float) -> bool:
    return any(p.y < floor - 1 and p.size <= 0.88 * size and MARK.match(p.text.lstrip("*")) for p in pieces)


def attach(blocks: list[Block], notes: dict[str, list[str]]) -> None:
    """Give each paragraph the footnotes its marks point to; a mark without a footnote text is dropped."""
    for b in blocks:
        if not isinstance(b, Para) or "[^fn" not in b.text:
            continue
        for key in MARK.findall(b.text):
            if notes.get(key) and any(notes[key]):
                b.footnotes[f"fn{key}"] = [n for n in notes[key] if n]
            else:
                b.text = b.text.replace(f"[^fn{key}]", key)
        b.plain = MARK.sub("", b.plain)
