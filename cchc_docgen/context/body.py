"""The body tree → a flat list of paragraphs, each with its template style and run XML."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from cchc_docgen.context.numbering import NEXT_STYLE, label, numeric_path
from cchc_docgen.context.runs import FootnoteIds, rich
from cchc_docgen.context.text import end_with, squash, upper_vi
from cchc_docgen.models import Node

#: Template paragraph kinds: heading1 (I. MỤC …), heading2 (1. Khoản), heading3 (titled point), text.
HEADING_BY_STYLE = {"roman": "heading1", "decimal": "heading2", "nested": "heading2"}


SPACE_RUN = Markup('<w:r><w:t xml:space="preserve"> </w:t></w:r>')


@dataclass
class Para:
    style: str
    text: Markup
    plain: str = field(default="", compare=False)


def _effective(node: Node, inherited: str) -> str:
    return inherited if node.numbering == "auto" else node.numbering


def _heading(style: str, lab: str, title: str, ids: FootnoteIds) -> Para:
    kind = HEADING_BY_STYLE.get(style, "heading3")
    shown = upper_vi(title) if kind == "heading1" else title
    head = f"{lab} {shown}" if lab else shown
    return Para(kind, rich(head, ids), head)


def flatten(nodes: list[Node], ids: FootnoteIds, style: str = "roman", parent_number: str = "") -> list[Para]:
    """Number and flatten ``nodes`` (the children of one parent) depth-first."""
    out: list[Para] = []
    counters: dict[str, int] = {}
    for node in nodes:
        own = _effective(node, style)
        index = counters[own] = counters.get(own, 0) + 1
        lab = label(own, index, parent_number)
        title = squash(node.title) if node.title else ""
        if title and not node.text:
            out.append(_heading(own, lab, title, ids))
        elif title:
            head = f"{lab} {title}" if lab else title
            text = Markup(rich(end_with(head, ":"), ids, bold=True) + SPACE_RUN + rich(node.text or "", ids))
            out.append(Para("text", text, f"{head}: {node.text}"))
        elif node.text:
            first = f"{lab} {node.text}" if lab else node.text
            out.append(Para("text", rich(first, ids), first))
        out.extend(Para("text", rich(p, ids), p) for p in node.paragraphs)
        if node.table is not None:
            from cchc_docgen.context.rules import PORTRAIT_WIDTH_MM
            from cchc_docgen.context.tables import table_xml

            out.append(Para("table", table_xml(node.table, PORTRAIT_WIDTH_MM, ids), ""))
            out.extend(Para("text", rich(n, ids), n) for n in node.table.notes)
        child_style = node.items_numbering if node.items_numbering != "auto" else NEXT_STYLE[own]
        out.extend(flatten(node.items, ids, child_style, numeric_path(own, index, parent_number)))
    return out
