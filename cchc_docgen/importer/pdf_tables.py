"""Tables on a PDF page, rebuilt from their ruling lines: columns from the vertical rules, rows from the
horizontal rules, merged cells where a rule is missing between two cells."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from cchc_docgen.importer.blocks import Block, Cell, Table

THIN = 1.5  # points: thicker shapes are fills (shading, backgrounds), not rules


@dataclass
class Grid:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom (descending y)
    h: list[tuple[float, float, float]]  # horizontal rules (y, x0, x1)
    v: list[tuple[float, float, float]]  # vertical rules (x, y0, y1)

    @property
    def top(self) -> float:
        return self.ys[0]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] - 1 <= x <= self.xs[-1] + 1 and self.ys[-1] - 1 <= y <= self.ys[0] + 1


def _merge(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def find_grids(shapes: list[tuple[float, float, float, float]]) -> list[Grid]:
    """``shapes`` as (x0, y0, x1, y1) → the ruled tables on the page (at least two columns and one row)."""
    h = [((y0 + y1) / 2, x0, x1) for x0, y0, x1, y1 in shapes if y1 - y0 <= THIN and x1 - x0 > 10]
    v = [((x0 + x1) / 2, y0, y1) for x0, y0, x1, y1 in shapes if x1 - x0 <= THIN and y1 - y0 > 6]
    groups: list[list[tuple[float, float, float]]] = []
    for seg in sorted(v, key=lambda s: -s[2]):
        for g in groups:
            if any(seg[1] <= o[2] + 2 and o[1] <= seg[2] + 2 for o in g):
                g.append(seg)
                break
        else:
            groups.append([seg])
    grids = []
    for g in groups:
        xs = _merge([s[0] for s in g])
        if len(xs) < 3:
            continue
        y0, y1 = min(s[1] for s in g), max(s[2] for s in g)
        hs = [s for s in h if y0 - 2 <= s[0] <= y1 + 2 and s[1] < xs[-1] and s[2] > xs[0]]
        ys = sorted(_merge([s[0] for s in hs] + [y0, y1]), reverse=True)
        if len(ys) >= 2:
            grids.append(Grid(xs, ys, hs, g))
    return grids


def _has_h(grid: Grid, y: float, x0: float, x1: float) -> bool:
    mid = (x0 + x1) / 2
    return any(abs(s[0] - y) <= 2 and s[1] <= mid <= s[2] for s in grid.h)


def _has_v(grid: Grid, x: float, y0: float, y1: float) -> bool:
    mid = (y0 + y1) / 2
    return any(abs(s[0] - x) <= 2 and s[1] - 1 <= mid <= s[2] + 1 for s in grid.v)


def build_table(grid: Grid, pieces: list[tuple[float, float, float, str]], where: str
                ) -> tuple[Table | None, list[int]]:
    """Text pieces (y, x0, x1, text) inside ``grid`` → a ``Table`` with spans and vertical merges, and the
    indexes of the pieces it took (the others stay ordinary lines)."""
    taken: list[int] = []
    nrows, ncols = len(grid.ys) - 1, len(grid.xs) - 1
    texts: dict[tuple[int, int], list[tuple[float, float, float, str]]] = {}
    for k, (y, x0, _x1, text) in enumerate(pieces):
        r = next((i for i in range(nrows) if grid.ys[i + 1] - 1 <= y <= grid.ys[i] + 1), None)
        c = next((i for i in range(ncols) if grid.xs[i] - 2 <= x0 < grid.xs[i + 1]), None)
        if r is not None and c is not None:
            texts.setdefault((r, c), []).append((y, x0, _x1, text))
            taken.append(k)
    rows: list[list[Cell]] = []
    above: dict[int, Cell] = {}  # grid column → the cell that starts there in the row above (a merge's owner)
    for r in range(nrows):
        top, bottom = grid.ys[r], grid.ys[r + 1]
        if top - bottom < 3:
            continue
        row: list[Cell] = []
        starts: dict[int, Cell] = {}
        c = 0
        while c < ncols:
            span = 1
            while c + span < ncols and not _has_v(grid, grid.xs[c + span], bottom, top):
                span += 1
            got = sorted(texts.get((r, c), []), key=lambda t: (-round(t[0]), t[1]))
            paras = _paragraphs(got, grid.xs[c + span])
            owner = above.get(c)
            merged = bool(rows) and owner is not None and owner.span == span and \
                not _has_h(grid, top, grid.xs[c], grid.xs[c + span])
            if merged and owner is not None and paras:  # text centred in a merged cell: it belongs to the owner
                owner.paras.extend(paras)
                owner.plain.extend(p.replace("**", "") for p in paras)
                paras = []
            cell = Cell(paras, span, merged, [p.replace("**", "") for p in paras])
            row.append(cell)
            starts[c] = owner if merged and owner is not None else cell
            c += span
        rows.append(row)
        above = starts
    if not rows or all(not cell.paras for row in rows for cell in row) or max(len(r) for r in rows) < 2:
        return None, []
    return Table(rows, where), taken


def _paragraphs(lines: list[tuple[float, float, float, str]], right: float) -> list[str]:
    """Printed lines of one cell → its paragraphs: a line starting with '-', '+', '* ' begins a new one, and so
    does a line after one that stopped short of the cell's right edge by more than the next word."""
    out: list[str] = []
    prev_x1, prev_y = right, None
    steps = [a[0] - b[0] for a, b in itertools.pairwise(lines) if a[0] - b[0] > 3]
    pitch = min(steps) if steps else 0.0
    for y, x0, x1, text in lines:
        width = (x1 - x0) / max(len(text), 1)
        first = text.replace("*", "", 2 if text.startswith("**") else 0).split(" ", 1)[0]
        short = prev_x1 < right - width * (len(first) + 2) - 6 or (
            prev_y is not None and pitch and prev_y - y > pitch + 2.5)
        prev_y = y
        if out and not short and not re.match(r"^\*?\*?(?:[-+•]|\*\s)", text):
            prev = out[-1]
            out[-1] = prev + text if re.search(r"\w[-/]$", prev) else f"{prev} {text}"
        else:
            out.append(text)
        prev_x1 = x1
    return [" ".join(p.split()) for p in out]


