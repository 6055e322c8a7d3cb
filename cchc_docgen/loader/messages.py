"""Pydantic validation errors → Vietnamese problems with the YAML line (a message table, as RenderCV does)."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from cchc_docgen.errors import Problem

_TYPE_WORDS = {
    "string_type": "phải là một dòng chữ (văn bản)",
    "int_type": "phải là một số nguyên, ví dụ 7",
    "int_parsing": "phải là một số nguyên, ví dụ 7",
    "float_type": "phải là một số, ví dụ 25 hoặc 12.5",
    "bool_type": "phải là true hoặc false",
    "list_type": "phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng '- ')",
    "dict_type": "phải là một nhóm 'khóa: giá trị'",
    "model_type": "phải là một nhóm 'khóa: giá trị'",
    "model_attributes_type": "phải là một nhóm 'khóa: giá trị'",
    "date_type": "phải là ngày dạng YYYY-MM-DD, ví dụ 2022-01-04",
}


def key_path(loc: tuple[Any, ...]) -> str:
    """``('body', 0, 'items', 2)`` → ``body[1].items[3]`` (list positions count from 1, as people count)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def line_of(lines: dict[tuple[object, ...], int], loc: tuple[Any, ...]) -> int | None:
    """The line of ``loc`` or of its nearest ancestor that has one."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc`` (for 'did you mean' and descriptions)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's internal parts such as ``[key]`` markers of dict validation."""
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))


def _message(err: dict[str, Any], owner: type[BaseModel] | None) -> str:
    kind = err["type"]
    loc = err["loc"]
    key = str(loc[-1]) if loc else ""
    if kind == "missing":
        desc = ""
        if owner and key in owner.model_fields:
            desc = f" ({str(owner.model_fields[key].description).rstrip('.')})"
        return f"thiếu khóa bắt buộc '{key}'{desc}. Hãy thêm dòng '{key}: …'."
    if kind == "extra_forbidden":
        allowed = list(owner.model_fields) if owner else []
        near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f" Có phải bạn muốn viết '{near[0]}'?" if near else ""
        listing = f" Các khóa được phép ở đây: {', '.join(allowed)}." if allowed else ""
        return f"khóa '{key}' không hợp lệ ở đây.{hint}{listing}"
    if kind in _TYPE_WORDS:
        got = _describe(err.get("input"))
        return f"giá trị của '{key}' {_TYPE_WORDS[kind]}; hiện đang là {got}."
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"giá trị '{err.get('input')}' của '{key}' không hợp lệ; chỉ được chọn: {expected}."
    if kind in ("too_short", "string_too_short"):
        return f"'{key}' không được để trống."
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"giá trị {err.get('input')} của '{key}' nằm ngoài khoảng cho phép ({err['msg']})."
    if kind == "string_pattern_mismatch":
        return (
            f"'{err.get('input')}' không đúng dạng cho '{key}': chỉ dùng chữ cái, chữ số, '&' và '-' "
            "(ví dụ 'SGDĐT'), không có dấu cách."
        )
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    return f"giá trị của '{key}' không hợp lệ ({err['msg']})."


def _describe(value: Any) -> str:
    if value is None:
        return "trống"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (đúng/sai)"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "…"
        return f"chữ '{short}'"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm 'khóa: giá trị'"
    return type(value).__name__


def problems_from(
    exc: ValidationError,
    model: type[BaseModel],
    lines: dict[tuple[object, ...], int],
    file: str,
    skip: set[tuple[object, ...]] | None = None,
) -> list[Problem]:
    """One ``Problem`` per validation error, sorted by line."""
    out: list[Problem] = []
    seen: set[tuple[int | None, str]] = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]))
        err = {**err, "loc": loc}  # type: ignore[typeddict-item]
        if skip and any(loc[: len(s)] == s for s in skip):
            continue
        owner = _model_at(model, loc)
        line = line_of(lines, loc)
        msg = _message(dict(err), owner)
        if (line, msg) in seen:
            continue
        seen.add((line, msg))
        out.append(Problem(file, line, key_path(loc), msg))
    return sorted(out, key=lambda p: (p.line or 0, p.key))
