"""``cchc-docgen render`` (and ``python generate.py``): YAML plans → DOCX (and PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_docgen.batch import BatchReport


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help="tạo tệp Word (và PDF) từ các tệp YAML",
                       description="Tạo văn bản .docx (và .pdf) đúng thể thức NĐ 30 từ các tệp YAML.")
    p.add_argument("plans", nargs="+", metavar="PLAN.yaml", help="tệp YAML, thư mục hoặc mẫu tên như plans/*.yaml")
    p.add_argument("-o", "--out", default="out", metavar="OUT_DIR", help="thư mục ghi kết quả (mặc định: out)")
    p.add_argument("--pdf", action="store_true", help="tạo thêm tệp PDF bên cạnh tệp Word")
    p.add_argument("--pdf-engine", choices=["libreoffice", "word"], default=None,
                   help="chọn cách chuyển PDF (mặc định: tự chọn)")
    p.add_argument("--template", type=Path, default=None, metavar="FILE.docx", help="dùng mẫu Word khác mẫu mặc định")
    p.add_argument("--force", action="store_true", help="ghi đè cả tệp kết quả đã bị sửa tay")
    p.add_argument("-j", "--jobs", type=int, default=None, help="số tiến trình song song (mặc định: số lõi CPU)")


def run(args: argparse.Namespace) -> int:
    from cchc_docgen.batch import render_many
    from cchc_docgen.cli.inputs import expand
    from cchc_docgen.errors import UsageError

    plans = expand(args.plans)
    if args.template is not None and not args.template.is_file():
        raise UsageError(f"không tìm thấy mẫu '{args.template}'.")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"-j phải là số nguyên dương (bạn ghi {args.jobs}).")
    report = render_many(plans, Path(args.out), template=args.template, force=args.force, pdf=args.pdf,
                         pdf_engine=args.pdf_engine, jobs=args.jobs, progress=sys.stderr.isatty(),
                         reraise=getattr(args, "traceback", False))
    if args.jobs is not None and args.jobs > report.jobs and report.jobs < len(plans):
        print(f"cchc-docgen: chú ý: máy có {report.jobs} lõi CPU nên chỉ chạy {report.jobs} tiến trình "
              f"song song (thay vì -j {args.jobs}).", file=sys.stderr)
    return print_outcomes(report, len(plans))


def print_outcomes(report: BatchReport, count: int) -> int:
    """Print a batch's outcomes (one per plan, in the order given) and its summary; return the exit code."""
    for outcome in report.outcomes:
        for line in outcome.lines:
            print(f"cchc-docgen: lỗi: {line}", file=sys.stderr)
        for path in outcome.written:
            print(path)
    if count > 1 or report.failures:
        print(report.summary(), file=sys.stderr)
    return 70 if report.internal else 1 if report.failures else 0
