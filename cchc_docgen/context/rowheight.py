"""Estimated heights of task-table rows, to decide which rows must not break across pages.

A row that fits on a page is kept whole (``<w:cantSplit/>``); only a row taller than a page may break, else
Word and LibreOffice would have to clip it. The estimate is deliberately generous (it counts words that
wrap, one line more per long paragraph and the cell spacing), so a row near the limit is allowed to break
rather than risk being cut off.
"""

from __future__ import annotations

from cchc_docgen.context.text import plain
from cchc_docgen.fontmetrics import text_width_mm

#: Text height of the pages (mm): A4 portrait 297 − 20 − 20; landscape 210 − 20 − 20.
PORTRAIT_HEIGHT_MM = 257.0
LANDSCAPE_HEIGHT_MM = 170.0
TABLE_TEXT_PT = 12.0
LINE_PT = TABLE_TEXT_PT * 1.15  # single spacing of Times New Roman
PARA_SPACING_PT = 4.0  # 2 pt before + 2 pt after (style ND30 Table Text)
CELL_MARGIN_MM = 2 * 85 / 56.7  # left + right cell margins of the table style
PT_PER_MM = 72 / 25.4
#: Share of the page a kept-whole row may take: the repeated header row and the rows above need room.
KEEP_SHARE = 0.8


def lines_of(text: str, width_mm: float) -> int:
    """Lines a paragraph takes in a column ``width_mm`` wide (greedy word wrap)."""
    usable = max(width_mm - CELL_MARGIN_MM, 5.0)
    lines, used = 1, 0.0
    space = text_width_mm(" ", TABLE_TEXT_PT, False)
    for word in plain(text).split():
        w = text_width_mm(word, TABLE_TEXT_PT, False)
        if used and used + space + w > usable:
            lines += 1
            used = 0.0
        used += (space if used else 0.0) + w
        while used > usable:  # a word longer than the column
            lines += 1
            used -= usable
    return lines


def cell_height_pt(paragraphs: list[str], width_mm: float) -> float:
    if not paragraphs:
        return LINE_PT + PARA_SPACING_PT
    return sum(lines_of(p, width_mm) * LINE_PT + PARA_SPACING_PT for p in paragraphs)


def fits_on_page(cells: list[tuple[list[str], float]], landscape: bool) -> bool:
    """Whether a row whose cells are ``(paragraphs, width_mm)`` fits comfortably on one page."""
    page_pt = (LANDSCAPE_HEIGHT_MM if landscape else PORTRAIT_HEIGHT_MM) * PT_PER_MM
    tallest = max((cell_height_pt(paras, width) for paras, width in cells), default=0.0)
    return tallest <= page_pt * KEEP_SHARE
