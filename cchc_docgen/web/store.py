"""Document files: read with a version, validate, save atomically with conflict detection.

The version of a file is the SHA-256 of its bytes. An editor form carries the version it was built from; a
save whose version no longer matches the file (someone else saved, or the file changed on disk) is refused,
and the user's changes are kept as a draft under ``.cchc/drafts/`` so nothing is lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_docgen import limits
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
    return _validated(read_yaml(text, file), file)


def _validated(result: Any, file: str) -> tuple[Document | None, list[Problem]]:
    try:
        return _document_from(result, file), []
    except InputError as exc:
        return None, exc.problems or [Problem(file, None, "", exc.message)]


def read_bounded(path: Path) -> bytes:
    """The bytes of a document file, never through a symlink, never more than the loader's size limit + 1."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"not a regular file: {path}")
        return handle.read(limits.MAX_INPUT_BYTES + 1)


def load(path: Path) -> Loaded:
    """The file read and validated under the CLI loader's limits (size, nesting, aliases, nodes) before the
    round-trip parser (which has none) sees it."""
    raw = read_bounded(path)
    if len(raw) > limits.MAX_INPUT_BYTES:
        problem = Problem(path.name, None, "", f"tệp lớn hơn {limits.megabytes(limits.MAX_INPUT_BYTES)}, quá giới hạn "
                                               "của một kế hoạch; hãy chia thành nhiều tệp.")
        return Loaded(path, "", version_of(raw), None, None, [problem])
    text = raw.decode("utf-8-sig", errors="replace")
    result = read_yaml(text, path.name)
    tree = None
    if result.data is not None:  # within the limits: the round-trip parse is safe
        try:
            tree = parse_roundtrip(text)
        except Exception:  # ruamel raises many types; the loader reports the same problem with its line
            tree = None
    doc, problems = _validated(result, path.name)
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


#: Drafts kept per document, per unit folder (count and bytes) and in all: the oldest go first. Past the global
#: cap the unit holding the most bytes loses its oldest draft, so one unit filling its quota never costs another
#: unit its drafts.
DRAFTS_PER_DOCUMENT = 20
DRAFTS_PER_UNIT = 100
DRAFTS_UNIT_BYTES = 50 * 1024 * 1024
DRAFTS_TOTAL = 500
DRAFTS_BYTES = 200 * 1024 * 1024
#: Sub-folder of the drafts folder for documents at the top of the data folder (no unit; never a unit's name,
#: which cannot start with a dot).
TOP_DRAFTS = ".chung"


@dataclass(order=True)
class _Draft:
    mtime: int
    name: str
    size: int
    path: Path


def _drafts_in(folder: Path) -> list[_Draft]:
    """The drafts of one unit folder, newest first (symlinks and other entries ignored)."""
    found = []
    for item in folder.glob("*.yaml") if folder.is_dir() and not folder.is_symlink() else ():
        with contextlib.suppress(OSError):
            info = item.lstat()
            if stat.S_ISREG(info.st_mode):
                found.append(_Draft(info.st_mtime_ns, item.name, info.st_size, item))
    return sorted(found, reverse=True)


def _remove(draft: _Draft) -> None:
    with contextlib.suppress(OSError):
        draft.path.unlink()


def prune_drafts(drafts: Path, unit: Path, stem: str) -> None:
    """Remove the oldest drafts past the quotas (repeated conflicting saves must not fill the disk): per document
    and per unit folder ``unit`` first, then the global cap taken from whichever unit holds the most bytes."""
    total, mine, kept = 0, 0, []
    for n, draft in enumerate(_drafts_in(unit), 1):
        own = draft.name.startswith(f"{stem}-") and draft.name[len(stem) + 1:len(stem) + 2].isdigit()
        mine += own
        total += draft.size
        if (own and mine > DRAFTS_PER_DOCUMENT) or n > DRAFTS_PER_UNIT or total > DRAFTS_UNIT_BYTES:
            _remove(draft)
        else:
            kept.append(draft)
    units = {folder: _drafts_in(folder) for folder in drafts.iterdir() if folder.is_dir()}
    units[unit] = kept
    count = sum(len(v) for v in units.values())
    size = sum(d.size for v in units.values() for d in v)
    while count > DRAFTS_TOTAL or size > DRAFTS_BYTES:
        biggest = max((v for v in units.values() if v), key=lambda v: sum(d.size for d in v))
        oldest = biggest.pop()
        _remove(oldest)
        count, size = count - 1, size - oldest.size


def draft_folder(path: Path, drafts: Path) -> Path:
    """Where drafts of ``path`` go: ``drafts/<unit folder>`` (``drafts/.chung`` for the data folder's top)."""
    data = drafts.parent.parent  # drafts = DATA/.cchc/drafts
    parent = path.parent
    with contextlib.suppress(OSError):
        if parent.resolve() == data.resolve():
            return drafts / TOP_DRAFTS
    return drafts / parent.name


def keep_draft(path: Path, text: str, drafts: Path) -> Path | None:
    """Save ``text`` as ``drafts/<unit>/<stem>-<time>.yaml`` and return it (``None`` when it cannot be written)."""
    try:
        folder = draft_folder(path, drafts)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        draft = folder / f"{path.stem}-{stamp}.yaml"
        write_atomic(draft, text.encode("utf-8"))
        prune_drafts(drafts, folder, path.stem)
        return draft
    except (OSError, InputError):  # InputError: the atomic writer's advice for a full disk…
        return None
