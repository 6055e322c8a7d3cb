"""The editor's fields, generated from the document model: labels, help texts (the model's descriptions),
input kinds and choices."""

from __future__ import annotations

import typing
from dataclasses import dataclass

from pydantic import BaseModel

from cchc_docgen.web.wording import help_for

LABELS = {
    "kind": "Loại văn bản", "number": "Số văn bản", "title": "Trích yếu", "year": "Năm",
    "period_note": "Dòng thời gian (báo cáo)", "parent": "Cơ quan chủ quản", "name": "Tên",
    "abbreviation": "Chữ viết tắt", "place": "Địa danh", "full_name": "Tên trong câu văn",
    "authority": "Thẩm quyền ký", "collective": "Tập thể", "head_title": "Chức vụ người đứng đầu",
    "numbering": "Đánh số", "role": "Vai trò", "text": "Nội dung", "paragraphs": "Các đoạn tiếp theo",
    "bases": "Căn cứ (mỗi dòng một căn cứ)", "lead_in": "Câu dẫn", "note": "Ghi chú",
    "day": "Ngày", "month": "Tháng", "units": "Đơn vị lưu", "copies": "Số bản lưu", "drafter": "Người soạn",
}
TITLE_LABELS = {"Signer": {"title": "Chức vụ người ký", "name": "Họ và tên"},
                "Issuer": {"name": "Tên cơ quan ban hành"}, "Node": {"title": "Tiêu đề"}}
OPTION_LABELS = {
    "ke_hoach": "Kế hoạch", "bao_cao": "Báo cáo", "none": "Không", "KT": "KT. (ký thay)",
    "TM": "TM. (thay mặt)", "TM+KT": "TM. + KT.", "Q": "Q. (quyền)", "TL": "TL. (thừa lệnh)",
    "TUQ": "TUQ. (thừa ủy quyền)", "auto": "Tự động theo cấp", "roman": "I, II, III", "decimal": "1, 2, 3",
    "nested": "2.1, 2.2", "letter": "a), b), c)", "dash": "gạch đầu dòng -", "plus": "dấu +",
    "purpose": "Mục đích", "requirements": "Yêu cầu", "targets": "Chỉ tiêu", "audience": "Đối tượng",
    "content": "Nội dung", "forms": "Hình thức", "tasks": "Nhiệm vụ", "budget": "Kinh phí",
    "organization": "Tổ chức thực hiện", "reporting": "Chế độ báo cáo", "timeline": "Thời gian",
    "results": "Kết quả", "limitations": "Tồn tại, hạn chế", "directions": "Phương hướng",
    "proposals": "Đề xuất, kiến nghị", "summary": "Số liệu tổng hợp (báo cáo)",
    "mam_non": "Mầm non", "tieu_hoc": "Tiểu học", "thcs": "THCS", "thpt": "THPT", "tieu_hoc_thcs": "TH&THCS",
    "thcs_thpt": "THCS&THPT", "gdnn_gdtx": "GDNN-GDTX", "phong_gddt": "Phòng GD&ĐT",
    "so": "Sở, ban, ngành", "ubnd_xa": "UBND xã, phường, đặc khu", "khac": "Khác",
    "head": "Người đứng đầu ký", "deputy": "Cấp phó ký thay (KT.)",
}


#: (model, field) whose " | " is a line break (``treeedit.LINE_BROKEN`` names the same fields by path)
LINE_BROKEN = {("Document", "title"), ("Issuer", "name"), ("Issuer", "parent")}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str  # "s" text, "i" number, "l" lines, "select"
    help: str
    options: tuple[tuple[str, str], ...] = ()
    required: bool = False
    long: bool = False
    #: " | " in the value marks a line break: a box with one line per line
    breaks: bool = False


def _unwrap(annotation: object) -> object:
    """``X | None`` → ``X``; ``Annotated[X, …]`` → ``X``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    args = typing.get_args(annotation)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return _unwrap(rest[0]) if len(rest) == 1 else annotation
    return annotation


def fields(model: type[BaseModel], names: list[str] | None = None, *, blank_option: bool = False) -> list[FieldSpec]:
    """Input fields for the simple fields of ``model`` (text, numbers, choices, lists of lines)."""
    out: list[FieldSpec] = []
    for name, info in model.model_fields.items():
        if names is not None and name not in names:
            continue
        annotation = _unwrap(info.annotation)
        origin = typing.get_origin(annotation)
        label = TITLE_LABELS.get(model.__name__, {}).get(name) or LABELS.get(name, name)
        help_text = help_for(model.__name__, name)  # plain words; the model's description speaks of file keys
        if origin is typing.Literal:
            values = typing.get_args(annotation)
            options = tuple((str(v), OPTION_LABELS.get(str(v), str(v))) for v in values)
            if blank_option or (not info.is_required() and info.default is None):
                options = (("", "—"), *options)
            out.append(FieldSpec(name, label, "select", help_text, options, info.is_required()))
        elif annotation is int:
            out.append(FieldSpec(name, label, "i", help_text, required=info.is_required()))
        elif origin is list:
            out.append(FieldSpec(name, label, "l", help_text, required=info.is_required(), long=True))
        elif annotation is str:
            out.append(FieldSpec(name, label, "s", help_text, required=info.is_required(),
                                 long=name in ("text", "lead_in", "title") and model.__name__ != "Signer",
                                 breaks=(model.__name__, name) in LINE_BROKEN))
    if names is not None:
        order = {n: i for i, n in enumerate(names)}
        out.sort(key=lambda f: order[f.name])
    return out


def select_defaults(*models: type[BaseModel]) -> dict[str, str]:
    """Field name → default value of the choice fields of ``models`` (what an absent key means)."""
    out: dict[str, str] = {}
    for model in models:
        for name, info in model.model_fields.items():
            if typing.get_origin(_unwrap(info.annotation)) is typing.Literal and isinstance(info.default, str):
                out.setdefault(name, info.default)
    return out
