"""Live processes seen through /proc (Linux): what the tests use to prove nothing was left running."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path


def _state(pid: int | str) -> str | None:
    """The state letter of ``pid`` ("Z" for a zombie), ``None`` when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def _live() -> Iterator[tuple[int, str]]:
    """(pid, command line with spaces) of every live, not zombie, process but this one."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        state = _state(entry)
        if state is not None and state != "Z":
            yield int(entry), cmdline


def alive_pids(*markers: str) -> list[int]:
    """Pids of live processes whose command line contains every one of ``markers``."""
    return [pid for pid, cmdline in _live() if all(m in cmdline for m in markers)]


def alive_processes(marker: str) -> list[str]:
    """"pid: command line" of live processes whose command line contains ``marker`` (for messages)."""
    return [f"{pid}: {cmdline}" for pid, cmdline in _live() if marker in cmdline]


def pid_alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie counts as dead)."""
    state = _state(pid)
    return state is not None and state != "Z"
