"""A unit (school, centre, Phòng GD&ĐT …) for which a plan is derived from its parent body's plan (``derive``)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

from pydantic import Field, model_validator

from cchc_docgen.models.base import StrictModel, Text

Category = Literal[
    "mam_non", "tieu_hoc", "thcs", "thpt", "tieu_hoc_thcs", "thcs_thpt", "gdnn_gdtx", "phong_gddt", "so", "ubnd_xa",
    "khac",
]

#: What people write for a category (lower case, NFC, spaces squashed) → the category key.
CATEGORY_WORDS: dict[str, str] = {
    "mầm non": "mam_non", "trường mầm non": "mam_non", "mn": "mam_non", "mẫu giáo": "mam_non",
    "nhà trẻ": "mam_non",
    "tiểu học": "tieu_hoc", "trường tiểu học": "tieu_hoc", "th": "tieu_hoc",
    "thcs": "thcs", "trung học cơ sở": "thcs", "trường thcs": "thcs", "trường trung học cơ sở": "thcs",
    "thpt": "thpt", "trung học phổ thông": "thpt", "trường thpt": "thpt", "trường trung học phổ thông": "thpt",
    "th&thcs": "tieu_hoc_thcs", "th và thcs": "tieu_hoc_thcs", "tiểu học và thcs": "tieu_hoc_thcs",
    "tiểu học và trung học cơ sở": "tieu_hoc_thcs", "liên cấp th-thcs": "tieu_hoc_thcs",
    "thcs&thpt": "thcs_thpt", "thcs và thpt": "thcs_thpt", "trung học cơ sở và trung học phổ thông": "thcs_thpt",
    "gdnn-gdtx": "gdnn_gdtx", "trung tâm gdnn-gdtx": "gdnn_gdtx", "gdtx": "gdnn_gdtx",
    "trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên": "gdnn_gdtx",
    "giáo dục nghề nghiệp - giáo dục thường xuyên": "gdnn_gdtx", "trung tâm gdtx": "gdnn_gdtx",
    "phòng gd&đt": "phong_gddt", "phòng gdđt": "phong_gddt", "phòng giáo dục và đào tạo": "phong_gddt",
    "phòng giáo dục": "phong_gddt", "pgd&đt": "phong_gddt", "pgdđt": "phong_gddt",
    "sở": "so", "ban": "so", "ngành": "so", "sở, ban, ngành": "so", "sở ban ngành": "so", "sở, ngành": "so",
    "cơ quan chuyên môn": "so", "cơ quan chuyên môn thuộc ubnd tỉnh": "so", "ban quản lý": "so",
    "ubnd xã": "ubnd_xa", "xã": "ubnd_xa", "phường": "ubnd_xa", "đặc khu": "ubnd_xa", "ubnd phường": "ubnd_xa",
    "ubnd đặc khu": "ubnd_xa", "ủy ban nhân dân xã": "ubnd_xa", "ủy ban nhân dân phường": "ubnd_xa",
    "ủy ban nhân dân đặc khu": "ubnd_xa", "ubnd cấp xã": "ubnd_xa", "ubnd xã, phường, đặc khu": "ubnd_xa",
    "xã, phường, đặc khu": "ubnd_xa",
    "khác": "khac", "đơn vị sự nghiệp": "khac", "đơn vị khác": "khac",
}
CATEGORY_HELP = (
    "sở, UBND xã, phường, đặc khu, mầm non, tiểu học, THCS, THPT (có thể viết 'trường THPT'), TH&THCS, THCS&THPT, "
    "GDNN-GDTX, Phòng GD&ĐT, khác (hoặc mã: so, ubnd_xa, mam_non, tieu_hoc, thcs, thpt, tieu_hoc_thcs, thcs_thpt, "
    "gdnn_gdtx, phong_gddt, khac)"
)


def _norm(value: str) -> str:
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip().lower().replace("uỷ", "ủy")
    return re.sub(r"\s*([&-])\s*", r"\1", text)


_LOOKUP = {_norm(k): v for k, v in CATEGORY_WORDS.items()}


def category_key(value: str) -> str | None:
    """The category key for what a person wrote (``'Trường THPT'`` → ``'thpt'``), ``None`` if unknown."""
    text = _norm(value)
    if text in CATEGORY_WORDS.values():
        return text
    if text.startswith("trường ") and text not in _LOOKUP:
        text = text[len("trường "):]
    return _LOOKUP.get(text)


class Person(StrictModel):
    """Một người trong đơn vị: chức vụ và họ tên (và nhiệm vụ được phân công, nếu có)."""

    title: Text = Field(description="Chức vụ, ví dụ 'Phó Hiệu trưởng'.", min_length=1)
    name: Text | None = Field(
        default=None, description="Họ và tên. Bỏ trống thì kế hoạch để chỗ trống '……' cho người dùng điền."
    )
    duty: Text | None = Field(
        default=None, description="Nhiệm vụ được phân công, ví dụ 'phụ trách công tác tuyên truyền, trang thông tin'."
    )


class Head(Person):
    """Người đứng đầu đơn vị (ký kế hoạch)."""

    name: Text = Field(description="Họ và tên người đứng đầu, ví dụ 'Nguyễn Văn An'.", min_length=1)  # type: ignore[assignment]


class Team(StrictModel):
    """Một tổ/bộ phận của đơn vị (tổ chuyên môn, tổ văn phòng …)."""

    name: Text = Field(description="Tên tổ, ví dụ 'Tổ Toán - Tin'.", min_length=1)
    leader: Text | None = Field(default=None, description="Họ và tên tổ trưởng (nếu muốn ghi).")
    duty: Text | None = Field(default=None, description="Nhiệm vụ riêng của tổ (nếu có).")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Unit(StrictModel):
    """Đơn vị lập kế hoạch riêng từ kế hoạch của cấp trên (lệnh 'derive')."""

    name: Text = Field(
        description="Tên đầy đủ của đơn vị, ví dụ 'Trường THPT Nguyễn Trãi'. Muốn xuống dòng ở đâu thì viết ' | '.",
        min_length=1,
    )
    parent: Text | None = Field(
        default=None,
        description="Dòng cơ quan chủ quản in trên tên đơn vị, ví dụ 'Sở GD&ĐT Hưng Yên' hoặc 'UBND huyện Văn Lâm'.",
    )
    abbreviation: Text = Field(
        description="Chữ viết tắt dùng trong ký hiệu văn bản, ví dụ 'THPTNT' cho 'Số: …/KH-THPTNT'.",
        min_length=1,
        pattern=r"^[A-Za-zĐđ0-9&]+(-[A-Za-zĐđ0-9&]+)*$",
    )
    place: Text = Field(description="Địa danh ở dòng ngày tháng, ví dụ 'Văn Lâm'.", min_length=1)
    category: Category = Field(description=f"Loại đơn vị: {CATEGORY_HELP}.")
    full_name: Text | None = Field(
        default=None, description="Tên đơn vị như viết trong câu văn (mặc định lấy từ 'name')."
    )
    head: Head = Field(description="Người đứng đầu: chức vụ và họ tên, ví dụ {title: Hiệu trưởng, name: …}.")
    deputies: list[Person] = Field(default_factory=list, description="Cấp phó (nếu có), mỗi người: title, name, duty.")
    teams: list[Team] = Field(default_factory=list, description="Các tổ/bộ phận (nếu có), ví dụ 'Tổ Toán - Tin'.")
    signs: Literal["head", "deputy"] = Field(
        default="head", description="Ai ký: head (người đứng đầu ký) hoặc deputy (cấp phó thứ nhất ký thay - KT.)."
    )
    staff: Text | None = Field(
        default=None,
        description="Cách gọi toàn thể cán bộ của đơn vị, ví dụ 'cán bộ, giáo viên, nhân viên' (mặc định theo loại).",
    )
    archive: list[Text] = Field(default_factory=list, description="Bộ phận lưu văn bản sau 'VT' (thường để trống).")

    @model_validator(mode="before")
    @classmethod
    def _category_words(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("category"), str):
            key = category_key(value["category"])
            if key is None:
                raise ValueError(f"loại đơn vị '{value['category']}' không rõ; hãy ghi một trong: {CATEGORY_HELP}.")
            value = {**value, "category": key}
        return value

    @model_validator(mode="after")
    def _deputy_signs(self) -> Unit:
        if self.signs == "deputy" and not (self.deputies and self.deputies[0].name):
            raise ValueError("'signs: deputy' cần ít nhất một cấp phó có họ tên trong 'deputies'.")
        return self

    # ───────────── derived wording ─────────────

    @property
    def is_school(self) -> bool:
        return self.category not in ("phong_gddt", "gdnn_gdtx", "so", "ubnd_xa", "khac")

    @property
    def sentence_name(self) -> str:
        """The unit's name as written in a sentence: ``Trường THPT Nguyễn Trãi``."""
        return re.sub(r"\s+", " ", (self.full_name or self.name).replace("|", " ")).strip()

    @property
    def self_noun(self) -> str:
        """How the unit calls itself in its own text: 'nhà trường', 'Trung tâm', 'Phòng'."""
        return {"gdnn_gdtx": "Trung tâm", "phong_gddt": "Phòng", "so": "cơ quan", "ubnd_xa": "địa phương",
                "khac": "đơn vị"}.get(self.category, "nhà trường")

    @property
    def staff_words(self) -> str:
        """The unit's whole staff: 'cán bộ, giáo viên, nhân viên' by default for a school."""
        if self.staff:
            return self.staff
        return {
            "phong_gddt": "công chức, viên chức, người lao động",
            "so": "công chức, viên chức, người lao động",
            "ubnd_xa": "cán bộ, công chức, viên chức",
            "gdnn_gdtx": "cán bộ, giáo viên, nhân viên",
            "khac": "cán bộ, viên chức, người lao động",
        }.get(self.category, "cán bộ, giáo viên, nhân viên")
