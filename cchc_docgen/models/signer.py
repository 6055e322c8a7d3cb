"""The signature block (ô 7a–7c): authority, titles and name."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from cchc_docgen.models.base import StrictModel, Text

Authority = Literal["none", "KT", "TM", "TM+KT", "Q", "TL", "TUQ"]


class Signer(StrictModel):
    """Người ký văn bản."""

    authority: Authority = Field(
        default="none",
        description=(
            "Thẩm quyền ký: 'none' (người đứng đầu ký trực tiếp), 'KT' (ký thay), 'TM' (thay mặt tập thể), "
            "'TM+KT' (ba dòng: TM. tập thể / KT. người đứng đầu / chức vụ), 'Q' (quyền), "
            "'TL' (thừa lệnh), 'TUQ' (thừa ủy quyền)."
        ),
    )
    collective: Text | None = Field(
        default=None,
        description="Tên tập thể khi ký 'TM' hoặc 'TM+KT', ví dụ 'Ủy ban nhân dân'.",
    )
    head_title: Text | None = Field(
        default=None,
        description="Chức vụ của người đứng đầu khi ký 'KT', 'TM+KT', 'Q', 'TL', 'TUQ', ví dụ 'Giám đốc'.",
    )
    title: Text | None = Field(
        default=None,
        description="Chức vụ của người ký, ví dụ 'Phó Giám đốc', 'Hiệu trưởng'.",
    )
    name: Text = Field(description="Họ và tên người ký (không ghi học hàm, học vị).", min_length=1)

    @model_validator(mode="after")
    def _needs(self) -> Signer:
        needs = {
            "none": ("title",),
            "KT": ("head_title", "title"),
            "TM": ("collective", "title"),
            "TM+KT": ("collective", "head_title", "title"),
            "Q": ("head_title",),
            "TL": ("head_title", "title"),
            "TUQ": ("head_title", "title"),
        }[self.authority]
        missing = [key for key in needs if not getattr(self, key)]
        if missing:
            raise ValueError(
                f"khi ký '{self.authority}' cần có khóa: {', '.join(missing)}"
                " (xem mô tả từng khóa trong hướng dẫn)."
            )
        return self
