"""A Biểu mẫu figure typed on the report page: read as Vietnamese writes numbers, refused with a message.

``12``, ``2.450`` (thousands), ``95,5`` (decimal comma), ``1.234,5`` and ``-`` (no data yet) are accepted;
``abc`` or a negative number is refused with a sentence that says what to write, and nothing is saved.
"""

from __future__ import annotations

from cchc_docgen.report.forms import NO_DATA, parse_figure, vi_figure


class BadValue(Exception):
    """The typed text cannot be stored in this field; ``message`` tells the user what to write."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def figure(text: str) -> int | float | str | None:
    """The value to store for the typed ``text`` (``None``: the box was emptied)."""
    raw = " ".join(text.split())
    if not raw:
        return None
    if raw == NO_DATA:
        return NO_DATA
    squeezed = raw.replace(" ", "")
    number = parse_figure(squeezed)
    if number is None:
        raise BadValue(f"“{raw}” không phải là số: hãy ghi một số (ví dụ 12 hoặc 95,5; không ghi dấu %), hoặc “-” "
                       "nếu chưa có số liệu.")
    if squeezed.startswith("-"):
        raise BadValue(f"Số liệu không được âm (“{raw}”): hãy ghi số từ 0 trở lên, hoặc “-” nếu chưa có số liệu.")
    return number


def figure_text(value: object) -> str:
    """How a stored figure shows in its box: ``2450`` → ``2450``, ``95.5`` → ``95,5``, ``'-'`` → ``-``."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    return vi_figure(value, 6).replace(".", "")
