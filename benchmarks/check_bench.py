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


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.docx"
        build_good(long=True).save(str(path))
        times = []
        findings = []
        for _ in range(5):
            start = time.perf_counter()
            findings = check_docx(path)
            times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(
        f"check_docx on a seed-001-sized document: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms "
        f"({len(findings)} findings); target < 1000 ms: {'OK' if median < 1 else 'TOO SLOW'}"
    )
    return 0 if median < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
