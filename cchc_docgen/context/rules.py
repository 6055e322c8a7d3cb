"""Short horizontal rules drawn as underscores, sized from the text they underline (spec §4.12).

Widths use Times New Roman advance widths (Liberation Serif has the same metrics), in 1/1000 em.
"""

from __future__ import annotations

import unicodedata

# Advance widths of Times New Roman (regular / bold) for the characters that matter; others fall back.
_REGULAR = {" ": 250, "-": 333, ",": 250, ".": 250, ":": 278, "&": 778, "/": 278, "(": 333, ")": 333,
            "I": 333, "J": 389, "M": 889, "W": 944, "i": 278, "j": 278, "l": 278, "t": 278, "f": 333, "r": 333,
            "m": 778, "w": 722, "s": 389}
_BOLD = {" ": 250, "-": 333, ",": 250, ".": 250, ":": 333, "&": 833, "/": 278, "(": 333, ")": 333,
         "I": 389, "J": 500, "M": 944, "W": 1000, "i": 278, "j": 333, "l": 278, "t": 333, "f": 333, "r": 444,
         "m": 833, "w": 722, "s": 389}
_UPPER, _LOWER, _DIGIT = 722, 480, 500
UNDERSCORE_EM = 0.5
PT_TO_MM = 25.4 / 72


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """Approximate printed width of ``text`` at ``size_pt`` (diacritics do not change advance widths)."""
    table = _BOLD if bold else _REGULAR
    total = 0
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        if base == "đ":
            base = "d"
        elif base == "Đ":
            base = "D"
        if base in table:
            total += table[base]
        elif base.isdigit():
            total += _DIGIT
        elif base.isupper():
            total += _UPPER + (20 if bold else 0)
        else:
            total += _LOWER + (20 if bold else 0)
    return total / 1000 * size_pt * PT_TO_MM


def underscores(length_mm: float, size_pt: float) -> str:
    """A run of underscores about ``length_mm`` long at ``size_pt``."""
    each = UNDERSCORE_EM * size_pt * PT_TO_MM
    return "_" * max(3, round(length_mm / each))


def rule_under(lines: list[str], size_pt: float, bold: bool, fraction: float = 0.4, rule_pt: float = 13) -> str:
    """A rule ``fraction`` of the longest line (NĐ30 asks 1/3–1/2), capped at the column's text width."""
    longest = max((text_width_mm(line, size_pt, bold) for line in lines), default=30.0)
    return underscores(longest * fraction, rule_pt)
