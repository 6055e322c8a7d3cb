"""Output bookkeeping: regenerate our own files freely, never clobber a file the user changed.

A small state file in the output folder remembers the SHA-256 of every file we wrote. An existing output
is overwritten only when it is still exactly what we wrote (or with ``--force``).

The state file is shared by every process writing into the folder (the ``-j`` workers, two runs at once),
so each update holds an exclusive lock (``.cchc-docgen.lock``) across read-modify-write and replaces the
file atomically: a crash, a kill or a full disk leaves the old state whole, never a truncated one. Neither
file is followed when it is a symbolic link: a link is read as "no state" and replaced by a plain file, so
nothing outside the output folder is ever written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from cchc_docgen.atomic import file_mode, write_bytes_atomic
from cchc_docgen.errors import OutputExists
from cchc_docgen.oserrors import os_problem

STATE_FILE = ".cchc-docgen.json"
LOCK_FILE = ".cchc-docgen.lock"
_MAX_STATE_BYTES = 16 * 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a link, FIFO, device) of at most ``limit`` bytes."""
    if path.is_symlink():
        return None
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        return f.read(limit + 1)


def _state(folder: Path) -> dict[str, str | list[str]]:
    """File name → the SHA-256 of what we wrote, or, while a replacement is under way, the old and the new one."""
    raw = _read_regular(folder / STATE_FILE, _MAX_STATE_BYTES)
    if raw is None:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(d) for d in v] if isinstance(v, list) else str(v) for k, v in data.items()}


def _ours(state: dict[str, str | list[str]], name: str) -> set[str]:
    value = state.get(name)
    return set(value) if isinstance(value, list) else {value} if value else set()


def _update(folder: Path, changes: dict[str, str | list[str]]) -> None:
    with _locked(folder):
        state = _state(folder)
        state.update(changes)
        data = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        # Not fsynced: after a power cut a lost record only makes the next run refuse to replace a file
        # (asking for --force), never replace one the user edited; the documents themselves are fsynced.
        write_bytes_atomic(folder / STATE_FILE, data, durable=False)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the folder's lock (waiting for other writers); the lock file is never a followed link."""
    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | _NOFOLLOW, file_mode())
    except OSError as exc:
        raise os_problem(exc, folder / LOCK_FILE) from None
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def ensure_replaceable(path: Path, force: bool = False) -> None:
    """Raise ``OutputExists`` when ``path`` exists and was not written by us as it is now."""
    if force or not (path.exists() or path.is_symlink()):
        return
    if not path.is_symlink() and path.is_file() and digest(path) in _ours(_state(path.parent), path.name):
        return
    raise OutputExists(
        f"tệp '{path}' đã có sẵn và đã được sửa sau lần tạo trước (hoặc không do cchc-docgen tạo), "
        "nên chương trình không ghi đè để khỏi mất phần bạn đã sửa. Hãy đổi tên tệp đó, chọn thư mục khác "
        "bằng -o, hoặc chạy lại với --force nếu chắc chắn muốn ghi đè."
    )


def expect(path: Path, new: Path) -> None:
    """Before ``new`` (a finished temporary file) replaces ``path``: accept both the old and the new content.

    Called just before the rename, so a process killed between the rename and ``remember`` (a worker stopped
    by SIGTERM or SIGKILL, a crash) leaves an output the next run still knows as its own.
    """
    accepted = sorted(_ours(_state(path.parent), path.name) | {digest(new)})
    _update(path.parent, {path.name: accepted})


def remember_many(paths: Iterable[Path]) -> None:
    """Record the files we just wrote (grouped by folder; one locked, atomic update per folder)."""
    by_folder: dict[Path, dict[str, str | list[str]]] = {}
    for path in paths:
        by_folder.setdefault(path.parent, {})[path.name] = digest(path)
    for folder, digests in by_folder.items():
        _update(folder, digests)


def remember(path: Path) -> None:
    """Record the file we just wrote."""
    remember_many([path])
