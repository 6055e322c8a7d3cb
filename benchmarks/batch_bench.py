"""Time a batch of N copies of one plan rendered with ``-j 2``, for one or more checkouts, in one run.

    python benchmarks/batch_bench.py [--plans 100] [--jobs 2] [--rounds 2] [--plan PLAN.yaml] [CHECKOUT …]

Each CHECKOUT is a folder with the ``cchc_docgen`` package (default: this repository); to compare with an
older version, make a worktree of it (``git worktree add /tmp/before COMMIT``) and name both. The batches
alternate between checkouts (round-robin, ``--rounds`` each, median shown), each into a fresh output folder,
through ``python -m cchc_docgen render DIR -j N`` with ``PYTHONPATH`` set to the checkout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--plan", type=Path, default=ROOT / "plans" / "001_haiphong_cchc_2023.yaml")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="batch-bench-"))
    try:
        plans = work / "plans"
        plans.mkdir()
        for i in range(args.plans):
            shutil.copy(args.plan, plans / f"kh{i:03d}.yaml")
        times: dict[Path, list[float]] = {c: [] for c in args.checkouts}
        for round_ in range(args.rounds):
            for checkout in args.checkouts:
                out = work / f"out-{round_}-{args.checkouts.index(checkout)}"
                env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
                start = time.perf_counter()
                # cwd outside every checkout: 'python -m' puts the current folder before PYTHONPATH
                run = subprocess.run([sys.executable, "-m", "cchc_docgen", "render", str(plans), "-o", str(out),
                                      "-j", str(args.jobs)], env=env, capture_output=True, text=True, cwd=work)
                times[checkout].append(time.perf_counter() - start)
                if run.returncode != 0:
                    sys.exit(f"{checkout}: exit {run.returncode}\n{run.stderr[-2000:]}")
        probe = [sys.executable, "-c", "import cchc_docgen; print(cchc_docgen.__file__)"]
        for checkout in args.checkouts:  # each run really used its own checkout's code
            used = subprocess.run(probe, env={**os.environ, "PYTHONPATH": str(checkout.resolve())}, cwd=work,
                                  capture_output=True, text=True).stdout.strip()
            if not used.startswith(str(checkout.resolve())):
                sys.exit(f"{checkout}: the package came from {used}")
        print(f"{args.plans} copies of {args.plan.name}, -j {args.jobs}, {args.rounds} rounds; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for checkout, values in times.items():
            print(f"  {checkout!s:<40} median {statistics.median(values):6.2f} s  "
                  f"({', '.join(f'{v:.2f}' for v in values)})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
