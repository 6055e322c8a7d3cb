"""Technical tokens a user of the web pages must never see: YAML key names, the file format's codes for
choices, English words, file suffixes and markup. Used by the browser crawl of every page and form state."""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel

from cchc_docgen.models import Document
from cchc_docgen.models.unit import Unit

ENGLISH = ("yaml", "json", "error", "errors", "detail", "field", "fields", "true", "false", "null", "None",
           "csrf", "token", "schema", "validate", "summary", "default", "key", "keys", "value", "Traceback",
           "Exception", "Internal", "Server", "Error", "Not Found", "Method", "Allowed")
MARKS = (".yaml", ".yml", "[^", "**", " | ", '{"', "\\n", "_")


def _walk(model: type[BaseModel], seen: set[type], names: set[str]) -> None:
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        names.add(name)
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                _walk(annotation, seen, names)
            elif typing.get_origin(annotation) is typing.Literal:
                names.update(str(v) for v in typing.get_args(annotation) if str(v).islower())
            stack.extend(typing.get_args(annotation))


def model_words() -> set[str]:
    """Every key name and lower-case choice code of the document and unit files (long enough to be a word)."""
    names: set[str] = set()
    for model in (Document, Unit):
        _walk(model, set(), names)
    return {n for n in names if n.isascii() and (len(n) >= 4 or "_" in n)}


def technical(text: str) -> list[str]:
    """The technical tokens found in ``text`` (a page's visible words)."""
    found = [m for m in MARKS if m in text]
    for word in sorted(model_words() | set(ENGLISH)):
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            found.append(word)
    return found
