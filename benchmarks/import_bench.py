"""Time ``cchc-docgen import`` on real plans and reports, as DOCX and as the PDF LibreOffice makes of them.

Run: ``python benchmarks/import_bench.py``. For each document it prints its length in pages (of the PDF), the
best of 3 import times for the DOCX and the PDF, and the time per 20 pages. The target: importing a 20-page
plan takes under 2 s.
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

SOURCES = sorted(p for p in (ROOT / "tests" / "data" / "realdocs").glob("*.docx")
                 if p.name.startswith(("kh_", "doc_kh_", "bc_")))


def _best(path: Path, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        import_file(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        print("LibreOffice is needed to make the PDFs (and to count pages).")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([exe, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, SOURCES)], check=True, capture_output=True, timeout=600)
        print(f"{'document':34} {'pages':>5} {'DOCX s':>8} {'PDF s':>8} {'DOCX s/20 p':>12} {'PDF s/20 p':>11}")
        docx_worst = pdf_worst = 0.0
        biggest: tuple[int, Path] = (0, out)
        for source in SOURCES:
            pdf = out / f"{source.stem}.pdf"
            pages = len(PdfReader(pdf).pages)
            biggest = max(biggest, (pages, pdf))
            docx_s, pdf_s = _best(source), _best(pdf)
            docx_worst = max(docx_worst, docx_s * 20 / pages)
            pdf_worst = max(pdf_worst, pdf_s * 20 / pages)
            print(f"{source.name:34} {pages:5d} {docx_s:8.3f} {pdf_s:8.3f} {docx_s * 20 / pages:12.3f} "
                  f"{pdf_s * 20 / pages:11.3f}")
        print(f"DOCX: slowest import per 20 pages {docx_worst:.2f} s (target < 2 s)")
        print(f"PDF:  slowest import per 20 pages {pdf_worst:.2f} s (target < 2 s)")
        from pdfminer.high_level import extract_pages

        pages, pdf = biggest
        start = time.perf_counter()
        for _ in extract_pages(str(pdf), laparams=None):
            pass
        parse = time.perf_counter() - start
        print(f"      of which pdfminer.six only parsing the pages: {parse * 20 / pages:.2f} s per 20 pages "
              f"({pdf.name}, {pages} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
