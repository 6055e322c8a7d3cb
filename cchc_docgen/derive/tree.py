"""The child plan as YAML that keeps the comments and layout of the parts copied from the parent's file.

The child is computed on models (``plan.derive``); here each copied body section is taken from the parent's
round-trip tree with the same wording changes applied in place, so the user's comments and folding survive.
A section whose in-place result would differ from the model is written fresh from the model instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc_docgen.derive.plan import Derived
from cchc_docgen.derive.wording import Wording
from cchc_docgen.models import Document, Node
from cchc_docgen.yamlio import SCHEMA_COMMENT, document_data, dump_roundtrip, plain_data, replace_text


def child_tree(derived: Derived, parent_tree: Any, unit_wording: Wording, header: list[str]) -> CommentedMap:
    """The child's round-trip tree: fresh keys from the model, copied body sections from ``parent_tree``."""
    data = document_data(derived.document)
    parent_body = parent_tree.get("body") if isinstance(parent_tree, dict) else None
    if isinstance(parent_body, list):
        body = CommentedSeq()
        for node, fresh, source in zip(derived.document.body, data["body"], derived.sources, strict=True):
            copied = _copied(parent_body, source, node, unit_wording)
            body.append(copied if copied is not None else fresh)
        data["body"] = body
    footnotes = parent_tree.get("footnotes") if isinstance(parent_tree, dict) else None
    if isinstance(footnotes, dict) and "footnotes" in data:
        kept = CommentedMap((k, v) for k, v in footnotes.items() if str(k) in derived.document.footnotes)
        if set(map(str, kept)) == set(derived.document.footnotes):
            data["footnotes"] = kept
    data.yaml_set_start_comment("\n".join([SCHEMA_COMMENT, *header]))
    return data


def dump_child(tree: CommentedMap) -> str:
    return dump_roundtrip(tree)


def _copied(parent_body: list[Any], source: int | None, node: Node, wording: Wording) -> Any:
    if source is None or source >= len(parent_body):
        return None
    original = parent_body[source]
    candidate = _rewrite(original, wording)
    try:
        same = Node.model_validate(plain_data(candidate)) == node
    except ValueError:
        same = False
    return candidate if same else None


def _rewrite(value: Any, change: Callable[[str], str]) -> Any:
    """``value`` (a round-trip tree) with ``change`` applied to every text, comments and layout kept."""
    if isinstance(value, str):
        new = change(value)
        return value if new == value else replace_text(value, new)
    if isinstance(value, CommentedMap):
        for key in list(value):
            if key in ("title", "text", "paragraphs", "items"):
                value[key] = _rewrite(value[key], change)
        return value
    if isinstance(value, CommentedSeq):
        for i, item in enumerate(value):
            value[i] = _rewrite(item, change)
        return value
    return value


def validate_tree(tree: Any) -> Document:
    """The tree read back as a ``Document`` (what the user will get when rendering the written file)."""
    return Document.model_validate(plain_data(tree))
