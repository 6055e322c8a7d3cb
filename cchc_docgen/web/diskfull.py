"""The server's answer when the computer, not the user, stops a write: a full disk (HTTP 507), a read-only or
forbidden data folder (HTTP 503). Writes are atomic, so the files on disk are as they were; the page says so and
what to do, without the server's paths or a traceback."""

from __future__ import annotations

import errno
import logging
from typing import Any

from cchc_docgen.oserrors import DISK_FULL, EnvironmentProblem

log = logging.getLogger("cchc_docgen.web")

DISK_FULL_MESSAGE = ("Ổ đĩa của máy chủ đã đầy nên chưa ghi được gì; các tệp đang có không bị thay đổi. Hãy giải "
                     "phóng dung lượng (xóa bớt tệp không cần, hoặc báo người quản trị máy chủ) rồi thử lại.")
NOT_WRITABLE_MESSAGE = ("Máy chủ không ghi được vào thư mục dữ liệu (ổ đĩa chỉ cho đọc, hoặc thiếu quyền ghi) nên "
                        "chưa ghi được gì; các tệp đang có không bị thay đổi. Hãy báo người quản trị máy chủ.")
UNEXPECTED_MESSAGE = ("Máy chủ gặp lỗi khi đọc/ghi tệp (không phải lỗi của bạn); các tệp đang có không bị thay đổi. "
                      "Hãy thử lại; nếu vẫn lỗi, báo cho người quản trị.")
#: The editor script's requests, answered in JSON (``{"message": …}``).
JSON_PATHS = ("/save/", "/op/", "/values/")


def answer(exc: BaseException) -> tuple[int, str]:
    """HTTP status and Vietnamese message for an ``OSError`` or ``EnvironmentProblem`` out of a request."""
    number = exc.errno if isinstance(exc, (OSError, EnvironmentProblem)) else None
    if number in DISK_FULL:
        return 507, DISK_FULL_MESSAGE
    if number in (errno.EROFS, errno.EACCES, errno.EPERM):
        return 503, NOT_WRITABLE_MESSAGE
    log.error("unexpected OS error in a request", exc_info=exc)
    return 500, UNEXPECTED_MESSAGE


def wants_json(request: Any) -> bool:
    return str(request.url.path).startswith(JSON_PATHS)
