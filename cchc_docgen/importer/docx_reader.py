"""DOCX → reading stream: paragraphs with inline bold/italic and Word list labels, tables with merges."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from cchc_docgen.importer.blocks import Block, Cell, Para, Table, escape_stars
from cchc_docgen.importer.docx_parts import DocxParts, StyleInfo, on, open_docx, w
from cchc_docgen.importer.wordnum import WordNumbering

_SKIP = {w("del"), w("moveFrom"), w("instrText"), w("delText")}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def read_docx(path: Path) -> list[Block]:
    parts = open_docx(path)
    return _Reader(parts).blocks(parts.document.find(w("body")))


class _Reader:
    def __init__(self, parts: DocxParts) -> None:
        self.parts = parts
        self.numbering = WordNumbering(parts.numbering)
        self.count = 0
        self.tables = 0

    def blocks(self, body: etree._Element) -> list[Block]:
        out: list[Block] = []
        for el in body:
            if el.tag == w("p"):
                p = self.paragraph(el)
                if p is not None:
                    out.append(p)
            elif el.tag == w("tbl"):
                self.tables += 1
                out.append(self.table(el, f"bảng {self.tables} (sau đoạn {self.count})"))
            elif el.tag == w("sdt"):
                content = el.find(w("sdtContent"))
                if content is not None:
                    out.extend(self.blocks(content))
        return out

    # ───────── paragraphs ─────────

    def _style(self, p: etree._Element) -> StyleInfo:
        ppr = p.find(w("pPr"))
        ref = ppr.find(w("pStyle")) if ppr is not None else None
        sid = ref.get(w("val")) if ref is not None else self.parts.default_style
        return self.parts.styles.get(sid or "", StyleInfo())

    def runs(self, p: etree._Element, style: StyleInfo) -> list[tuple[str, bool, bool]]:
        """(text, bold, italic) pieces in order; a footnote mark is ``("[^fnN]", False, False)``."""
        out: list[tuple[str, bool, bool]] = []

        def walk(el: etree._Element) -> None:
            for child in el:
                tag = child.tag
                if tag in _SKIP or tag == f"{_MC}Fallback":
                    continue
                if tag == w("r"):
                    run(child)
                elif tag not in (w("pPr"), w("rPr")):
                    walk(child)

        def run(r: etree._Element) -> None:
            rpr = r.find(w("rPr"))
            bold, italic = bool(style.bold), bool(style.italic)
            if rpr is not None:
                cref = rpr.find(w("rStyle"))
                cs = self.parts.styles.get(cref.get(w("val"), "")) if cref is not None else None
                if cs is not None:
                    bold = cs.bold if cs.bold is not None else bold
                    italic = cs.italic if cs.italic is not None else italic
                b, i = on(rpr.find(w("b"))), on(rpr.find(w("i")))
                bold = b if b is not None else bold
                italic = i if i is not None else italic
                if rpr.find(w("vanish")) is not None and on(rpr.find(w("vanish"))):
                    return
            for c in r:
                if c.tag == w("t"):
                    out.append((c.text or "", bold, italic))
                elif c.tag == w("tab"):
                    out.append((" ", bold, italic))
                elif c.tag in (w("br"), w("cr")) and c.get(w("type")) not in ("page", "column"):
                    out.append(("\n", bold, italic))
                elif c.tag == w("noBreakHyphen"):
                    out.append(("-", bold, italic))
                elif c.tag == w("footnoteReference"):
                    out.append((f"[^fn{c.get(w('id'))}]", False, False))

        walk(p)
        return out

    def paragraph(self, p: etree._Element, count: bool = True) -> Para | None:
        style = self._style(p)
        ppr = p.find(w("pPr"))
        label = self._label(ppr, style)
        pieces = self.runs(p, style)
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
        jc = ppr.find(w("jc")) if ppr is not None else None
        center = (jc.get(w("val")) == "center") if jc is not None else bool(style.center)
        notes = {f"fn{k}": v for k, v in self.parts.footnotes.items() if f"[^fn{k}]" in text and v}
        for key in [k for k in self.parts.footnotes if f"[^fn{k}]" in text and f"fn{k}" not in notes]:
            text = text.replace(f"[^fn{key}]", "")
        raw = "".join(t for t, _, _ in pieces if not t.startswith("[^fn"))
        lines = [" ".join(x.split()) for x in raw.split("\n") if x.strip()]
        return Para(text=text, plain=plain, where=f"đoạn {self.count}", label=label, bold=all_bold,
                    italic=all_italic, center=center, footnotes=notes, lines=lines)

    def _label(self, ppr: etree._Element | None, style: StyleInfo) -> str | None:
        num = ppr.find(w("numPr")) if ppr is not None else None
        ref: tuple[str, int] | None = style.num
        if num is not None:
            nid, ilvl = num.find(w("numId")), num.find(w("ilvl"))
            if nid is not None:
                ref = (nid.get(w("val"), "0"), int(ilvl.get(w("val"), "0")) if ilvl is not None else
                       (style.num[1] if style.num else 0))
        return self.numbering.label(*ref) if ref else None

    # ───────── tables ─────────

    def table(self, tbl: etree._Element, where: str) -> Table:
        rows: list[list[Cell]] = []
        for tr in tbl.iter(w("tr")):
            if tr.getparent() is not tbl:
                continue
            cells: list[Cell] = []
            for tc in tr:
                if tc.tag != w("tc"):
                    continue
                tcpr = tc.find(w("tcPr"))
                span_el = tcpr.find(w("gridSpan")) if tcpr is not None else None
                vm = tcpr.find(w("vMerge")) if tcpr is not None else None
                merged = vm is not None and vm.get(w("val"), "continue") == "continue"
                paras = [x for x in (self.paragraph(p, count=False) for p in tc.iter(w("p"))) if x is not None]
                cell_texts = [(f"{x.label} " if x.label else "") + x.text for x in paras]
                cell_plain = [(f"{x.label} " if x.label else "") + line
                              for x in paras for line in (x.lines or [x.plain])]
                cells.append(Cell(cell_texts, int(span_el.get(w("val"), "1")) if span_el is not None else 1,
                                  merged, cell_plain, [x.bold for x in paras for _ in (x.lines or [x.plain])]))
            rows.append(cells)
        return Table(rows, where)


def _markup(pieces: list[tuple[str, bool, bool]], all_bold: bool, all_italic: bool) -> str:
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
