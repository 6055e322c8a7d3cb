"""DOCX → PDF with headless LibreOffice, many files per process.

Starting LibreOffice costs more than converting a document (about 1.7 s against 0.4 s),
so the files are split over a few workers and each worker hands *many* files to one
``soffice --convert-to pdf`` call. Every worker has its own throw-away profile
(``-env:UserInstallation``), so runs never collide with each other or with a LibreOffice
the user has open. A process that makes no progress for ``timeout`` seconds is killed
together with its whole process group; the file it was stuck on is reported as failed
and the files after it are retried in a fresh process.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cchc_docgen.atomic import clean_scratch, scratch_dir
from cchc_docgen.oserrors import DISK_FULL, scratch_full
from cchc_docgen.pdf.result import OnDone, looks_like_pdf, place_pdf, target_for

POLL_SECONDS = 0.05
DOCX_FILTER = "MS Word 2007 XML"
#: Hangs in a row without any PDF produced, after which a worker gives up on its files.
MAX_BARREN_HANGS = 2


class Cancelled(Exception):
    """Raised inside a worker when the caller asked to stop (e.g. Ctrl+C)."""


def default_workers() -> int:
    """Parallel LibreOffice processes: 2 (measured best on 2 cores), fewer on 1 core."""
    return max(1, min(2, os.cpu_count() or 1))


def split(files: Sequence[Path], workers: int) -> list[list[Path]]:
    """Share ``files`` among ``workers`` by size (largest first onto the lightest worker),
    keeping the input order inside each share; empty shares are dropped."""
    shares: list[list[int]] = [[] for _ in range(max(1, workers))]
    loads = [0] * len(shares)
    sizes = [_size(f) for f in files]
    for i in sorted(range(len(files)), key=lambda i: -sizes[i]):
        lightest = loads.index(min(loads))
        shares[lightest].append(i)
        loads[lightest] += sizes[i] + 20_000  # every file has a fixed cost too
    return [[files[i] for i in sorted(share)] for share in shares if share]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def take_batch(queue: deque[Path]) -> list[Path]:
    """Pop the longest prefix of ``queue`` one ``soffice`` call can convert into one
    output directory: distinct stems (case-insensitively) and all DOCX or all not."""
    batch: list[Path] = []
    stems: set[str] = set()
    while queue:
        src = queue[0]
        is_docx = src.suffix.lower() == ".docx"
        if src.stem.casefold() in stems or (batch and is_docx != (batch[0].suffix.lower() == ".docx")):
            break
        batch.append(queue.popleft())
        stems.add(src.stem.casefold())
    return batch


def kill_tree(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc`` and everything it started, then reap it."""
    if sys.platform == "win32":
        if proc.poll() is None:
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(proc.pid)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # the group exists while any member lives
    with contextlib.suppress(OSError):
        proc.kill()
    proc.wait()


