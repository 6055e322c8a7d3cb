"""Warning codes of ``validate`` and the ``accept_warnings`` entries that acknowledge them.

A warning is a mistake the tool suspects; a faithful copy of an issued document may keep it on purpose. Each
warning prints its code; listing ``code`` (every warning of that code) or ``code@key`` (the one warning at
that key, as printed in ``[…]``) under ``accept_warnings`` acknowledges it, and ``validate --strict`` passes.
"""

from __future__ import annotations

#: code → what the warning is about (Vietnamese; shown in the guide and the JSON Schema)
WARNING_CODES: dict[str, str] = {
    "nam-ban-hanh": "năm ban hành khác năm ghi trong trích yếu (hoặc 'year')",
    "nam-cu": "năm hoặc hạn trong nội dung cũ hơn năm của văn bản (có thể chép từ năm trước)",
    "phu-luc": "có phụ lục nhưng nội dung không nhắc đến phụ lục",
    "noi-nhan-trung": "một nơi nhận được ghi hai lần",
    "hinh-thuc-ky": "hình thức ký (TM, KT) không hợp với chế độ làm việc của cơ quan",
    "bao-cao": "báo cáo còn chỗ chưa điền: nhiệm vụ chưa có trạng thái, chỗ '…', chưa có mục 'role: summary'",
}


def parse_entry(entry: str) -> tuple[str, str | None]:
    """``"nam-cu@body[2].text"`` → ``("nam-cu", "body[2].text")``; ``"phu-luc"`` → ``("phu-luc", None)``."""
    code, _, key = entry.strip().partition("@")
    code = code.strip()
    if code not in WARNING_CODES:
        known = ", ".join(WARNING_CODES)
        raise ValueError(f"mã cảnh báo '{code}' không có. Các mã cảnh báo: {known}.")
    return code, key.strip() or None


def accepts(entries: list[str], code: str, key: str) -> bool:
    """Whether ``entries`` acknowledge the warning ``code`` printed at ``key``."""
    for entry in entries:
        want, at = parse_entry(entry)
        if want == code and (at is None or at == key):
            return True
    return False
