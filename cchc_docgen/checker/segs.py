"""Segments: the pieces of a paragraph that act as separate lines or columns.

A header typed by hand puts the left and right columns in one paragraph separated by tabs
("SỞ GIÁO DỤC VÀ ĐÀO TẠO⇥⇥CỘNG HÒA …"), and may break lines with Shift+Enter. A segment is
one such piece, with the runs it covers, so that the rules can judge it like a paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from cchc_docgen.checker.docmodel import Para, Run
from cchc_docgen.checker.tolerances import CENTRE_TOLERANCE_MM
from cchc_docgen.fontmetrics import text_width_mm, twips_to_mm

_SPLIT = re.compile(r"[ \u00a0]*\t[\t \u00a0]*|[ \u00a0]{5,}")
_DRAFT_BEFORE = re.compile(r"(số\s*:?|ngày|tháng|năm)$", re.IGNORECASE)
_DRAFT_AFTER = re.compile(r"^(/|tháng|năm)", re.IGNORECASE)
SCRIPT_SCALE = 0.65
RULE_CHARS = re.compile(r"^[_\s]*_{3,}[_\s]*$")


@dataclass(eq=False)
class Seg:
    para: Para
    start: int
    end: int
    line: int
    col: int
    ncols: int
    lead: bool  # the line begins with a tab or a long run of spaces

    @property
    def text(self) -> str:
        return self.para.text[self.start : self.end]

    @cached_property
    def runs(self) -> list[Run]:
        """Runs with visible characters inside the segment."""
        out = []
        for r in self.para.runs:
            lo, hi = max(r.start, self.start), min(r.start + len(r.text), self.end)
            if lo < hi and self.para.text[lo:hi].strip():
                out.append(r)
        return out

    @cached_property
    def display(self) -> str:
        """Text as shown (runs with the ``caps`` property shown upper-case), NFC, spaces collapsed."""
        parts = []
        for r in self.para.runs:
            lo, hi = max(r.start, self.start), min(r.start + len(r.text), self.end)
            if lo < hi:
                piece = self.para.text[lo:hi]
                parts.append(piece.upper() if r.props.caps else piece)
        return " ".join(unicodedata.normalize("NFC", "".join(parts)).split())

    @property
    def col_key(self) -> tuple:
        p = self.para
        if p.table is not None:
            return ("cell", id(p.cell), self._side())
        if self.ncols == 1 and not self.lead and p.props.jc == "center":
            return ("center",)
        return ("tab", self._side())

    def _side(self) -> int:
        if self.ncols >= 2:
            return 1 if self.col == self.ncols - 1 else 0
        if self.lead or self.para.props.left > self.para.avail // 2:
            return 1
        return 0

    @property
    def sizes(self) -> list[float]:
        return sorted({r.props.size for r in self.runs})

    @property
    def bold(self) -> bool:
        return bool(self.runs) and all(r.props.bold for r in self.runs)

    @property
    def any_bold(self) -> bool:
        return any(r.props.bold for r in self.runs)

    @property
    def italic(self) -> bool:
        return bool(self.runs) and all(r.props.italic for r in self.runs)

    @property
    def any_italic(self) -> bool:
        return any(r.props.italic for r in self.runs)

    @property
    def size(self) -> float:
        sizes = self.sizes
        return max(sizes) if sizes else self.para.mark_size

    def centered(self) -> bool | None:
        """Whether the segment is centred (``None`` when typed with tabs and not decidable)."""
        if self.ncols > 1 or self.lead:
            return None
        off = self.para.centre_off_mm  # measured on the rendered page (layout mode)
        if off is not None:
            return off <= CENTRE_TOLERANCE_MM
        pp = self.para.props
        lead = self.para.text[: self.start] if self.line == 0 else ""
        if pp.jc in ("left", "start", "both", "distribute") and lead.count(" ") >= 2 and not lead.strip():
            # centred by hand with leading spaces: where the text renders, from the widths of the spaces
            # (the text as typed: a draft's blank "Số:        /KH-…" keeps its spaces on the page)
            start = pp.first_line / 56.7 + text_width_mm(lead, self.size, self.bold)
            typed = text_width_mm(self.text, self.size, self.bold)
            return abs(start + typed / 2 - self.para.avail / 56.7 / 2) <= CENTRE_TOLERANCE_MM
        if pp.jc == "center":
            # indents move a centred line: half of (left + first-line − right) off the column's centre
            first = pp.first_line if self.line == 0 else 0
            return abs(pp.left + first - pp.right) / 2 <= CENTRE_TOLERANCE_MM * 56.7
        return False

    def off_centre_mm(self) -> float:
        """How far a left-aligned or justified line in a table cell renders from the cell's centre."""
        return max(0.0, (self.para.avail / 56.7 - self.width_mm()) / 2)

    def width_mm(self) -> float:
        """Rendered width: the font's advance widths plus the runs' character spacing (condensed/expanded)."""
        extra = 0
        for r in self.runs:
            lo, hi = max(r.start, self.start), min(r.start + len(r.text), self.end)
            extra += (hi - lo) * r.props.spacing
        return max(text_width_mm(self.display, self.size, self.bold) + extra / 56.7, 0.0)

    @property
    def is_caps(self) -> bool:
        letters = [c for c in self.display if c.isalpha()]
        return bool(letters) and all(not c.islower() for c in letters)


