"""Visible text of one paragraph, with the run each character comes from, its fields and line shapes."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from cchc_docgen.ooxml.names import MC_NS, w, wattr
from cchc_docgen.ooxml.shapes import LineShape, line_shapes

_SKIP = {w("del"), w("moveFrom"), w("pPr"), w("rPr")}
_CONTAINERS = {
    w("hyperlink"),
    w("smartTag"),
    w("ins"),
    w("moveTo"),
    w("customXml"),
    w("sdtContent"),
    w("sdt"),
    w("bdo"),
    w("dir"),
}
_ALTERNATE = f"{{{MC_NS}}}AlternateContent"


@dataclass
class ParaContent:
    text: str = ""
    #: (text, start offset in ``text``, the w:r element)
    runs: list[tuple[str, int, etree._Element]] = field(default_factory=list)
    #: (field instruction, runs of the field)
    fields: list[tuple[str, list[etree._Element]]] = field(default_factory=list)
    #: lengths in mm of straight-line drawings anchored in the paragraph
    line_shapes: list[float] = field(default_factory=list)
    #: the same lines with their anchoring offsets
    shapes: list[LineShape] = field(default_factory=list)
    #: footnote references: (footnote id, offset in ``text`` where the mark stands)
    notes: list[tuple[str, int]] = field(default_factory=list)
    page_breaks: int = 0
    rendered_breaks: int = 0


class _Reader:
    def __init__(self) -> None:
        self.out = ParaContent()
        self.parts: list[str] = []
        self.pos = 0
        # stack of open complex fields: [instruction, runs, in_result]
        self.stack: list[list] = []

    def add_text(self, text: str, run: etree._Element) -> None:
        if not text:
            return
        if self.stack and not self.stack[-1][2]:
            return  # field code, not visible
        self.out.runs.append((text, self.pos, run))
        self.parts.append(text)
        self.pos += len(text)

    def walk(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == w("r"):
                self.run(child)
            elif tag == w("fldSimple"):
                before = len(self.out.runs)
                self.walk(child)
                runs = [r for _, _, r in self.out.runs[before:]] or [child]
                self.out.fields.append((wattr(child, "instr") or "", runs))
            elif tag in _CONTAINERS:
                self.walk(child)
            elif tag == _ALTERNATE and len(child):  # markup compatibility: read the first choice only
                self.walk(child[0])

    def run(self, r: etree._Element) -> None:
        for field_ in self.stack:
            field_[1].append(r)
        buf: list[str] = []
        for c in r:
            tag = c.tag
            if not isinstance(tag, str):
                continue
            if tag == w("t"):
                buf.append(c.text or "")
            elif tag == w("tab") or tag == w("ptab"):
                buf.append("\t")
            elif tag == w("br"):
                if wattr(c, "type") == "page":
                    self.out.page_breaks += 1
                buf.append("\n")
            elif tag == w("cr"):
                buf.append("\n")
            elif tag == w("noBreakHyphen"):
                buf.append("-")
            elif tag == w("sym"):
                buf.append(_sym(c))
            elif tag == w("footnoteReference"):
                self.add_text("".join(buf), r)
                buf = []
                self.out.notes.append((wattr(c, "id") or "", self.pos))
            elif tag == w("lastRenderedPageBreak"):
                self.out.rendered_breaks += 1
            elif tag == w("fldChar"):
                self.add_text("".join(buf), r)
                buf = []
                self.fld_char(wattr(c, "fldCharType") or "", r)
            elif tag == w("instrText"):
                if self.stack and not self.stack[-1][2]:
                    self.stack[-1][0] += c.text or ""
            elif tag in (w("drawing"), w("pict")) or etree.QName(c).localname == "AlternateContent":
                for shape in line_shapes(c):
                    if shape.horizontal and shape.length >= 3:
                        self.out.shapes.append(shape)
                        self.out.line_shapes.append(shape.length)
        self.add_text("".join(buf), r)

    def fld_char(self, kind: str, r: etree._Element) -> None:
        if kind == "begin":
            self.stack.append(["", [r], False])
        elif kind == "separate" and self.stack:
            self.stack[-1][2] = True
        elif kind == "end" and self.stack:
            instr, runs, _ = self.stack.pop()
            self.out.fields.append((instr, runs))


def _sym(c: etree._Element) -> str:
    try:
        code = int(wattr(c, "char") or "0", 16)
        return chr(code - 0xF000) if code >= 0xF000 else chr(code)
    except ValueError:
        return ""


def read_paragraph(p: etree._Element) -> ParaContent:
    """Read the visible text of ``p`` (deleted text and field codes left out)."""
    reader = _Reader()
    reader.walk(p)
    reader.out.text = "".join(reader.parts)
    return reader.out
