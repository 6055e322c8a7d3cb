"""One check before any user file is opened: it exists and is a regular file (not a FIFO, device or folder).

Opening a FIFO blocks forever and ``/dev/zero`` never ends; ``render`` refused both from the start, and every
command that reads a user's file (``import``, ``check``, ``derive``, ``validate`` of a spreadsheet) goes through
here so that they all refuse them the same way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cchc_docgen.errors import InputError, UsageError
from cchc_docgen.oserrors import os_problem


def regular_file(path: Path, kind: str) -> os.stat_result:
    """``path``'s status if it is a regular file; ``UsageError`` if missing or a folder, else ``InputError``.

    ``kind`` names what was expected (".docx", ".pdf", "bảng tính .xlsx") in the message.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UsageError(f"{path}: không tìm thấy tệp. Hãy kiểm tra lại đường dẫn và tên tệp.") from None
    except OSError as exc:
        raise os_problem(exc, path) from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{path}: đây là thư mục, không phải tệp {kind}.")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: không phải tệp thông thường (có thể là thiết bị hoặc đường ống), nên không đọc. "
                         f"Hãy chỉ định một tệp {kind} lưu trên ổ đĩa.")
    return info
