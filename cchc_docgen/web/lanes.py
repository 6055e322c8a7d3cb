"""One conversion lane: a warm LibreOffice run by a UNO worker (``uno_worker.py``) in a process group of its
own, with its own LibreOffice profile and its own queue of answers.

The converter keeps a few lanes and hands them out in turns (``Turns``); a lane serves one conversion at a
time. Past a conversion's time limit the lane's whole process group is killed; the lane starts a fresh worker
on its next use.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path


class Lane:
    """A warm LibreOffice (worker process group + profile + answer queue), started on demand."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.lock = threading.Lock()  # guards starting and stopping the worker
        self.proc: subprocess.Popen[str] | None = None
        self.profile: Path | None = None
        self._answers: queue.Queue[str] = queue.Queue()

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self, python: str, worker: Path, soffice: str, seconds: float) -> bool:
        """Start the worker (lock held) unless it runs; False when it did not answer "ready" in ``seconds``."""
        if self.running():
            return True
        self.proc = None
        self.profile = Path(tempfile.mkdtemp(prefix=f"cchc-lo{self.number + 1}-"))
        # its own process group: LibreOffice (the worker's child) is stopped with it, never left orphaned
        proc = subprocess.Popen([python, str(worker), soffice, str(self.profile)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
                                start_new_session=os.name == "posix")
        self.proc = proc  # from now on, kill() reaches it
        self._answers = _read_lines(proc)
        if '"ready"' not in self._answer(seconds):
            self.stop(proc)
            return False
        return True

    def convert(self, proc: subprocess.Popen[str], docx: Path, pdf: Path, seconds: float) -> str:
        """Ask ``proc`` (this lane's worker) for ``pdf``: its answer line, ``""`` when it ended, ``"timeout"``
        past ``seconds`` (the caller then stops the lane ``at_once``)."""
        assert proc.stdin is not None
        try:
            proc.stdin.write(json.dumps({"in": str(docx), "out": str(pdf)}) + "\n")
            proc.stdin.flush()
            return self._answer(seconds)
        except OSError:
            return ""

    def _answer(self, seconds: float) -> str:
        """The worker's next line, ``""`` when it ended, ``"timeout"`` past ``seconds``."""
        try:
            return self._answers.get(timeout=seconds)
        except queue.Empty:
            return "timeout"

    def kill(self) -> None:
        """Kill the lane's process group at once, from any thread."""
        proc = self.proc
        if proc is not None:
            kill_group(proc)

    def stop(self, proc: subprocess.Popen[str], at_once: bool = False) -> None:
        """End the worker (lock held): ask it to quit (close its input), or kill its group ``at_once`` (a
        conversion that ran past its limit); its LibreOffice goes with the group either way."""
        if at_once:
            kill_group(proc)
        with contextlib.suppress(OSError):
            if proc.stdin:
                proc.stdin.close()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            proc.wait()
        else:
            kill_group(proc)  # the worker ended; a LibreOffice it could not stop goes with its group
        if self.proc is proc:
            self.proc = None
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)


def _read_lines(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    """The worker's output lines, read by a thread so that a wait for an answer can time out; ``""`` at end."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        with contextlib.suppress(OSError, ValueError):
            for line in proc.stdout:
                lines.put(line)
        lines.put("")

    threading.Thread(target=read, daemon=True, name="uno-answers").start()
    return lines


def kill_group(proc: subprocess.Popen[str]) -> None:
    """Kill the worker and LibreOffice, its child (the whole process group on POSIX)."""
    with contextlib.suppress(OSError):
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
