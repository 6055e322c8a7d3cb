"""Appendices (phụ lục) with configurable task tables."""

from __future__ import annotations

import difflib
from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from cchc_docgen.models.base import StrictModel, Text, also_accepts

Align = Literal["left", "center", "justify"]
#: Row keys with a meaning of their own; every other key of a row names a column.
ROW_SPECIAL_KEYS = ("group", "subrows", "number", "note")


class Column(StrictModel):
    """Một cột của bảng phụ lục."""

    key: str = Field(description="Tên khóa của cột, dùng trong từng dòng, ví dụ 'task'.", pattern=r"^[a-z_][a-z0-9_]*$")
    label: Text = Field(description="Tiêu đề cột in trong bảng, ví dụ 'Nhiệm vụ'.")
    width: float = Field(description="Độ rộng cột, tính bằng mm.", gt=3, le=300)
    align: Align = Field(default="left", description="Căn lề nội dung: left, center, justify.")
    numbers: bool = Field(default=False, description="true cho cột số thứ tự (TT/STT): chương trình tự đánh số.")


class Cell(StrictModel):
    """Một ô: một đoạn, nhiều đoạn, hoặc ô gộp xuống nhiều dòng."""

    __get_pydantic_json_schema__ = also_accepts(
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}},
        {
            "type": "object",
            "description": "Ô viết gọn: 'text' (một hoặc nhiều đoạn) và 'rows' (số dòng gộp), ví dụ "
            "{text: Văn phòng, rows: 3}.",
            "properties": {
                "text": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
                         "description": "Nội dung ô: một đoạn, hoặc danh sách các đoạn."},
                "rows": {"type": "integer", "minimum": 1, "description": "Số dòng ô này gộp xuống."},
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    )

    paragraphs: list[Text] = Field(default_factory=list, description="Các đoạn trong ô.")
    rows: int = Field(default=1, ge=1, description="Số dòng ô này gộp xuống (tính cả dòng hiện tại).")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"paragraphs": [value]}
        if isinstance(value, list):
            return {"paragraphs": value}
        if isinstance(value, dict) and "text" in value:
            value = dict(value)
            text = value.pop("text")
            value["paragraphs"] = text if isinstance(text, list) else [text]
        return value


class Row(StrictModel):
    """Một dòng của bảng: các khóa là tên cột; 'group' là dòng nhóm; 'subrows' là các dòng a), b), c)."""

    SHORT_FORM: ClassVar[str] = "một nhóm 'khóa: giá trị' theo tên các cột, ví dụ {task: …, lead: …}"

    model_config = StrictModel.model_config | {"extra": "allow"}
    __pydantic_extra__: dict[str, Cell] = Field(init=False)  # type: ignore[assignment]

    group: Text | None = Field(default=None, description="Dòng tiêu đề nhóm (I., II., …) trải hết chiều ngang bảng.")
    subrows: list[Row] = Field(default_factory=list, description="Các dòng con a), b), c) của nhiệm vụ này.")
    number: bool = Field(default=True, description="false: dòng này không có số thứ tự.")
    note: Text | None = Field(default=None, description="Ghi chú nội bộ, không in ra.")

    def cells(self) -> dict[str, Cell]:
        """The column cells of this row (every key that is not a special key names a column)."""
        return dict(self.__pydantic_extra__ or {})

    @model_validator(mode="after")
    def _group_alone(self) -> Row:
        if self.group and (self.__pydantic_extra__ or self.subrows):
            raise ValueError("dòng nhóm ('group') chỉ có tiêu đề, không có các ô khác.")
        return self


