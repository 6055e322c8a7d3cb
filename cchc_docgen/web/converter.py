"""DOCX → PDF → PNG pages for previews, with a warm LibreOffice when one can be kept running.

``Converter.to_pdf`` sends the file to a long-running LibreOffice (``uno_worker.py`` run by a Python that
has LibreOffice's ``uno`` module, e.g. Debian's ``python3-uno``); without one it falls back to
``cchc_docgen.pdf.convert_one`` (a fresh LibreOffice per file: correct, about two seconds slower).

Every conversion has a time limit (``CONVERT_SECONDS``): past it the worker and its LibreOffice are killed as
one process group, the user is told what to do, and the next request starts a fresh one. Requests take turns
round-robin between users (``Turns``), so one user's huge document delays another's preview by at most one
limit.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from cchc_docgen.pdf import PdfError, convert_one, find_soffice
from cchc_docgen.web.turns import Turns

WORKER = Path(__file__).with_name("uno_worker.py")
CANDIDATE_PYTHONS = ("/usr/bin/python3", "/usr/local/bin/python3", "python3", sys.executable)
#: Seconds for one page image (pdftoppm), for one DOCX → PDF conversion, and for LibreOffice to start.
TIMEOUT = 60.0
CONVERT_SECONDS = 60.0
START_SECONDS = 60.0


class ConversionTimeout(PdfError):
    """A conversion ran past its time limit and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"văn bản cần quá {seconds:g} giây để chuyển nên máy chủ đã dừng việc này (văn bản có "
                         "thể rất dài, chẳng hạn một bảng hàng nghìn dòng); hãy tách bớt nội dung (chia bảng dài "
                         "thành nhiều phụ lục hoặc nhiều văn bản) rồi xem trước lại")


def uno_python() -> str | None:
    """A Python that can ``import uno`` (tried once per process)."""
    for candidate in dict.fromkeys(CANDIDATE_PYTHONS):
        exe = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if not exe:
            continue
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            done = subprocess.run([exe, "-c", "import uno"], capture_output=True, timeout=20)
            if done.returncode == 0:
                return exe
    return None


class Converter:
    """One warm LibreOffice shared by all requests (one conversion at a time, in turns between users, each
    within ``seconds``), started on first use."""

    def __init__(self, warm: bool = True, seconds: float = CONVERT_SECONDS) -> None:
        self.warm = warm
        self.seconds = seconds
        self._turns = Turns()
        self._lock = threading.Lock()  # guards starting and stopping the worker
        self._proc: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[str] = queue.Queue()
        self._profile: Path | None = None
        self._failed = False
        self._closed = False

    def _start(self) -> subprocess.Popen[str] | None:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self._proc = None
        if self._failed or not self.warm:
            return None
        soffice, python = find_soffice(), uno_python()
        if not soffice or not python:
            self._failed = True
            return None
        self._profile = Path(tempfile.mkdtemp(prefix="cchc-lo-"))
        # its own process group: LibreOffice (the worker's child) is stopped with it, never left orphaned
        proc = subprocess.Popen([python, str(WORKER), soffice, str(self._profile)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
                                start_new_session=os.name == "posix")
        self._answers = _read_lines(proc)
        if '"ready"' not in self._answer(START_SECONDS):
            self._stop(proc)
            self._failed = True
            return None
        self._proc = proc
        return proc

    def _answer(self, seconds: float) -> str:
        """The worker's next line, ``""`` when it ended, ``"timeout"`` past ``seconds``."""
        try:
            return self._answers.get(timeout=seconds)
        except queue.Empty:
            return "timeout"

    def warm_up(self) -> bool:
        with self._lock:
            return self._start() is not None

    def to_pdf(self, docx: Path, who: str = "") -> Path:
        """Convert ``docx`` to the PDF beside it, in ``who``'s turn; ``PdfError`` with a Vietnamese message on
        failure (``ConversionTimeout`` past the time limit: the worker is killed and restarted next time)."""
        pdf = docx.with_suffix(".pdf")
        with self._turns.turn(who):
            with self._lock:
                proc = self._start()
            if proc is not None:
                assert proc.stdin is not None
                try:
                    proc.stdin.write(json.dumps({"in": str(docx), "out": str(pdf)}) + "\n")
                    proc.stdin.flush()
                    line = self._answer(self.seconds)
                except OSError:
                    line = ""
                if line == "timeout":
                    with self._lock:
                        self._stop(proc, at_once=True)
                    raise ConversionTimeout(self.seconds)
                with contextlib.suppress(ValueError):
                    if json.loads(line or "{}").get("ok") and pdf.is_file():
                        return pdf
                with self._lock:
                    self._stop(proc)  # a broken worker is replaced on the next call
            if self._closed:
                raise PdfError("máy chủ đang dừng nên không chuyển sang PDF; hãy thử lại khi máy chủ chạy lại")
            return convert_one(docx, timeout=self.seconds)  # its own limit and message

    def kill(self) -> None:
        """Stop LibreOffice at once, from any thread (server shutdown): a conversion under way fails."""
        self._closed = self._failed = True
        proc = self._proc
        if proc is not None:
            _kill_group(proc)

    def _stop(self, proc: subprocess.Popen[str], at_once: bool = False) -> None:
        """End the worker: ask it to quit (close its input), or kill its group ``at_once`` (a conversion that
        ran past its limit); its LibreOffice goes with the group either way."""
        if at_once:
            _kill_group(proc)
        with contextlib.suppress(OSError):
            if proc.stdin:
                proc.stdin.close()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            proc.wait()
        else:
            _kill_group(proc)  # the worker ended; a LibreOffice it could not stop goes with its group
        if self._proc is proc:
            self._proc = None
        if self._profile:
            shutil.rmtree(self._profile, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            if self._proc is not None:
                self._stop(self._proc)


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


def _kill_group(proc: subprocess.Popen[str]) -> None:
    """Kill the worker and LibreOffice, its child (the whole process group on POSIX)."""
    with contextlib.suppress(OSError):
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()


def pdf_to_pngs(pdf: Path, out_dir: Path, dpi: int = 60) -> list[Path]:
    """Each page of ``pdf`` as ``out_dir/page-N.png`` (poppler's pdftoppm)."""
    exe = shutil.which("pdftoppm")
    if not exe:
        raise PdfError("Chưa cài pdftoppm (gói poppler-utils) nên không xem trước được; hãy tải tệp PDF.")
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([exe, "-png", "-r", str(dpi), str(pdf), str(out_dir / "page")], check=True,
                   capture_output=True, timeout=TIMEOUT)
    return sorted(out_dir.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
