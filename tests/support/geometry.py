"""Rule and row geometry read from a DOCX (as Word lays it out) and from a PDF (as LibreOffice printed it).

Independent of the code under test: the DOCX side reads the XML (cell widths, table-style cell margins,
paragraph indents, page size and margins); the PDF side reads the drawn lines and text lines with pdfminer.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TWIP_PT = 1 / 20


def _w(el: etree._Element | None, attr: str, default: int = 0) -> int:
    if el is None:
        return default
    value = el.get(W + attr)
    return int(float(value)) if value is not None else default


@dataclass(frozen=True)
class DocxRule:
    style_id: str
    length_pt: float
    in_cell: bool


def _style_cell_margins(styles: etree._Element) -> dict[str, tuple[int, int]]:
    out = {}
    for style in styles.iter(W + "style"):
        mar = style.find(f"{W}tblPr/{W}tblCellMar")
        if mar is not None:
            out[style.get(W + "styleId")] = (_w(mar.find(W + "left"), "w"), _w(mar.find(W + "right"), "w"))
    return out


def _section_widths(body: etree._Element) -> list[tuple[etree._Element, int]]:
    """(sectPr, text width in twips) in document order; a paragraph belongs to the next sectPr."""
    out = []
    for sect in body.iter(W + "sectPr"):
        size, mar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
        out.append((sect, _w(size, "w") - _w(mar, "left") - _w(mar, "right")))
    return out


def docx_rules(path: Path) -> list[DocxRule]:
    """Every ``ND30Rule`` paragraph with the length of its bottom border as Word draws it (between indents)."""
    with zipfile.ZipFile(path) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        styles = etree.fromstring(z.read("word/styles.xml"))
    margins = _style_cell_margins(styles)
    body = doc.find(W + "body")
    sections = _section_widths(body)
    paras = list(body.iter(W + "p"))
    section_of = {}
    si = 0
    for p in paras:
        section_of[p] = sections[min(si, len(sections) - 1)][1]
        if p.find(f"{W}pPr/{W}sectPr") is not None:
            si += 1
    out = []
    for p in paras:
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(W + "val") != "ND30Rule":
            continue
        ind = p.find(f"{W}pPr/{W}ind")
        tc = next((a for a in p.iterancestors(W + "tc")), None)
        if tc is not None:
            tbl = next(tc.iterancestors(W + "tbl"))
            tstyle = tbl.find(f"{W}tblPr/{W}tblStyle")
            left, right = margins.get(tstyle.get(W + "val") if tstyle is not None else "", (108, 108))
            width = _w(tc.find(f"{W}tcPr/{W}tcW"), "w") - left - right
        else:
            width = section_of[p]
        length = width - _w(ind, "left") - _w(ind, "right")
        out.append(DocxRule("ND30Rule", length * TWIP_PT, tc is not None))
    return out


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str = ""

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def pdf_pages(pdf: Path) -> list[tuple[list[Box], list[Box], float]]:
    """Per page: (horizontal lines, text lines, page height) in PDF points."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTCurve, LTTextLine

    pages = []
    for page in extract_pages(str(pdf)):
        lines: list[Box] = []
        texts: list[Box] = []

        def walk(obj, lines: list[Box] = lines, texts: list[Box] = texts) -> None:  # type: ignore[no-untyped-def]
            if isinstance(obj, LTTextLine):
                text = obj.get_text().strip()
                if text:
                    texts.append(Box(*obj.bbox, text=text))
                return
            if isinstance(obj, LTCurve) and obj.height < 1.5 and obj.width > 5:
                lines.append(Box(*obj.bbox))
            if hasattr(obj, "__iter__"):
                for child in obj:
                    walk(child, lines, texts)

        walk(page)
        unique = sorted({(round(b.x0, 1), round(b.y0, 1), round(b.x1, 1), round(b.y1, 1)) for b in lines})
        pages.append(([Box(*u) for u in unique], texts, page.height))
    return pages


def rule_below(block: list[Box], lines: list[Box], within: float = 14) -> Box | None:
    """The line drawn just below the text lines ``block`` (at most ``within`` pt under the lowest), centred
    under them; ``None`` when there is none."""
    if not block:
        return None
    bottom = min(t.y0 for t in block)
    center = (min(t.x0 for t in block) + max(t.x1 for t in block)) / 2
    below = [ln for ln in lines if 0 <= bottom - ln.y1 <= within and abs(ln.center - center) < 6]
    return max(below, key=lambda ln: ln.y1, default=None)
