"""Appendix task tables → WordprocessingML (``<w:tbl>``), placed by the template with ``{{p …}}``.

Looks come from named styles of the template (table style ``ND30TaskTable``, paragraph styles
``ND30TableHeader``, ``ND30TableText``, ``ND30TableGroup``); this module only decides structure:
widths, header row repeated on every page, group rows spanning the row, numbering, sub-rows, merges.
"""

from __future__ import annotations

from markupsafe import Markup

from cchc_docgen.context.numbering import point_letter, roman
from cchc_docgen.context.rowheight import fits_on_page
from cchc_docgen.context.runs import FootnoteIds, paragraph_xml, rich
from cchc_docgen.context.text import squash
from cchc_docgen.models import Cell, Row, Table

MM_TO_TWIPS = 1440 / 25.4
_ALIGN = {"left": "left", "center": "center", "justify": "both"}


def widths_twips(appendix: Table, available_mm: float) -> list[int]:
    """Column widths in twips, scaled down proportionally when the table is wider than the text area."""
    total = sum(c.width for c in appendix.columns)
    scale = min(1.0, available_mm / total)
    return [round(c.width * scale * MM_TO_TWIPS) for c in appendix.columns]


def _tc(width: int, body: str, extra: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}</w:tcPr>{body}</w:tc>'


def _paras(cell: Cell | None, style: str, align: str, ids: FootnoteIds, prefix: str = "") -> str:
    texts = list(cell.paragraphs) if cell else []
    if prefix:
        texts = [f"{prefix} {texts[0]}" if texts else prefix, *texts[1:]]
    if not texts:
        return paragraph_xml(style, "", align)
    return "".join(paragraph_xml(style, rich(t, ids), align) for t in texts)


class _Builder:
    def __init__(self, appendix: Table, widths: list[int], ids: FootnoteIds, landscape: bool) -> None:
        self.app = appendix
        self.landscape = landscape
        self.widths = widths
        self.ids = ids
        self.rows: list[str] = []
        self.number = 0
        self.groups = 0
        self.pending: dict[str, int] = {}
        cols = appendix.columns
        self.label_key = next((c.key for c in cols if not c.numbers), cols[0].key)

    def header(self) -> None:
        if self.app.header:
            self._header_rows()
            return
        cells = "".join(
            _tc(w, paragraph_xml("ND30TableHeader", rich(c.label, self.ids), "center"), '<w:vAlign w:val="center"/>')
            for c, w in zip(self.app.columns, self.widths, strict=True)
        )
        self.rows.append(f'<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{cells}</w:tr>')

    def _header_rows(self) -> None:
        """Several header rows with cells merged across ('span') and down ('rows'); all repeat on every page."""
        width = len(self.widths)
        below: list[tuple[int, int]] = [(0, 1)] * width  # (rows still covered from above, span of that cell)
        center = '<w:vAlign w:val="center"/>'
        for line in self.app.header:
            xml: list[str] = []
            cells = iter(line)
            c = 0
            while c < width:
                left, span = below[c]
                if left:
                    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
                    xml.append(_tc(sum(self.widths[c:c + span]), paragraph_xml("ND30TableHeader", "", "center"),
                                   f"{grid}<w:vMerge/>{center}"))
                    below[c:c + span] = [(left - 1, span)] * span
                    c += span
                    continue
                cell = next(cells)
                extra = (f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else "") + (
                    '<w:vMerge w:val="restart"/>' if cell.rows > 1 else "") + center
                body = paragraph_xml("ND30TableHeader", rich(cell.text, self.ids), "center")
                xml.append(_tc(sum(self.widths[c:c + cell.span]), body, extra))
                below[c:c + cell.span] = [(cell.rows - 1, cell.span)] * cell.span
                c += cell.span
            self.rows.append(f'<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{"".join(xml)}</w:tr>')

    def group(self, title: str) -> None:
        self.groups += 1
        if self.app.numbering == "per_group":
            self.number = 0
        text = f"{roman(self.groups)}. {squash(title)}" if self.app.group_numbering == "roman" else squash(title)
        body = paragraph_xml("ND30TableGroup", rich(text, self.ids))
        span = f'<w:gridSpan w:val="{len(self.widths)}"/>'
        self.rows.append(f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{_tc(sum(self.widths), body, span)}</w:tr>')

    def row(self, row: Row, sub_index: int = 0) -> None:
        number = ""
        if not sub_index and row.number:
            self.number += 1
            number = str(self.number)
        cells = row.cells()
        xml = []
        sizes: list[tuple[list[str], float]] = []
        for col, width in zip(self.app.columns, self.widths, strict=True):
            align = "center" if col.numbers else _ALIGN[col.align]
            if col.key in self.pending:
                self.pending[col.key] -= 1
                if not self.pending[col.key]:
                    del self.pending[col.key]
                xml.append(_tc(width, paragraph_xml("ND30TableText", "", align), "<w:vMerge/>"))
                continue
            cell = cells.get(col.key)
            merge = ""
            if cell and cell.rows > 1:
                self.pending[col.key] = cell.rows - 1
                merge = '<w:vMerge w:val="restart"/>'
            elif cell:
                sizes.append((list(cell.paragraphs), width / MM_TO_TWIPS))
            if col.numbers and not cell:
                body = paragraph_xml("ND30TableText", rich(number, self.ids) if number else "", align)
            else:
                prefix = f"{point_letter(sub_index)})" if sub_index and col.key == self.label_key else ""
                body = _paras(cell, "ND30TableText", align, self.ids, prefix)
            xml.append(_tc(width, body, merge))
        # a row that fits on a page is kept whole; only a row taller than a page may break
        trpr = "<w:trPr><w:cantSplit/></w:trPr>" if fits_on_page(sizes, self.landscape) else ""
        self.rows.append(f'<w:tr>{trpr}{"".join(xml)}</w:tr>')
        for i, sub in enumerate(row.subrows, 1):
            self.row(sub, i)


def table_xml(appendix: Table, available_mm: float, ids: FootnoteIds, landscape: bool = False) -> Markup:
    """The whole table as XML; the header row repeats on every page; rows that fit on a page never break."""
    widths = widths_twips(appendix, available_mm)
    builder = _Builder(appendix, widths, ids, landscape)
    builder.header()
    for row in appendix.rows:
        if row.group:
            builder.group(row.group)
        else:
            builder.row(row)
    return Markup(f"<w:tbl>{table_head(widths)}{''.join(builder.rows)}</w:tbl>")


def table_head(widths: list[int]) -> str:
    """Table properties (the task-table style, fixed layout, centred) and the column grid, in twips."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (
        '<w:tblPr><w:tblStyle w:val="ND30TaskTable"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    return f"{props}<w:tblGrid>{grid}</w:tblGrid>"
