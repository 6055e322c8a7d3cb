"""The issuing body (ô 2), its symbol abbreviation and place name (ô 4)."""

from __future__ import annotations

from pydantic import Field

from cchc_docgen.models.base import StrictModel, Text


class Issuer(StrictModel):
    """Cơ quan, tổ chức ban hành văn bản."""

    parent: Text | None = Field(
        default=None,
        description=(
            "Tên cơ quan chủ quản trực tiếp (nếu có), được phép viết tắt, "
            "ví dụ 'UBND TỈNH HƯNG YÊN'. Bỏ trống nếu không có."
        ),
    )
    name: Text = Field(
        description=(
            "Tên chính thức, đầy đủ của cơ quan ban hành (không viết tắt), ví dụ 'Sở Giáo dục và Đào tạo'. "
            "Chương trình tự viết hoa. Muốn xuống dòng ở chỗ nào thì viết ' | ' ở chỗ đó."
        ),
        min_length=1,
    )
    abbreviation: Text = Field(
        description="Chữ viết tắt tên cơ quan dùng trong ký hiệu văn bản, ví dụ 'SGDĐT', 'PGDĐT', 'MNSM'.",
        min_length=1,
        pattern=r"^[A-Za-zĐđ0-9&]+(-[A-Za-zĐđ0-9&]+)*$",
    )
    place: Text = Field(
        description="Địa danh ghi ở dòng ngày tháng, ví dụ 'Hưng Yên', 'Hải Phòng', 'Đông Triều'.",
        min_length=1,
    )
    full_name: Text | None = Field(
        default=None,
        description=(
            "Tên cơ quan như viết trong câu văn (chữ thường), dùng cho dòng 'Kèm theo Kế hoạch số … của …'. "
            "Mặc định lấy từ 'name'."
        ),
    )
