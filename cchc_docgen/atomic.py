"""Atomic writes that follow the umask, and the clean-up of temporary files a killed run left behind.

A file is written to a temporary name beside its target, flushed to disk, given the permissions a plain
``open()`` would give (``0666 & ~umask``; ``mkstemp`` alone would make it private, 0600), then renamed over
the target in one step. The temporary name carries the writer's process id, so a later run can tell the
leftovers of a dead process from the files of a run still going, and remove them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cchc_docgen.oserrors import os_problem

TMP_SUFFIX = ".cchc-tmp"
_TMP_NAME = re.compile(r"^\..*\.(\d+)\.[^.]*" + re.escape(TMP_SUFFIX) + r"$")
#: A temporary file whose owner cannot be identified is removed once it is this old (seconds).
STALE_AGE = 24 * 3600
#: Prefix of the scratch folders in the system temp folder (followed by the owner's pid).
SCRATCH_PREFIX = "cchc-docgen-"

def file_mode() -> int:
    """``0666 & ~umask``: what ``open()`` would create (the umask is read once, at import, before any thread)."""
    return 0o666 & ~_UMASK


def _read_umask() -> int:
    """The process umask, read without changing it where the system allows (threads may be creating files)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def temp_path(target: Path) -> Path:
    """A fresh temporary name beside ``target``, marked with our pid."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name[:80]}.{os.getpid()}.", suffix=TMP_SUFFIX, dir=target.parent)
    os.close(fd)
    return Path(name)


def write_atomic(target: Path, write: Callable[[Path], object], *, durable: bool = True,
                 before_replace: Callable[[Path], object] | None = None) -> None:
    """Call ``write(tmp)`` to fill a temporary file, then put it in place of ``target`` in one step.

    On any failure ``target`` is untouched and the temporary file is gone; an ``OSError`` becomes an
    ``EnvironmentProblem`` with advice (full disk, read-only folder…). ``durable`` flushes the data to the
    disk before the rename (``fsync``), so even a power cut leaves the old or the new file, never an empty one;
    only bookkeeping whose loss is harmless may skip it. ``before_replace(tmp)`` runs when the temporary file
    is complete, just before the rename (to record it as ours first).
    """
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.parent.is_dir():
            raise NotADirectoryError(20, "Not a directory", str(target.parent))
        tmp = temp_path(target)
        write(tmp)
        if durable:
            with open(tmp, "rb+") as written:
                os.fsync(written.fileno())
        os.chmod(tmp, file_mode())
        if before_replace is not None:
            before_replace(tmp)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise os_problem(exc, target if exc.errno != 20 else target.parent) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def write_bytes_atomic(target: Path, data: bytes, *, durable: bool = True) -> None:
    write_atomic(target, lambda tmp: tmp.write_bytes(data), durable=durable)


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_stale(folder: Path) -> int:
    """Remove our temporary files in ``folder`` whose writer is dead (or that are very old); return how many."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        match = _TMP_NAME.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AGE
        except OSError:
            continue
        if old or not pid_alive(int(match.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def scratch_dir(kind: str) -> Path:
    """A private scratch folder in the system temp folder, named after our pid (see ``clean_scratch``)."""
    clean_scratch()
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{kind}-{os.getpid()}-"))


def clean_scratch(on_dead: Callable[[Path], None] | None = None) -> int:
    """Remove scratch folders of dead runs; ``on_dead(folder)`` runs first (e.g. to stop their LibreOffice)."""
    base = Path(tempfile.gettempdir())
    pattern = re.compile(re.escape(SCRATCH_PREFIX) + r"[a-z]+-(\d+)-")
    removed = 0
    try:
        entries = list(os.scandir(base))
    except OSError:
        return 0
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_dir(follow_symlinks=False) or pid_alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            if os.stat(entry.path, follow_symlinks=False).st_uid != os.getuid():
                continue
        if on_dead is not None:
            with contextlib.suppress(Exception):
                on_dead(Path(entry.path))
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += 1
    return removed
