"""A full disk, by fault injection (works without root or mount rights, in CI too).

``full_disk(monkeypatch, folder, free)`` makes files opened for writing under ``folder`` accept ``free`` bytes
in all, then fail as the kernel does (``OSError(ENOSPC)``, after writing what fitted). Files elsewhere and
reads are untouched. ``shutil.copyfile``'s ``sendfile`` fast path is turned off so that copies write through
the same budget.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest


class _Budget:
    def __init__(self, free: int) -> None:
        self.free = free

    def take(self, n: int) -> int:
        granted = max(0, min(n, self.free))
        self.free -= granted
        return granted


class _Writer:
    """A file object whose writes come out of the budget; everything else is the real file's."""

    def __init__(self, real: Any, budget: _Budget, binary: bool) -> None:
        self._real, self._budget, self._binary = real, budget, binary

    def write(self, data: Any) -> int:
        size = len(data if self._binary else str(data).encode("utf-8"))
        granted = self._budget.take(size)
        if granted < size:
            if self._binary and granted:
                self._real.write(bytes(data[:granted]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), getattr(self._real, "name", None))
        return int(self._real.write(data))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()

    def __iter__(self) -> Any:
        return iter(self._real)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def full_disk(monkeypatch: pytest.MonkeyPatch, folder: Path, free: int = 0) -> None:
    """Writes under ``folder`` fail with ENOSPC past ``free`` bytes (for the rest of the test)."""
    budget = _Budget(free)
    real_open = io.open
    root = str(folder.resolve())

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        if isinstance(file, (str, os.PathLike)) and any(c in mode for c in "wax+"):
            path = os.path.abspath(os.fspath(file))
            if path == root or path.startswith(root + os.sep):
                return _Writer(handle, budget, "b" in mode)
        return handle

    def no_sendfile(*args: Any, **kwargs: Any) -> int:
        raise OSError(errno.EINVAL, "sendfile off for the full-disk test")

    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "sendfile", no_sendfile, raising=False)
