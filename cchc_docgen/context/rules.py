"""Short horizontal rules drawn as underscores, sized from the text they underline (spec §4.12).

Widths come from ``cchc_docgen.fontmetrics`` (Times New Roman metrics), shared with the checker.
"""

from __future__ import annotations

from cchc_docgen.fontmetrics import text_width_mm

UNDERSCORE_EM = 0.5
PT_TO_MM = 25.4 / 72


def underscores(length_mm: float, size_pt: float) -> str:
    """A run of underscores about ``length_mm`` long at ``size_pt``."""
    each = UNDERSCORE_EM * size_pt * PT_TO_MM
    return "_" * max(3, round(length_mm / each))


def rule_under(lines: list[str], size_pt: float, bold: bool, fraction: float = 0.4, rule_pt: float = 13) -> str:
    """A rule ``fraction`` of the longest line (NĐ30 asks 1/3–1/2), capped at the column's text width."""
    longest = max((text_width_mm(line, size_pt, bold) for line in lines), default=30.0)
    return underscores(longest * fraction, rule_pt)
