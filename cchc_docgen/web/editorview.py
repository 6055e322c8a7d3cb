"""What the editor template needs: field specs from the model, current values, messages per field."""

from __future__ import annotations

from typing import Any

from cchc_docgen.models import Document, Issuer, Node, Signer
from cchc_docgen.models.recipients import Archive, Recipient
from cchc_docgen.web.formspec import FieldSpec, fields, select_defaults
from cchc_docgen.web.store import Loaded
from cchc_docgen.web.treeedit import get, kind_at, parse_path, problem_key, shown
from cchc_docgen.web.wording import plain

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
            self.by_key.setdefault(problem.key, []).append(plain(problem.message))
        self.placed: set[str] = set()

    @property
    def display_title(self) -> str:
        """The title as one line ("|" marks a line break in the document, never shown on the page)."""
        title = self.tree.get("title") or "Văn bản chưa có trích yếu"
        return " ".join(str(title).replace("|", " ").split())

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
        return shown(kind_at("s" if kind == "select" else kind, parts), value)

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

    def outline(self) -> list[tuple[str, str]]:
        """``(anchor, label)`` of each part of the document, for the outline beside the editor."""
        from cchc_docgen.context.numbering import roman

        out = [("n-head", "Thông tin chung"), ("n-issuer", "Cơ quan ban hành"), ("n-preamble", "Căn cứ, câu dẫn")]
        for i, (path, item) in enumerate(self.items("body")):
            out.append((f"n-{path}", f"{roman(i + 1)}. {self.title_of(item)}"))
        if self.footnotes:
            out.append(("n-footnotes", "Chú thích cuối trang"))
        for i, (path, _item) in enumerate(self.items("appendices")):
            out.append((f"n-{path}", f"Phụ lục {i + 1}"))
        out += [("n-signer", "Người ký"), ("n-recipients", "Nơi nhận")]
        return out

    def opens(self, number: int) -> bool:
        """Whether top-level section ``number`` (1-based) starts unfolded: only a short first section does."""
        items = self.items("body")
        return number == 1 and bool(items) and _size(items[0][1]) <= 8

    def row_summary(self, row_path: str, columns: list[dict[str, Any]]) -> str:
        """The line a folded table row shows: its first real text (a bare number like "1." is skipped)."""
        texts = [" ".join(self.value("c", f"{row_path}.{c.get('key')}").split()) for c in columns]
        text = next((t for t in texts if len(t) > 5), next((t for t in texts if t), ""))
        return text.replace("**", "").replace("*(", "(").replace(")*", ")")

    @staticmethod
    def roman(n: int) -> str:
        from cchc_docgen.context.numbering import roman

        return roman(max(n, 1))

    @staticmethod
    def plain(message: str) -> str:
        return plain(message)

    @staticmethod
    def say(problem: Any) -> str:
        return plain(problem.message)

    @staticmethod
    def anchor(problem: Any) -> str:
        """Where a problem's link points (the page's script finds the nearest field or part)."""
        from cchc_docgen.web.fieldsave import dotted

        return f"p-{dotted(problem.key)}" if problem.key else ""

    @staticmethod
    def title_of(item: Any, limit: int = 70) -> str:
        """A short text naming a section or a table row (its title, or the start of its text)."""
        if isinstance(item, dict):
            text = item.get("title") or item.get("text") or item.get("group") or next(
                (v for v in item.values() if isinstance(v, str)), "")
        else:
            text = item
        if isinstance(text, list):
            text = " ".join(str(t) for t in text)
        text = " ".join(str(text or "").split())
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

    def field(self, spec: FieldSpec, prefix: str) -> dict[str, Any]:
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        kind = "s" if spec.kind == "select" else spec.kind
        return {"spec": spec, "path": path, "name": f"{kind}:{path}", "value": self.value(spec.kind, path),
                "messages": self.messages(path)}


def _size(node: Any) -> int:
    """How many sections and paragraphs a section holds, itself included."""
    if not isinstance(node, dict):
        return 1
    children, paragraphs = node.get("items"), node.get("paragraphs")
    size = 1 + (len(paragraphs) if isinstance(paragraphs, list) else 0)
    return size + (sum(_size(c) for c in children) if isinstance(children, list) else 0)
