"""Edits of a round-trip YAML tree (comments kept): set a field from a form, add/remove/move list items.

Form field names are ``<kind>:<path>``: the kind says how the submitted text becomes YAML (``s`` text,
``i`` whole number, ``l`` one item per line, ``c`` a table cell, ``u`` comma-separated list, ``n`` a Biểu mẫu
figure) and the path is dotted (``body.0.items.2.title``, 0-based); a key holding dots is quoted
(``report.figures.bm1.'3.1'``) and stays text. Values are set only where they differ from the file, so an
unchanged field never rewrites its part of the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc_docgen.web.figures import BadValue, figure, figure_text

Path = list[str | int]
KINDS = ("s", "i", "l", "c", "u", "n")
#: text fields whose " | " marks a line break of the printed header (``context/build``): a box shows one line
#: per line and writes them back joined by " | ", so the page never shows a raw " | "
LINE_BROKEN = frozenset({"title", "issuer.name", "issuer.parent"})
NEW_TEXT = "Nội dung mới"


class EditError(Exception):
    """A form named a path that is not in the document (a stale page)."""


_PART = re.compile(r"'([^']*)'|([^.']+)")


def parse_path(text: str) -> Path:
    if not text or len(text) > 300:
        raise EditError(text)
    if "'" not in text:
        return [int(p) if p.isdigit() else p for p in text.split(".")]
    parts: Path = []
    tokens: list[str] = []
    for quoted, bare in _PART.findall(text):
        tokens.append(f"'{quoted}'" if quoted else bare)
        parts.append(quoted if quoted else int(bare) if bare.isdigit() else bare)
    if ".".join(tokens) != text:
        raise EditError(text)
    return parts


def _key_of(node: dict[Any, Any], part: str | int) -> Any:
    """The key of ``node`` naming ``part``: a hand-written ``1.1:`` or ``2:`` is a number, not text."""
    if part in node or not isinstance(part, str):
        return part
    return next((k for k in node if not isinstance(k, str) and str(k) == part), part)


def path_text(path: Path) -> str:
    return ".".join(f"'{p}'" if isinstance(p, str) and "." in p else str(p) for p in path)


def kind_at(kind: str, path: Path) -> str:
    """``b`` (lines joined by " | ") for a text field of :data:`LINE_BROKEN`, else ``kind``."""
    return "b" if kind == "s" and path_text(path) in LINE_BROKEN else kind


def problem_key(path: Path) -> str:
    """The loader's key for a path: ``body[1].items[2].title`` (1-based)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def get(tree: Any, path: Path) -> Any:
    node = tree
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                return None
            node = node[part]
        elif isinstance(node, str):
            return node if part in ("text", "name") else None  # the short form of a node or a recipient
        elif isinstance(node, dt.date) and part in ("year", "month", "day"):
            node = getattr(node, str(part))
        else:
            if not isinstance(node, dict):
                return None
            node = node.get(_key_of(node, part))
    return node


def _as_map(container: Any, key: str | int, short_key: str) -> CommentedMap:
    """The mapping at ``container[key]``; a short form (bare text, a date) is turned into its long form."""
    value = container[int(key)] if isinstance(container, list) else container.get(key)
    if isinstance(value, dict):
        return value  # type: ignore[return-value]
    if isinstance(value, dt.date):
        new = CommentedMap([("year", value.year), ("month", value.month), ("day", value.day)])
    elif value is None:
        new = CommentedMap()
    else:
        new = CommentedMap([(short_key, value)])
    container[key] = new
    return new


_SHORT_KEY = {"body": "text", "items": "text", "recipients": "name", "archive": "units"}