def join_tables(blocks: list[Block]) -> list[Block]:
    """A table that goes on over a page break → one table: the repeated header rows are dropped and a row
    broken across the page (its number cell empty on the new page) is joined again."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if isinstance(b, Table) and isinstance(prev, Table) and b.width == prev.width:
            rows = list(b.rows)
            heads = 0
            while heads < len(rows) and heads < len(prev.rows) and _same(rows[heads], prev.rows[heads]):
                heads += 1
            rows = rows[heads:]
            if rows and heads and _continues(rows[0], prev.rows[-1]):
                prev.rows[-1] = [_join(a, c) for a, c in zip(prev.rows[-1], rows.pop(0), strict=True)]
            prev.rows.extend(rows)
            continue
        out.append(b)
    return out


def _same(a: list[Cell], b: list[Cell]) -> bool:
    return [c.text for c in a] == [c.text for c in b]


def _continues(row: list[Cell], last: list[Cell]) -> bool:
    """The first row on a new page goes on with the last row of the page before (no number of its own)."""
    if len(row) != len(last) or row[0].text or not any(c.text for c in row) or any(
            a.span != b.span for a, b in zip(row, last, strict=True)):
        return False
    texts = [c.text for c in row[1:]]
    filled = [t for t in texts if t]
    return any(t[:1].islower() or t[:1] in "-+•*" or t[:1].isdigit() for t in filled) or len(filled) * 2 < len(texts)


def _join(a: Cell, b: Cell) -> Cell:
    if not b.paras:
        return a
    if not a.paras:
        return b
    first = b.paras[0]
    if re.match(r"^\*?\*?(?:[-+•]|\*\s)", first):
        paras = a.paras + b.paras
    else:
        paras = a.paras[:-1] + [f"{a.paras[-1]} {first}"] + b.paras[1:]
    return Cell(paras, a.span, a.merged, [p.replace("**", "") for p in paras])
