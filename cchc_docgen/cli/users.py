"""``cchc-docgen users add NAME --unit UNIT [--parent UNIT] [--data DIR]``: accounts for ``serve``."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "users", help="quản lý tài khoản đăng nhập trang web (serve)",
        description=(
            "Tài khoản theo đơn vị: mỗi đơn vị chỉ thấy văn bản của mình; Phòng thấy văn bản các trường thuộc Phòng."
        ),
    )
    sub = parser.add_subparsers(dest="users_command", metavar="VIỆC")
    add = sub.add_parser("add", help="thêm tài khoản (hỏi mật khẩu, hoặc đọc từ stdin với --password-stdin)")
    add.add_argument("username", metavar="TÊN", help="tên đăng nhập, ví dụ 'ht.nguyendu'")
    add.add_argument("--unit", required=True, metavar="MÃ",
                     help="mã đơn vị (cũng là tên thư mục), ví dụ 'thcs-nguyen-du'")
    add.add_argument("--unit-name", default="", metavar="TÊN",
                     help="tên đơn vị để hiển thị, ví dụ 'Trường THCS Nguyễn Du'")
    add.add_argument("--parent", metavar="MÃ", help="mã đơn vị cấp trên (Phòng GD&ĐT) được xem văn bản của đơn vị này")
    add.add_argument("--data", default=".", metavar="THƯ_MỤC", help="thư mục dữ liệu của trang web (mặc định: .)")
    add.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin")
    add.add_argument("--replace", action="store_true", help="đặt lại mật khẩu nếu tài khoản đã có")
    sub.add_parser("list", help="liệt kê tài khoản").add_argument("--data", default=".", metavar="THƯ_MỤC")
    passwd = sub.add_parser("passwd", help="đặt mật khẩu mới (mọi phiên đăng nhập của tài khoản bị đăng xuất)")
    passwd.add_argument("username", metavar="TÊN")
    passwd.add_argument("--data", default=".", metavar="THƯ_MỤC")
    passwd.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin")
    remove = sub.add_parser("remove", help="xóa tài khoản (văn bản của đơn vị vẫn giữ nguyên)")
    remove.add_argument("username", metavar="TÊN")
    remove.add_argument("--data", default=".", metavar="THƯ_MỤC")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cchc_docgen.errors import UsageError
    from cchc_docgen.web.accounts import Accounts
    from cchc_docgen.web.settings import STATE_DIR

    if not getattr(args, "users_command", None):
        raise UsageError("hãy ghi việc cần làm: 'cchc-docgen users add TÊN --unit MÃ', 'users list', "
                         "'users passwd TÊN' hoặc 'users remove TÊN'.")
    data = Path(args.data)
    if not data.is_dir():
        raise UsageError(f"không có thư mục dữ liệu '{data}'. Hãy tạo thư mục đó hoặc chọn bằng --data.")
    accounts = Accounts(data.resolve() / STATE_DIR / "users.json")
    if args.users_command == "list":
        names = accounts.unit_names()
        for name, unit in sorted(accounts.users().items()):
            print(f"{name}\t{unit}\t{names.get(unit, '')}")
        return 0
    if args.users_command == "remove":
        accounts.remove(args.username)
        print(f"Đã xóa tài khoản '{args.username}'; các phiên đăng nhập của tài khoản này không còn dùng được.",
              file=sys.stderr)
        return 0
    password = _password(args)
    if args.users_command == "passwd":
        accounts.passwd(args.username, password)
        print(f"Đã đặt mật khẩu mới cho '{args.username}'; các phiên đăng nhập cũ đã bị đăng xuất.", file=sys.stderr)
        return 0
    accounts.add(args.username, password, args.unit, unit_name=args.unit_name, parent=args.parent,
                 replace=args.replace)
    (data / args.unit).mkdir(exist_ok=True)
    print(f"Đã thêm tài khoản '{args.username}' (đơn vị {args.unit}); văn bản của đơn vị nằm ở {data / args.unit}.",
          file=sys.stderr)
    return 0


def _password(args: argparse.Namespace) -> str:
    from cchc_docgen.errors import UsageError

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass("Mật khẩu: ")
        if getpass.getpass("Nhập lại mật khẩu: ") != password:
            raise UsageError("hai lần nhập mật khẩu không giống nhau; hãy chạy lại.")
    return password