def _container(tree: Any, path: Path) -> Any:
    """The mapping or list that holds the last part of ``path``, creating mappings on the way."""
    node = tree
    for i, part in enumerate(path[:-1]):
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                raise EditError(path_text(path))
            owner = path[i - 1] if i else ""
            if not isinstance(node[part], dict):
                _as_map(node, part, _SHORT_KEY.get(str(owner), "text"))
            node = node[part]
        else:
            if not isinstance(node, dict):
                raise EditError(path_text(path))
            nxt = path[i + 1]
            if isinstance(nxt, int):
                if not isinstance(node.get(part), list):
                    raise EditError(path_text(path))
                node = node[part]
            else:
                node = _as_map(node, part, _SHORT_KEY.get(part, "text"))
    return node


def shown(kind: str, value: Any) -> str:
    """How a YAML value appears in a form field of ``kind``."""
    if value is None:
        return ""
    if kind == "l":
        return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if kind == "c":
        if isinstance(value, dict):
            value = value.get("paragraphs", value.get("text", ""))
        return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if kind == "u":
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if kind == "b":
        return "\n".join(part.strip() for part in str(value).split("|") if part.strip())
    if kind == "n":
        return figure_text(value)
    return str(value)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r", "").split("\n") if line.strip()]


def _parsed(kind: str, text: str, old: Any) -> Any:
    """The YAML value for submitted ``text`` (``None``: remove the key)."""
    text = text.replace("\r", "")
    if kind == "i":
        text = text.strip()
        return None if not text else (int(text) if text.isdigit() else text)
    if kind == "l":
        return CommentedSeq(_lines(text)) or None
    if kind == "u":
        parts = [p.strip() for p in text.split(",") if p.strip()]
        return CommentedSeq(parts) or None
    if kind == "b":
        return " | ".join(_lines(text)) or None
    if kind == "n":
        return figure(text)
    if kind == "c":
        lines = _lines(text)
        if isinstance(old, dict) and old.get("rows", 1) != 1:  # a merged cell keeps its span
            new = CommentedMap(old)
            new.pop("text", None)
            new["paragraphs"] = CommentedSeq(lines)
            return new
        if not lines:
            return None
        return lines[0] if len(lines) == 1 else CommentedSeq(lines)
    text = " ".join(text.split("\n")).strip()
    return text or None


def apply_form(tree: Any, form: dict[str, str], defaults: dict[str, str] | None = None) -> int:
    """Set every changed field of ``form`` in ``tree``; returns how many changed.

    ``defaults`` maps a key name to the value the model assumes when the key is absent (``numbering: auto``):
    a form showing that value for an absent key leaves the file alone.
    """
    defaults = defaults or {}
    changed = 0
    for name, text in form.items():
        kind, _, dotted = name.partition(":")
        if kind not in KINDS or not dotted:
            continue
        path = parse_path(dotted)
        kind = kind_at(kind, path)
        old = get(tree, path)
        if shown(kind, old) == _normal(kind, text):
            continue
        if old is None and defaults.get(str(path[-1])) == text:
            continue
        holder = _container(tree, path)
        value = _parsed(kind, text, old)
        key = path[-1]
        if isinstance(holder, list):
            if not isinstance(key, int) or not 0 <= key < len(holder):
                raise EditError(dotted)
            if value is not None:
                holder[key] = value
        elif value is None:
            holder.pop(_key_of(holder, key), None)
        else:
            holder[_key_of(holder, key)] = value
        changed += 1
    _tidy_dates(tree)
    return changed


def _normal(kind: str, text: str) -> str:
    text = text.replace("\r", "")
    if kind in ("l", "c", "b"):
        return "\n".join(_lines(text))
    if kind == "u":
        return ", ".join(p.strip() for p in text.split(",") if p.strip())
    if kind == "n":
        try:
            return figure_text(figure(text))
        except BadValue:
            return text.strip()
    return " ".join(text.split("\n")).strip()


def _tidy_dates(tree: Any) -> None:
    """A complete, real date written back as ``2024-03-05`` (the guide's short form)."""
    date = tree.get("date") if isinstance(tree, dict) else None
    if isinstance(date, dict) and set(date) == {"year", "month", "day"}:
        with contextlib.suppress(TypeError, ValueError):
            tree["date"] = dt.date(int(date["year"]), int(date["month"]), int(date["day"]))
