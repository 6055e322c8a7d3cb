"""``cchc-docgen schema``: the JSON Schema of the YAML, for editor completion and checks."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="in JSON Schema của tệp YAML (cho trình soạn thảo)")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE", help="ghi ra tệp thay vì màn hình")


def schema_text() -> str:
    import json

    from cchc_docgen.models import Document

    schema = Document.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
              "title": "cchc-docgen: Kế hoạch / Báo cáo"}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    from cchc_docgen.atomic import write_bytes_atomic
    from cchc_docgen.errors import InputError

    text = schema_text()
    if args.output:
        if args.output.is_symlink():
            raise InputError(f"'{args.output}' là một liên kết (symlink) tới tệp khác; chương trình không ghi qua "
                             "liên kết. Hãy chọn tên tệp khác bằng -o.")
        # atomic: a full disk or a kill leaves the old schema whole, never a truncated one
        write_bytes_atomic(args.output, text.encode("utf-8"))
        print(args.output)
    else:
        print(text, end="")
    return 0
