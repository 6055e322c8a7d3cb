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
    text = schema_text()
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(args.output)
    else:
        print(text, end="")
    return 0
