"""Benchmark DOCX → PDF: one ``soffice`` per file versus ``cchc_docgen.pdf.convert_many``.

Usage::

    python benchmarks/pdf_bench.py [--n 30] [--workers 1,2,3] [--baseline-n N]

Generates N DOCX files (a few pages of Vietnamese text each) in a temporary directory,
then measures in the same run:

(a) the naive way: one ``soffice --convert-to pdf`` process per file, sequentially,
    each with its own fresh profile;
(b) ``convert_many`` (batches of many files per process, a few processes), once per
    worker count given.

It also reports LibreOffice's first-start cost: one file with a fresh profile versus
the same file with an already initialised profile. The target is (b) ≥ 3× faster.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cchc_docgen.pdf import convert_many, find_soffice  # noqa: E402

SENTENCES = [
    "Đẩy mạnh công tác tuyên truyền cải cách hành chính trong toàn ngành giáo dục.",
    "Nâng cao nhận thức của cán bộ, công chức, viên chức và người lao động về vai trò của CCHC.",
    "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở.",
    "Ứng dụng công nghệ thông tin, chuyển đổi số trong quản lý, chỉ đạo, điều hành.",
    "Các phòng, ban, đơn vị trực thuộc căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị mình.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước giao cho đơn vị năm 2024.",
]


def make_document(path: Path, index: int, pages: int = 3) -> None:
    """A DOCX of about ``pages`` pages of Vietnamese administrative text."""
    import docx

    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.add_paragraph("UBND TỈNH HƯNG YÊN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO")
    document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    document.add_heading(f"KẾ HOẠCH số {index}/KH-SGDĐT: Tuyên truyền cải cách hành chính năm 2024", 1)
    for section in range(pages * 3):
        document.add_heading(f"{section + 1}. Mục tiêu và nhiệm vụ {section + 1}", 2)
        for k in range(5):
            document.add_paragraph(" ".join(SENTENCES[(section + k) % len(SENTENCES)] for _ in range(3)))
    table = document.add_table(rows=6, cols=4)
    for row, cells in enumerate(table.rows):
        for col, cell in enumerate(cells.cells):
            cell.text = f"Nhiệm vụ {row}.{col}: tổ chức thực hiện"
    document.save(str(path))


def naive(soffice: str, sources: list[Path], workdir: Path) -> float:
    """One ``soffice`` process per file, each with a fresh profile; seconds in total."""
    started = time.perf_counter()
    for i, src in enumerate(sources):
        profile = workdir / f"naive-profile-{i}"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(src.parent),
                str(src),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=300,
        )
        shutil.rmtree(profile, ignore_errors=True)
    return time.perf_counter() - started


def first_start(soffice: str, source: Path, workdir: Path) -> tuple[float, float]:
    """Seconds for one file with a fresh profile, then again with that profile warm."""
    profile = workdir / "first-start-profile"
    times = []
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(workdir / "first"),
                str(source),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=300,
        )
        times.append(time.perf_counter() - started)
    shutil.rmtree(profile, ignore_errors=True)
    return times[0], times[1]


def clear_pdfs(directory: Path) -> None:
    for pdf in directory.glob("*.pdf"):
        pdf.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=30, help="number of DOCX files (default 30)")
    parser.add_argument(
        "--workers", default="", help="worker counts for convert_many, e.g. 1,2,3 (default: ours)"
    )
    parser.add_argument("--baseline-n", type=int, default=None, help="files for (a) (default: all N)")
    parser.add_argument("--pages", type=int, default=3, help="approximate pages per document")
    args = parser.parse_args(argv)
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    worker_counts: list[int | None] = [int(w) for w in args.workers.split(",") if w] or [None]
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        workdir = Path(tmp)
        docs_dir = workdir / "docs"
        docs_dir.mkdir()
        sources = [docs_dir / f"ke-hoach-{i:03d}.docx" for i in range(args.n)]
        for i, src in enumerate(sources):
            make_document(src, i + 1, args.pages)
        print(
            f"{args.n} DOCX, {sum(s.stat().st_size for s in sources) / args.n / 1024:.0f} KiB each, "
            f"{os.cpu_count()} CPU, {soffice}"
        )

        cold, warm = first_start(soffice, sources[0], workdir)
        print(f"first start: fresh profile {cold:.2f} s, warm profile {warm:.2f} s (1 file)\n")

        rows: list[tuple[str, int, float]] = []
        baseline = sources[: args.baseline_n] if args.baseline_n else sources
        naive_s = naive(soffice, baseline, workdir)
        rows.append(("(a) one soffice per file", len(baseline), naive_s))
        clear_pdfs(docs_dir)
        for workers in worker_counts:
            started = time.perf_counter()
            results = convert_many(sources, workers=workers)
            elapsed = time.perf_counter() - started
            failed = [r for r in results if not r.ok]
            if failed:
                print(f"{len(failed)} failed, e.g. {failed[0].error}", file=sys.stderr)
            label = f"(b) convert_many, workers={workers if workers else 'default'}"
            rows.append((label, len(sources), elapsed))
            clear_pdfs(docs_dir)

    per_file_a = rows[0][2] / rows[0][1]
    print(f"{'method':<40} {'files':>5} {'total s':>8} {'s/file':>7} {'speed-up':>8}")
    for label, count, total in rows:
        per_file = total / count
        print(f"{label:<40} {count:>5} {total:>8.2f} {per_file:>7.3f} {per_file_a / per_file:>7.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
