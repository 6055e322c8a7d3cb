"""The body (ô 6): preamble, a tree of sections of any depth, closing paragraph."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from cchc_docgen.models.appendix import Table
from cchc_docgen.models.base import StrictModel, Text, also_accepts, colon_text, quote_advice

#: How a node's own label is written. ``auto`` follows its parent (I. → 1. → a) → - → +).
Numbering = Literal["auto", "roman", "decimal", "nested", "letter", "dash", "plus", "none"]

Role = Literal[
    "purpose",
    "requirements",
    "targets",
    "audience",
    "content",
    "forms",
    "tasks",
    "budget",
    "organization",
    "reporting",
    "timeline",
    "results",
    "limitations",
    "directions",
    "proposals",
    "summary",
]


class Node(StrictModel):
    """Một mục, khoản, điểm hoặc đoạn của nội dung. Một dòng chữ đơn thuần cũng là một Node."""

    SHORT_FORM: ClassVar[str] = "một dòng chữ hoặc một nhóm 'title: …, text: …, items: …'"

    __get_pydantic_json_schema__ = also_accepts({"type": "string", "minLength": 1})

    title: Text | None = Field(
        default=None,
        description=(
            "Tiêu đề của mục/khoản (in đậm), ví dụ 'MỤC ĐÍCH, YÊU CẦU' hoặc 'Mục tiêu'. "
            "Nếu có cả 'text' thì in liền: 'Tiêu đề: nội dung'."
        ),
    )
    text: Text | None = Field(
        default=None,
        description="Đoạn văn đầu tiên của mục (sau số thứ tự). Dùng **đậm**, *nghiêng*, [^khóa] cho chú thích.",
    )
    paragraphs: list[Text] = Field(
        default_factory=list, description="Các đoạn văn tiếp theo, không đánh số, nằm dưới dòng đầu."
    )
    table: Table | None = Field(
        default=None,
        description="Một bảng in sau đoạn văn của mục (lịch, danh sách, số liệu): 'columns', 'header', 'rows' như "
        "bảng phụ lục; dòng tiêu đề lặp lại ở đầu mỗi trang.",
    )
    items: list[Node] = Field(default_factory=list, description="Các mục con.")
    numbering: Numbering = Field(
        default="auto",
        description=(
            "Cách đánh số của chính mục này: auto (theo cấp: I. → 1. → a) → - → +), roman (I.), decimal (1.), "
            "nested (2.1.), letter (a)), dash (-), plus (+), none (không đánh số)."
        ),
    )
    items_numbering: Numbering = Field(
        default="auto",
        description="Cách đánh số mặc định cho các mục con (ví dụ 'dash' để liệt kê bằng gạch đầu dòng).",
    )
    role: Role | None = Field(
        default=None,
        description=(
            "Vai trò của mục để công cụ nhận biết: purpose (mục đích), requirements (yêu cầu), targets (chỉ tiêu), "
            "audience (đối tượng), content (nội dung), forms (hình thức), tasks (nhiệm vụ), budget (kinh phí), "
            "organization (tổ chức thực hiện), reporting (chế độ báo cáo), timeline (thời gian), results (kết quả), "
            "limitations (tồn tại, hạn chế), directions (phương hướng), proposals (đề xuất, kiến nghị), "
            "summary (báo cáo: chỗ chương trình tự ghi số liệu tổng hợp các nhiệm vụ và biểu đồ)."
        ),
    )
    unit: Text | None = Field(
        default=None,
        description=(
            "Với mục phân công trong 'Tổ chức thực hiện': tên đơn vị được giao (dùng khi lập kế hoạch cấp dưới)."
        ),
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        text = colon_text(value, cls.model_fields)
        if text is not None:
            raise ValueError(quote_advice(text))
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _not_empty(self) -> Node:
        if not (self.title or self.text or self.paragraphs or self.items or self.table):
            raise ValueError("mục này trống: cần có ít nhất 'title', 'text', 'paragraphs', 'table' hoặc 'items'.")
        return self


class Preamble(StrictModel):
    """Phần mở đầu: căn cứ ban hành và câu dẫn."""

    bases: list[Text] = Field(
        default_factory=list,
        description="Các dòng căn cứ, mỗi dòng một văn bản, ví dụ 'Căn cứ Nghị định số 30/2020/NĐ-CP …'. "
        "Chương trình tự thêm ';' và '.' ở cuối.",
    )
    text: Text | None = Field(
        default=None, description="Hoặc một đoạn 'Thực hiện …' viết liền (thay cho danh sách căn cứ)."
    )
    lead_in: Text | None = Field(
        default=None, description="Câu dẫn, ví dụ 'Sở Giáo dục và Đào tạo xây dựng Kế hoạch … như sau:'."
    )


Node.model_rebuild()
