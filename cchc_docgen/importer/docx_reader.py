"""DOCX → reading stream: paragraphs with inline bold/italic and Word list labels, tables with merges.

Everything about the file (package, styles, numbering, visible text, footnotes) comes from
:mod:`cchc_docgen.ooxml`; this module only turns its stream into the importer's blocks.
"""

from __future__ import annotations

from pathlib import Path

from cchc_docgen.importer.blocks import Block, Cell, Para, Table, escape_stars
from cchc_docgen.ooxml.numbering import WordNumbering
from cchc_docgen.ooxml.package import open_package
from cchc_docgen.ooxml.stream import Paragraph, Stream, footnote_texts
from cchc_docgen.ooxml.stream import Table as OoxmlTable
from cchc_docgen.ooxml.styles import Styles

Piece = tuple[str, bool, bool]


def read_docx(path: Path) -> list[Block]:
    pkg = open_package(path)
    styles = Styles(pkg.styles, pkg.theme, pkg.numbering)
    reader = _Reader(WordNumbering(pkg.numbering), footnote_texts(pkg.footnotes))
    return reader.blocks(Stream(styles).blocks(pkg.body))


class _Reader:
    def __init__(self, numbering: WordNumbering, footnotes: dict[str, list[str]]) -> None:
        self.numbering = numbering
        self.footnotes = footnotes
        self.count = 0
        self.tables = 0

    def blocks(self, stream: object) -> list[Block]:
        out: list[Block] = []
        for block in stream:  # type: ignore[attr-defined]
            if isinstance(block, Paragraph):
                p = self.paragraph(block)
                if p is not None:
                    out.append(p)
            else:
                self.tables += 1
                out.append(self.table(block, f"bảng {self.tables} (sau đoạn {self.count})"))
        return out

    def pieces(self, para: Paragraph) -> list[Piece]:
        """(text, bold, italic) pieces in order, hidden text left out; a footnote mark is ``("[^fnN]", False,
        False)`` at its place."""
        out: list[Piece] = []
        notes = sorted(para.content.notes, key=lambda n: n[1])
        for run in para.runs:
            while notes and notes[0][1] <= run.start:
                out.append((f"[^fn{notes.pop(0)[0]}]", False, False))
            if not run.props.hidden:
                out.append((run.text.replace("\t", " "), run.props.bold, run.props.italic))
        out += [(f"[^fn{key}]", False, False) for key, _ in notes]
        return out

    def paragraph(self, para: Paragraph, count: bool = True) -> Para | None:
        props = para.props
        label = self.numbering.label(props.num_id, props.ilvl) if props.num_id else None
        pieces = self.pieces(para)
        plain = " ".join("".join(t for t, _, _ in pieces if not t.startswith("[^fn")).split())
        if not plain and label is None:
            return None
        if count:
            self.count += 1
        chars = [(b, i) for t, b, i in pieces if not t.startswith("[^fn") for ch in t if not ch.isspace()]
        all_bold = bool(chars) and all(b for b, _ in chars)
        all_italic = bool(chars) and all(i for _, i in chars)
        text = _markup(pieces, all_bold, all_italic)
        if all_italic and not all_bold and "*" not in text and plain:
            text = f"*{text}*"
        if _unmarked(text) != _unmarked(escape_stars(plain)):  # markup that would not read back: keep plain text
            marks = "".join(t for t, _, _ in pieces if t.startswith("[^fn"))
            text = escape_stars(plain) + marks
        notes = {f"fn{k}": v for k, v in self.footnotes.items() if f"[^fn{k}]" in text and v}
        for key in [k for k in self.footnotes if f"[^fn{k}]" in text and f"fn{k}" not in notes]:
            text = text.replace(f"[^fn{key}]", "")
        raw = "".join(t for t, _, _ in pieces if not t.startswith("[^fn"))
        lines = [" ".join(x.split()) for x in raw.split("\n") if x.strip()]
        return Para(text=text, plain=plain, where=f"đoạn {self.count}", label=label, bold=all_bold,
                    italic=all_italic, center=props.jc == "center", footnotes=notes, lines=lines)

    def table(self, tbl: OoxmlTable, where: str) -> Table:
        rows: list[list[Cell]] = []
        for row in tbl.rows:
            cells: list[Cell] = []
            for cell in row:
                paras = [x for x in (self.paragraph(p, count=False) for p in cell.paragraphs()) if x is not None]
                cell_texts = [(f"{x.label} " if x.label else "") + x.text for x in paras]
                cell_plain = [(f"{x.label} " if x.label else "") + line
                              for x in paras for line in (x.lines or [x.plain])]
                cells.append(Cell(cell_texts, cell.span, cell.vmerge == "continue", cell_plain,
                                  [x.bold for x in paras for _ in (x.lines or [x.plain])],
                                  [x.center for x in paras for _ in (x.lines or [x.plain])]))
            rows.append(cells)
        return Table(rows, where)


def _markup(pieces: list[Piece], all_bold: bool, all_italic: bool) -> str:
    """Pieces → text with ``**bold**``/``*italic*`` around the parts that differ from the whole paragraph."""
    out: list[str] = []
    merged: list[list] = []
    for text, b, i in pieces:
        b, i = b and not all_bold, i and not all_italic
        if text.startswith("[^fn"):
            merged.append([text, None, None])
        elif merged and merged[-1][1] == b and merged[-1][2] == i:
            merged[-1][0] += text
        else:
            merged.append([text, b, i])
    for text, b, i in merged:
        if b is None:
            out.append(text)
            continue
        text = escape_stars(text)
        core = text.strip()
        if not core or not (b or i):
            out.append(text)
            continue
        mark = "**" if b else "*"
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return " ".join("".join(out).split())


def _unmarked(text: str) -> str:
    from cchc_docgen.context.text import parse_inline

    return "".join(r.text for r in parse_inline(text))
