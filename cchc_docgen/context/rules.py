"""Short horizontal rules (spec §4.12) drawn as real lines of computed length.

A rule is an empty paragraph of style ``ND30Rule`` (exact line height, a bottom border) whose left and right
indents are computed so that the border is exactly ``length`` long and centred in its column. Word and
LibreOffice both draw a paragraph's bottom border from the left to the right indent, so the printed length
no longer depends on the program (underscore runs printed at ~58 % of their length in LibreOffice).

Text widths come from ``cchc_docgen.fontmetrics`` (Times New Roman metrics), shared with the checker.
The column widths of the default template live here too, so the template builder and the context agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from cchc_docgen.fontmetrics import TWIPS_PER_MM, text_width_mm

#: Header table of the default templates (mm): agency column, Quốc hiệu column; cell margins (twips).
HEADER_COLS_MM = (70.0, 100.0)
LAYOUT_CELL_MARGIN_TWIPS = 57
#: Text width of the pages (mm): A4 portrait with margins L30/R15, landscape with the same margins.
PORTRAIT_WIDTH_MM = 165.0
LANDSCAPE_WIDTH_MM = 252.0
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Rule:
    """A centred rule ``length_mm`` long in a column ``column_mm`` wide (the text area of the paragraph)."""

    length_mm: float
    column_mm: float
    after_twips: int = 0  # space below the rule (before a table that follows it directly)

    @property
    def indent_twips(self) -> int:
        """Left and right indent that leave exactly ``length_mm`` between them."""
        return max(0, round((self.column_mm - self.length_mm) / 2 * TWIPS_PER_MM))

    def xml(self) -> Markup:
        """The rule paragraph, for ``{{p …}}`` in a template."""
        ind = self.indent_twips
        after = f'<w:spacing w:after="{self.after_twips}"/>' if self.after_twips else ""
        return Markup(
            f'<w:p><w:pPr><w:pStyle w:val="ND30Rule"/>{after}<w:ind w:left="{ind}" w:right="{ind}" w:firstLine="0"/>'
            "</w:pPr></w:p>"
        )


def cell_text_mm(column_mm: float) -> float:
    """Width available to paragraphs in a layout-table cell ``column_mm`` wide."""
    return column_mm - 2 * LAYOUT_CELL_MARGIN_TWIPS / TWIPS_PER_MM


def rule_under(lines: list[str], size_pt: float, bold: bool, fraction: float, column_mm: float,
               after_twips: int = 0) -> Rule:
    """A rule ``fraction`` of the longest line (NĐ30 asks 1/3–1/2 under the issuer and the trích yếu)."""
    longest = max((min(text_width_mm(line, size_pt, bold), column_mm) for line in lines), default=30.0)
    return Rule(longest * fraction, column_mm, after_twips)


def motto_rule() -> Rule:
    """The rule under the Tiêu ngữ: as long as the Tiêu ngữ (14 pt bold)."""
    return Rule(text_width_mm(MOTTO, 14, True), cell_text_mm(HEADER_COLS_MM[1]))
