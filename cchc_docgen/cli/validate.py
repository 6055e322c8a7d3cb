"""``cchc-docgen validate``: schema and consistency checks; writes nothing."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="kiểm tra tệp YAML (không tạo tệp nào)",
        description="Kiểm tra tệp YAML: lỗi cấu trúc và các chỗ không nhất quán (năm, phụ lục, nơi nhận…).",
    )
    p.add_argument("plans", nargs="+", metavar="PLAN.yaml")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo như lỗi (mã thoát 1)")


def run(args: argparse.Namespace) -> int:
    from cchc_docgen.cli.inputs import expand
    from cchc_docgen.consistency import check
    from cchc_docgen.errors import InputError
    from cchc_docgen.loader import load_with_lines

    failed = warned = 0
    for plan in expand(args.plans):
        try:
            doc, lines = load_with_lines(plan)
            if doc.report is not None:
                from cchc_docgen.report.xlsx import apply_tasks_file

                doc = apply_tasks_file(doc, plan)
        except InputError as exc:
            failed += 1
            for line in exc.lines():
                print(f"cchc-docgen: lỗi: {line}", file=sys.stderr)
            continue
        warnings = check(doc, lines, str(plan))
        warned += bool(warnings)
        for w in warnings:
            print(f"cchc-docgen: cảnh báo: {w.format()}", file=sys.stderr)
        if not warnings:
            print(f"{plan}: hợp lệ")
    return 1 if failed or (args.strict and warned) else 0
