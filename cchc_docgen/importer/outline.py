"""The numbered tree: typed markers and Word list labels → nodes without numbers, with numbering settings.

Markers are read as the reader sees them (I. / 1. / 2.1. / a) or a. / - / +). A marker kind seen before on the
way up closes everything below it, so hand-made mistakes ("d)" twice, "đ" skipped, "1." after "1.") still give
the right structure; the renderer numbers the tree again. Where the document's style differs from the default
sequence (I. → 1. → a) → - → +), ``items_numbering`` / ``numbering`` record it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from cchc_docgen.context.numbering import NEXT_STYLE
from cchc_docgen.importer.blocks import Para
from cchc_docgen.importer.patterns import marker, word_label
from cchc_docgen.importer.textcase import recase

STYLE = {"roman": "roman", "decimal": "decimal", "letter": "letter", "dash": "dash", "plus": "plus",
         "nested1": "nested", "nested2": "nested", "nested3": "nested", "none": "none"}

Node = dict[str, Any]


def item_marker(p: Para) -> tuple[str, str, str] | None:
    """(kind, label, rest of the markup text) of a body paragraph, from Word's label or a typed marker."""
    if p.label:
        found = word_label(p.label)
        if found:
            return found[0], p.label, p.text
    typed = marker(p.plain)
    if not typed:
        return None
    return typed[0], typed[1], strip_label(p.text, typed[1])


def strip_label(text: str, label: str) -> str:
    """``text`` without its typed label (markup around the label handled)."""
    m = re.match(r"^(\*\*|\*)?\s*" + r"\s*".join(map(re.escape, label.replace(" ", ""))) + r"\s*", text)
    if not m:
        typed = marker(text)
        return typed[2] if typed else text
    rest = text[m.end():]
    mark = m.group(1) or ""
    if mark and rest.startswith(mark):
        return rest[len(mark):].lstrip()
    return mark + rest if mark else rest


def build_tree(paras: list[Para], running: str = "") -> list[Node]:
    """Body paragraphs → the numbered tree; ``running`` (the document's running text) decides heading casing."""
    root: Node = {"items": []}
    stack: list[tuple[str, Node]] = []
    for p in paras:
        found = item_marker(p)
        if found is None:
            _plain(p, stack[-1][1] if stack else root)
            continue
        kind, _label, rest = found
        if kind == "roman":
            stack.clear()
        else:
            at = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == kind), None)
            if at is not None:
                del stack[at:]
        parent = stack[-1][1] if stack else root
        node = _node(p, kind, rest, running)
        parent.setdefault("items", []).append(node)
        stack.append((kind, node))
    items = root["items"]
    for node in items:
        _titles(node, 0)
    settle(items, "roman", None)
    return [clean(n) for n in items]


def _node(p: Para, kind: str, rest: str, running: str) -> Node:
    node: Node = {"_kind": kind, "_where": p.where}
    rest = rest.strip()
    typed = marker(p.plain)
    plain_rest = typed[2] if typed else p.plain
    bold_head = re.match(r"^\*\*(?P<t>[^*]{1,120}?)\s*(?P<c>:?)\*\*\s*:?\s*(?P<r>.*)$", rest)
    if (p.bold and len(plain_rest) <= 250) or (kind == "roman" and len(plain_rest) <= 250):
        title = rest.replace("**", "") if p.bold else rest
        node["title"] = recase(title, running) if kind == "roman" and title.upper() == title else title
    elif bold_head and bold_head.group("r") and (bold_head.group("c") or rest[bold_head.end("t"):].lstrip("*")
                                                  .startswith(":")):
        node["title"], node["text"] = bold_head.group("t").strip(), bold_head.group("r").strip()
    elif bold_head and not bold_head.group("r"):
        node["title"] = bold_head.group("t").strip() + bold_head.group("c")
    else:
        node["text"] = rest
    node["_bold"] = p.bold
    _notes(node, p)
    return node


def _notes(node: Node, p: Para) -> None:
    if p.footnotes:
        node.setdefault("_footnotes", {}).update(p.footnotes)


def _plain(p: Para, parent: Node) -> None:
    """An unnumbered paragraph: more text of the open item, or an unnumbered item after its sub-items."""
    if p.bold and len(p.plain) < 200 and not p.plain.rstrip().endswith((".", ";")):
        entry: Node = {"title": p.text.replace("**", ""), "numbering": "none", "_kind": "none", "_where": p.where}
        _notes(entry, p)
        parent.setdefault("items", []).append(entry)
        return
    if "_kind" in parent and not parent.get("items"):
        parent.setdefault("paragraphs", []).append(p.text)
        _notes(parent, p)
        return
    entry = {"text": p.text, "numbering": "none", "_kind": "none", "_where": p.where}
    _notes(entry, p)
    parent.setdefault("items", []).append(entry)


def _titles(node: Node, depth: int) -> None:
    """A short unpunctuated numbered line followed by its own content is a heading, not a sentence."""
    text = node.get("text")
    if text and "title" not in node and node["_kind"] not in ("dash", "plus", "none") and (
            node.get("items") or node.get("paragraphs")) and len(text) <= 120 and \
            not text.rstrip().endswith((".", ";", ",")) and "**" not in text and not node.get("_footnotes"):
        node["title"] = node.pop("text")
    for child in node.get("items", []):
        _titles(child, depth + 1)


def settle(items: list[Node], default: str, parent: Node | None) -> None:
    """Set ``items_numbering``/``numbering`` where the document's labels differ from the default sequence."""
    styles = [STYLE[n["_kind"]] for n in items if n["_kind"] != "none"]
    common = Counter(styles).most_common(1)[0][0] if styles else default
    if parent is not None and common != default:
        parent["items_numbering"] = common
        default = common
    for node in items:
        own = STYLE[node["_kind"]]
        if own != default and own != "none":
            node["numbering"] = own
        settle(node.get("items", []), NEXT_STYLE[own], node)


def clean(node: Node) -> Node:
    out: Node = {}
    for key in ("title", "text", "paragraphs", "numbering", "items_numbering", "role"):
        if node.get(key):
            out[key] = node[key]
    if node.get("items"):
        out["items"] = [clean(n) for n in node["items"]]
    return out
