"""Render cost of our pipeline against a bare docxtpl render of the same template and context.

    python benchmarks/render_bench.py [PLAN.yaml] [--rounds N]

Both are measured side by side in one run (alternating, median of N rounds), so the ratio is meaningful on a
noisy machine. Target (issue #2): ratio ≤ 1.25 for seed 001's plan.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402
from jinja2 import Environment  # noqa: E402

from cchc_docgen.context import build_context  # noqa: E402
from cchc_docgen.loader import load_document  # noqa: E402
from cchc_docgen.pipeline import render_plan  # noqa: E402
from cchc_docgen.templates_path import default_template  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", nargs="?", default=str(ROOT / "plans" / "001_haiphong_cchc_2023.yaml"))
    parser.add_argument("--rounds", type=int, default=15)
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

    timings: dict[str, list[float]] = {"bare docxtpl render": [], "cchc-docgen render_plan": []}
    bare(), ours()  # warm up imports and caches
    for _ in range(args.rounds):
        for name, fn in (("bare docxtpl render", bare), ("cchc-docgen render_plan", ours)):
            start = time.perf_counter()
            fn()
            timings[name].append(time.perf_counter() - start)
    medians = {k: statistics.median(v) for k, v in timings.items()}
    print(f"plan: {plan.name}, rounds: {args.rounds}")
    for name, value in medians.items():
        print(f"  {name:<26} {value * 1000:8.1f} ms (median)")
    ratio = medians["cchc-docgen render_plan"] / medians["bare docxtpl render"]
    print(f"  ratio (ours / bare)        {ratio:8.2f}   target ≤ 1.25")


if __name__ == "__main__":
    main()
