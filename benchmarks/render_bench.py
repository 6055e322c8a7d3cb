"""Render cost of our pipeline against a bare docxtpl render of the same template and context.

    python benchmarks/render_bench.py [PLAN.yaml] [--renders N] [--repeats K]

One run measures both side by side: N renders through ``pipeline.render_plan`` (load the YAML, build the
context, render with every guard, verify, write atomically) and N bare docxtpl renders of the same template
with the same, already built, context (``DocxTemplate(...).render(context, Environment(autoescape=True))`` and
``save``), alternating in blocks, K times. The total of the N renders is compared, by CPU time of this process
(robust against other jobs on the machine) and by wall-clock time. Target (issue #16): ratio ≤ 1.0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402
from jinja2 import Environment  # noqa: E402

from cchc_docgen.context import build_context  # noqa: E402
from cchc_docgen.loader import load_document  # noqa: E402
from cchc_docgen.pipeline import render_plan  # noqa: E402
from cchc_docgen.templates_path import default_template  # noqa: E402


def _block(fn: Callable[[], object], renders: int) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(renders):
        fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", nargs="?", default=str(ROOT / "plans" / "001_haiphong_cchc_2023.yaml"))
    parser.add_argument("--renders", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    plan = Path(args.plan)
    doc = load_document(plan)
    context = build_context(doc)
    template = default_template(doc.kind)
    out = Path(tempfile.mkdtemp())

    def bare() -> None:
        tpl = DocxTemplate(str(template))
        tpl.render(context, Environment(autoescape=True))
        tpl.save(str(out / "bare.docx"))

    def ours() -> None:
        render_plan(plan, out, force=True)

    runs: dict[str, list[tuple[float, float]]] = {"bare docxtpl": [], "cchc-docgen render_plan": []}
    bare(), ours()  # warm up imports (and, for ours, the per-process template cache: a batch has it too)
    for _ in range(args.repeats):
        for name, fn in (("bare docxtpl", bare), ("cchc-docgen render_plan", ours)):
            runs[name].append(_block(fn, args.renders))
    print(f"plan: {plan.name}; {args.renders} renders each, {args.repeats} alternating blocks; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    cpu = {k: statistics.median(c for c, _ in v) for k, v in runs.items()}
    wall = {k: statistics.median(w for _, w in v) for k, v in runs.items()}
    for name in runs:
        print(f"  {name:<26} {args.renders} renders: CPU {cpu[name]:6.2f} s, wall {wall[name]:6.2f} s (median block)")
    print(f"  ratio (ours / bare)        CPU {cpu['cchc-docgen render_plan'] / cpu['bare docxtpl']:5.2f}, "
          f"wall {wall['cchc-docgen render_plan'] / wall['bare docxtpl']:5.2f}   target ≤ 1.0")


if __name__ == "__main__":
    main()
