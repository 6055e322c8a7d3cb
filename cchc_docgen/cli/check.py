"""``cchc-docgen check FILE.docx …``: NĐ30 conformance of any DOCX (exit 0 / 1, 2 for a missing file)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="kiểm tra thể thức một hay nhiều tệp .docx theo Nghị định 30/2020/NĐ-CP",
        description=(
            "Kiểm tra thể thức tệp .docx bất kỳ theo Nghị định 30/2020/NĐ-CP (các quy tắc P1 … X3). "
            "Chương trình nhận ra loại văn bản (kế hoạch, báo cáo, tờ trình, quyết định, công văn, thông báo, "
            "phụ lục riêng, …) rồi kiểm tra từng phần có ở loại đó. Văn bản ngoài phạm vi Nghị định 30 (bài phát "
            "biểu, đơn của công dân, phiếu trình nội bộ) chỉ được báo một dòng và không tính là lỗi. "
            "Mã thoát 0 khi không có lỗi bắt buộc (MUST), 1 khi có."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="TỆP.docx", help="tệp Word cần kiểm tra")
    parser.add_argument("--strict", action="store_true", help="coi cả khuyến nghị (SHOULD) là lỗi (mã thoát 1)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="định dạng kết quả (mặc định: text)")
    parser.add_argument(
        "--layout",
        action="store_true",
        help=(
            "đo bố cục trên bản PDF (tạo tạm bằng LibreOffice hoặc Word, không ghi gì cạnh tệp): số trang thật, "
            "căn giữa, khoảng trống để ký, Nơi nhận ngang hàng chức vụ. Chậm hơn; không tạo được PDF thì "
            "kiểm tra ở chế độ nhanh (chỉ đọc XML)"
        ),
    )
    parser.add_argument(
        "--pdf-engine",
        choices=("libreoffice", "word"),
        default=None,
        help="chương trình tạo PDF cho --layout (mặc định: tự chọn)",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cchc_docgen.checker import check_document
    from cchc_docgen.checker.report import FileResult, exit_code, render_json, render_text
    from cchc_docgen.errors import InputError, Problem, UsageError

    missing = [f for f in args.files if not Path(f).exists() or Path(f).is_dir()]  # a FIFO: refused per file
    if missing:
        raise UsageError(
            "không tìm thấy tệp",
            problems=[
                Problem(f, None, "", "không tìm thấy tệp (hoặc đây là thư mục); hãy kiểm tra lại đường dẫn.")
                for f in missing
            ],
        )
    layouts: dict[Path, Any] = {}
    if args.layout:
        from cchc_docgen.checker.layout import render_layouts

        layouts, note = render_layouts([Path(f) for f in args.files], engine=args.pdf_engine)
        if note:
            print(f"cchc-docgen: chú ý: {note}", file=sys.stderr)
    results: list[FileResult] = []
    for name in args.files:
        try:
            res = check_document(name, layouts.get(Path(name)))
            results.append(FileResult(name, res.findings, kind=res.kind, kind_label=res.kind_label, note=res.note))
        except InputError as exc:
            print(f"cchc-docgen: lỗi: {exc.message}", file=sys.stderr)
            results.append(FileResult(name, error=exc.message))
    render = render_json if args.format == "json" else render_text
    sys.stdout.write(render(results, args.strict))
    return exit_code(results, args.strict)
