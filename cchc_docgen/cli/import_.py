"""``cchc-docgen import``: an existing plan or report (DOCX, PDF, text) → a YAML plan, with a short report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="nhập kế hoạch/báo cáo có sẵn (.docx, .pdf, .txt) thành tệp YAML",
        description=(
            "Đọc một kế hoạch hoặc báo cáo có sẵn (Word .docx, PDF có lớp chữ, văn bản .txt) và viết tệp YAML "
            "tương ứng. Số thứ tự gõ tay được bỏ đi, chương trình tự đánh số lại khi tạo văn bản."
        ),
    )
    p.add_argument("source", metavar="FILE.docx|FILE.pdf|FILE.txt")
    p.add_argument("-o", "--output", metavar="PLAN.yaml",
                   help="tệp YAML ghi ra (mặc định: cùng tên với tệp nguồn, đuôi .yaml, cùng thư mục)")
    p.add_argument("--force", action="store_true", help="cho phép ghi đè tệp YAML đã có")


def run(args: argparse.Namespace) -> int:
    from cchc_docgen.importer import import_file
    from cchc_docgen.yamlio import write_yaml

    source = Path(args.source)
    out = Path(args.output) if args.output else source.with_suffix(".yaml")
    if out.resolve() == source.resolve():
        out = source.with_name(source.stem + ".imported.yaml")
    result = import_file(source)
    write_yaml(out, result.yaml_text, force=args.force)
    print(f"Đã nhập '{source}' → '{out}'.")
    if result.unplaced:
        print(f"Có {len(result.unplaced)} chỗ chương trình phải đoán hoặc chưa xếp được (đã ghi tạm hoặc giữ thành "
              "đoạn văn), hãy xem lại:")
        for item in result.unplaced:
            print(f"  - {item.where}: {item.text}")
    else:
        print("Đã nhận ra toàn bộ văn bản. Hãy đọc soát tệp YAML rồi chạy 'cchc-docgen render' để tạo văn bản.")
    sys.stdout.flush()
    return 0
