"""Batches and the ownership record (issue #9): reruns, same stems, symlinks, crashes, signals, -j."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import BIG_PLAN, STARTER, cli, copies, temp_files
from support.paths import ROOT, soffice_or_skip
from support.procs import alive_pids

from cchc_docgen import batch, limits, outputs
from cchc_docgen.batch import render_many


def test_twelve_plans_twice_in_parallel(tmp_path: Path) -> None:
    """The state file used to lose entries to concurrent read-modify-write: the rerun refused its own files."""
    plans = copies(STARTER, tmp_path / "plans", 12)
    for round_ in range(3):
        out = tmp_path / f"out{round_}"
        first = render_many(plans, out, jobs=2)
        second = render_many(plans, out, jobs=2)
        assert not first.failures and not second.failures, second.failures[:1]
        state = json.loads((out / outputs.STATE_FILE).read_text(encoding="utf-8"))
        assert sorted(state) == sorted(f"{p.stem}.docx" for p in plans)


@pytest.mark.slow
def test_300_plans_with_pdf_rerun(tmp_path: Path) -> None:
    soffice_or_skip()
    plans = copies(STARTER, tmp_path / "plans", 300)
    out = tmp_path / "out"
    first = cli("render", str(tmp_path / "plans"), "-o", str(out), "-j", "2", "--pdf", timeout=900)
    assert first.code == 0, first.err[-2000:]
    second = cli("render", str(tmp_path / "plans"), "-o", str(out), "-j", "2", "--pdf", timeout=900)
    assert second.code == 0, second.err[-2000:]
    assert "300/300 tệp thành công" in second.err
    assert len(list(out.glob("*.pdf"))) == len(plans) and not temp_files(out)


def test_same_stem_plans_are_refused_before_writing(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        copies(STARTER, tmp_path / folder, 1, stem="ke_hoach")
    copies(STARTER, tmp_path / "c", 1, stem="khac")
    out = tmp_path / "out"
    run = cli("render", str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "c"), "-o", str(out))
    assert run.code == 1
    a, b = str(tmp_path / "a" / "ke_hoach000.yaml"), str(tmp_path / "b" / "ke_hoach000.yaml")
    lines = [ln for ln in run.err.splitlines() if "cùng tên" in ln]
    assert len(lines) == 2 and all(a in ln and b in ln for ln in lines)
    assert not (out / "ke_hoach000.docx").exists() and (out / "khac000.docx").exists()
    assert "1/3 tệp thành công" in run.err


def test_state_file_symlink_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("không được ghi đè", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / outputs.STATE_FILE).symlink_to(outside)
    plan = copies(STARTER, tmp_path / "plans", 1)
    assert not render_many(plan, out).failures
    assert outside.read_text(encoding="utf-8") == "không được ghi đè"
    state = out / outputs.STATE_FILE
    assert not state.is_symlink() and "kh000.docx" in json.loads(state.read_text(encoding="utf-8"))
    assert not render_many(plan, out).failures  # and the rerun knows its file


def test_state_file_is_replaced_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing write (full disk) leaves the previous state whole."""
    plans = copies(STARTER, tmp_path / "plans", 2)
    out = tmp_path / "out"
    assert not render_many(plans[:1], out).failures
    before = (out / outputs.STATE_FILE).read_bytes()

    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    report = render_many(plans[1:], out)
    assert report.failures and "ổ đĩa đã đầy" in report.failures[0].lines[0]
    assert (out / outputs.STATE_FILE).read_bytes() == before and not temp_files(out)


def test_edited_pdf_is_detected_before_the_docx_phase(tmp_path: Path) -> None:
    plan = copies(STARTER, tmp_path / "plans", 1)[0]
    out = tmp_path / "out"
    assert not render_many([plan], out).failures
    docx = out / "kh000.docx"
    old = docx.read_bytes()
    (out / "kh000.pdf").write_bytes(b"%PDF-1.4 sua tay\n%%EOF\n")
    plan.write_text(plan.read_text(encoding="utf-8").replace("title:", "title: Mới\nx_old:", 1), encoding="utf-8")
    plan.write_text(STARTER.read_text(encoding="utf-8").replace("archive:", "# sửa\narchive:"), encoding="utf-8")
    report = render_many([plan], out, pdf=True)
    assert report.failures and "kh000.pdf" in report.failures[0].lines[0]
    assert docx.read_bytes() == old


def test_jobs_are_capped_to_the_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    class Recording(batch.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: object) -> None:
            seen.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Recording)
    plans = copies(STARTER, tmp_path / "plans", 6)
    report = render_many(plans, tmp_path / "out", jobs=100)
    assert not report.failures
    assert seen and max(seen) <= limits.max_jobs() and report.jobs <= limits.max_jobs()
    run = cli("render", str(tmp_path / "plans"), "-o", str(tmp_path / "out2"), "-j", "100")
    assert run.code == 0 and ("-j 100" in run.err or limits.max_jobs() >= 6)


