"""``cchc-docgen serve [--host 127.0.0.1] [--port 8000] [--data DIR]``: the web page for plans and reports."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="mở trang web để lập kế hoạch, báo cáo mà không cần sửa YAML",
        description=(
            "Chạy trang web (tiếng Việt) để lập kế hoạch, báo cáo, xem trước và tải DOCX/PDF. "
            "Trên 127.0.0.1 không cần đăng nhập; trên địa chỉ khác phải có tài khoản (cchc-docgen users add)."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này)")
    parser.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    parser.add_argument(
        "--data", default=".", metavar="THƯ_MỤC", help="thư mục chứa các tệp YAML (mặc định: thư mục hiện tại)"
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cchc_docgen.errors import UsageError
    from cchc_docgen.web.accounts import Accounts
    from cchc_docgen.web.settings import Settings, is_loopback

    data = Path(args.data)
    if not data.is_dir():
        raise UsageError(f"không có thư mục dữ liệu '{data}'. Hãy tạo thư mục đó hoặc chọn thư mục khác bằng --data.")
    if not 0 < args.port < 65536:
        raise UsageError(f"cổng {args.port} không hợp lệ: chọn một số từ 1 đến 65535.")
    settings = Settings(data=data, host=args.host, port=args.port)
    if not is_loopback(args.host) and not Accounts(settings.accounts_file).exists():
        raise UsageError(
            f"không chạy trên địa chỉ {args.host} khi chưa có tài khoản nào: ai trong mạng cũng sẽ sửa được văn bản. "
            f"Hãy tạo tài khoản trước (cchc-docgen users add TÊN --unit MÃ_ĐƠN_VỊ --data {data}), "
            "hoặc chạy trên 127.0.0.1."
        )
    import socket

    import uvicorn

    try:  # a clear message instead of uvicorn's English one when the port is taken
        with socket.create_server((args.host, args.port)):
            pass
    except OSError as exc:
        raise UsageError(f"không mở được cổng {args.port} trên {args.host} ({exc.strerror}): có thể một chương trình "
                         "khác đang dùng cổng này. Hãy chọn cổng khác, ví dụ --port 8080.") from None

    from cchc_docgen.web.app import create_app


    app = create_app(settings)
    print(f"cchc-docgen: trang web đang chạy tại http://{args.host}:{args.port}/ (dữ liệu: {settings.data}). "
          "Bấm Ctrl+C để dừng.", file=sys.stderr)
    # a request still running 3 s after SIGTERM/Ctrl+C is cancelled; its worker process is killed with it
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False,
                timeout_graceful_shutdown=3)
    return 0
