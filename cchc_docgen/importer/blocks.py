"""The reading stream every reader produces: paragraphs and tables in document order, with where they were.

DOCX, PDF and plain text all become a list of ``Para`` and ``Table``; recognition works on that list only,
so a rule written once serves every input format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph as the reader sees it.

    ``text`` carries inline markup (``**bold**``, ``*italic*``, ``[^key]``); ``plain`` is the same text without
    it. ``label`` is the number Word's list numbering shows in front of the paragraph (``None`` when the
    paragraph is not a Word list item). ``bold``/``italic``/``center``/``upper`` describe the whole paragraph.
    ``where`` says where it was, in Vietnamese ("đoạn 12", "trang 3, dòng 40").
    """

    text: str
    plain: str
    where: str
    label: str | None = None
    bold: bool = False
    italic: bool = False
    center: bool = False
    #: footnote key → its paragraphs, for the marks ``[^key]`` in ``text``
    footnotes: dict[str, list[str]] = field(default_factory=dict)
    #: the lines of the paragraph where it has manual line breaks (plain text), for header and footer cells
    lines: list[str] = field(default_factory=list)

    @property
    def upper(self) -> bool:
        letters = [c for c in self.plain if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


@dataclass
class Cell:
    """A table cell: its paragraphs, how many grid columns it spans, and whether it continues a merge above."""

    paras: list[str]
    span: int = 1
    merged: bool = False  # True: the cell continues the one above (Word vMerge continue)
    plain: list[str] = field(default_factory=list)
    bolds: list[bool] = field(default_factory=list)
    #: whether each line of ``plain`` is centred (empty when the reader cannot tell)
    centers: list[bool] = field(default_factory=list)
    #: only for a cell that holds tables of its own (a table inside a table): its paragraphs and those tables in
    #: reading order. ``paras``/``plain``/``bolds`` still hold every paragraph, the nested tables' ones included.
    inner: list[Para | Table] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.plain or self.paras).split())


@dataclass
class Table:
    rows: list[list[Cell]]
    where: str

    @property
    def nested(self) -> bool:
        """Whether a cell of the table holds a table of its own."""
        return any(cell.inner for row in self.rows for cell in row)

    @property
    def width(self) -> int:
        return max((sum(c.span for c in row) for row in self.rows), default=0)


Block = Para | Table


def cell_of(paras: list[Para], span: int = 1, merged: bool = False) -> Cell:
    """A cell holding ``paras`` (each with its Word list label in front)."""
    return Cell([(f"{x.label} " if x.label else "") + x.text for x in paras], span, merged,
                [(f"{x.label} " if x.label else "") + line for x in paras for line in (x.lines or [x.plain])],
                [x.bold for x in paras for _ in (x.lines or [x.plain])],
                [x.center for x in paras for _ in (x.lines or [x.plain])])


def para(text: str, where: str, **kw: object) -> Para:
    """A paragraph of plain text (no markup)."""
    return Para(text=escape_stars(text), plain=text, where=where, **kw)  # type: ignore[arg-type]


def escape_stars(text: str) -> str:
    """Plain text safe for the inline markup: a star that could start or end markup is escaped."""
    if "*" not in text:
        return text
    from cchc_docgen.context.text import parse_inline

    if "".join(r.text for r in parse_inline(text)) == " ".join(text.split()):
        return text
    return text.replace("*", "\\*")
