"""Tables inside table cells: content kept as tables in the body, layout (signature blocks) read by columns.

The model's table cells hold text, so a table found inside a cell of a body table cannot stay there: the outer
table keeps the cell's own text, and each inner table follows it as a table of its own (in the body, a table of
the same section, after the row that held it), with a note for the clerk. A frame (one row or one column)
around text and tables gives its paragraphs and tables in reading order. A frame of one cell around a table is
already unwrapped by the DOCX reader.
"""

from __future__ import annotations

from cchc_docgen.importer.blocks import Block, Cell, Para, Table, cell_of, para


def expand_all(zone: list[Block]) -> tuple[list[Block], list[tuple[str, str]]]:
    """``expand`` over a zone of the reading stream."""
    out: list[Block] = []
    notes: list[tuple[str, str]] = []
    for b in zone:
        blocks, more = expand(b) if isinstance(b, Table) else ([b], [])
        out += blocks
        notes += more
    return out, notes


def expand(table: Table) -> tuple[list[Block], list[tuple[str, str]]]:
    """The blocks a body table stands for, and notes (where, what) on the nested tables taken out of cells."""
    if not table.nested:
        return [table], []
    notes: list[tuple[str, str]] = []
    if table.width < 2 or len(table.rows) < 2:  # a frame: what it holds, in reading order
        out: list[Block] = []
        for row in table.rows:
            for cell in row:
                for b in cell.inner or _paras(cell, table.where):
                    blocks, more = expand(b) if isinstance(b, Table) else ([b], [])
                    out += blocks
                    notes += more
        return out, notes
    rows = [[_bare(cell) for cell in row] for row in table.rows]
    out = [Table(rows, table.where)]
    for r, row in enumerate(table.rows, 1):
        for c, cell in enumerate(row, 1):
            for inner in (b for b in cell.inner if isinstance(b, Table)):
                blocks, more = expand(inner)
                out += blocks
                notes += more
                notes.append((inner.where, f"bảng lồng trong ô (dòng {r}, cột {c}) của {table.where} được tách "
                                           "thành bảng riêng ngay sau bảng đó (một ô của bảng chỉ chứa chữ); hãy "
                                           "xem lại chỗ đặt bảng"))
    return out, notes


def _bare(cell: Cell) -> Cell:
    """The cell without the tables it holds."""
    if not cell.inner:
        return cell
    return cell_of([b for b in cell.inner if isinstance(b, Para)], cell.span, cell.merged)


def _paras(cell: Cell, where: str) -> list[Para]:
    """The paragraphs of a cell without tables (markup kept where each paragraph is one line)."""
    if len(cell.paras) == len(cell.plain):
        return [Para(text, plain, where, bold=bold) for text, plain, bold in
                zip(cell.paras, cell.plain, cell.bolds or [False] * len(cell.plain), strict=True) if plain.strip()]
    return [para(text, where) for text in cell.plain if text.strip()]


def footer_sides(table: Table, side: int | None = None) -> tuple[list[str], list[str]]:
    """The lines of a signature table: (left column: Nơi nhận, other columns: the signature).

    The innermost row of several cells decides a line's side: in a row of two cells the first is the left
    column, wherever that row stands (a Nơi nhận | signature table nested in the first cell of a frame)."""
    left: list[str] = []
    right: list[str] = []
    for row in table.rows:
        for c, cell in enumerate(row):
            here = (0 if c == 0 else 1) if len(row) > 1 else (1 if side is None else side)
            if not cell.inner:
                (left if here == 0 else right).extend(t for t in cell.plain if t.strip())
                continue
            for b in cell.inner:
                if isinstance(b, Table):
                    more_left, more_right = footer_sides(b, here)
                    left += more_left
                    right += more_right
                else:
                    (left if here == 0 else right).extend(t for t in cell_of([b]).plain if t.strip())
    return left, right
