"""Header lines that name no issuer (Quốc hiệu, Tiêu ngữ, V/v, DỰ THẢO) are told apart by the recogniser's words."""

from __future__ import annotations

import pytest

from cchc_docgen.outline.words import is_header_mark


@pytest.mark.parametrize("text", [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # old tone placement
    "Độc lập - Tự do - Hạnh phúc",
    "Độc lập – Tự do – Hạnh phúc",  # en dashes
    "Độc lập - Tự do",  # a Tiêu ngữ cut at the column's edge
    "V/v triển khai công tác cải cách hành chính",
    "DỰ THẢO",
])
def test_marks(text: str) -> None:
    assert is_header_mark(text)


@pytest.mark.parametrize("text", [
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "UBND TỈNH HƯNG YÊN", "TRƯỜNG THPT CỘNG HÒA", "Số: 07/KH-SGDĐT",
    "Hưng Yên, ngày 04 tháng 01 năm 2022",
])
def test_not_marks(text: str) -> None:
    assert not is_header_mark(text)