class Worker:
    """Converts its share of files, one ``soffice`` process per batch, in ``workdir``."""

    def __init__(self, soffice: str, workdir: Path, timeout: float, cancel: threading.Event, finish: OnDone):
        self.soffice, self.workdir, self.timeout = soffice, workdir, timeout
        self.cancel, self.finish = cancel, finish
        self.profile: Path | None = None

    def run(self, files: Sequence[Path]) -> None:
        queue = deque(files)
        barren = 0
        try:
            while queue:
                if self.cancel.is_set():
                    raise Cancelled
                if self.profile is None:
                    self.profile = Path(tempfile.mkdtemp(dir=self.workdir, prefix="profile-"))
                retry, produced = self._run_batch(take_batch(queue))
                if retry is None:
                    continue
                self._drop_profile()  # a killed process may leave its profile locked
                barren = 0 if produced else barren + 1
                if barren >= MAX_BARREN_HANGS:
                    for src in [*retry, *queue]:
                        self.finish(src, None, self._given_up_message(src))
                    return
                queue.extendleft(reversed(retry))
        finally:
            self._drop_profile()

    def _drop_profile(self) -> None:
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None

    def _command(self, batch: list[Path], outdir: Path) -> list[str]:
        assert self.profile is not None
        cmd = [self.soffice, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--invisible"]
        cmd += ["--norestore", "--nologo", "--nodefault", "--nolockcheck"]
        if batch[0].suffix.lower() == ".docx":
            cmd.append(f"--infilter={DOCX_FILTER}")  # never read a broken DOCX as plain text
        return [*cmd, "--convert-to", "pdf", "--outdir", str(outdir), *(str(s) for s in batch)]

    def _start(self, batch: list[Path], outdir: Path, log: Path) -> subprocess.Popen[bytes]:
        """Start ``soffice`` in a process group of its own, so that it can be killed whole."""
        if sys.platform == "win32":
            flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW  # type: ignore[attr-defined]
            isolation: dict[str, object] = {"creationflags": flags}
        else:
            isolation = {"start_new_session": True}
        with log.open("wb") as err:
            proc = subprocess.Popen(  # type: ignore[call-overload]
                self._command(batch, outdir),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                **isolation,
            )
        # so that a later run can stop this LibreOffice if we are killed before we do (see ``stop_leftovers``)
        with contextlib.suppress(OSError):
            (self.workdir / f"soffice-{proc.pid}.pgid").write_text(str(proc.pid))
        return proc

    def _run_batch(self, batch: list[Path]) -> tuple[list[Path] | None, bool]:
        """Convert ``batch`` in one process. Returns the files to retry (``None`` unless
        the process hung) and whether LibreOffice got through any file before hanging."""
        outdir = Path(tempfile.mkdtemp(dir=self.workdir, prefix="out-"))
        log = outdir.with_suffix(".log")
        try:
            try:
                proc = self._start(batch, outdir, log)
            except OSError as exc:
                for src in batch:
                    self.finish(src, None, f"không chạy được LibreOffice ({self.soffice}): {exc}")
                return None, False
            done, seen, hung = 0, -1, False
            try:
                last = time.monotonic()
                while True:
                    try:
                        proc.wait(timeout=POLL_SECONDS)
                        break
                    except subprocess.TimeoutExpired:
                        pass
                    if self.cancel.is_set():
                        raise Cancelled
                    newest = _newest(outdir, batch)
                    if newest > seen:
                        seen, last = newest, time.monotonic()
                    while done < seen:  # LibreOffice works in order: these are finished
                        self._finalize(batch[done], outdir, None)
                        done += 1
                    if time.monotonic() - last > self.timeout:
                        hung = True
                        break
            finally:
                kill_tree(proc)
                with contextlib.suppress(OSError):
                    (self.workdir / f"soffice-{proc.pid}.pgid").unlink()
            if not hung:
                for src in batch[done:]:
                    self._finalize(src, outdir, self._failure_detail(proc.returncode, log))
                return None, True
            while done < len(batch) and looks_like_pdf(outdir / f"{batch[done].stem}.pdf"):
                self._finalize(batch[done], outdir, None)
                done += 1
            if done < len(batch):
                self.finish(batch[done], None, self._hung_message(batch[done]))
            return batch[done + 1 :], done > 0
        finally:
            shutil.rmtree(outdir, ignore_errors=True)
            with contextlib.suppress(OSError):
                log.unlink()

    def _finalize(self, src: Path, outdir: Path, detail: str | None) -> None:
        produced = outdir / f"{src.stem}.pdf"
        if not looks_like_pdf(produced):
            full = scratch_full(self.workdir.parent)
            message = f"LibreOffice không chuyển được tệp {src.name} sang PDF " + (full or "(tệp có thể bị hỏng)")
            self.finish(src, None, f"{message}; {detail}" if detail and not full else message)
            return
        target = target_for(src)
        try:
            place_pdf(produced, target)
        except OSError as exc:
            hint = "" if exc.errno in DISK_FULL else " (tệp có thể đang mở trong chương trình khác)"
            self.finish(src, None, f"không ghi được tệp {target}{hint}: {exc}")
            return
        self.finish(src, target, None)

    def _hung_message(self, src: Path) -> str:
        return (
            f"LibreOffice không phản hồi sau {self.timeout:g} giây khi chuyển tệp {src.name}; "
            "đã dừng LibreOffice, tệp PDF không được tạo"
        )

    def _given_up_message(self, src: Path) -> str:
        return (
            f"không chuyển được tệp {src.name}: LibreOffice liên tục không phản hồi "
            f"(quá {self.timeout:g} giây mà không xong tệp nào), đã dừng LibreOffice"
        )

    @staticmethod
    def _failure_detail(returncode: int, log: Path) -> str | None:
        if returncode == 0:
            return None
        try:
            lines = [ln for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
        except OSError:
            lines = []
        tail = f": {lines[-1].strip()}" if lines else ""
        return f"soffice kết thúc với mã lỗi {returncode}{tail}"


def _newest(outdir: Path, batch: list[Path]) -> int:
    """Index in ``batch`` of the last file whose PDF has appeared in ``outdir`` (-1: none)."""
    try:
        names = set(os.listdir(outdir))
    except OSError:
        return -1
    for i in range(len(batch) - 1, -1, -1):
        if f"{batch[i].stem}.pdf" in names:
            return i
    return -1


def convert(
    soffice: str, sources: Sequence[Path], *, workers: int | None, timeout: float, finish: OnDone
) -> None:
    """Convert ``sources`` (absolute paths), reporting each through ``finish``.

    On an exception in the caller's thread (Ctrl+C), every LibreOffice process is killed
    before the exception propagates; temporary profiles are always removed.
    """
    if not sources:
        return
    count = max(1, min(workers or default_workers(), len(sources)))
    cancel = threading.Event()
    clean_scratch(stop_leftovers)
    tmp = scratch_dir("pdf")
    try:
        shares = split(sources, count)
        with ThreadPoolExecutor(max_workers=len(shares), thread_name_prefix="soffice") as pool:
            futures = [
                pool.submit(Worker(soffice, Path(tmp), timeout, cancel, finish).run, share)
                for share in shares
            ]
            try:
                for future in futures:
                    future.result()
            except BaseException:
                cancel.set()
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def stop_leftovers(scratch: Path) -> None:
    """Kill the LibreOffice process groups recorded in the scratch folder of a run that was killed."""
    for record in scratch.glob("soffice-*.pgid"):
        try:
            pgid = int(record.read_text().strip())
            cmdline = Path(f"/proc/{pgid}/cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if b"soffice" in cmdline or b"libreoffice" in cmdline:
            with contextlib.suppress(OSError):
                os.killpg(pgid, signal.SIGKILL)
