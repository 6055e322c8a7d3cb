"""A typed reading stream of a document body: paragraphs (with effective properties and runs) and tables
(rows of cells, horizontal spans and vertical merges kept), plus the footnotes' text.

Content controls (``w:sdt``) and custom XML wrappers are read through, at block, row and cell level.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from cchc_docgen.ooxml.names import w, wattr
from cchc_docgen.ooxml.paratext import ParaContent, read_paragraph
from cchc_docgen.ooxml.styleparts import to_int
from cchc_docgen.ooxml.styles import ParaProps, RunProps, Styles

_WRAPPERS = (w("sdt"), w("customXml"))


@dataclass
class StyledRun:
    """A piece of visible text, its offset in the paragraph's text and its effective properties."""

    text: str
    start: int
    props: RunProps


@dataclass
class Paragraph:
    el: etree._Element
    props: ParaProps
    content: ParaContent
    runs: list[StyledRun]

    @property
    def text(self) -> str:
        return self.content.text


@dataclass
class Cell:
    el: etree._Element
    #: grid columns the cell spans (``w:gridSpan``)
    span: int
    #: "restart" (first cell of a vertical merge), "continue" (covered by the cell above) or "" (none)
    vmerge: str
    blocks: list[Paragraph | Table] = field(default_factory=list)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph of the cell in reading order, those of nested tables included."""
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block
            else:
                for row in block.rows:
                    for cell in row:
                        yield from cell.paragraphs()


@dataclass
class Table:
    el: etree._Element
    rows: list[list[Cell]]


def _unwrapped(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children of ``parent`` with tag ``tag``, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if inner is not None:
                yield from _unwrapped(inner, tag)


class Stream:
    """Read blocks of a body (or any block container) with the document's styles."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles

    def blocks(self, parent: etree._Element, table_style: str = "") -> Iterator[Paragraph | Table]:
        for child in parent:
            if child.tag == w("p"):
                yield self.paragraph(child, table_style)
            elif child.tag == w("tbl"):
                yield self.table(child)
            elif child.tag in _WRAPPERS:
                inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if inner is not None:
                    yield from self.blocks(inner, table_style)

    def paragraph(self, p: etree._Element, table_style: str = "") -> Paragraph:
        content = read_paragraph(p)
        pstyle = self.styles.para_style_id(p)
        runs = [StyledRun(text, start, self.styles.run_props(table_style, pstyle, r))
                for text, start, r in content.runs]
        return Paragraph(p, self.styles.para_props(table_style, p), content, runs)

    def table(self, tbl: etree._Element) -> Table:
        tstyle = self.styles.table_style_id(tbl)
        rows: list[list[Cell]] = []
        for tr in _unwrapped(tbl, w("tr")):
            cells = []
            for tc in _unwrapped(tr, w("tc")):
                tcpr = tc.find(w("tcPr"))
                span = to_int(wattr(tcpr.find(w("gridSpan")) if tcpr is not None else None, "val")) or 1
                vm = tcpr.find(w("vMerge")) if tcpr is not None else None
                vmerge = "" if vm is None else ("restart" if wattr(vm, "val") == "restart" else "continue")
                cells.append(Cell(tc, max(span, 1), vmerge, list(self.blocks(tc, tstyle))))
            rows.append(cells)
        return Table(tbl, rows)


def footnote_texts(root: etree._Element | None) -> dict[str, list[str]]:
    """Footnote id → its non-empty paragraphs' visible text (spaces collapsed); separators left out."""
    out: dict[str, list[str]] = {}
    if root is None:
        return out
    for note in root.iter(w("footnote")):
        if wattr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paras = [" ".join(read_paragraph(p).text.split()) for p in note.iter(w("p"))]
        out[wattr(note, "id") or ""] = [p for p in paras if p]
    return out
