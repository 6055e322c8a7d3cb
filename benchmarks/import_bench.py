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
        print(f"{'document':34} {'pages':>5} {'DOCX s':>8} {'PDF s':>8} {'PDF s/20 pages':>15}")
        worst = 0.0
        for source in SOURCES:
            pdf = out / f"{source.stem}.pdf"
            pages = len(PdfReader(pdf).pages)
            docx_s, pdf_s = _best(source), _best(pdf)
            per20 = max(docx_s, pdf_s) * 20 / pages
            print(f"{source.name:34} {pages:5d} {docx_s:8.3f} {pdf_s:8.3f} {pdf_s * 20 / pages:15.3f}")
            if pages >= 20:
                worst = max(worst, docx_s, pdf_s)
            worst = max(worst, per20)
        print(f"slowest import of a document of 20 pages or more (or per 20 pages): {worst:.2f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
