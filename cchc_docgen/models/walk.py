"""Read-only walks over a document's text (used by validation and tools)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_docgen.models.body import Node
    from cchc_docgen.models.document import Document

FOOTNOTE_MARK = re.compile(r"\[\^([^\]\s]+)\]")


def node_texts(node: Node) -> Iterator[str]:
    """Every piece of text of a node and its descendants, in reading order."""
    for text in (node.title, node.text, *node.paragraphs):
        if text:
            yield text
    for child in node.items:
        yield from node_texts(child)


def located_texts(nodes: list[Node], path: tuple[object, ...]) -> Iterator[tuple[tuple[object, ...], str]]:
    """Every text of ``nodes`` and their descendants with its key path (``("body", 0, "items", 1, "text")``),
    so a message can point at its YAML line."""
    for i, node in enumerate(nodes):
        here = (*path, i)
        for key in ("title", "text"):
            value = getattr(node, key)
            if value:
                yield (*here, key), value
        for j, para in enumerate(node.paragraphs):
            yield (*here, "paragraphs", j), para
        yield from located_texts(node.items, (*here, "items"))


def body_texts(doc: Document) -> Iterator[str]:
    """The preamble, body and closing texts in reading order."""
    yield from doc.preamble.bases
    for text in (doc.preamble.text, doc.preamble.lead_in):
        if text:
            yield text
    for node in doc.body:
        yield from node_texts(node)
    yield from doc.closing


def footnote_marks(doc: Document) -> list[str]:
    """Footnote keys in order of first use."""
    seen: list[str] = []
    for text in body_texts(doc):
        for key in FOOTNOTE_MARK.findall(text):
            if key not in seen:
                seen.append(key)
    return seen
