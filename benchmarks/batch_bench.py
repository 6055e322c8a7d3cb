"""Batch benchmark (issue #4): prints one table, every ratio measured in the same run.

    python benchmarks/batch_bench.py [--n 100] [--pdf-n 20] [--memory-n 500]

- DOCX batch throughput: N copies of seed 001's plan rendered by ``render_many`` (all cores) and sequentially;
- PDF: the same DOCX converted with one ``soffice`` per file versus our batch (``convert_many``);
- cold start of ``cchc-docgen --help`` and of rendering one plan, in fresh interpreters;
- peak memory (max RSS) of a batch of ``--memory-n`` plans: the main process and the largest worker.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "plans" / "001_haiphong_cchc_2023.yaml"

MEMORY_SCRIPT = """
import resource, sys
from pathlib import Path
from cchc_docgen.batch import render_many
plans = sorted(Path(sys.argv[1]).glob('*.yaml'))
report = render_many(plans, Path(sys.argv[2]), force=True)
assert not report.failures, report.failures[:1]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def copies(n: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"ke_hoach_{i:04d}.yaml"
        shutil.copyfile(SEED, path)
        out.append(path)
    return out


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cold(args: list[str], rounds: int = 5) -> float:
    return statistics.median(
        timed(lambda: subprocess.run([sys.executable, "-m", "cchc_docgen", *args], check=True,
                                     capture_output=True, cwd=ROOT)) for _ in range(rounds)
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--pdf-n", type=int, default=20)
    parser.add_argument("--memory-n", type=int, default=500)
    args = parser.parse_args()
    from cchc_docgen.batch import render_many

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        plans = copies(args.n, tmp / "plans")
        parallel = timed(lambda: render_many(plans, tmp / "out_par", force=True))
        sequential = timed(lambda: render_many(plans, tmp / "out_seq", force=True, jobs=1))
        rows += [(f"{args.n} plans (seed 001 size) → DOCX, all cores", f"{parallel:.2f} s  (target ≤ 10 s)"),
                 (f"{args.n} plans → DOCX, one process", f"{sequential:.2f} s"),
                 ("DOCX throughput, all cores", f"{args.n / parallel:.1f} plans/s")]

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            from cchc_docgen.pdf import convert_many

            docx = sorted((tmp / "out_par").glob("*.docx"))[: args.pdf_n]

            def one_per_file() -> None:
                for path in docx:
                    with tempfile.TemporaryDirectory() as profile:
                        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                                        "--convert-to", "pdf", "--outdir", str(tmp / "pdf_single"), str(path)],
                                       check=True, capture_output=True)

            single = timed(one_per_file)
            batch = timed(lambda: convert_many(docx))
            rows += [(f"{len(docx)} DOCX → PDF, one soffice per file", f"{single / len(docx):.2f} s/file"),
                     (f"{len(docx)} DOCX → PDF, our batch", f"{batch / len(docx):.2f} s/file"),
                     ("PDF speed-up (same run)", f"{single / batch:.1f}×  (target ≥ 3×)")]
        else:
            rows.append(("PDF", "skipped: LibreOffice not installed"))

        one = ["render", "plans/004_hungyen_tuyen_truyen_2022.yaml", "-o", str(tmp / "cold"), "--force"]
        rows += [("cold start: cchc-docgen --help", f"{cold(['--help']) * 1000:.0f} ms  (target ≤ 300 ms)"),
                 ("cold start: render one plan (004)", f"{cold(one) * 1000:.0f} ms")]

        mem_plans = copies(args.memory_n, tmp / "mem_plans")
        proc = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(mem_plans[0].parent),
                               str(tmp / "mem_out")], check=True, capture_output=True, text=True, cwd=ROOT)
        main_kb, child_kb = map(int, proc.stdout.split())
        rows += [(f"peak memory, {args.memory_n}-plan batch: main process", f"{main_kb / 1024:.0f} MB"),
                 (f"peak memory, {args.memory_n}-plan batch: largest worker", f"{child_kb / 1024:.0f} MB"),
                 ("peak memory, main + 2 workers (upper bound)",
                  f"{(main_kb + 2 * child_kb) / 1024:.0f} MB  (target ≤ 400 MB)")]

    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
