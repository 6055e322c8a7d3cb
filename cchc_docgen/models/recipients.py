"""Nơi nhận (ô 9b) and Kính gửi (ô 9a)."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field, model_validator

from cchc_docgen.models.base import StrictModel, Text, also_accepts, colon_text, quote_advice


class Recipient(StrictModel):
    """Một nơi nhận. Viết gọn một dòng chữ, hoặc 'name' + 'note'."""

    SHORT_FORM: ClassVar[str] = "một dòng chữ (tên nơi nhận) hoặc một nhóm 'name: …, note: …'"

    __get_pydantic_json_schema__ = also_accepts({"type": "string", "minLength": 1})

    name: Text = Field(description="Tên nơi nhận, ví dụ 'Sở Nội vụ'.", min_length=1)
    note: Text | None = Field(
        default=None, description="Ghi chú mục đích trong ngoặc, ví dụ 'để báo cáo', 'b/c', 't/h'."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        text = colon_text(value, cls.model_fields)
        if text is not None:
            raise ValueError(quote_advice(text))
        return {"name": value} if isinstance(value, str) else value


class Archive(StrictModel):
    """Dòng 'Lưu: VT, …' cuối danh sách nơi nhận."""

    __get_pydantic_json_schema__ = also_accepts({"type": "string"}, {"type": "array", "items": {"type": "string"}})

    units: list[Text] = Field(
        default_factory=list,
        description="Đơn vị soạn thảo lưu văn bản sau 'VT', ví dụ ['VP'] cho 'Lưu: VT, VP.'.",
    )
    copies: int | None = Field(default=None, ge=1, description="Số bản lưu (nếu ghi), ví dụ 2 → 'Lưu: VT, VP (2).'.")
    drafter: Text | None = Field(
        default=None,
        description=(
            "Ký hiệu người soạn thảo và số lượng bản phát hành (ô 12), in cuối dòng Lưu, ví dụ 'Thg(10)' → "
            "'- Lưu: VT, KGVX, Thg(10).'."
        ),
    )
