"""The recogniser's input: one neutral line per paragraph, whatever read the document.

The checker gives one :class:`Line` per paragraph of the Word file (empty ones too, table cells in reading order);
the importer one per paragraph it kept from a DOCX, a PDF or a text file (a table: one per line of each cell).
Positions the recogniser returns are indexes into that list.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_docgen.outline.words import fold, is_caps


@dataclass(frozen=True)
class Line:
    """A paragraph as text and look.

    ``pieces`` are its parts that act as separate lines or columns (manual line breaks, then columns typed with
    tabs), as shown (the ``caps`` property applied), in order; ``bold``: every visible character is bold;
    ``center``: centred; ``table``: which table it stands in (``None``: the running text) and ``cell`` which cell
    (any hashable key, the same for the lines of one cell); ``rule``: nothing but a drawn rule (underscores, a
    bottom border of an empty paragraph); ``numbered``: a Word list item (its number is not in the text).
    """

    pieces: tuple[str, ...]
    bold: bool = False
    center: bool = False
    table: int | None = None
    cell: object = None
    rule: bool = False
    numbered: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.pieces)

    @property
    def folded(self) -> str:
        return fold(self.text)

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @property
    def caps(self) -> bool:
        return is_caps(self.text)


def line(text: str, **kw: object) -> Line:
    """A line of one piece (tests, plain text)."""
    return Line((text,) if text.strip() else (), **kw)  # type: ignore[arg-type]
