"""Benchmark of ``cchc-docgen check`` (XML-only mode; no PDF is made).

Run: ``python benchmarks/check_bench.py``. Prints, with figures:

1. every real document of ``tests/data/realdocs`` (18 DOCX from provincial offices): pages, kind,
   findings and the time of one check, and the total over the corpus;
2. a 20-page document (seed 001's rendered plan, and a long test document): target under 1 s;
3. scaling: documents of n, 4n and 16n paragraphs; the time per paragraph stays flat when the
   check is linear in document size (issue #9: a 50 MB document.xml once took 326 s).

Exit code 1 when the 20-page target is missed.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checker")]

from gooddoc import _appendix, _roman, build_good  # noqa: E402

from cchc_docgen.checker import check_document  # noqa: E402
from cchc_docgen.checker.docmodel import build_model  # noqa: E402
from cchc_docgen.ooxml.package import open_package  # noqa: E402

REALDOCS = ROOT / "tests" / "data" / "realdocs"


def _median(path: Path, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = check_document(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def corpus() -> None:
    print("1. Real documents (tests/data/realdocs)")
    total = 0.0
    for path in sorted(REALDOCS.glob("*.docx")):
        secs, res = _median(path)
        total += secs
        print(
            f"   {path.name:32} {res.kind:9} ~{res.pages:>2} tr.  {len(res.findings):>2} lỗi  "  # type: ignore[attr-defined]
            f"{secs * 1000:6.0f} ms"
        )
    print(f"   whole corpus: {total:.2f} s for {len(list(REALDOCS.glob('*.docx')))} files")


def twenty_pages(tmp: Path) -> float:
    from cchc_docgen.pipeline import render_plan

    print("2. A 20-page document (target < 1 s)")
    worst = 0.0
    long_doc = tmp / "long.docx"
    build_good(long=True).save(str(long_doc))
    seed = render_plan(ROOT / "plans" / "001_haiphong_cchc_2023.yaml", tmp)
    for label, path in (("seed 001 rendered plan", seed), ("long test document", long_doc)):
        secs, res = _median(path, 5)
        worst = max(worst, secs)
        print(f"   {label:28} ~{res.pages} pages: {secs * 1000:.0f} ms  {'OK' if secs < 1 else 'TOO SLOW'}")  # type: ignore[attr-defined]
    return worst


def scaling(tmp: Path) -> None:
    print("3. Scaling with document size (time per paragraph should stay flat)")
    for extra in (8, 32, 128):
        doc = build_good()
        for i in range(extra):
            _appendix(doc, _roman(i + 3), f"BIỂU MẪU SỐ {i + 1}", False, 8)
        path = tmp / f"scale_{extra}.docx"
        doc.save(str(path))
        paras = len(build_model(open_package(path)).paras)
        secs, _ = _median(path, 1)
        print(
            f"   {paras:>6} paragraphs, {extra + 2:>3} appendices: {secs:6.2f} s, "
            f"{secs / paras * 1e6:6.0f} µs per paragraph"
        )


def main() -> int:
    corpus()
    with tempfile.TemporaryDirectory() as tmp:
        worst = twenty_pages(Path(tmp))
        scaling(Path(tmp))
    return 0 if worst < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
