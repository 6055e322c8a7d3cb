"""Preview conversions under a time limit, and fairness between users (real LibreOffice, loopback-free).

    PYTHONPATH=. python benchmarks/preview_fairness_bench.py [--rows 3000] [--limit 60]

The warm converter (``cchc_docgen.web.converter.Converter``, as the web page uses it), first with one lane,
then with two, in the same run. User A asks for the preview of a plan whose appendix table has ``--rows`` rows
(issue #19: 3,009 rows took 155 s); one second later user B asks for a normal 4-page plan. Prints, for each,
how long A's conversion ran (stopped at ``--limit`` with the message, or finished), how long B waited in all,
and B's conversion alone on a warm converter for comparison. With two lanes B's wait includes starting the
second LibreOffice (it is started only when needed). Figures only; the README quotes them.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_docgen.loader import load_document  # noqa: E402
from cchc_docgen.pdf import PdfError  # noqa: E402
from cchc_docgen.pipeline import render_document  # noqa: E402
from cchc_docgen.web.converter import Converter  # noqa: E402
from cchc_docgen.yamlio import dump_roundtrip, load_roundtrip  # noqa: E402

PLAN = ROOT / "plans" / "005_phong_van_lam_tuyen_truyen_2023.yaml"


def big_plan(target: Path, rows: int) -> None:
    tree = load_roundtrip(PLAN)
    table = tree["appendices"][0]["rows"]
    tasks = [row for row in table if "task" in row]
    table.extend(copy.deepcopy(tasks[i % len(tasks)]) for i in range(rows - len(table)))
    target.write_text(dump_roundtrip(tree), encoding="utf-8")


def docx_of(plan: Path) -> Path:
    out = plan.with_suffix(".docx")
    render_document(load_document(plan), plan, out)
    return out


def race(converter: Converter, lanes: int, big: Path, small: Path, args: argparse.Namespace) -> None:
    """User A's huge preview, then user B's small one 1 s later, on ``converter``; prints the figures."""
    try:
        started = time.monotonic()
        converter.warm_up()
        print(f"{lanes} lane(s): warm-up {time.monotonic() - started:.1f} s")
        started = time.monotonic()
        converter.to_pdf(small, "user:b")
        alone = time.monotonic() - started
        small.with_suffix(".pdf").unlink()
        outcome: dict[str, str] = {}

        def user_a() -> None:
            t0 = time.monotonic()
            try:
                converter.to_pdf(big, "user:a")
                outcome["a"] = f"finished in {time.monotonic() - t0:.1f} s"
            except PdfError as exc:
                outcome["a"] = f"stopped after {time.monotonic() - t0:.1f} s: {str(exc)[:60]}…"

        thread = threading.Thread(target=user_a)
        thread.start()
        time.sleep(1)
        t0 = time.monotonic()
        converter.to_pdf(small, "user:b")
        waited = time.monotonic() - t0
        small.with_suffix(".pdf").unlink()
        thread.join()
        print(f"  user A, {args.rows}-row plan: {outcome['a']}")
        print(f"  user B, 4-page plan asked 1 s later: answered after {waited:.1f} s "
              f"(limit {args.limit:g} s; alone on a warm converter: {alone:.1f} s)")
    finally:
        converter.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--limit", type=float, default=60.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cchc-preview-bench-"))
    big_plan(work / "lon.yaml", min(args.rows, 20_000))
    (work / "nho.yaml").write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    big, small = docx_of(work / "lon.yaml"), docx_of(work / "nho.yaml")
    print(f"machine: {os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f} at start")
    for lanes in (1, 2):
        race(Converter(seconds=args.limit, lanes=lanes), lanes, big, small, args)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
