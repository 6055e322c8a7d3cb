"""Issue #19: drafts kept after conflicting saves are bounded per unit folder and in all; one unit filling its
quota never costs another unit its drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_docgen.web import store


def _data(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    for unit in ("th-a", "th-b", "th-c"):
        (data / unit).mkdir(parents=True)
    return data, data / ".cchc" / "drafts"


def test_one_unit_filling_its_quota_keeps_every_other_units_drafts(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "DRAFTS_PER_UNIT", 4)
    data, drafts = _data(tmp_path)
    theirs = [store.keep_draft(data / "th-b" / f"doc{i}.yaml", f"title: b {i}\n", drafts) for i in range(3)]
    mine = [store.keep_draft(data / "th-a" / f"doc{i % 3}.yaml", f"title: a {i}\n", drafts) for i in range(10)]
    assert all(p is not None and p.exists() for p in theirs)  # th-b lost nothing
    left = sorted(p.name for p in (drafts / "th-a").glob("*.yaml"))
    assert left == sorted(p.name for p in mine[-4:] if p)  # th-a keeps its newest four
    assert all(p is not None and p.parent.name == "th-a" for p in mine)


def test_the_global_cap_holds_and_is_taken_from_the_biggest_unit(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "DRAFTS_PER_UNIT", 5)
    monkeypatch.setattr(store, "DRAFTS_TOTAL", 8)
    data, drafts = _data(tmp_path)
    small = store.keep_draft(data / "th-c" / "x.yaml", "title: c\n", drafts)
    for i in range(5):
        store.keep_draft(data / "th-a" / f"a{i}.yaml", f"title: {'a' * 200} {i}\n", drafts)
    for i in range(5):
        store.keep_draft(data / "th-b" / f"b{i}.yaml", f"title: b {i}\n", drafts)
    every = list(drafts.rglob("*.yaml"))
    assert len(every) == 8  # the global cap
    assert small is not None and small.exists()  # the oldest draft of all, but its unit is the smallest
    assert len(list((drafts / "th-a").glob("*.yaml"))) == 2  # the biggest unit gave up three
    assert len(list((drafts / "th-b").glob("*.yaml"))) == 5


def test_unit_bytes_quota_and_top_level_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "DRAFTS_UNIT_BYTES", 1000)
    data, drafts = _data(tmp_path)
    for i in range(5):
        store.keep_draft(data / "th-a" / "big.yaml", "title: " + "x" * 300 + f" {i}\n", drafts)
    assert sum(p.stat().st_size for p in (drafts / "th-a").glob("*.yaml")) <= 1000
    top = store.keep_draft(data / "plan.yaml", "title: top\n", drafts)
    assert top is not None and top.parent == drafts / store.TOP_DRAFTS and top.exists()
