"""Straight lines drawn as shapes (DrawingML ``wps`` / ``wp:anchor``, VML ``v:line`` / ``v:shape``).

Offices draw the short rules under the Tiêu ngữ, the issuer and the summary as shapes, and
Word anchors a shape in whatever paragraph was nearest when it was drawn (the date line, the
Số line, an empty paragraph). What counts is where the line renders, so each shape is read
with its length and its offsets: horizontal offset and the frame it is measured from
(column, margin, page, character), vertical offset and its frame (paragraph, line, page,
margin). :mod:`cchc_docgen.checker.rulepos` turns these into positions on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from cchc_docgen.ooxml.names import A_NS, V_NS, WP_NS

EMU_PER_MM = 36000.0
_UNIT_MM = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "px": 25.4 / 96, "emu": 1 / EMU_PER_MM, None: 25.4 / 72}
_LEN = re.compile(r"^\s*(-?[\d.]+)\s*(pt|in|mm|cm|px)?\s*$")
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass(frozen=True)
class LineShape:
    """A straight, (nearly) horizontal line; lengths in mm.

    ``x`` is the left end measured from the frame ``x_from`` ("column", "margin", "page",
    "character"), or ``None`` when the line is aligned (``x_align`` "center", "left", …) or
    inline. ``y`` is the vertical offset from the frame ``y_from`` ("paragraph", "line",
    "page", "margin", "inline").
    """

    length: float
    x: float | None
    x_from: str
    x_align: str
    y: float
    y_from: str
    horizontal: bool = True


def _mm(value: str | None, unit: str | None = None) -> float:
    if not value:
        return 0.0
    m = _LEN.match(value)
    if not m:
        return 0.0
    try:
        return float(m.group(1)) * _UNIT_MM[unit or m.group(2)]
    except ValueError:
        return 0.0


def _drawingml(drawing: etree._Element) -> list[LineShape]:
    out: list[LineShape] = []
    for geom in drawing.iter(f"{{{A_NS}}}prstGeom"):
        if geom.get("prst", "") not in ("line", "straightConnector1"):
            continue
        frame = next(
            (a for a in geom.iterancestors() if a.tag in (f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor")),
            None,
        )
        if frame is None:
            continue
        extent = frame.find(f"{{{WP_NS}}}extent")
        cx = int(extent.get("cx", "0") or 0) if extent is not None else 0
        cy = int(extent.get("cy", "0") or 0) if extent is not None else 0
        length = cx / EMU_PER_MM
        horizontal = cy <= max(cx * 0.05, 36000)
        if frame.tag == f"{{{WP_NS}}}inline":
            out.append(LineShape(length, None, "inline", "", 0.0, "inline", horizontal))
            continue
        h = frame.find(f"{{{WP_NS}}}positionH")
        v = frame.find(f"{{{WP_NS}}}positionV")
        x_from = h.get("relativeFrom", "column") if h is not None else "column"
        y_from = v.get("relativeFrom", "paragraph") if v is not None else "paragraph"
        x_off = h.find(f"{{{WP_NS}}}posOffset") if h is not None else None
        x_align = h.find(f"{{{WP_NS}}}align") if h is not None else None
        y_off = v.find(f"{{{WP_NS}}}posOffset") if v is not None else None
        x = _emu(x_off.text) if x_off is not None else None
        align = (x_align.text or "").strip() if x_align is not None and x is None else ""
        y = _emu(y_off.text) if y_off is not None else 0.0
        out.append(LineShape(length, x, x_from, align, y, y_from, horizontal))
    return out


def _emu(text: str | None) -> float:
    try:
        return int((text or "0").strip()) / EMU_PER_MM
    except ValueError:
        return 0.0


def _style(el: etree._Element) -> dict[str, str]:
    out = {}
    for part in el.get("style", "").split(";"):
        if ":" in part:
            key, val = part.split(":", 1)
            out[key.strip().lower()] = val.strip()
    return out


def _vml_frames(style: dict[str, str]) -> tuple[str, str]:
    rel_h = {"text": "column", "char": "character", "margin": "margin", "page": "page"}
    rel_v = {"text": "paragraph", "line": "line", "margin": "margin", "page": "page"}
    return (
        rel_h.get(style.get("mso-position-horizontal-relative", "text"), "column"),
        rel_v.get(style.get("mso-position-vertical-relative", "text"), "paragraph"),
    )


def _point(value: str) -> tuple[float, float]:
    nums = []
    for part in value.split(","):
        nums.append(_mm(part.strip() or "0"))
    padded = [*nums, 0.0, 0.0]
    return padded[0], padded[1]


def _vml(pict: etree._Element) -> list[LineShape]:
    out: list[LineShape] = []
    for line in pict.iter(f"{{{V_NS}}}line"):
        style = _style(line)
        x_from, y_from = _vml_frames(style)
        x1, y1 = _point(line.get("from", "0,0"))
        x2, y2 = _point(line.get("to", "0,0"))
        length = abs(x2 - x1)
        horizontal = abs(y2 - y1) <= max(length * 0.05, 1.0)
        x = min(x1, x2) + _mm(style.get("margin-left"))
        y = min(y1, y2) + _mm(style.get("margin-top"))
        out.append(LineShape(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, x, x_from, "", y, y_from, horizontal))
    for shape in pict.iter(f"{{{V_NS}}}shape"):
        kind = shape.get("type", "")
        if not ("_t32" in kind or "_t20" in kind or shape.get("path", "").replace(" ", "").startswith("m,l")):
            continue
        style = _style(shape)
        x_from, y_from = _vml_frames(style)
        width, height = _mm(style.get("width")), _mm(style.get("height"))
        if width <= 0:
            continue
        align = style.get("mso-position-horizontal", "absolute")
        left: float | None = _mm(style.get("margin-left")) if align == "absolute" else None
        horizontal = height <= max(width * 0.05, 1.0)
        out.append(
            LineShape(
                width, left, x_from, "" if left is not None else align, _mm(style.get("margin-top")), y_from, horizontal
            )
        )
    return out


def line_shapes(el: etree._Element) -> list[LineShape]:
    """Straight lines drawn in ``el`` (a ``w:drawing``, ``w:pict`` or ``mc:AlternateContent``).

    With ``mc:AlternateContent`` the DrawingML choice is read and the VML fallback only when
    the choice holds no line, so one line is never counted twice.
    """
    if etree.QName(el).localname == "AlternateContent":
        choice = el.find(f"{{{_MC_NS}}}Choice")
        found = line_shapes(choice) if choice is not None else []
        if found:
            return found
        fallback = el.find(f"{{{_MC_NS}}}Fallback")
        return line_shapes(fallback) if fallback is not None else []
    found = _drawingml(el)
    return found or _vml(el)