class HeaderCell(StrictModel):
    """Một ô của dòng tiêu đề bảng: chữ, số cột trải ngang, số dòng tiêu đề gộp xuống."""

    __get_pydantic_json_schema__ = also_accepts({"type": "string"})

    text: Text = Field(description="Chữ trong ô tiêu đề, ví dụ 'Đơn vị thực hiện'.")
    span: int = Field(default=1, ge=1, description="Số cột ô này trải ngang (gộp ngang).")
    rows: int = Field(default=1, ge=1, description="Số dòng tiêu đề ô này gộp xuống (gộp dọc).")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Table(StrictModel):
    """Một bảng: các cột, dòng tiêu đề (một hoặc nhiều tầng), các dòng, ghi chú."""

    columns: list[Column] = Field(description="Các cột của bảng, theo thứ tự in.", min_length=1)
    header: list[list[HeaderCell]] = Field(
        default_factory=list,
        description="Dòng tiêu đề nhiều tầng (nếu có), từ trên xuống; mỗi dòng là danh sách ô, ô có thể gộp ngang "
        "('span') và gộp xuống ('rows'); bỏ trống thì in một dòng tiêu đề từ 'label' của các cột. Các dòng tiêu "
        "đề được lặp lại ở đầu mỗi trang.",
    )
    numbering: Literal["continuous", "per_group"] = Field(
        default="continuous",
        description="Số thứ tự: continuous (liên tục cả bảng) hoặc per_group (đánh lại từ 1 mỗi nhóm).",
    )
    group_numbering: Literal["roman", "none"] = Field(
        default="roman", description="Đánh số dòng nhóm: roman (I., II.) hoặc none."
    )
    rows: list[Row] = Field(default_factory=list, description="Các dòng của bảng.")
    notes: list[Text] = Field(default_factory=list, description="Ghi chú in dưới bảng, ví dụ '(*) Nhiệm vụ trọng tâm'.")

    @model_validator(mode="after")
    def _header_fits_columns(self) -> Table:
        width = len(self.columns)
        below: list[int] = [0] * width  # header rows each column is still covered by a merge from above
        for r, line in enumerate(self.header, 1):
            c = 0
            for cell in line:
                while c < width and below[c]:
                    c += 1
                if c + cell.span > width:
                    raise ValueError(f"dòng tiêu đề {r}: các ô trải quá {width} cột của bảng; hãy sửa 'span'.")
                for k in range(c, c + cell.span):
                    below[k] = cell.rows
                c += cell.span
            while c < width and below[c]:
                c += 1
            if c != width:
                raise ValueError(f"dòng tiêu đề {r}: các ô chỉ phủ {c} trong {width} cột; hãy thêm ô hoặc sửa 'span'.")
            below = [max(0, b - 1) for b in below]
        if any(below):
            raise ValueError("một ô tiêu đề gộp xuống quá dòng tiêu đề cuối; hãy sửa 'rows'.")
        return self

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Table:
        keys = [c.key for c in self.columns]
        if len(set(keys)) != len(keys):
            raise ValueError("hai cột trùng 'key'; mỗi cột cần một khóa riêng.")
        problems: list[str] = []
        pending: dict[str, int] = {}

        def walk(rows: list[Row], where: str) -> None:
            for i, row in enumerate(rows, 1):
                for key in row.cells():
                    if key not in keys:
                        near = difflib.get_close_matches(key, keys + list(ROW_SPECIAL_KEYS), n=1)
                        hint = f" Bạn muốn viết '{near[0]}'?" if near else ""
                        problems.append(
                            f"{where} dòng {i}: khóa '{key}' không phải tên cột (các cột: {', '.join(keys)}).{hint}"
                        )
                if row.group:
                    continue
                for key in list(pending):
                    if key in row.cells():
                        problems.append(
                            f"{where} dòng {i}: ô '{key}' đã được gộp từ dòng trên, hãy bỏ ô này đi."
                        )
                    pending[key] -= 1
                    if pending[key] == 0:
                        del pending[key]
                for key, cell in row.cells().items():
                    if cell.rows > 1:
                        pending[key] = cell.rows - 1
                walk(row.subrows, f"{where} dòng {i} →")

        walk(self.rows, "bảng")
        if pending:
            problems.append(f"ô gộp '{next(iter(pending))}' kéo dài quá dòng cuối của bảng.")
        if problems:
            raise ValueError(" ".join(problems))
        return self


Row.model_rebuild()


class _Titled(StrictModel):
    title: list[Text] = Field(
        description="Tiêu đề phụ lục, mỗi phần tử là một dòng; chương trình tự viết hoa.", min_length=1
    )
    orientation: Literal["auto", "portrait", "landscape"] = Field(
        default="auto", description="Hướng trang: auto (ngang khi bảng rộng), portrait (dọc), landscape (ngang)."
    )


class AppendixTable(Table):
    """Một bảng tiếp theo trong cùng phụ lục (ví dụ Biểu mẫu 2), với tiêu đề và đoạn văn in trước bảng."""

    title: list[Text] = Field(default_factory=list, description="Tiêu đề của bảng (mỗi phần tử một dòng), in đậm.")
    paragraphs: list[Text] = Field(default_factory=list, description="Các đoạn văn in trước bảng.")


class Appendix(Table, _Titled):
    """Một phụ lục: tiêu đề và bảng; một phụ lục có thể có thêm bảng ('more_tables', ví dụ Biểu mẫu 1–7)."""

    table_title: list[Text] = Field(
        default_factory=list, description="Tiêu đề riêng của bảng đầu tiên (ví dụ 'Biểu mẫu 1: …'), in đậm."
    )
    paragraphs: list[Text] = Field(default_factory=list, description="Các đoạn văn in trước bảng đầu tiên.")
    more_tables: list[AppendixTable] = Field(
        default_factory=list,
        description="Các bảng tiếp theo trong cùng phụ lục, mỗi bảng có tiêu đề và đoạn văn riêng.",
    )
