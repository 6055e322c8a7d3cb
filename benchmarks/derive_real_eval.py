"""Kept tasks of ``derive`` on real provincial plans against the lists written by hand (issue 22).

    python benchmarks/derive_real_eval.py [--details]

For each plan of ``tests/data/derive_real`` and each unit its hand-written list judges (a Sở, a xã, a THPT
school on the provincial plans; a THPT and a Phòng GD&ĐT on seed 001), prints the expected and obtained kept
tasks, precision and recall; with ``--details`` also the tasks missed and the tasks kept without being expected.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_docgen.derive import derive, load_unit  # noqa: E402
from cchc_docgen.derive.evaluate import score  # noqa: E402
from cchc_docgen.loader import load_document  # noqa: E402
from cchc_docgen.yamlio import load_roundtrip  # noqa: E402

DATA = ROOT / "tests" / "data" / "derive_real"


def units_of(entries: list) -> list[Path]:
    """The unit files an expectation list judges (every unit named in a 'keep' list)."""
    return [DATA / "units" / f"{stem}.yaml" for stem in sorted({u for e in entries for u in e["keep"]})]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    expected = {**load_roundtrip(DATA / "expected_kept.yaml"), **load_roundtrip(DATA / "expected_kept_seeds.yaml")}
    print(f"{'kế hoạch':32} {'đơn vị':20} {'cần giữ':>7} {'đã giữ':>6} {'đúng':>5} {'precision':>9} {'recall':>7}")
    total_hits = total_expected = total_obtained = 0
    for plan_name, entries in expected.items():
        plan = load_document(DATA / plan_name)
        for unit_path in units_of(entries):
            result = score(derive(plan, load_unit(unit_path)).tasks, list(entries), unit_path.stem)
            total_hits += len(result.hits)
            total_expected += len(result.expected)
            total_obtained += len(result.obtained)
            print(f"{plan_name:32} {unit_path.stem:20} {len(result.expected):7} {len(result.obtained):6} "
                  f"{len(result.hits):5} {_percent(result.precision):>9} {_percent(result.recall):>7}")
            if args.details:
                for text in result.missed:
                    print(f"    thiếu: {text}")
                for text in result.extra:
                    print(f"    thừa:  {text}")
    precision = total_hits / total_obtained if total_obtained else None
    recall = total_hits / total_expected if total_expected else None
    print(f"{'tổng':53} {total_expected:7} {total_obtained:6} {total_hits:5} {_percent(precision):>9} "
          f"{_percent(recall):>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
