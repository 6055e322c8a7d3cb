"""Effective run formatting in a python-docx document: run → paragraph style chain → document defaults."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn


def _defaults(doc: Any) -> dict[str, Any]:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    size = rpr.find(qn("w:sz"))
    return {"name": fonts.get(qn("w:ascii")) if fonts is not None else None,
            "size": int(size.get(qn("w:val"))) / 2 if size is not None else None, "bold": False, "italic": False}


def effective(doc: Any, paragraph: Any, run: Any, attr: str) -> Any:
    """``attr`` in name, size (pt), bold, italic."""
    value = getattr(run.font, attr)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attr)
        style = style.base_style
    if value is None:
        value = _defaults(doc)[attr]
    if attr == "size" and hasattr(value, "pt"):
        value = value.pt
    return value


def para_effective(doc: Any, paragraph: Any, attr: str) -> set[Any]:
    """The set of effective values over the paragraph's non-empty runs."""
    return {effective(doc, paragraph, r, attr) for r in paragraph.runs if r.text.strip()}
