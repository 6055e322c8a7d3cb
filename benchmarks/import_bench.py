"""Time ``cchc-docgen import`` on real plans and reports, as DOCX and as the PDF LibreOffice makes of them.

Run: ``python benchmarks/import_bench.py``. For each document it prints its length in pages (of the PDF), the
best of 3 import times for the DOCX and the PDF (wall time, and CPU time for the PDF, since the machine may be
shared), the times per 20 pages, and the PDF import time divided by the time of poppler's ``pdftotext
-bbox-layout`` on the same file, measured in the same run (text with positions, the fastest reader at hand).
The signed PDFs of tests/data/signed (number and day in signature-field appearances) are timed too. The
targets: importing a 20-page plan takes under 2 s, and a PDF import at most 10 × ``pdftotext -bbox-layout``.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from cchc_docgen.importer import import_file  # noqa: E402

SIGNED = sorted((ROOT / "tests" / "data" / "signed").glob("*.pdf"))
SOURCES = sorted(p for p in (ROOT / "tests" / "data" / "realdocs").glob("*.docx")
                 if p.name.startswith(("kh_", "doc_kh_", "bc_")))


def _best(path: Path, runs: int = 3) -> tuple[float, float]:
    """The best wall time and the best CPU time (this process) of ``runs`` imports."""
    wall = cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        import_file(path)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def _pdftotext(pdf: Path, runs: int = 3) -> tuple[float, float]:
    """The best wall time and the best CPU time (the child process) of ``runs`` ``pdftotext -bbox-layout``."""
    wall = cpu = float("inf")
    for _ in range(runs):
        start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall, cpu


def main() -> int:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe or not shutil.which("pdftotext"):
        print("LibreOffice (to make the PDFs) and poppler's pdftotext (the reference time) are needed.")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([exe, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, SOURCES)], check=True, capture_output=True, timeout=600)
        print(f"{'document':34} {'pages':>5} {'DOCX s':>7} {'PDF s':>7} {'PDF cpu':>7} {'DOCX s/20p':>10} "
              f"{'PDF s/20p':>9} {'cpu/20p':>7} {'pdftotext s':>11} {'cpu':>5} {'ratio':>6} {'cpu ratio':>9}")
        docx_worst = pdf_worst = cpu_worst = ratio_worst = cpu_ratio_worst = 0.0
        rows: list[tuple[str, Path, Path | None]] = [(s.name, out / f"{s.stem}.pdf", s) for s in SOURCES]
        rows += [(p.name, p, None) for p in SIGNED]
        for name, pdf, source in rows:
            pages = len(PdfReader(pdf).pages)
            docx_s = _best(source)[0] if source else float("nan")
            (pdf_s, pdf_cpu), (poppler_s, poppler_cpu) = _best(pdf), _pdftotext(pdf)
            if source:
                docx_worst = max(docx_worst, docx_s * 20 / pages)
            pdf_worst = max(pdf_worst, pdf_s * 20 / pages)
            cpu_worst = max(cpu_worst, pdf_cpu * 20 / pages)
            ratio_worst = max(ratio_worst, pdf_s / poppler_s)
            cpu_ratio_worst = max(cpu_ratio_worst, pdf_cpu / max(poppler_cpu, 1e-3))
            print(f"{name:34} {pages:5d} {docx_s:7.3f} {pdf_s:7.3f} {pdf_cpu:7.3f} {docx_s * 20 / pages:10.3f} "
                  f"{pdf_s * 20 / pages:9.3f} {pdf_cpu * 20 / pages:7.3f} {poppler_s:11.3f} {poppler_cpu:5.2f} "
                  f"{pdf_s / poppler_s:6.1f} {pdf_cpu / max(poppler_cpu, 1e-3):9.1f}")
        print(f"DOCX: slowest import per 20 pages {docx_worst:.2f} s (target < 2 s)")
        print(f"PDF:  slowest import per 20 pages {pdf_worst:.2f} s wall, {cpu_worst:.2f} s CPU (target < 2 s)")
        print(f"PDF:  largest ratio to pdftotext -bbox-layout {ratio_worst:.1f} wall, {cpu_ratio_worst:.1f} CPU "
              "(target ≤ 10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
