"""DOCX → PDF → PNG pages for previews, with a warm LibreOffice when one can be kept running.

``Converter.to_pdf`` sends the file to a long-running LibreOffice (``uno_worker.py`` run by a Python that
has LibreOffice's ``uno`` module, e.g. Debian's ``python3-uno``); without one it falls back to
``cchc_docgen.pdf.convert_one`` (a fresh LibreOffice per file: correct, about two seconds slower).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from cchc_docgen.pdf import PdfError, convert_one, find_soffice

WORKER = Path(__file__).with_name("uno_worker.py")
CANDIDATE_PYTHONS = ("/usr/bin/python3", "/usr/local/bin/python3", "python3", sys.executable)
TIMEOUT = 60.0


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
    """One warm LibreOffice shared by all requests (one conversion at a time), started on first use."""

    def __init__(self, warm: bool = True) -> None:
        self.warm = warm
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[str] | None = None
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
        assert proc.stdout is not None
        ready = proc.stdout.readline()
        if '"ready"' not in ready:
            self._stop(proc)
            self._failed = True
            return None
        self._proc = proc
        return proc

    def warm_up(self) -> bool:
        with self._lock:
            return self._start() is not None

    def to_pdf(self, docx: Path) -> Path:
        """Convert ``docx`` to the PDF beside it; ``PdfError`` with a Vietnamese message on failure."""
        pdf = docx.with_suffix(".pdf")
        with self._lock:
            proc = self._start()
            if proc is not None:
                assert proc.stdin is not None and proc.stdout is not None
                try:
                    proc.stdin.write(json.dumps({"in": str(docx), "out": str(pdf)}) + "\n")
                    proc.stdin.flush()
                    answer = json.loads(proc.stdout.readline() or "{}")
                except (OSError, ValueError):
                    answer = {}
                if answer.get("ok") and pdf.is_file():
                    return pdf
                self._stop(proc)  # a broken worker is replaced on the next call
            if self._closed:
                raise PdfError("máy chủ đang dừng nên không chuyển sang PDF; hãy thử lại khi máy chủ chạy lại")
        return convert_one(docx)

    def kill(self) -> None:
        """Stop LibreOffice at once, from any thread (server shutdown): a conversion under way fails."""
        self._closed = self._failed = True
        proc = self._proc
        if proc is not None:
            _kill_group(proc)

    def _stop(self, proc: subprocess.Popen[str]) -> None:
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
        self._proc = None
        if self._profile:
            shutil.rmtree(self._profile, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            if self._proc is not None:
                self._stop(self._proc)


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
