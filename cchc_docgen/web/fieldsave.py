"""Saving one field of a document at a time: merged with other people's changes, refused on a real conflict.

Each change carries the text the field had when the browser last knew it (``base``) and the file version it
was based on. The change is written when the field on disk still has that text (other fields may have changed
meanwhile: they are kept, so changes to different fields merge); when the field on disk holds a third text,
nothing is written and both texts go back to the page. Parsed files are kept in memory per version, and only
the changed part of the YAML text is written again (``splice``), so a save of a long report stays fast.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_docgen.atomic import write_bytes_atomic as write_atomic
from cchc_docgen.errors import Problem
from cchc_docgen.models import Document
from cchc_docgen.web import store
from cchc_docgen.web.editorview import DEFAULTS
from cchc_docgen.web.figures import figure
from cchc_docgen.web.splice import Chunk, Spliced
from cchc_docgen.web.treeedit import KINDS, EditError, _normal, apply_form, get, kind_at, parse_path, shown
from cchc_docgen.web.wording import plain
from cchc_docgen.yamlio import parse_roundtrip, plain_data


class Unreadable(Exception):
    """The file's YAML cannot be parsed, so it cannot be edited field by field."""


@dataclass
class Cached:
    version: str
    spliced: Spliced
    loaded: store.Loaded


@dataclass
class Outcome:
    """``status``: ``saved``, ``merged`` (others had changed other fields), ``same``, ``conflict`` or ``moved``
    (the page was built before items were added, moved or removed: it must be reloaded first)."""

    status: str
    loaded: store.Loaded
    value: str
    theirs: str = ""


_cache: dict[Path, Cached] = {}
#: file → versions that differ from each other only by field saves (list items are where they were)
_shapes: dict[Path, set[str]] = {}
#: file → versions from before a structure change made on the page (their box positions may be stale)
_moved: dict[Path, set[str]] = {}
_guard = threading.Lock()


def structure_changed(path: Path) -> None:
    """Call after a structure button rewrote ``path``: pages built before it must reload before saving."""
    key = path.resolve()
    with _guard:
        _moved.setdefault(key, set()).update(_shapes.pop(key, set()))


def displayed(tree: Any, name: str) -> str:
    """The text a field named ``kind:path`` shows for ``tree`` (a choice left out shows its default)."""
    kind, _, dotted = name.partition(":")
    parts = parse_path(dotted)
    kind = kind_at(kind, parts)
    value = get(tree, parts)
    if value is None and str(parts[-1]) in DEFAULTS:
        return DEFAULTS[str(parts[-1])]
    return _normal(kind, shown(kind, value))


def _current(path: Path) -> Cached:
    raw = path.read_bytes()
    version = store.version_of(raw)
    key = path.resolve()
    cached = _cache.get(key)
    if cached is not None and cached.version == version:
        return cached
    text = raw.decode("utf-8-sig", errors="replace")
    try:
        tree = parse_roundtrip(text)
    except Exception:  # ruamel raises many types; the page says the file has a YAML error
        tree = None
    doc, problems = store.validate(text, path.name)
    spliced = Spliced.of(tree, text) if isinstance(tree, dict) else Spliced(tree, Chunk((), 0, text=text))
    cached = Cached(version, spliced, store.Loaded(path, text, version, tree, doc, problems))
    with _guard:
        _cache[key] = cached
        shapes = _shapes.setdefault(key, set())
        if version not in shapes:
            shapes.clear()
            shapes.add(version)
    return cached


def prime(path: Path) -> None:
    """Parse ``path`` ahead of the first save (called when the editor opens; a failure only costs time)."""
    try:
        with store._lock(path):
            _current(path)
    except Exception:  # best effort: the save reads the file again and reports any problem
        return


def values(path: Path, names: list[str]) -> tuple[str, dict[str, str]]:
    """The file's version and the text of each field in ``names`` as on disk."""
    with store._lock(path):
        cached = _current(path)
    tree = cached.spliced.tree
    if not isinstance(tree, dict):
        raise Unreadable
    out: dict[str, str] = {}
    for name in names[:20000]:
        if name.partition(":")[0] in KINDS:
            try:
                out[name] = displayed(tree, name)
            except EditError:
                continue
    return cached.version, out


def same_shape(path: Path, version: str) -> bool:
    """True when the file now differs from ``version`` only by field saves (list positions unchanged)."""
    with store._lock(path):
        current = _current(path).version
    return version == current or version in _shapes.get(path.resolve(), set())


def save_field(path: Path, name: str, value: str, base: str, version: str) -> Outcome:
    """Write field ``name`` (``kind:dotted.path``) = ``value`` unless someone else changed that same field."""
    kind, _, dotted = name.partition(":")
    if kind not in KINDS:
        raise EditError(name)
    parts = parse_path(dotted)
    kind = kind_at(kind, parts)
    if kind == "n":
        figure(value)  # a figure that is not a number is refused (BadValue) before anything is touched
    with store._lock(path):
        cached = _current(path)
        tree = cached.spliced.tree
        if not isinstance(tree, dict):
            raise Unreadable
        if version in _moved.get(path.resolve(), set()):
            return Outcome("moved", cached.loaded, _normal(kind, value))
        now = displayed(tree, name)
        if _normal(kind, value) == now:
            return Outcome("same", cached.loaded, now)
        if _normal(kind, base) != now:
            return Outcome("conflict", cached.loaded, _normal(kind, value), theirs=now)
        key = path.resolve()
        try:
            # an emptied field removes its key: the part holding the key is written again
            chunk = cached.spliced.prepare(parts if _normal(kind, value) else parts[:-1])
            apply_form(tree, {name: value}, DEFAULTS)
            text = cached.spliced.redo(chunk)
            data = text.encode("utf-8")
            write_atomic(path, data)
        except BaseException:
            _cache.pop(key, None)  # the tree in memory may be half changed: read the file again next time
            raise
        new_version = store.version_of(data)
        doc, problems = _validate(tree, text, path.name)
        loaded = store.Loaded(path, text, new_version, tree, doc, problems)
        with _guard:
            _cache[key] = Cached(new_version, cached.spliced, loaded)
            shapes = _shapes.setdefault(key, set())
            shapes.add(cached.version)
            shapes.add(new_version)
    status = "saved" if version == cached.version else "merged"
    return Outcome(status, loaded, displayed(tree, name))


def _validate(tree: Any, text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """The document from the tree in memory (no second YAML parse); the loader's messages when it has problems."""
    try:
        return Document.model_validate(plain_data(tree)), []
    except Exception:  # any problem: the loader reads the text again and words every message, with lines
        return store.validate(text, file)


_KEY = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def dotted(key: str) -> str:
    """The loader's key ``body[2].items[1].title`` as a form path ``body.1.items.0.title``."""
    parts = []
    for name, index in _KEY.findall(key):
        parts.append(str(int(index) - 1) if index else name)
    return ".".join(parts)


def problem_list(problems: list[Problem]) -> list[dict[str, Any]]:
    return [{"path": dotted(p.key), "line": p.line, "message": plain(p.message)} for p in problems]
