"""What the editor template needs: field specs from the model, current values, messages per field."""

from __future__ import annotations

from typing import Any

from cchc_docgen.models import Document, Issuer, Node, Signer
from cchc_docgen.models.recipients import Archive, Recipient
from cchc_docgen.web.formspec import FieldSpec, fields, select_defaults
from cchc_docgen.web.store import Loaded
from cchc_docgen.web.treeedit import get, parse_path, problem_key, shown

HEADER = fields(Document, ["kind", "number", "title", "year", "period_note"])
ISSUER = fields(Issuer)
SIGNER = fields(Signer)
NODE = fields(Node, ["title", "text", "paragraphs", "numbering", "role"])
RECIPIENT = fields(Recipient)
ARCHIVE = fields(Archive, ["units"])
#: what an absent choice key means, so showing it in a form never rewrites the file
DEFAULTS = select_defaults(Node, Signer, Document)


class EditorView:
    """Bound to one loaded file; templates call ``value``, ``messages`` and walk ``items``."""

    header, issuer, signer, node, recipient = HEADER, ISSUER, SIGNER, NODE, RECIPIENT

    def __init__(self, rel: str, loaded: Loaded) -> None:
        self.rel = rel
        self.loaded = loaded
        self.tree: Any = loaded.tree if isinstance(loaded.tree, dict) else {}
        self.by_key: dict[str, list[str]] = {}
        for problem in loaded.problems:
            self.by_key.setdefault(problem.key, []).append(problem.message)
        self.placed: set[str] = set()

    @property
    def version(self) -> str:
        return self.loaded.version

    @property
    def problems(self) -> list[Any]:
        return self.loaded.problems

    @property
    def kind(self) -> str:
        return str(self.tree.get("kind", "ke_hoach"))

    def value(self, kind: str, path: str) -> str:
        """The current value of a field as the form shows it."""
        parts = parse_path(path)
        value = get(self.tree, parts)
        if kind == "select" and value is None:
            return DEFAULTS.get(str(parts[-1]), "")
        return shown("s" if kind == "select" else kind, value)

    def messages(self, path: str) -> list[str]:
        """Messages the loader gave for exactly this key path (``date``, ``body.0.items.1``)."""
        key = problem_key(parse_path(path)) if path else ""
        return self.by_key.get(key, [])

    def items(self, path: str) -> list[tuple[str, Any]]:
        """``(item_path, item)`` for the list at ``path``."""
        seq = get(self.tree, parse_path(path))
        return [(f"{path}.{i}", item) for i, item in enumerate(seq)] if isinstance(seq, list) else []

    @property
    def footnotes(self) -> list[str]:
        """Footnote keys that a dotted form path can name."""
        notes = self.tree.get("footnotes")
        return [str(k) for k in notes if "." not in str(k)] if isinstance(notes, dict) else []

    def columns(self, appendix: str) -> list[dict[str, Any]]:
        cols = get(self.tree, parse_path(f"{appendix}.columns"))
        return [c for c in cols if isinstance(c, dict)] if isinstance(cols, list) else []

    def is_group(self, row: Any) -> bool:
        return isinstance(row, dict) and "group" in row

    def has(self, path: str) -> bool:
        return get(self.tree, parse_path(path)) is not None

    def field(self, spec: FieldSpec, prefix: str) -> dict[str, Any]:
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        kind = "s" if spec.kind == "select" else spec.kind
        return {"spec": spec, "path": path, "name": f"{kind}:{path}", "value": self.value(spec.kind, path),
                "messages": self.messages(path)}
