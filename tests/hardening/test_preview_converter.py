"""Issue #19: every preview conversion has a time limit. A conversion that hangs is stopped at the limit (the
worker and its LibreOffice killed as one group, restarted for the next request), the user is told what to do,
and another user's preview queued behind it goes through right after; users take turns at the converter.
With two lanes another user's preview does not wait at all, and one user never holds both lanes."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from support.paths import ROOT
from support.procs import pid_alive

from cchc_docgen.pdf import PdfError
from cchc_docgen.web import converter as conv
from cchc_docgen.web.converter import ConversionTimeout, Converter

FAKE = ROOT / "tests" / "support" / "fake_uno_worker.py"
LIMIT = 3.0
PLAN = ROOT / "tests" / "web" / "data" / "school_plan.yaml"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups")


@pytest.fixture()
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The converter starts the fake worker instead of LibreOffice; returns the folder it reports into."""
    folder = tmp_path / "fake-uno"
    folder.mkdir()
    monkeypatch.setenv("FAKE_UNO_DIR", str(folder))
    monkeypatch.setattr(conv, "WORKER", FAKE)
    monkeypatch.setattr(conv, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(conv, "uno_python", lambda: sys.executable)
    return folder


def _wait_for(predicate, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < end, "waited too long"
        time.sleep(0.05)


def _docx(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"PK")  # the fake worker never reads it
    return path


def test_a_hanging_conversion_is_stopped_and_the_next_users_goes_through(fake: Path, tmp_path: Path) -> None:
    converter = Converter(seconds=LIMIT)
    outcome: dict[str, object] = {}

    def convert(name: str, docx: Path, who: str) -> None:
        try:
            outcome[name] = converter.to_pdf(docx, who)
        except PdfError as exc:
            outcome[name] = exc

    try:
        slow = threading.Thread(target=convert, args=("slow", _docx(tmp_path / "a", "cham.docx"), "user:a"))
        slow.start()
        _wait_for(lambda: any(fake.glob("hanging-*")))  # user a's conversion is under way, and hangs
        first_office = [int(p.read_text()) for p in fake.glob("office-*.pid")]
        quick = threading.Thread(target=convert, args=("quick", _docx(tmp_path / "b", "nhanh.docx"), "user:b"))
        quick.start()
        slow.join(LIMIT + 30)
        quick.join(60)
        failed = outcome["slow"]
        assert isinstance(failed, ConversionTimeout)
        assert f"quá {LIMIT:g} giây" in str(failed) and "tách bớt nội dung" in str(failed)
        assert outcome["quick"] == tmp_path / "b" / "nhanh.pdf" and (tmp_path / "b" / "nhanh.pdf").is_file()
        assert first_office and not any(pid_alive(pid) for pid in first_office)  # its LibreOffice went with it
        assert len(list(fake.glob("office-*.pid"))) == 2  # a fresh worker served user b
    finally:
        converter.close()


def test_users_take_turns_at_the_converter(fake: Path, tmp_path: Path) -> None:
    converter = Converter(seconds=LIMIT, lanes=1)  # one lane: round-robin turns at it
    finished: list[str] = []

    def convert(name: str, docx: Path, who: str) -> None:
        with contextlib.suppress(PdfError):
            converter.to_pdf(docx, who)
        finished.append(name)

    try:
        first = threading.Thread(target=convert, args=("a-1", _docx(tmp_path / "a", "cham-1.docx"), "user:a"))
        first.start()
        _wait_for(lambda: any(fake.glob("hanging-*")))
        second = threading.Thread(target=convert, args=("a-2", _docx(tmp_path / "a", "cham-2.docx"), "user:a"))
        second.start()
        _wait_for(lambda: converter._turns.waiting() == 1)
        other = threading.Thread(target=convert, args=("b", _docx(tmp_path / "b", "nhanh.docx"), "user:b"))
        other.start()
        _wait_for(lambda: converter._turns.waiting() == 2)
        for thread in (first, second, other):
            thread.join(3 * LIMIT + 60)
        # user b queued after a's second document, yet went before it: turns go round between users
        assert finished == ["a-1", "b", "a-2"]
    finally:
        converter.close()


def test_web_preview_past_the_limit_is_a_clear_503_and_others_preview(fake: Path, tmp_path: Path) -> None:
    from tests.web.server import running

    data = tmp_path / "data"
    for unit, name in (("th-a", "cham.yaml"), ("th-b", "ke-hoach.yaml")):
        (data / unit).mkdir(parents=True)
        shutil.copy(PLAN, data / unit / name)
    answers: dict[str, httpx.Response] = {}
    with running(data, convert_seconds=LIMIT) as base:
        def get(name: str, url: str) -> None:
            with httpx.Client(base_url=base, timeout=120) as client:
                answers[name] = client.get(url)

        slow = threading.Thread(target=get, args=("slow", "/preview/th-a/cham.yaml"))
        slow.start()
        _wait_for(lambda: any(fake.glob("hanging-*")), 90)
        get("quick", "/preview/th-b/ke-hoach.yaml")  # another unit, another browser session
        slow.join(LIMIT + 60)
    assert answers["quick"].status_code == 200 and "/page/" in answers["quick"].text
    failed = answers["slow"]
    assert failed.status_code == 503
    assert "Không chuyển được sang PDF" in failed.text and f"quá {LIMIT:g} giây" in failed.text
    assert "tải được tệp DOCX" in failed.text and "Traceback" not in failed.text


def _pids(fake: Path) -> list[int]:
    return [int(p.read_text()) for p in fake.glob("office-*.pid")]


def test_with_two_lanes_another_users_preview_does_not_wait(fake: Path, tmp_path: Path) -> None:
    converter = Converter(seconds=60, lanes=2)  # the limit is never reached: kill() ends user a's conversion
    outcome: dict[str, object] = {}
    finished: list[str] = []

    def convert(name: str, docx: Path, who: str) -> None:
        try:
            outcome[name] = converter.to_pdf(docx, who)
        except PdfError as exc:
            outcome[name] = exc
        finished.append(name)

    try:
        assert converter.warm_up() and len(_pids(fake)) == 1  # lane 2 is not started before it is needed
        slow = threading.Thread(target=convert, args=("a", _docx(tmp_path / "a", "cham.docx"), "user:a"))
        slow.start()
        _wait_for(lambda: any(fake.glob("hanging-*")))  # user a's conversion hangs on lane 1
        quick = threading.Thread(target=convert, args=("b", _docx(tmp_path / "b", "nhanh.docx"), "user:b"))
        quick.start()
        quick.join(120)
        # b's answer arrived while a's conversion still hangs
        assert finished == ["b"] and slow.is_alive()
        assert outcome["b"] == tmp_path / "b" / "nhanh.pdf" and (tmp_path / "b" / "nhanh.pdf").is_file()
        assert len(_pids(fake)) == 2  # lane 2 was started for user b
    finally:
        converter.kill()
        converter.close()
    slow.join(60)
    assert finished == ["b", "a"] and isinstance(outcome["a"], PdfError)


def test_a_user_holds_at_most_one_lane(fake: Path, tmp_path: Path) -> None:
    converter = Converter(seconds=60, lanes=2)
    finished: list[str] = []

    def convert(name: str, docx: Path, who: str) -> None:
        with contextlib.suppress(PdfError):
            converter.to_pdf(docx, who)
        finished.append(name)

    threads = [threading.Thread(target=convert, args=("a-1", _docx(tmp_path / "a", "cham-1.docx"), "user:a")),
               threading.Thread(target=convert, args=("a-2", _docx(tmp_path / "a", "nhanh-2.docx"), "user:a")),
               threading.Thread(target=convert, args=("b", _docx(tmp_path / "b", "nhanh.docx"), "user:b"))]
    try:
        threads[0].start()
        _wait_for(lambda: any(fake.glob("hanging-*")))
        threads[1].start()
        _wait_for(lambda: converter._turns.waiting() == 1)
        # lane 2 is free, yet user a's second preview waits for the first (a quick one, it would be done)
        assert converter._turns.busy() == 1 and finished == [] and len(_pids(fake)) == 1
        threads[2].start()
        threads[2].join(120)
        assert finished == ["b"] and converter._turns.waiting() == 1  # b went at once; a-2 still waits
    finally:
        converter.kill()
        for thread in threads:
            thread.join(60)
        converter.close()
    # a-1 was stopped by kill(); a-2 then found the converter stopping (either may be recorded first)
    assert finished[0] == "b" and sorted(finished) == ["a-1", "a-2", "b"]


def test_kill_stops_every_lanes_process_group(fake: Path, tmp_path: Path) -> None:
    converter = Converter(seconds=60, lanes=2)
    failed: list[str] = []

    def convert(name: str, docx: Path, who: str) -> None:
        try:
            converter.to_pdf(docx, who)
        except PdfError:
            failed.append(name)

    threads = [threading.Thread(target=convert, args=(who, _docx(tmp_path / who, "cham.docx"), who))
               for who in ("a", "b")]
    for thread in threads:
        thread.start()
    try:
        _wait_for(lambda: len(list(fake.glob("hanging-*"))) == 2)  # both lanes hang
        workers = [lane.proc.pid for lane in converter._lanes if lane.proc is not None]
        offices = _pids(fake)
        assert len(workers) == 2 and len(offices) == 2
        converter.kill()
        for thread in threads:
            thread.join(60)
        assert sorted(failed) == ["a", "b"]
        _wait_for(lambda: not any(pid_alive(pid) for pid in workers + offices))
    finally:
        converter.kill()
        converter.close()


def test_a_stopped_conversion_leaves_no_lock_file_to_refuse_a_retry(fake: Path, tmp_path: Path) -> None:
    converter = Converter(seconds=LIMIT)
    docx = _docx(tmp_path / "a", "cham.docx")
    lock = docx.with_name(".~lock.cham.docx#")
    try:
        with pytest.raises(ConversionTimeout):
            converter.to_pdf(docx, "user:a")
        assert any(fake.glob("hanging-*"))  # the fake LibreOffice did open (and lock) the file
        assert not lock.exists()  # a retry of the same preview is not refused as "in use"
    finally:
        converter.close()
