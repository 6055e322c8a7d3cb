"""Estimated heights of task-table rows, to decide which rows must not break across pages.

A row that fits on a page is kept whole (``<w:cantSplit/>``); only a row taller than a page may break. The
estimate wraps words greedily with Times New Roman metrics and counts the cell spacing; it errs on the tall
side, so a row it keeps whole really fits. (A row wrongly marked would still print whole: LibreOffice breaks
a kept row that cannot fit on an empty page, which tests/pdf/test_print_geometry.py shows.)
"""

from __future__ import annotations

import math

from cchc_docgen.context.text import plain
from cchc_docgen.fontmetrics import MAX_CHAR_WIDTH_MM_PER_PT, text_width_mm

#: Text height of the pages (mm): A4 portrait 297 − 20 − 20; landscape 210 − 20 − 20.
PORTRAIT_HEIGHT_MM = 257.0
LANDSCAPE_HEIGHT_MM = 170.0
TABLE_TEXT_PT = 12.0
LINE_PT = TABLE_TEXT_PT * 1.15  # single spacing of Times New Roman
PARA_SPACING_PT = 4.0  # 2 pt before + 2 pt after (style ND30 Table Text)
CELL_MARGIN_MM = 2 * 85 / 56.7  # left + right cell margins of the table style
PT_PER_MM = 72 / 25.4
#: Room left on each page for the repeated header row of the table (two lines of bold text and spacing).
HEADER_ROOM_PT = 40.0


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


def _lines_bound(text: str, width_mm: float) -> int:
    """An upper bound of ``lines_of`` that costs no measuring: greedy wrapping fills each pair of lines
    past the column width, and no character is wider than the widest one of the font."""
    usable = max(width_mm - CELL_MARGIN_MM, 5.0)
    return 2 * math.ceil(len(text) * MAX_CHAR_WIDTH_MM_PER_PT * TABLE_TEXT_PT / usable) + 1


def fits_on_page(cells: list[tuple[list[str], float]], landscape: bool) -> bool:
    """Whether a row whose cells are ``(paragraphs, width_mm)`` fits on one page below the header row."""
    room = (LANDSCAPE_HEIGHT_MM if landscape else PORTRAIT_HEIGHT_MM) * PT_PER_MM - HEADER_ROOM_PT
    bound = max((sum(_lines_bound(p, width) * LINE_PT + PARA_SPACING_PT for p in paras) or LINE_PT + PARA_SPACING_PT
                 for paras, width in cells), default=0.0)
    if bound <= room:  # most rows: clearly short enough, no word-by-word measuring needed
        return True
    tallest = max((cell_height_pt(paras, width) for paras, width in cells), default=0.0)
    return tallest <= room
