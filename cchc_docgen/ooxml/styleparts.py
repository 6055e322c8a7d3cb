"""Pieces of the style sheet read outside ``w:style``: theme fonts, numbering indents, ``w:ind``."""

from __future__ import annotations

from typing import Any

from lxml import etree

from cchc_docgen.ooxml.names import A_NS, w, wattr

Props = dict[str, Any]


def to_int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def parse_ind(ind: etree._Element, out: Props) -> None:
    for key, names in (("left", ("left", "start")), ("right", ("right", "end"))):
        for name in names:
            val = to_int(wattr(ind, name))
            if val is not None:
                out[key] = val
                break
    hanging = to_int(wattr(ind, "hanging"))
    first = to_int(wattr(ind, "firstLine"))
    if hanging is not None:
        out["firstLine"] = -hanging
    elif first is not None:
        out["firstLine"] = first


def theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """``minorHAnsi`` → "Calibri" etc. from theme1.xml."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for which in ("major", "minor"):
        font = theme.find(f".//{{{A_NS}}}{which}Font")
        if font is None:
            continue
        latin = font.find(f"{{{A_NS}}}latin")
        ea = font.find(f"{{{A_NS}}}ea")
        cs = font.find(f"{{{A_NS}}}cs")
        for suffix, el in (("Ascii", latin), ("HAnsi", latin), ("EastAsia", ea), ("Bidi", cs)):
            if el is not None and el.get("typeface"):
                out[which + suffix] = el.get("typeface", "")
    return out


def numbering_levels(root: etree._Element | None) -> dict[tuple[str, str], Props]:
    """(numId, ilvl) → indentation set by the numbering level."""
    out: dict[tuple[str, str], Props] = {}
    if root is None:
        return out
    abstract: dict[str, etree._Element] = {wattr(a, "abstractNumId") or "": a for a in root.iter(w("abstractNum"))}
    for num in root.iter(w("num")):
        aid = wattr(num.find(w("abstractNumId")), "val") or ""
        absnum = abstract.get(aid)
        if absnum is None:
            continue
        for lvl in absnum.iter(w("lvl")):
            props: Props = {}
            ppr = lvl.find(w("pPr"))
            if ppr is not None and ppr.find(w("ind")) is not None:
                parse_ind(ppr.find(w("ind")), props)
            out[(wattr(num, "numId") or "", wattr(lvl, "ilvl") or "0")] = props
    return out
