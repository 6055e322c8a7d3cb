"""Effective formatting, resolved the way Word does.

Order of precedence (ISO/IEC 29500-1 §17.7.2), lowest first: document defaults
(``w:docDefaults``), table style, numbering level (paragraph properties only), paragraph
style and its ``w:basedOn`` chain, character style and its chain, direct formatting.
Theme fonts (``w:asciiTheme`` …) are looked up in ``theme1.xml``. Toggle properties
(bold, italic, caps) follow §17.7.3: inside the style hierarchy a ``true`` value flips the
state inherited from the levels below; direct formatting sets it absolutely.

Units: sizes in points, indents and spacing in twips (1/20 pt), line spacing as OOXML gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from cchc_docgen.ooxml.names import on_value, w, wattr
from cchc_docgen.ooxml.styleparts import Props, numbering_levels, parse_ind, theme_fonts, to_int

TOGGLES = ("b", "i", "caps", "vanish")


@dataclass(frozen=True)
class RunProps:
    """Effective properties of one run. ``size`` is in points."""

    font_ascii: str
    font_hansi: str
    size: float
    bold: bool
    italic: bool
    caps: bool
    color: str
    vert: str
    #: hidden text (``w:vanish``): not shown on the page
    hidden: bool = False
    #: character spacing (``w:spacing``, twips added after each character; negative: condensed)
    spacing: int = 0

    @property
    def is_black(self) -> bool:
        return self.color.lower() in ("auto", "000000", "text1", "dark1", "")


@dataclass(frozen=True)
class ParaProps:
    """Effective properties of one paragraph; lengths in twips.

    ``first_line`` is signed: positive for a first-line indent, negative for a hanging one.
    ``line`` is ``None`` for single spacing by default; with ``line_rule == "auto"`` it is in
    240ths of a line, otherwise in twips.
    """

    style_id: str
    jc: str
    left: int
    right: int
    first_line: int
    before: int
    after: int
    before_auto: bool
    after_auto: bool
    line: int | None
    line_rule: str
    contextual: bool
    border_bottom: str
    page_break_before: bool
    #: the list (``w:numId``, "0" or ``None``: none) and level a paragraph belongs to, direct or from its style
    num_id: str | None = None
    ilvl: int = 0


Fingerprint = tuple[Any, ...]


def _fingerprint(el: etree._Element) -> Fingerprint:
    """A hashable summary of ``el`` (tags, attributes, children) for caching; cheaper than
    serialising, which repeats every namespace declaration of the document."""
    return tuple(
        (child.tag, tuple(sorted(child.attrib.items())), _fingerprint(child) if len(child) else ())
        for child in el
        if isinstance(child.tag, str)
    )


def _children(el: etree._Element | None) -> list[tuple[str, etree._Element]]:
    """(local name, element) of each child of a ``w:rPr`` / ``w:pPr`` (none for a missing element)."""
    return [] if el is None else [(etree.QName(child).localname, child) for child in el]


class Styles:
    """Style sheet of one document, with cached resolution."""

    def __init__(
        self,
        styles_root: etree._Element | None,
        theme_root: etree._Element | None,
        numbering_root: etree._Element | None = None,
    ) -> None:
        self.theme = theme_fonts(theme_root)
        self.by_id: dict[str, etree._Element] = {}
        self.default: dict[str, str] = {}
        doc_r: Props = {}
        doc_p: Props = {}
        if styles_root is not None:
            for st in styles_root.iter(w("style")):
                sid = wattr(st, "styleId") or ""
                self.by_id[sid] = st
                if on_value(st.get(w("default")), absent=False):
                    self.default.setdefault(wattr(st, "type") or "", sid)
            dd = styles_root.find(w("docDefaults"))
            if dd is not None:
                doc_r = self.parse_rpr(dd.find(f"{w('rPrDefault')}/{w('rPr')}"))
                doc_p = self.parse_ppr(dd.find(f"{w('pPrDefault')}/{w('pPr')}"))
        self.doc_rpr = doc_r
        self.doc_ppr = doc_p
        self._numbering = numbering_levels(numbering_root)
        self._chain_cache: dict[tuple[str, str], tuple[Props, Props]] = {}
        self._run_cache: dict[tuple[str, str, str, Fingerprint], RunProps] = {}
        self._para_cache: dict[tuple[str, str, Fingerprint], ParaProps] = {}

    # -- parsing --------------------------------------------------------------------------
    def parse_rpr(self, rpr: etree._Element | None) -> Props:
        """Properties set by one ``w:rPr`` element (only those present)."""
        out: Props = {}
        for tag, child in _children(rpr):
            if tag == "rFonts":
                for attr in ("ascii", "hAnsi"):
                    theme = wattr(child, attr + "Theme")
                    if theme:
                        out[attr] = self.theme.get(theme, theme)
                    elif wattr(child, attr):
                        out[attr] = wattr(child, attr)
            elif tag == "sz":
                half = to_int(wattr(child, "val"))
                if half is not None:
                    out["sz"] = half / 2
            elif tag in TOGGLES:
                out[tag] = on_value(wattr(child, "val"))
            elif tag == "color":
                out["color"] = wattr(child, "themeColor") or wattr(child, "val") or "auto"
            elif tag == "spacing" and to_int(wattr(child, "val")) is not None:
                out["spacing"] = to_int(wattr(child, "val"))
            elif tag == "vertAlign":
                out["vert"] = wattr(child, "val") or "baseline"
        return out

    def parse_ppr(self, ppr: etree._Element | None) -> Props:
        """Properties set by one ``w:pPr`` element (only those present)."""
        out: Props = {}
        for tag, child in _children(ppr):
            if tag == "jc":
                out["jc"] = {"start": "left", "end": "right"}.get(wattr(child, "val") or "", wattr(child, "val"))
            elif tag == "ind":
                parse_ind(child, out)
            elif tag == "spacing":
                for key, attr in (("before", "before"), ("after", "after"), ("line", "line")):
                    val = to_int(wattr(child, attr))
                    if val is not None:
                        out[key] = val
                if wattr(child, "lineRule"):
                    out["lineRule"] = wattr(child, "lineRule")
                for key in ("beforeAutospacing", "afterAutospacing"):
                    if child.get(w(key)) is not None:
                        out[key] = on_value(child.get(w(key)))
            elif tag == "contextualSpacing":
                out["contextual"] = on_value(wattr(child, "val"))
            elif tag == "pageBreakBefore":
                out["pageBreakBefore"] = on_value(wattr(child, "val"))
            elif tag == "pBdr":
                bottom = child.find(w("bottom"))
                if bottom is not None:
                    out["bdrBottom"] = wattr(bottom, "val") or "single"
            elif tag == "numPr":
                for key in ("numId", "ilvl"):
                    if wattr(child.find(w(key)), "val") is not None:
                        out[key] = wattr(child.find(w(key)), "val")
        return out

    # -- resolution -----------------------------------------------------------------------
    def _chain(self, style_id: str, kind: str) -> tuple[Props, Props]:
        """(pPr, rPr) of a style merged along its ``basedOn`` chain (derived wins)."""
        key = (style_id, kind)
        if key in self._chain_cache:
            return self._chain_cache[key]
        chain: list[etree._Element] = []
        sid: str | None = style_id
        while sid and sid in self.by_id and len(chain) < 30:
            st = self.by_id[sid]
            if st in chain:
                break
            chain.append(st)
            sid = wattr(st.find(w("basedOn")), "val")
        ppr: Props = {}
        rpr: Props = {}
        for st in reversed(chain):
            ppr.update(self.parse_ppr(st.find(w("pPr"))))
            rpr.update(self.parse_rpr(st.find(w("rPr"))))
        self._chain_cache[key] = (ppr, rpr)
        return ppr, rpr

    def para_style_id(self, p: etree._Element) -> str:
        ppr = p.find(w("pPr"))
        sid = wattr(ppr.find(w("pStyle")) if ppr is not None else None, "val")
        return sid if sid in self.by_id else self.default.get("paragraph", "")

    def table_style_id(self, tbl: etree._Element | None) -> str:
        if tbl is None:
            return ""
        tpr = tbl.find(w("tblPr"))
        sid = wattr(tpr.find(w("tblStyle")) if tpr is not None else None, "val")
        return sid if sid in self.by_id else self.default.get("table", "")

    def run_props(self, tbl_style: str, para_style: str, run: etree._Element) -> RunProps:
        """Effective properties of ``run`` inside a paragraph of ``para_style``."""
        rpr = run.find(w("rPr"))
        char_style = ""
        direct: Fingerprint = ()
        if rpr is not None:
            char_style = wattr(rpr.find(w("rStyle")), "val") or ""
            direct = _fingerprint(rpr)
        key = (tbl_style, para_style, char_style, direct)
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        merged: Props = {k: v for k, v in self.doc_rpr.items() if k not in TOGGLES}
        toggles = {t: bool(self.doc_rpr.get(t, False)) for t in TOGGLES}
        for sid, kind in ((tbl_style, "table"), (para_style, "paragraph"), (char_style, "character")):
            if not sid:
                continue
            level = self._chain(sid, kind)[1]
            for k, v in level.items():
                if k in TOGGLES:
                    if v:
                        toggles[k] = not toggles[k]
                else:
                    merged[k] = v
        for k, v in self.parse_rpr(rpr).items():
            if k in TOGGLES:
                toggles[k] = bool(v)
            else:
                merged[k] = v
        props = RunProps(
            font_ascii=str(merged.get("ascii", "Times New Roman")),
            font_hansi=str(merged.get("hAnsi", merged.get("ascii", "Times New Roman"))),
            size=float(merged.get("sz", 10.0)),
            bold=toggles["b"],
            italic=toggles["i"],
            caps=toggles["caps"],
            hidden=toggles["vanish"],
            spacing=int(merged.get("spacing", 0)),
            color=str(merged.get("color", "auto")),
            vert=str(merged.get("vert", "baseline")),
        )
        self._run_cache[key] = props
        return props

    def para_props(self, tbl_style: str, p: etree._Element) -> ParaProps:
        """Effective paragraph properties of ``p`` (inside a table of ``tbl_style``, or "")."""
        ppr = p.find(w("pPr"))
        sid = self.para_style_id(p)
        direct_key: Fingerprint = ()
        if ppr is not None:
            direct_key = _fingerprint(ppr)
        key = (tbl_style, sid, direct_key)
        cached = self._para_cache.get(key)
        if cached is not None:
            return cached
        merged: Props = dict(self.doc_ppr)
        if tbl_style:
            merged.update(self._chain(tbl_style, "table")[0])
        direct = self.parse_ppr(ppr)
        num_id = direct.get("numId")
        if num_id:
            merged.update(self._numbering.get((num_id, direct.get("ilvl", "0")), {}))
        if sid:
            merged.update(self._chain(sid, "paragraph")[0])
        merged.update(direct)
        props = ParaProps(
            style_id=sid,
            jc=str(merged.get("jc", "left")),
            left=int(merged.get("left", 0)),
            right=int(merged.get("right", 0)),
            first_line=int(merged.get("firstLine", 0)),
            before=int(merged.get("before", 0)),
            after=int(merged.get("after", 0)),
            before_auto=bool(merged.get("beforeAutospacing", False)),
            after_auto=bool(merged.get("afterAutospacing", False)),
            line=merged.get("line"),
            line_rule=str(merged.get("lineRule", "auto")),
            contextual=bool(merged.get("contextual", False)),
            border_bottom=str(merged.get("bdrBottom", "")),
            page_break_before=bool(merged.get("pageBreakBefore", False)),
            num_id=merged.get("numId"),
            ilvl=to_int(str(merged.get("ilvl", "0"))) or 0,
        )
        self._para_cache[key] = props
        return props
