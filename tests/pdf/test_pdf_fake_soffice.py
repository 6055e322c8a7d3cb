"""Batching, timeouts and atomic writes, driven through a fake ``soffice`` (fast, POSIX)."""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

import pytest
from pdf_helpers import FakeSoffice, make_docx
from support.procs import alive_processes, pid_alive

from cchc_docgen.pdf import ConversionResult, PdfError, convert_many, convert_one
from cchc_docgen.pdf.libreoffice import split, take_batch


def docs(directory: Path, *stems: str) -> list[Path]:
    return [make_docx(directory / f"{stem}.docx", f"Tệp {stem}") for stem in stems]


def no_leftovers(fake: FakeSoffice, private_tmp: Path) -> None:
    """Every process the fake started is dead and every temporary directory is gone."""
    deadline = time.monotonic() + 2
    while any(pid_alive(p) for p in fake.pids()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert fake.pids(), "the fake soffice never ran"
    assert [p for p in fake.pids() if pid_alive(p)] == []
    assert alive_processes(str(private_tmp)) == []
    assert list(private_tmp.iterdir()) == []


def test_batch_converts_all_files_in_one_process(
    fake_soffice: FakeSoffice, tmp_path: Path, private_tmp: Path
) -> None:
    sources = docs(tmp_path / "in", "a", "b", "c", "d")
    done: list[tuple[Path, Path | None, str | None]] = []
    results = convert_many(sources, workers=1, on_done=lambda *args: done.append(args))
    assert [r.pdf for r in results] == [s.with_suffix(".pdf") for s in sources]
    assert all(r.ok for r in results)
    assert len(fake_soffice.pids()) == 1
    assert fake_soffice.lines("file") == ["a.docx", "b.docx", "c.docx", "d.docx"]
    assert sorted(d[0].name for d in done) == ["a.docx", "b.docx", "c.docx", "d.docx"]
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == sorted(
        f"{s}.{x}" for s in "abcd" for x in ("docx", "pdf")
    )
    no_leftovers(fake_soffice, private_tmp)


def test_two_workers_share_the_files(fake_soffice: FakeSoffice, tmp_path: Path, private_tmp: Path) -> None:
    sources = docs(tmp_path, *"abcdef")
    results = convert_many(sources, workers=2)
    assert all(r.ok for r in results)
    assert len(fake_soffice.pids()) == 2
    assert sorted(fake_soffice.lines("file")) == [f"{s}.docx" for s in "abcdef"]


def test_same_stem_in_different_directories(fake_soffice: FakeSoffice, tmp_path: Path) -> None:
    sources = [
        make_docx(tmp_path / "so" / "ke-hoach.docx"),
        make_docx(tmp_path / "phong" / "ke-hoach.docx"),
        make_docx(tmp_path / "truong" / "Ke-Hoach.docx"),
    ]
    results = convert_many(sources, workers=1)
    assert [r.pdf for r in results] == [s.with_suffix(".pdf") for s in sources]
    for source in sources:
        assert source.name.encode() in source.with_suffix(".pdf").read_bytes()
    assert len(fake_soffice.pids()) == 3  # one outdir per call: same stems never share one


def test_results_follow_input_order_and_duplicates(fake_soffice: FakeSoffice, tmp_path: Path) -> None:
    a, b = docs(tmp_path, "a", "b")
    results = convert_many([b, a, b], workers=2)
    assert [r.source for r in results] == [b, a, b]
    assert fake_soffice.lines("file").count("b.docx") == 1


def test_hung_file_is_killed_and_the_rest_still_converted(
    fake_soffice: FakeSoffice, tmp_path: Path, private_tmp: Path
) -> None:
    sources = docs(tmp_path, "a", "hang", "c", "d")
    (tmp_path / "hang.pdf").write_bytes(b"OLD PDF")
    started = time.monotonic()
    results = convert_many(sources, workers=1, timeout=1.0)
    assert time.monotonic() - started < 10
    by_name = {r.source.name: r for r in results}
    assert by_name["a.docx"].ok and by_name["c.docx"].ok and by_name["d.docx"].ok
    hung = by_name["hang.docx"]
    assert hung.pdf is None and hung.error is not None
    assert "không phản hồi sau 1 giây" in hung.error
    assert (tmp_path / "hang.pdf").read_bytes() == b"OLD PDF"  # not clobbered by a half PDF
    assert fake_soffice.lines("file") == ["a.docx", "hang.docx", "c.docx", "d.docx"]
    no_leftovers(fake_soffice, private_tmp)


def test_soffice_that_never_starts_working_gives_up(
    fake_soffice: FakeSoffice, tmp_path: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "hang")
    sources = docs(tmp_path, "a", "b", "c", "d", "e")
    started = time.monotonic()
    results = convert_many(sources, workers=1, timeout=0.5)
    assert time.monotonic() - started < 5  # two strikes, not one timeout per file
    assert all(r.pdf is None and r.error and "không phản hồi" in r.error for r in results)
    assert len(fake_soffice.pids()) == 4  # two processes, each with a child
    no_leftovers(fake_soffice, private_tmp)


def test_truncated_or_missing_output_is_a_per_file_failure(fake_soffice: FakeSoffice, tmp_path: Path) -> None:
    sources = docs(tmp_path, "a", "truncated", "fail", "d")
    (tmp_path / "truncated.pdf").write_bytes(b"OLD")
    results = convert_many(sources, workers=1)
    assert [r.ok for r in results] == [True, False, False, True]
    assert all("LibreOffice không chuyển được tệp" in (r.error or "") for r in results[1:3])
    assert (tmp_path / "truncated.pdf").read_bytes() == b"OLD"
    assert not (tmp_path / "fail.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_not_a_docx_is_reported_without_running_libreoffice(
    fake_soffice: FakeSoffice, tmp_path: Path
) -> None:
    text = tmp_path / "note.docx"
    text.write_text("chỉ là văn bản thường")
    missing = tmp_path / "missing.docx"
    results = convert_many([text, missing])
    assert results == [
        ConversionResult(text, None, "tệp note.docx bị hỏng hoặc không phải tệp DOCX"),
        ConversionResult(missing, None, f"không tìm thấy tệp {missing}"),
    ]
    assert fake_soffice.pids() == []


def test_on_done_error_stops_everything_cleanly(
    fake_soffice: FakeSoffice, tmp_path: Path, private_tmp: Path
) -> None:
    sources = docs(tmp_path, "a", "hang", "c")

    def boom(source: Path, pdf: Path | None, error: str | None) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        convert_many(sources, workers=1, timeout=30, on_done=boom)
    no_leftovers(fake_soffice, private_tmp)


def test_convert_one(fake_soffice: FakeSoffice, tmp_path: Path) -> None:
    [source] = docs(tmp_path, "a")
    assert convert_one(source) == tmp_path / "a.pdf"
    with pytest.raises(PdfError, match="Không tạo được PDF từ"):
        convert_one(tmp_path / "missing.docx")


def test_unstartable_soffice_is_a_per_file_failure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from cchc_docgen.pdf import backends

    monkeypatch.setattr(backends, "find_soffice", lambda: str(tmp_path / "no-such-soffice"))
    [source] = docs(tmp_path, "a")
    [result] = convert_many([source])
    assert result.error is not None and result.error.startswith("không chạy được LibreOffice")


def test_take_batch_splits_on_repeated_stems_and_kinds() -> None:
    queue = deque(Path(p) for p in ["x/a.docx", "x/b.docx", "y/A.docx", "y/c.odt", "z/d.docx"])
    assert take_batch(queue) == [Path("x/a.docx"), Path("x/b.docx")]
    assert take_batch(queue) == [Path("y/A.docx")]
    assert take_batch(queue) == [Path("y/c.odt")]
    assert take_batch(queue) == [Path("z/d.docx")]
    assert not queue


def test_split_balances_by_size(tmp_path: Path) -> None:
    files = []
    for name, size in [("a", 900_000), ("b", 10), ("c", 10), ("d", 10)]:
        path = tmp_path / f"{name}.docx"
        path.write_bytes(b"x" * size)
        files.append(path)
    shares = split(files, 2)
    assert sorted(len(s) for s in shares) == [1, 3]
    assert [files[0]] in shares
    assert split(files[:1], 3) == [[files[0]]]


def test_two_sources_for_one_pdf(fake_soffice: FakeSoffice, tmp_path: Path) -> None:
    [docx_file] = docs(tmp_path, "ke-hoach")
    odt = tmp_path / "ke-hoach.odt"
    odt.write_bytes(b"pretend ODT")
    results = convert_many([docx_file, odt])
    assert results[0].ok
    assert results[1].error == f"tệp {odt} và {docx_file} sẽ ghi đè cùng một tệp PDF"
