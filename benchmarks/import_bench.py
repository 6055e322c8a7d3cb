"""Time ``cchc-docgen import`` on real plans and reports, as DOCX and as the PDF LibreOffice makes of them.

Run: ``python benchmarks/import_bench.py``. For each document it prints its length in pages (of the PDF), the
best of 3 import times for the DOCX and the PDF, the time per 20 pages, and the PDF import time divided by the
time of poppler's ``pdftotext -bbox-layout`` on the same file (text with positions, the fastest reader at hand).
The signed PDFs of tests/data/signed (number and day in signature-field appearances) are timed too. The
targets: importing a 20-page plan takes under 2 s, and a PDF import at most 10 × ``pdftotext -bbox-layout``.
"""

from __future__ import annotations

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


def _best(path: Path, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        import_file(path)
        best = min(best, time.perf_counter() - start)
    return best


def _pdftotext(pdf: Path, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe or not shutil.which("pdftotext"):
        print("LibreOffice (to make the PDFs) and poppler's pdftotext (the reference time) are needed.")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([exe, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, SOURCES)], check=True, capture_output=True, timeout=600)
        print(f"{'document':34} {'pages':>5} {'DOCX s':>7} {'PDF s':>7} {'DOCX s/20p':>10} {'PDF s/20p':>9} "
              f"{'pdftotext s':>11} {'ratio':>6}")
        docx_worst = pdf_worst = ratio_worst = 0.0
        rows: list[tuple[str, Path, Path | None]] = [(s.name, out / f"{s.stem}.pdf", s) for s in SOURCES]
        rows += [(p.name, p, None) for p in SIGNED]
        for name, pdf, source in rows:
            pages = len(PdfReader(pdf).pages)
            docx_s = _best(source) if source else float("nan")
            pdf_s, poppler_s = _best(pdf), _pdftotext(pdf)
            if source:
                docx_worst = max(docx_worst, docx_s * 20 / pages)
            pdf_worst = max(pdf_worst, pdf_s * 20 / pages)
            ratio_worst = max(ratio_worst, pdf_s / poppler_s)
            print(f"{name:34} {pages:5d} {docx_s:7.3f} {pdf_s:7.3f} {docx_s * 20 / pages:10.3f} "
                  f"{pdf_s * 20 / pages:9.3f} {poppler_s:11.3f} {pdf_s / poppler_s:6.1f}")
        print(f"DOCX: slowest import per 20 pages {docx_worst:.2f} s (target < 2 s)")
        print(f"PDF:  slowest import per 20 pages {pdf_worst:.2f} s (target < 2 s)")
        print(f"PDF:  largest ratio to pdftotext -bbox-layout {ratio_worst:.1f} (target ≤ 10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
