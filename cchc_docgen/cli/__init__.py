"""Command-line interface: ``main(argv) -> exit code``.

The only place that prints to the terminal and picks exit codes (architecture §4):
0 success; 1 the input has problems; 2 usage error; 70 internal error; 130 interrupted.
Each sub-command lives in its own module with ``register(subparsers)`` and ``run(args) -> int``;
modules import heavy libraries inside ``run`` so that ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
import zlib
from collections.abc import Sequence
from typing import Any

from cchc_docgen import __version__

PROG = "cchc-docgen"

#: sub-command name → module under ``cchc_docgen.cli``
COMMANDS = {
    "render": "render",
    "validate": "validate",
    "check": "check",
    "schema": "schema",
    "derive": "derive",
    "rollover": "rollover",
    "report": "report",
    "serve": "serve",
    "users": "users",
    "import": "import_",
}

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese usage errors and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{PROG}: lỗi: tham số không hợp lệ: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Tạo văn bản hành chính (Kế hoạch, Báo cáo) đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp YAML.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--traceback", action="store_true", help="in đầy đủ traceback khi có lỗi (dành cho lập trình viên)"
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    for module in COMMANDS.values():
        importlib.import_module(f"cchc_docgen.cli.{module}").register(sub)
    return parser


def _error(line: str) -> None:
    print(f"{PROG}: lỗi: {line}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (without the program name) and return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # --traceback may stand anywhere on the line
    show_traceback = "--traceback" in argv
    argv = [a for a in argv if a != "--traceback"]
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version or a usage error
        return int(exc.code or 0)
    args.traceback = show_traceback
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from cchc_docgen.errors import DocgenError

    previous = _terminate_as_interrupt()
    try:
        module = importlib.import_module(f"cchc_docgen.cli.{COMMANDS[args.command]}")
        return int(module.run(args))
    except DocgenError as exc:
        if show_traceback:
            raise
        for line in exc.lines():
            _error(line)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: đã dừng theo yêu cầu của người dùng.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:  # the computer, not the program: full disk, read-only folder, no permission
        if show_traceback:
            raise
        from cchc_docgen.oserrors import os_problem

        for line in os_problem(exc).lines():
            _error(line)
        return EXIT_INPUT
    except zlib.error:  # corrupt compressed data inside a .docx: always the file, never the program
        if show_traceback:
            raise
        _error("một tệp .docx bạn đưa vào bị hỏng (dữ liệu nén không đọc được). Hãy mở tệp bằng Word và lưu lại "
               "thành tệp .docx mới, rồi chạy lại.")
        return EXIT_INPUT
    except (MemoryError, RecursionError):
        if show_traceback:
            raise
        _error("dữ liệu quá lớn hoặc lồng nhau quá sâu, máy không đủ bộ nhớ để xử lý. Hãy chia thành nhiều tệp "
               "nhỏ hơn.")
        return EXIT_INPUT
    except Exception as exc:
        if show_traceback:
            raise
        _error(
            f"lỗi nội bộ của chương trình ({type(exc).__name__}: {exc}). "
            "Đây là lỗi phần mềm, không phải lỗi của tệp bạn viết; hãy chạy lại với --traceback "
            "và gửi kết quả cho nhóm phát triển."
        )
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _terminate_as_interrupt() -> Any:
    """SIGTERM (``kill``, a closing terminal, a service manager) stops a run exactly like Ctrl+C: workers
    and LibreOffice are stopped, temporary files removed, exit code 130. Returns the previous handler."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):  # not the main thread (e.g. called from a web server)
        return None


def entry_point() -> None:
    """Console-script entry: ``cchc-docgen``."""
    sys.exit(main())