def test_one_crashing_plan_never_stops_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed outright (segfault, out of memory) is found and named; the rest render."""
    from cchc_docgen import pipeline

    real = pipeline.load_document

    def crash_on_bad(path: Path):  # runs in the (forked) pool workers
        if Path(path).stem == "kh002":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path)

    monkeypatch.setattr(pipeline, "load_document", crash_on_bad)
    plans = copies(STARTER, tmp_path / "plans", 6)
    bomb = tmp_path / "plans" / "kh004.yaml"
    levels = "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefg", "bcdefgh", strict=True))
    bomb.write_text("a: &a [1,1,1,1,1,1,1,1,1,1]\n" + levels, encoding="utf-8")
    if sys.platform != "linux":
        pytest.skip("relies on fork copying the monkeypatch into the workers")
    report = render_many(plans, tmp_path / "out", jobs=2)
    by_plan = {o.plan.stem: o for o in report.outcomes}
    assert [o.plan for o in report.outcomes] == plans
    assert "dừng đột ngột" in by_plan["kh002"].lines[0] and str(plans[2]) in by_plan["kh002"].lines[0]
    assert "quá nhiều phần tử" in by_plan["kh004"].lines[0] and str(bomb) in by_plan["kh004"].lines[0]
    assert all(by_plan[s].ok for s in ("kh000", "kh001", "kh003", "kh005"))


@pytest.mark.skipif(sys.platform != "linux", reason="relies on fork copying the monkeypatch into the workers")
def test_worker_killed_between_write_and_record_leaves_an_output_we_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cause of the flaky crash test: a worker stopped after its DOCX replaced the old one but before the
    ownership record was updated left a file the retry (and every later run) refused as "edited by hand"."""
    marker = tmp_path / "killed-once"
    real = outputs.remember

    def die_after_write(path: Path) -> None:  # runs in the (forked) pool workers
        if Path(path).stem == "kh003" and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        real(path)

    plans = copies(STARTER, tmp_path / "plans", 6)
    out = tmp_path / "out"
    assert not render_many(plans, out, jobs=2).failures  # every output exists and is ours
    for plan in plans:  # new content, so the new outputs differ from the recorded ones
        plan.write_text(plan.read_text(encoding="utf-8").replace("Tuyên truyền", "Tuyên truyền mới", 1),
                        encoding="utf-8")
    monkeypatch.setattr(outputs, "remember", die_after_write)
    report = render_many(plans, out, jobs=2)
    assert marker.exists()  # the kill did happen, after kh003.docx was replaced
    assert not report.failures, report.failures[:1]
    monkeypatch.setattr(outputs, "remember", real)
    rerun = render_many(plans, out, jobs=2)
    assert not rerun.failures, rerun.failures[:1]
    state = json.loads((out / outputs.STATE_FILE).read_text(encoding="utf-8"))
    assert all(isinstance(v, str) for v in state.values())  # settled: one digest per file again
    assert not temp_files(out)


def _start_batch(tmp_path: Path, n: int, *extra: str) -> tuple[subprocess.Popen[bytes], Path]:
    copies(BIG_PLAN, tmp_path / "plans", n)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "cchc_docgen", "render", str(tmp_path / "plans"), "-o", str(out),
                             "-j", "2", *extra], env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return proc, out


def _wait_for(out: Path, pattern: str, count: int, proc: subprocess.Popen[bytes], limit: float = 120) -> None:
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        if len(list(out.glob(pattern))) >= count:
            return
        time.sleep(0.05)
    pytest.fail(f"the batch finished or stalled before {count} {pattern} appeared")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find processes")
def test_sigterm_mid_batch_leaves_no_process_and_no_temp_file(tmp_path: Path) -> None:
    proc, out = _start_batch(tmp_path, 120)
    _wait_for(out, "*.docx", 4, proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert "đã dừng" in err.decode() and "Traceback" not in err.decode()
    time.sleep(0.5)
    assert alive_pids(str(out)) == []
    assert temp_files(out) == []
    assert len(list(out.glob("*.docx"))) < 120  # it really stopped in the middle


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find processes")
def test_sigterm_during_pdf_stops_libreoffice(tmp_path: Path) -> None:
    soffice_or_skip()
    proc, out = _start_batch(tmp_path, 30, "--pdf")
    _wait_for(out, "*.pdf", 1, proc, limit=300)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == 130
    time.sleep(1)
    assert alive_pids(f"cchc-docgen-pdf-{proc.pid}-") == [] and alive_pids(str(out)) == []
    scratch = Path(os.environ.get("TMPDIR", "/tmp"))
    assert temp_files(out) == [] and not list(scratch.glob(f"cchc-docgen-*-{proc.pid}-*"))


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_pdf_batch_stopped_half_way_reruns_without_refusals(tmp_path: Path, stop: signal.Signals) -> None:
    """Issue 19.7: PDFs were recorded only at the end of the batch; a rerun after a stop refused them."""
    soffice_or_skip()
    proc, out = _start_batch(tmp_path, 30, "--pdf")
    _wait_for(out, "*.pdf", 2, proc, limit=300)
    proc.send_signal(stop)
    proc.communicate(timeout=60)
    assert proc.returncode != 0
    finished = len(list(out.glob("*.pdf")))
    assert 2 <= finished < 30  # it really stopped in the middle, with PDFs written
    rerun = cli("render", str(tmp_path / "plans"), "-o", str(out), "-j", "2", "--pdf", timeout=600)
    assert rerun.code == 0, rerun.err[-2000:]
    assert "30/30 tệp thành công" in rerun.err and "đã được sửa" not in rerun.err


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find processes")
def test_sigkill_leaves_nothing_the_next_run_trips_over(tmp_path: Path) -> None:
    proc, out = _start_batch(tmp_path, 120)
    _wait_for(out, "*.docx", 4, proc)
    proc.kill()
    proc.communicate(timeout=30)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = out / f".kh001.docx.{int(dead.stdout)}.abc123{'.cchc-tmp'}"
    stale.write_bytes(b"half a document")
    end = time.monotonic() + 10
    while alive_pids(str(out)) and time.monotonic() < end:  # orphaned workers notice and exit
        time.sleep(0.2)
    assert alive_pids(str(out)) == []
    rerun = cli("render", str(tmp_path / "plans"), "-o", str(out), "-j", "2", timeout=600)
    assert rerun.code == 0, rerun.err[-1000:]
    assert temp_files(out) == []
