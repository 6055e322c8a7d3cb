"""Associate drawn lines with the text above them by where they render, not by anchor paragraph.

Positions are estimated from the flow of :mod:`docmodel` (``Para.y``/``h`` in points, the column
box ``x0``/``width`` in twips). A shape's left end is placed in its horizontal frame (column,
margin, page or character) and its top in its vertical frame (paragraph, line, page, margin);
the rule under a piece of text is the horizontal line whose middle lies under that text, in the
band from the text's last line to about one and a half lines below it.
"""

from __future__ import annotations

from cchc_docgen.checker.docmodel import DocModel, Para
from cchc_docgen.checker.segs import Rule, Seg
from cchc_docgen.ooxml.shapes import LineShape

PT_PER_MM = 72 / 25.4
TW_PER_MM = 1440 / 25.4
#: how many paragraphs before / after the text a line may be anchored in
WINDOW_BEFORE, WINDOW_AFTER = 6, 10


def _x_mm(doc: DocModel, anchor: Para, shape: LineShape) -> float:
    """Left end of ``shape`` in mm from the left margin of the section."""
    sec = doc.sections[anchor.section]
    col_left = anchor.x0 / TW_PER_MM
    col_width = anchor.width / TW_PER_MM
    if shape.x is None:
        if shape.x_from == "inline":
            base = col_left + (anchor.props.left / TW_PER_MM)
            if anchor.props.jc == "center":
                return col_left + (col_width - shape.length) / 2
            return base
        frame_left, frame_width = col_left, col_width
        if shape.x_from in ("margin", "page"):
            frame_left, frame_width = 0.0, sec.text_width / TW_PER_MM
        if shape.x_align == "center":
            return frame_left + (frame_width - shape.length) / 2
        if shape.x_align == "right":
            return frame_left + frame_width - shape.length
        return frame_left
    if anchor.table is not None and shape.x_from in ("margin", "page", "leftMargin", "insideMargin"):
        return col_left + shape.x  # a shape laid out in a table cell is positioned from the cell
    if shape.x_from == "page":
        return shape.x - sec.left / TW_PER_MM
    if shape.x_from in ("margin", "leftMargin", "insideMargin"):
        return shape.x
    if shape.x_from == "character":
        return col_left + anchor.props.left / TW_PER_MM + shape.x
    return col_left + shape.x


def _y_pt(doc: DocModel, anchor: Para, shape: LineShape) -> float:
    """Top of ``shape`` in points in the flow of :class:`Para`."""
    if shape.y_from == "inline":
        return anchor.y + anchor.h * 0.6
    if anchor.table is not None and shape.y_from in ("page", "margin", "topMargin"):
        return anchor.y + shape.y * PT_PER_MM
    if shape.y_from == "page":
        return shape.y * PT_PER_MM - doc.sections[anchor.section].top / 20
    if shape.y_from in ("margin", "topMargin"):
        return shape.y * PT_PER_MM
    return anchor.y + (anchor.props.before / 20 if shape.y_from == "line" else 0) + shape.y * PT_PER_MM


def _text_box(seg: Seg) -> tuple[float, float, float]:
    """(left mm, right mm, bottom pt) of ``seg`` as it renders."""
    p = seg.para
    col_left = p.x0 / TW_PER_MM
    col_width = p.width / TW_PER_MM
    width = min(seg.width_mm(), col_width)
    left_ind, right_ind = p.props.left / TW_PER_MM, p.props.right / TW_PER_MM
    if seg.ncols > 1 or seg.lead:
        span = col_width / max(seg.ncols, 2)
        side = 1 if seg.lead else seg.col
        start = col_left + side * span
        left = start + max((span - width) / 2, 0)
    elif p.props.jc == "center":
        left = col_left + left_ind + (col_width - left_ind - right_ind - width) / 2
    elif p.props.jc == "right":
        left = col_left + col_width - right_ind - width
    else:
        left = col_left + left_ind + max(p.props.first_line, 0) / TW_PER_MM
    lines = max(1, p.text.count("\n") + 1)
    bottom = p.y + p.props.before / 20 + min(seg.line + 1, lines) * p.line_h
    if seg.line + 1 >= lines:
        bottom = max(bottom, p.y + p.h - p.props.after / 20)
    return left, left + width, bottom


def drawn_rule_under(doc: DocModel, seg: Seg) -> Rule | None:
    """The drawn line rendered just under ``seg`` (``None`` when there is none)."""
    p = seg.para
    left, right, bottom = _text_box(seg)
    centre = (left + right) / 2
    paras = doc.paras
    best: tuple[float, Rule] | None = None
    lo = max(0, p.index - WINDOW_BEFORE)
    for q in paras[lo : p.index + WINDOW_AFTER]:
        if not q.content.shapes or (q.page != p.page and abs(q.y - p.y) > 200):
            continue
        for shape in q.content.shapes:
            x = _x_mm(doc, q, shape)
            y = _y_pt(doc, q, shape)
            mid = x + shape.length / 2
            # under the text: its middle within the text's span (widened a little for short texts)
            slack = max(8.0, (right - left) * 0.25)
            if not left - slack <= mid <= right + slack:
                continue
            line_h = p.line_h
            if not bottom - line_h * 0.6 <= y <= bottom + line_h * 1.6:
                continue
            off_centre = abs(mid - centre)
            rule = Rule(q, "shape", shape.length, off_centre <= max(8.0, shape.length * 0.35), True)
            score = abs(y - bottom) + off_centre
            if best is None or score < best[0]:
                best = (score, rule)
    return best[1] if best else None
