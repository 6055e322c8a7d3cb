"""Document files: read with a version, validate, save atomically with conflict detection.

The version of a file is the SHA-256 of its bytes. An editor form carries the version it was built from; a
save whose version no longer matches the file (someone else saved, or the file changed on disk) is refused,
and the user's changes are kept as a draft under ``.cchc/drafts/`` so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_docgen.atomic import write_bytes_atomic as write_atomic
from cchc_docgen.errors import InputError, Problem
from cchc_docgen.loader import document_from as _document_from
from cchc_docgen.loader import read_yaml
from cchc_docgen.models import Document
from cchc_docgen.yamlio import dump_roundtrip, parse_roundtrip

_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock(path: Path) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(path.resolve(), threading.Lock())


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


@dataclass
class Loaded:
    """A document file as the editor needs it."""

    path: Path
    text: str
    version: str
    tree: Any  # round-trip tree (comments kept); None when the YAML cannot be parsed
    document: Document | None
    problems: list[Problem] = field(default_factory=list)


class Conflict(Exception):
    """The file changed since the form was built; ``draft`` is where the user's version was kept."""

    def __init__(self, draft: Path | None) -> None:
        super().__init__("conflict")
        self.draft = draft


def validate(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """The document and no problems, or ``None`` and every problem (with key paths and lines)."""
    result = read_yaml(text, file)
    try:
        return _document_from(result, file), []
    except InputError as exc:
        return None, exc.problems or [Problem(file, None, "", exc.message)]


def load(path: Path) -> Loaded:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    try:
        tree = parse_roundtrip(text)
    except Exception:  # ruamel raises many types; the loader reports the same problem with its line
        tree = None
    doc, problems = validate(text, path.name)
    return Loaded(path, text, version_of(raw), tree, doc, problems)


#: file → the versions written through the web page: (version, session that wrote it, structural change?)
_history: dict[Path, list[tuple[str, str, bool]]] = {}


class Stale(Exception):
    """A field-only save built before this browser's own structural change: already covered by that save."""


def _still_mine(path: Path, version: str, current: str, writer: str, structural: bool) -> bool:
    """True when every save after ``version`` was made by ``writer`` and the file is as it left it.

    A browser that saves on every change may send a request built before its previous save came back; that is
    not a conflict as long as nobody else (another person, an editor on disk) touched the file in between.
    Raises ``Stale`` for a field-only request overtaken by the same browser's structural change.
    """
    chain = _history.get(path.resolve(), [])
    versions = [v for v, _, _ in chain]
    if version not in versions or not chain or chain[-1][0] != current:
        return False
    later = chain[versions.index(version) + 1 :]
    if not all(w == writer for _, w, _ in later):
        return False
    if any(s for _, _, s in later):
        if structural:
            return False
        raise Stale
    return True


def save(path: Path, tree: Any, version: str, drafts: Path, writer: str = "", structural: bool = False) -> Loaded:
    """Write ``tree`` to ``path`` if the file is still at ``version``; else keep it as a draft, raise Conflict."""
    text = dump_roundtrip(tree)
    with _lock(path):
        current = version_of(path.read_bytes() if path.exists() else b"")
        if current != version and not (writer and _still_mine(path, version, current, writer, structural)):
            raise Conflict(keep_draft(path, text, drafts))
        data = text.encode("utf-8")
        write_atomic(path, data)
        chain = _history.setdefault(path.resolve(), [])
        if not chain or chain[-1][0] != current:
            chain.append((current, "", False))
        chain.append((version_of(data), writer, structural))
        del chain[:-50]
    return load(path)


def free_name(folder: Path, stem: str) -> Path:
    """``folder/stem.yaml``, or ``stem-2.yaml``, … when taken (a new document never replaces one)."""
    stem = stem[:80]
    candidate, n = folder / f"{stem}.yaml", 2
    while candidate.exists():
        candidate, n = folder / f"{stem}-{n}.yaml", n + 1
    return candidate


def create(path: Path, text: str) -> None:
    """Write a new document file; never replaces one (``FileExistsError``)."""
    with _lock(path):
        if path.exists():
            raise FileExistsError(path)
        write_atomic(path, text.encode("utf-8"))


def keep_draft(path: Path, text: str, drafts: Path) -> Path | None:
    """Save ``text`` as ``drafts/<stem>-<time>.yaml`` and return it (``None`` when it cannot be written)."""
    try:
        drafts.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        draft = drafts / f"{path.stem}-{stamp}.yaml"
        write_atomic(draft, text.encode("utf-8"))
        return draft
    except (OSError, InputError):  # InputError: the atomic writer's advice for a full disk…
        return None