def segments(para: Para) -> list[Seg]:
    """Split ``para`` into segments (lines, then tab-separated columns)."""
    cache = getattr(para, "_segs", None)
    if cache is not None:
        return cache  # type: ignore[no-any-return]
    out: list[Seg] = []
    offset = 0
    for ln, line in enumerate(para.text.split("\n")):
        pieces: list[tuple[int, int]] = []
        pos = 0
        for m in _SPLIT.finditer(line):
            if "\t" not in m.group(0) and (
                _DRAFT_BEFORE.search(line[: m.start()].rstrip()) or _DRAFT_AFTER.match(line[m.end() :])
            ):
                continue
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, len(line)))
        cells = [(a, b) for a, b in pieces if line[a:b].strip()]
        lead = bool(cells) and bool(_SPLIT.match(line)) and _SPLIT.match(line).start() == 0  # type: ignore[union-attr]
        for ci, (a, b) in enumerate(cells):
            seg_text = line[a:b]
            a += len(seg_text) - len(seg_text.lstrip())
            b -= len(seg_text) - len(seg_text.rstrip())
            out.append(Seg(para, offset + a, offset + b, ln, ci, len(cells), lead and ci == 0))
        offset += len(line) + 1
    para._segs = out  # type: ignore[attr-defined]
    return out


@dataclass
class Rule:
    """A short horizontal line: underscores, a paragraph border or a drawn line."""

    para: Para
    kind: str
    length_mm: float
    centered: bool | None
    solid: bool


def rule_of(seg: Seg) -> Rule | None:
    """The rule drawn by ``seg`` (a run of underscores), or ``None``."""
    if not RULE_CHARS.match(seg.text):
        return None
    length = 0.0
    for r in seg.para.runs:
        lo, hi = max(r.start, seg.start), min(r.start + len(r.text), seg.end)
        if lo < hi:
            # superscript / subscript text renders at about two thirds of its size
            scale = SCRIPT_SCALE if r.props.vert in ("superscript", "subscript") else 1.0
            length += seg.para.text[lo:hi].count("_") * 0.5 * r.props.size * scale * 25.4 / 72
    return Rule(seg.para, "underscore", length, seg.centered(), True)


def para_rule(para: Para) -> Rule | None:
    """A rule drawn by an otherwise empty paragraph's bottom border."""
    if para.props.border_bottom and para.props.border_bottom not in ("nil", "none") and not para.text.strip():
        centered = abs(para.props.left - para.props.right) <= 60
        solid = para.props.border_bottom in ("single", "thick", "double")
        return Rule(para, "border", twips_to_mm(para.avail), centered, solid)
    return None
