"""Measure the rendering variance behind ``cchc_docgen/checker/tolerances.py``.

Run: ``python benchmarks/centre_variance.py`` (needs LibreOffice). It renders the development documents
(``tests/data/realdocs/labels.yaml``, never the test set) and four generated plans, and prints, over the
lines centred by alignment (no indents, in the body or a header/signature table of at most three columns,
set in Times New Roman):

1. how far each renders from the column centre the checker's model computes (max, 95th percentile, mean);
2. how far the text width the model estimates differs from the rendered width (relative; max, 95th pct).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_docgen.checker.docmodel import build_model  # noqa: E402
from cchc_docgen.checker.layout import MM_PER_PT, render_layouts  # noqa: E402
from cchc_docgen.checker.locate import locate  # noqa: E402
from cchc_docgen.checker.measure import apply_layout  # noqa: E402
from cchc_docgen.checker.segs import segments  # noqa: E402
from cchc_docgen.ooxml.package import open_package  # noqa: E402
from cchc_docgen.pipeline import render_plan  # noqa: E402

PLANS = ("000_haiphong_tuyen_truyen_2023", "001_haiphong_cchc_2023", "004_hungyen_tuyen_truyen_2022",
         "005_phong_van_lam_tuyen_truyen_2023")


def _summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    return (f"{name}: {len(values)} lines, max {ordered[-1]:.3f}, 95th percentile "
            f"{ordered[int(len(ordered) * 0.95)]:.3f}, mean {statistics.mean(values):.3f}")


def main() -> int:
    data = ROOT / "tests" / "data" / "realdocs"
    dev = yaml.safe_load((data / "labels.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = [data / f"{name}.docx" for name in dev]
        paths += [render_plan(ROOT / "plans" / f"{plan}.yaml", Path(tmp)) for plan in PLANS]
        layouts, note = render_layouts(paths)
        if note:
            print(note)
        offsets: list[float] = []
        widths: list[float] = []
        worst: list[tuple[float, str, str]] = []
        for path in paths:
            if path not in layouts:
                continue
            doc = build_model(open_package(path))
            apply_layout(doc, locate(doc), layouts[path])
            for p in doc.paras:
                pp, text = p.props, p.text
                if p.centre_off_mm is None or pp.jc != "center" or (pp.left, pp.right, pp.first_line) != (0, 0, 0):
                    continue
                if text != text.strip() or "\t" in text or len(text) < 6 or (p.table is not None and p.grid_cols > 3):
                    continue
                if any(r.props.font_ascii.lower() != "times new roman" for r in p.runs if r.text.strip()):
                    continue  # a font LibreOffice substitutes ("Times New Roman Bold"): not TNR's variance
                offsets.append(p.centre_off_mm)
                segs = segments(p)
                if len(segs) == 1 and p.pdf_line is not None:
                    rendered = (p.pdf_line.x1 - p.pdf_line.x0) * MM_PER_PT
                    widths.append(abs(segs[0].width_mm() - rendered) / rendered)
                    worst.append((widths[-1], path.stem, text[:40]))
    print(_summary("offset from the column centre (mm)", offsets))
    print(_summary("relative error of the estimated width", widths))
    print("largest width errors:", sorted(worst, reverse=True)[:3])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
