"""The importer's reading stream (DOCX, PDF or text) as the recogniser's neutral lines.

A paragraph gives one line (its printed lines and the columns typed side by side are its pieces); a table one
line per line of each cell. ``owner[i]`` is the block line ``i`` comes from, so positions map back to blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_docgen import outline as nd30outline
from cchc_docgen.importer.blocks import Block, Para
from cchc_docgen.importer.text_reader import split_columns
from cchc_docgen.outline import Line, Outline
from cchc_docgen.outline.words import DECORATION


@dataclass
class Recognised:
    """The outline of a reading stream, its lines, and which block each line came from."""

    outline: Outline
    lines: list[Line]
    owner: list[int]
    blocks: int

    def block(self, line: int | None) -> int:
        """The block of line ``line`` (past the end: the number of blocks)."""
        if line is None or line >= len(self.owner):
            return self.blocks
        return self.owner[line]

    def text(self, line: int) -> str:
        return self.lines[line].text


def lines_of(blocks: list[Block]) -> tuple[list[Line], list[int]]:
    lines: list[Line] = []
    owner: list[int] = []
    table_no = 0
    for at, b in enumerate(blocks):
        if isinstance(b, Para):
            pieces = tuple(part.strip() for printed in (b.lines or [b.plain]) for part in split_columns(printed)
                           if part.strip())
            text = " ".join(pieces)
            lines.append(Line(pieces, bold=b.bold, center=b.center, numbered=b.label is not None,
                              rule=bool(text) and DECORATION.fullmatch(text) is not None))
            owner.append(at)
            continue
        table_no += 1
        for r, row in enumerate(b.rows):
            for c, cell in enumerate(row):
                if cell.merged:
                    continue
                for k, printed in enumerate(cell.plain):
                    if not printed.strip():
                        continue
                    bold = k < len(cell.bolds) and cell.bolds[k]
                    center = k < len(cell.centers) and cell.centers[k]
                    lines.append(Line((" ".join(printed.split()),), bold=bold, center=center, table=table_no,
                                      cell=(table_no, r, c)))
                    owner.append(at)
    return lines, owner


def recognise_blocks(blocks: list[Block]) -> Recognised:
    """Run the shared recogniser on ``blocks``."""
    lines, owner = lines_of(blocks)
    return Recognised(nd30outline.recognise(lines), lines, owner, len(blocks))
