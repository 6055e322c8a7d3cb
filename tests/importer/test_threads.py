"""Imports in parallel threads (the web page runs them so) give exactly the serial results (issue 16.4)."""

from __future__ import annotations

import threading
from pathlib import Path

from support.paths import ROOT

from cchc_docgen.importer import import_file

_DOCS = ("kh_tuyentruyen_cchc_2026.docx", "bc_cchc_2025.docx", "kh_pcmt_2030.docx")


def _find(name: str) -> Path:
    found = sorted((ROOT / "tests" / "data").rglob(name))
    assert found, name
    return found[0]


def test_parallel_imports_equal_serial_ones() -> None:
    paths = [_find(name) for name in _DOCS]
    serial = {p: import_file(p).yaml_text for p in paths}
    assert len(set(serial.values())) == len(paths)
    rounds = 3
    start = threading.Barrier(len(paths) * 2)
    results: dict[tuple[Path, int], str] = {}
    errors: list[BaseException] = []

    def run(path: Path, worker: int) -> None:
        try:
            start.wait(timeout=60)
            for i in range(rounds):
                results[(path, worker * rounds + i)] = import_file(path).yaml_text
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p, w)) for p in paths for w in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == len(paths) * 2 * rounds
    for (path, _), text in results.items():
        assert text == serial[path], path.name
