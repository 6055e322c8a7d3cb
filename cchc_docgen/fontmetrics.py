"""Text widths in Times New Roman (Adobe Times metrics, the same as TNR / Liberation Serif)."""

from __future__ import annotations

import functools
import unicodedata

PT_PER_MM = 72 / 25.4
TWIPS_PER_MM = 1440 / 25.4
#: room left on a line whose break the program forces, so that a program measuring a little wider keeps it
WRAP_MARGIN_MM = 1.0

# advance widths (1/1000 em) for U+0020 … U+007E
_REGULAR = (
    "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 500 500 500 "
    "278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 "
    "611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 444 333 500 500 278 278 500 278 778 "
    "500 500 500 500 333 389 278 500 500 722 500 500 444 480 200 480 541"
)
_BOLD = (
    "250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 "
    "500 "
    "333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 "
    "667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 444 333 500 556 278 333 556 278 "
    "833 "
    "556 500 556 556 444 389 333 556 500 722 500 500 444 394 220 394 520"
)
_TABLES = {
    False: dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()), strict=True)),
}
_SPECIAL = {
    "\u2013": 500,
    "\u2014": 1000,
    "\u2026": 1000,
    "\u00a0": 250,
    "\t": 250,
    "\u201c": 444,
    "\u201d": 444,
}


#: The widest advance of any character in the tables (mm per point of font size): an upper bound of widths.
MAX_CHAR_WIDTH_MM_PER_PT = max(max(t.values()) for t in (*_TABLES.values(), _SPECIAL)) / 1000 / PT_PER_MM


@functools.lru_cache(maxsize=8192)
def char_width(ch: str, bold: bool) -> int:
    """Advance width of ``ch`` in 1/1000 em."""
    table = _TABLES[bold]
    if ch in table:
        return table[ch]
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch in "đĐ":
        return table["d" if ch == "đ" else "D"]
    base = unicodedata.normalize("NFD", ch)[:1]
    return table.get(base, 500)


def text_width_mm(text: str, size_pt: float, bold: bool) -> float:
    """Width of ``text`` set in Times New Roman at ``size_pt``, in millimetres."""
    units = sum(char_width(ch, bold) for ch in text)
    return units / 1000 * size_pt / PT_PER_MM


def twips_to_mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


def wrap_words(text: str, width_mm: float, size_pt: float, bold: bool) -> list[str]:
    """``text`` broken into lines as Word and LibreOffice break it in a column ``width_mm`` wide: greedy, at
    spaces (a space at a line end takes no room). A word wider than the column stands on its own line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width_mm(candidate, size_pt, bold) > width_mm:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def wrap_without_widow(text: str, width_mm: float, size_pt: float, bold: bool) -> list[str]:
    """Lines of :func:`wrap_words`, except that a last line of one word ("PHÒNG GIÁO DỤC VÀ ĐÀO / TẠO") takes
    the word before it ("PHÒNG GIÁO DỤC VÀ / ĐÀO TẠO"): more even lines, and the last two syllables (often one
    Vietnamese word) kept together. Only when the line before keeps two words and the new last line fits."""
    lines = wrap_words(text, width_mm, size_pt, bold)
    if len(lines) < 2 or " " in lines[-1]:
        return lines
    head, moved = lines[-2].rsplit(" ", 1) if " " in lines[-2] else ("", "")
    last = f"{moved} {lines[-1]}"
    if " " not in head or text_width_mm(last, size_pt, bold) > width_mm - WRAP_MARGIN_MM:
        return lines
    return [*lines[:-2], head, last]
