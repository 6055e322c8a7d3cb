"""40 units derived and rendered in one command (issue #10: target ≤ 15 s on this machine).

    python benchmarks/derive_bench.py [PARENT.yaml] [--units N] [--rounds R]

Writes a spreadsheet of N schools (as a Phòng keeps them in Excel), then runs, as a user would,
``cchc-docgen derive PARENT --units schools.xlsx -o DIR --render`` in a fresh process and reports the wall time
(median of R rounds), the time per unit, and the share spent before rendering (reading + deriving + YAML).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

CATEGORIES = ["Mầm non", "Tiểu học", "THCS"]


def write_units(path: Path, count: int) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Tên đơn vị", "Viết tắt", "Loại", "Cơ quan chủ quản", "Địa danh", "Hiệu trưởng",
               "Phó hiệu trưởng", "Tổ chuyên môn"])
    for i in range(1, count + 1):
        category = CATEGORIES[i % 3]
        prefix = {"Mầm non": "MN", "Tiểu học": "TH", "THCS": "THCS"}[category]
        ws.append([i, f"Trường {category} Số {i}", f"{prefix}{i:02d}", category, "Phòng GD&ĐT huyện Văn Lâm",
                   "Văn Lâm", f"Nguyễn Văn {i}", f"Trần Thị {i}" if i % 2 else "", "Tổ 1; Tổ 2; Tổ Văn phòng"])
    wb.save(path)


def run(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cchc_docgen", *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"command failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("parent", nargs="?", default=str(ROOT / "plans" / "005_phong_van_lam_tuyen_truyen_2023.yaml"))
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="derive_bench_"))
    sheet = work / "truong.xlsx"
    write_units(sheet, args.units)
    full, derive_only = [], []
    for r in range(args.rounds):
        full.append(run(["derive", args.parent, "--units", str(sheet), "-o", str(work / f"a{r}"), "--render"]))
        derive_only.append(run(["derive", args.parent, "--units", str(sheet), "-o", str(work / f"b{r}")]))
    docx = len(list((work / "a0").glob("*.docx")))
    total, only = statistics.median(full), statistics.median(derive_only)
    print(f"units: {args.units} (DOCX written: {docx}), parent: {Path(args.parent).name}, cpus: {os.cpu_count()}")
    print(f"derive + render, one command: {total:.2f} s (median of {args.rounds}; target ≤ 15 s) "
          f"→ {total / args.units * 1000:.0f} ms per unit")
    print(f"derive only (YAML files): {only:.2f} s → render share {(total - only) / total:.0%}")
    print("PASS" if total <= 15 else "FAIL: over 15 s")


if __name__ == "__main__":
    main()
