"""Operating-system errors (full disk, read-only folder, no permission…) as user errors with advice."""

from __future__ import annotations

import errno

from cchc_docgen.errors import InputError


class EnvironmentProblem(InputError):
    """The computer, not the input, stopped us: a full disk, a read-only folder, a missing permission (exit 1).
    ``errno``: the system's error number (``None`` when unknown)."""

    errno: int | None = None

    @property
    def disk_full(self) -> bool:
        return self.errno in DISK_FULL


#: Error numbers that mean "no room left": the advice is to free space.
DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
#: Less free space than this (bytes) in LibreOffice's scratch folder explains a failed conversion: its profile
#: and the PDF need a few MB.
MIN_SCRATCH_FREE = 16 * 1024 * 1024


_ADVICE = {
    errno.ENOSPC: "ổ đĩa đã đầy. Hãy xóa bớt tệp không cần (hoặc chọn thư mục khác bằng -o) rồi chạy lại.",
    errno.EDQUOT: "đã hết dung lượng được cấp trên ổ đĩa. Hãy xóa bớt tệp hoặc chọn thư mục khác bằng -o.",
    errno.EFBIG: "tệp vượt quá kích thước tối đa mà ổ đĩa (hoặc hệ thống) cho phép. Hãy chọn thư mục khác bằng -o.",
    errno.EROFS: "ổ đĩa hoặc thư mục này chỉ cho đọc, không ghi được. Hãy chọn thư mục khác bằng -o.",
    errno.EACCES: "bạn không có quyền ghi/đọc ở đây. Hãy chọn thư mục khác bằng -o, hoặc nhờ quản trị máy cấp quyền.",
    errno.EPERM: "hệ thống không cho phép thao tác này. Hãy chọn thư mục khác bằng -o, hoặc nhờ quản trị máy "
                 "cấp quyền.",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục. Hãy đổi tên tệp đó hoặc chọn thư mục khác "
                   "bằng -o.",
    errno.EEXIST: "đã có một tệp trùng tên với thư mục cần tạo. Hãy đổi tên tệp đó hoặc chọn thư mục khác bằng -o.",
    errno.EISDIR: "đây là một thư mục, không phải tệp. Hãy kiểm tra lại đường dẫn.",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài. Hãy đặt tên ngắn hơn hoặc chọn thư mục gần ổ gốc hơn.",
    errno.EMFILE: "máy đang mở quá nhiều tệp. Hãy chạy lại với ít tiến trình hơn (ví dụ -j 1).",
    errno.ENOMEM: "máy không đủ bộ nhớ. Hãy đóng bớt chương trình khác hoặc chạy lại với -j 1.",
    errno.EIO: "lỗi đọc/ghi ổ đĩa. Hãy kiểm tra ổ đĩa (hoặc USB, ổ mạng) rồi chạy lại.",
}


def os_problem(exc: OSError, path: object = None) -> EnvironmentProblem:
    """A Vietnamese ``EnvironmentProblem`` for ``exc``, naming ``path`` (or the path in the error)."""
    where = path if path is not None else (exc.filename or "")
    advice = _ADVICE.get(exc.errno or 0)
    if advice is None:
        advice = f"hệ thống báo lỗi ({exc.strerror or exc}). Hãy kiểm tra ổ đĩa và quyền ghi rồi chạy lại."
    problem = EnvironmentProblem(f"không đọc/ghi được '{where}': {advice}" if where else advice)
    problem.errno = exc.errno
    return problem


def scratch_full(folder: object) -> str | None:
    """Why a program writing in ``folder`` failed when its disk is (almost) full, else ``None``."""
    import shutil

    try:
        free = shutil.disk_usage(str(folder)).free
    except OSError:
        return None
    if free >= MIN_SCRATCH_FREE:
        return None
    return (f"vì ổ đĩa chứa thư mục tạm ({folder}) đã đầy: chỉ còn {free // 1024} KB trống. Hãy xóa bớt tệp "
            "không cần cho ổ đĩa đó rồi chạy lại.")
