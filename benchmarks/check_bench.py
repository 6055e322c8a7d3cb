"""Time ``check_docx`` on a long document (seed-001 size: ~45 body sections, a 44-row appendix table).

Run: ``python benchmarks/check_bench.py``. Prints the time; the target is under 1 s per check.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checker")]

from gooddoc import build_good  # noqa: E402

from cchc_docgen.checker import check_docx  # noqa: E402


def _time(label: str, path: Path) -> float:
    times = []
    findings = []
    for _ in range(5):
        start = time.perf_counter()
        findings = check_docx(path)
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(
        f"check_docx on {label}: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms "
        f"({len(findings)} findings); target < 1000 ms: {'OK' if median < 1 else 'TOO SLOW'}"
    )
    return median


def main() -> int:
    from cchc_docgen.pipeline import render_plan

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.docx"
        build_good(long=True).save(str(path))
        synthetic = _time("a seed-001-sized test document", path)
        seed = render_plan(ROOT / "plans" / "001_haiphong_cchc_2023.yaml", Path(tmp))
        real = _time("seed 001's rendered plan", seed)
    return 0 if max(synthetic, real) < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
