"""DOCX → PDF → PNG pages for previews, with a warm LibreOffice when one can be kept running.

``Converter.to_pdf`` sends the file to a long-running LibreOffice (``uno_worker.py`` run by a Python that
has LibreOffice's ``uno`` module, e.g. Debian's ``python3-uno``); without one it falls back to
``cchc_docgen.pdf.convert_one`` (a fresh LibreOffice per file: correct, about two seconds slower).

There are ``LANES`` warm LibreOffices (``lanes.Lane``: worker process group, profile, answer queue each); the
first starts with the server, the others only when the lanes before them are busy. A user holds at most one
lane at a time and free lanes go round-robin to waiting users (``Turns``), so while one user's huge document
converts, another user's preview starts at once on another lane. Every conversion has a time limit
(``CONVERT_SECONDS``): past it the lane's worker and its LibreOffice are killed as one process group, the user
is told what to do, and the lane's next request starts a fresh one.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from cchc_docgen.pdf import PdfError, convert_one, find_soffice
from cchc_docgen.web.lanes import Lane
from cchc_docgen.web.turns import Turns

WORKER = Path(__file__).with_name("uno_worker.py")
CANDIDATE_PYTHONS = ("/usr/bin/python3", "/usr/local/bin/python3", "python3", sys.executable)
#: Seconds for one page image (pdftoppm), for one DOCX → PDF conversion, and for LibreOffice to start.
TIMEOUT = 60.0
CONVERT_SECONDS = 60.0
START_SECONDS = 60.0
#: Warm LibreOffice lanes for previews: conversions of different users run side by side, one lane per user.
LANES = 2


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
    """A few warm LibreOffice lanes shared by all requests (``lanes``, started on first use: lane 1 by
    ``warm_up``, the others only when the lanes before them are busy), handed out in turns between users with at
    most one lane per user, each conversion within ``seconds``."""

    def __init__(self, warm: bool = True, seconds: float = CONVERT_SECONDS, lanes: int = LANES) -> None:
        self.warm = warm
        self.seconds = seconds
        self._turns = Turns(max(1, lanes))
        self._lanes = [Lane(number) for number in range(self._turns.slots)]
        self._failed = False
        self._closed = False

    @property
    def _profile(self) -> Path | None:
        """The first lane's LibreOffice profile (the one ``warm_up`` starts)."""
        return self._lanes[0].profile

    def _start(self, lane: Lane) -> subprocess.Popen[str] | None:
        """The lane's running worker, started if need be (lane lock held); None: no warm LibreOffice."""
        if lane.running():
            return lane.proc
        if self._failed or self._closed or not self.warm:
            return None
        soffice, python = find_soffice(), uno_python()
        if not soffice or not python or not lane.start(python, WORKER, soffice, START_SECONDS):
            self._failed = True
            return None
        if self._closed:  # killed while it started
            lane.kill()
        return lane.proc

    def warm_up(self) -> bool:
        lane = self._lanes[0]
        with lane.lock:
            return self._start(lane) is not None

    def to_pdf(self, docx: Path, who: str = "") -> Path:
        """Convert ``docx`` to the PDF beside it on a lane, in ``who``'s turn; ``PdfError`` with a Vietnamese
        message on failure (``ConversionTimeout`` past the time limit: the lane's worker is killed and
        restarted next time)."""
        pdf = docx.with_suffix(".pdf")
        with self._turns.turn(who) as slot:
            lane = self._lanes[slot]
            with lane.lock:
                proc = self._start(lane)
            if proc is not None:
                line = lane.convert(proc, docx, pdf, self.seconds)
                if line == "timeout":
                    with lane.lock:
                        lane.stop(proc, at_once=True)
                    # the killed LibreOffice leaves its lock file beside the DOCX: a retry of the same
                    # preview (same folder) would be refused by the next LibreOffice instead of converted
                    docx.with_name(f".~lock.{docx.name}#").unlink(missing_ok=True)
                    raise ConversionTimeout(self.seconds)
                with contextlib.suppress(ValueError):
                    if json.loads(line or "{}").get("ok") and pdf.is_file():
                        return pdf
                with lane.lock:
                    lane.stop(proc)  # a broken worker is replaced on the next call
            if self._closed:
                raise PdfError("máy chủ đang dừng nên không chuyển sang PDF; hãy thử lại khi máy chủ chạy lại")
            return convert_one(docx, timeout=self.seconds)  # its own limit and message

    def kill(self) -> None:
        """Stop every lane's LibreOffice at once, from any thread (server shutdown): conversions under way
        fail."""
        self._closed = self._failed = True
        for lane in self._lanes:
            lane.kill()

    def close(self) -> None:
        for lane in self._lanes:
            with lane.lock:
                if lane.proc is not None:
                    lane.stop(lane.proc)


def pdf_to_pngs(pdf: Path, out_dir: Path, dpi: int = 60) -> list[Path]:
    """Each page of ``pdf`` as ``out_dir/page-N.png`` (poppler's pdftoppm)."""
    exe = shutil.which("pdftoppm")
    if not exe:
        raise PdfError("Chưa cài pdftoppm (gói poppler-utils) nên không xem trước được; hãy tải tệp PDF.")
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([exe, "-png", "-r", str(dpi), str(pdf), str(out_dir / "page")], check=True,
                   capture_output=True, timeout=TIMEOUT)
    return sorted(out_dir.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
