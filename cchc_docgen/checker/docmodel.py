"""A flat, formatting-resolved view of a DOCX: sections, paragraphs (body and table cells) and runs.

Paragraphs are listed in reading order; a paragraph in a table cell knows its table, row and
column. Each paragraph carries its effective paragraph properties, its runs with effective
run properties, an estimated page number and the width available to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from cchc_docgen.ooxml.names import w, wattr
from cchc_docgen.ooxml.package import Package
from cchc_docgen.ooxml.paratext import ParaContent
from cchc_docgen.ooxml.sections import Section, read_section
from cchc_docgen.ooxml.stream import Stream, StyledRun
from cchc_docgen.ooxml.styles import ParaProps, Styles

#: a run as the checker sees it: the reader's styled run (text, offset in the paragraph, effective properties)
Run = StyledRun


@dataclass
class Para:
    index: int
    el: etree._Element
    text: str
    runs: list[Run]
    props: ParaProps
    content: ParaContent
    section: int
    avail: int
    body_no: int = 0
    page: int = 1
    table: int | None = None
    row: int | None = None
    col: int | None = None
    cell: object | None = None
    grid_cols: int = 0
    numbered: bool = False
    mark_size: float = 14.0
    #: estimated layout, in points: top of the paragraph in the flow (tables stack row by row;
    #: the paragraphs of one cell start at the row's top) and its height
    y: float = 0.0
    h: float = 0.0
    #: left edge of the column box (text area or table cell) from the left margin, and its width, in twips
    x0: int = 0
    width: int = 0
    line_h: float = 16.0
    #: set by the layout mode (:mod:`measure`): the page is the rendered one, the first PDF line of
    #: the paragraph, and how far a one-line paragraph renders from its column's centre (mm)
    page_exact: bool = False
    pdf_line: Any = None
    centre_off_mm: float | None = None

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def location(self, rendered: bool) -> str:
        page = f"trang {self.page}" if rendered or self.page_exact else f"trang ~{self.page}"
        if self.table is not None:
            return f"{page}, bảng {self.table} (hàng {(self.row or 0) + 1}, cột {(self.col or 0) + 1})"
        return f"{page}, đoạn {self.body_no}"


@dataclass
class DocModel:
    pkg: Package
    styles: Styles
    sections: list[Section]
    paras: list[Para] = field(default_factory=list)
    rendered_pages: bool = False
    #: estimated height of the whole flow in points (all sections), for "does it fit one page"
    flow_height: float = 0.0
    #: the rendered layout when the check runs in layout mode (:class:`layout.Layout`)
    layout: Any = None

    def one_page(self) -> bool:
        """Whether the document renders on a single page (estimates err long, so allow 20 %)."""
        if self.layout is not None:
            return bool(self.layout.page_count == 1)
        if len(self.sections) > 1 or any(p.content.page_breaks for p in self.paras if p.table is None):
            return False
        if self.rendered_pages:
            return max((p.page for p in self.paras), default=1) == 1
        s = self.sections[0]
        return self.flow_height <= (s.height - s.top - s.bottom) / 20 * 1.2


def _is_numbered(styles: Styles, p: etree._Element) -> bool:
    ppr = p.find(w("pPr"))
    if ppr is not None and ppr.find(w("numPr")) is not None:
        num_id = wattr(ppr.find(f"{w('numPr')}/{w('numId')}"), "val")
        return num_id not in (None, "0")
    sid = styles.para_style_id(p)
    st = styles.by_id.get(sid)
    return st is not None and st.find(f"{w('pPr')}/{w('numPr')}") is not None


class _Builder:
    def __init__(self, pkg: Package) -> None:
        self.styles = Styles(pkg.styles, pkg.theme, pkg.numbering)
        self.stream = Stream(self.styles)
        body = pkg.document.find(w("body"))
        assert body is not None
        self.body = body
        sect_els = [p.find(f"{w('pPr')}/{w('sectPr')}") for p in body.findall(w("p"))]
        sects = [s for s in sect_els if s is not None]
        final = body.find(w("sectPr"))
        sects.append(final if final is not None else etree.Element(w("sectPr")))
        self.model = DocModel(pkg=pkg, styles=self.styles, sections=[read_section(i, s) for i, s in enumerate(sects)])
        self.sec = 0
        self.table_no = 0
        self.body_no = 0
        self.page = 1
        self.used_pt = 0.0
        self.y = 0.0
        self.rendered = body.find(f".//{w('lastRenderedPageBreak')}") is not None
        self.model.rendered_pages = self.rendered

    def build(self) -> DocModel:
        self._block(self.body, None, None)
        self.model.flow_height = self.y
        for s in self.model.sections:
            if s.first_para < 0:
                s.first_para = s.last_para = len(self.model.paras) - 1
        return self.model

    def _block(self, parent: etree._Element, tbl: etree._Element | None, cell: tuple | None) -> float:
        """Add the paragraphs under ``parent``; returns the estimated height in points."""
        height = 0.0
        for child in parent:
            tag = child.tag
            if tag == w("p"):
                height += self._para(child, tbl, cell)
            elif tag == w("tbl"):
                height += self._table(child, cell)
            elif tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    height += self._block(content, tbl, cell)
        return height

    def _para(self, p: etree._Element, tbl: etree._Element | None, cell: tuple | None) -> float:
        section = self.model.sections[min(self.sec, len(self.model.sections) - 1)]
        tstyle = self.styles.table_style_id(tbl)
        pstyle = self.styles.para_style_id(p)
        read = self.stream.paragraph(p, tstyle)
        props, content = read.props, read.content
        runs = read.runs
        avail = cell[4] if cell else section.text_width
        avail = max(avail - props.left - props.right, 567)
        para = Para(
            index=len(self.model.paras),
            el=p,
            text=content.text,
            runs=runs,
            props=props,
            content=content,
            section=section.index,
            avail=avail,
            numbered=_is_numbered(self.styles, p),
        )
        mark = p.find(f"{w('pPr')}/{w('rPr')}")
        para.mark_size = self.styles.run_props(tstyle, pstyle, mark.getparent() if mark is not None else p).size
        if cell:
            para.table, para.row, para.col, para.cell = cell[0], cell[1], cell[2], cell[3]
            para.grid_cols = cell[5]
        else:
            self.body_no += 1
            para.body_no = self.body_no
        height = self._advance(para, content, props, cell is not None)
        para.page = self.page
        para.y, para.h = self.y, height
        self.y += height
        para.x0, para.width = (cell[6], cell[4]) if cell else (0, section.text_width)
        if section.first_para < 0:
            section.first_para = para.index
        section.last_para = para.index
        self.model.paras.append(para)
        if cell is None and p.find(f"{w('pPr')}/{w('sectPr')}") is not None:
            self.sec += 1
            nxt = self.model.sections[min(self.sec, len(self.model.sections) - 1)]
            if nxt.start_type != "continuous" and not self.rendered:
                self._new_page()
        return height

    def _new_page(self) -> None:
        self.page += 1
        self.used_pt = 0.0

    def _advance(self, para: Para, content: ParaContent, props: ParaProps, in_table: bool) -> float:
        size = max((r.props.size for r in para.runs), default=para.mark_size)
        chars_per_line = max(para.avail / 20 / (size * 0.47), 10)
        lines = sum(max(1, -(-len(line) // int(chars_per_line))) for line in para.text.split("\n"))
        line_h = size * 1.15
        if props.line is not None:
            if props.line_rule == "auto":
                line_h = line_h * props.line / 240
            elif props.line_rule == "exact":
                line_h = props.line / 20
            else:
                line_h = max(line_h, props.line / 20)
        para.line_h = line_h
        height = lines * line_h + (props.before + props.after) / 20
        if self.rendered:
            self.page += content.rendered_breaks
            return height
        if props.page_break_before and not in_table:
            self._new_page()
        section = self.model.sections[min(self.sec, len(self.model.sections) - 1)]
        page_height = (section.height - section.top - section.bottom) / 20
        if not in_table:
            self.used_pt += height
            if self.used_pt > page_height:
                self.page += int(self.used_pt // page_height)
                self.used_pt = self.used_pt % page_height
        if not in_table:  # Word ignores page breaks inside table cells
            self.page += content.page_breaks
        return height

    def _table(self, tbl: etree._Element, outer: tuple | None) -> float:
        if outer is None:
            self.table_no += 1
        grid = [int(float(wattr(g, "w") or 0)) for g in tbl.findall(f"{w('tblGrid')}/{w('gridCol')}")]
        mar = tbl.find(f"{w('tblPr')}/{w('tblCellMar')}")
        margins = 0
        for side in ("left", "right"):
            el = mar.find(w(side)) if mar is not None else None
            margins += int(float(wattr(el, "w") or 108))
        section = self.model.sections[min(self.sec, len(self.model.sections) - 1)]
        ind = tbl.find(f"{w('tblPr')}/{w('tblInd')}")
        base_x = (outer[6] if outer else 0) + int(float(wattr(ind, "w") or 0)) - margins // 2
        total = 0.0
        start_page = self.page
        for r, tr in enumerate(tbl.findall(w("tr"))):
            row_height = 0.0
            saved = (self.page, self.used_pt)
            row_top = self.y
            before = tr.find(f"{w('trPr')}/{w('gridBefore')}")
            skip = int(wattr(before, "val") or 0) if before is not None else 0
            col = min(skip, len(grid))
            cell_x = base_x + sum(grid[:col])
            for tc in tr.findall(w("tc")):
                tcpr = tc.find(w("tcPr"))
                span = int(wattr(tcpr.find(w("gridSpan")) if tcpr is not None else None, "val") or 1)
                width = sum(grid[col : col + span]) if len(grid) >= col + span else 0
                if not width:
                    width = int(float(wattr(tcpr.find(w("tcW")) if tcpr is not None else None, "w") or 0))
                if not width:
                    width = section.text_width // max(len(tr.findall(w("tc"))), 1)
                x = cell_x + margins // 2
                cell_x += width
                key = (outer[0] if outer else self.table_no, r, col, tc, max(width - margins, 567), len(grid), x)
                if not self.rendered:
                    self.page, self.used_pt = saved
                self.y = row_top
                row_height = max(row_height, self._block(tc, tbl, key))
                col += span
            self.y = row_top + row_height
            if not self.rendered:
                self.page, self.used_pt = saved
            if not self.rendered and outer is None:
                self.used_pt += row_height
                page_height = (section.height - section.top - section.bottom) / 20
                if self.used_pt > page_height:
                    self.page += 1
                    self.used_pt = row_height
            total += row_height
        if self.page < start_page:
            self.page = start_page
        return total


def build_model(pkg: Package) -> DocModel:
    """Flatten ``pkg`` into a :class:`DocModel`."""
    return _Builder(pkg).build()
