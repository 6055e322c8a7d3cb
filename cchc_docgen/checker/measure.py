"""Put a rendered layout (:mod:`cchc_docgen.checker.layout`) onto the document model.

Each paragraph is matched to the first PDF line that starts with its text, in reading order
(table cells are searched from where their table starts, as a PDF lists a table column by
column). A matched paragraph gets its real page; a one-line paragraph gets how far its rendered
centre is from the centre of its column; the signature block gets its real signing space and
"Nơi nhận:" whether it stands level with the first title line.
"""

from __future__ import annotations

import itertools

from cchc_docgen.checker.docmodel import DocModel, Para
from cchc_docgen.checker.layout import MM_PER_PT, Layout, PdfLine, squeeze
from cchc_docgen.checker.locate import Elements
from cchc_docgen.checker.segs import Seg

#: how many PDF lines ahead of the last match a paragraph is looked for
WINDOW = 400
KEY = 14
#: "level" within half a 14 pt line (12 pt and 14 pt lines start a few points apart)
LEVEL_PT = 8


def _find(lines: list[PdfLine], start: int, key: str, whole: str) -> int | None:
    for i in range(start, min(len(lines), start + WINDOW)):
        line_key = lines[i].key
        if len(whole) <= KEY:  # a short paragraph ("CHỦ TỊCH") must be the whole line
            if line_key == whole:
                return i
        elif line_key.startswith(key) or (len(line_key) >= 8 and whole.startswith(line_key)):
            return i
    return None


def _match(doc: DocModel, lay: Layout) -> None:
    cursor = 0
    table: int | None = None
    table_start = table_end = 0
    for p in doc.paras:
        whole = squeeze(p.text)
        if len(whole) < 4:
            continue
        if p.table != table:
            table = p.table
            if table is not None:
                table_start = table_end = cursor
            else:
                cursor = max(cursor, table_end)
        start = table_start if table is not None else cursor
        i = _find(lay.lines, start, whole[:KEY], whole)
        if i is None:
            continue
        line = lay.lines[i]
        p.page, p.page_exact, p.pdf_line = line.page, True, line
        if table is not None:
            table_end = max(table_end, i + 1)
        else:
            cursor = i + 1
        if squeeze(line.text) == whole:  # the whole paragraph is this one line
            p.centre_off_mm = _centre_offset(doc, p, line)
    _between(doc.paras)


def _between(paras: list[Para]) -> None:
    """A paragraph not found in the PDF (wrapped differently, or too short to match) that stands between two
    found ones on the same page is on that page."""
    found = [i for i, p in enumerate(paras) if p.page_exact]
    for a, b in itertools.pairwise(found):
        if paras[a].page == paras[b].page:
            for p in paras[a + 1 : b]:
                p.page, p.page_exact = paras[a].page, True


def _centre_offset(doc: DocModel, p: Para, line: PdfLine) -> float:
    sec = doc.sections[p.section]
    left_pt = sec.left / 20 + p.x0 / 20 + (p.props.left - p.props.right) / 40
    centre = left_pt + p.width / 40
    return abs((line.x0 + line.x1) / 2 - centre) * MM_PER_PT


def _signature(el: Elements) -> None:
    if not el.sign_titles or el.sign_name is None:
        return
    title, name = el.sign_titles[-1].para, el.sign_name.para
    tl, nl = title.pdf_line, name.pdf_line
    if tl is not None and nl is not None and tl.page == nl.page:
        el.sign_gap_mm = max(0.0, (nl.y0 - tl.y1) * MM_PER_PT)
    nn = el.nn.para.pdf_line if el.nn is not None else None
    first = el.sign_titles[0].para.pdf_line
    if nn is not None and first is not None:
        el.nn_level = nn.page == first.page and abs(nn.y0 - first.y0) <= LEVEL_PT


def _under(line_of: Seg | None, anchor: Seg | None) -> None:
    """Judge ``line_of`` centred against the line it stands under, as the spec words it: the Tiêu ngữ and
    the date "centred under the Quốc hiệu" (nd30.md §4.1, §4.4), the Số line "centred under the issuing
    name" (§4.3); where both render on one-line paragraphs, the offset is measured between their centres."""
    if line_of is None or anchor is None or line_of.para is anchor.para:
        return
    a, b = line_of.para.pdf_line, anchor.para.pdf_line
    if a is None or b is None or line_of.para.centre_off_mm is None or anchor.para.centre_off_mm is None:
        return
    line_of.para.centre_off_mm = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) * MM_PER_PT


def apply_layout(doc: DocModel, el: Elements, lay: Layout) -> None:
    """Replace the XML estimates of ``doc`` and ``el`` by what ``lay`` measured."""
    doc.layout = lay
    _match(doc, lay)
    _signature(el)
    _under(el.tn, el.qh)
    _under(el.date, el.qh)
    _under(el.so, max(el.issuer, key=lambda s: s.width_mm()) if el.issuer else None)
