"""Pydantic validation errors → Vietnamese problems with the YAML line (a message table, as RenderCV does)."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from cchc_docgen.errors import Problem
from cchc_docgen.models.base import colon_text, quote_advice

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


_BOUNDS = {
    "greater_than_equal": "phải lớn hơn hoặc bằng",
    "less_than_equal": "phải nhỏ hơn hoặc bằng",
    "greater_than": "phải lớn hơn",
    "less_than": "phải nhỏ hơn",
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


def _subject(loc: tuple[Any, ...]) -> str:
    """How a message names the value at ``loc``: ``'title'``, or ``phần tử thứ 2 của 'recipients'`` for a list
    item (counted from 1, like the ``recipients[2]`` printed before the message)."""
    if not loc:
        return "tệp"
    if isinstance(loc[-1], int):
        parent = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), "")
        return f"phần tử thứ {loc[-1] + 1} của '{parent}'" if parent else f"phần tử thứ {loc[-1] + 1}"
    return f"'{loc[-1]}'"


def _message(err: dict[str, Any], owner: type[BaseModel] | None, item: type[BaseModel] | None = None) -> str:
    kind = err["type"]
    loc = err["loc"]
    key = str(loc[-1]) if loc else ""
    what = _subject(loc)
    got = _describe(err.get("input"))
    now = "hiện đang để trống" if err.get("input") is None else f"hiện đang là {got}"
    value_of = what if loc and isinstance(loc[-1], int) else f"giá trị của {what}"
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
    if kind == "string_type":
        text = colon_text(err.get("input"), ())
        if text is not None:
            return quote_advice(text)
    short_form = str(getattr(item, "SHORT_FORM", ""))
    if kind in ("model_type", "model_attributes_type") and short_form:
        return f"{what} phải là {short_form}; {now}."
    if kind in _TYPE_WORDS:
        return f"{value_of} {_TYPE_WORDS[kind]}; {now}."
    if kind in ("literal_error", "enum"):
        return _choice_message(err, key)
    if kind in ("too_short", "string_too_short"):
        return f"{what} không được để trống."
    if kind in _BOUNDS:
        limit = next(iter(err.get("ctx", {}).values()), "")
        return f"giá trị {err.get('input')} của {what} không hợp lệ: {_BOUNDS[kind]} {limit}."
    if kind == "string_pattern_mismatch":
        return (
            f"'{err.get('input')}' không đúng dạng cho {what}: chỉ dùng chữ cái, chữ số, '&' và '-' "
            "(ví dụ 'SGDĐT'), không có dấu cách."
        )
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    return f"{value_of} không hợp lệ ({err['msg']})."


def _choice_message(err: dict[str, Any], key: str) -> str:
    """``giá trị 'kt' của 'authority' không hợp lệ; chỉ được chọn một trong: 'none', 'KT', … hoặc 'TUQ'.``"""
    expected = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
    got = err.get("input")
    listing = ", ".join(f"'{e}'" for e in expected[:-1]) + (f" hoặc '{expected[-1]}'" if expected else "")
    if len(expected) > 2:
        listing = "một trong " + listing
    hint = ""
    if isinstance(got, str):
        same = [e for e in expected if e.lower() == got.strip().lower()]
        near = same or difflib.get_close_matches(got, expected, n=1, cutoff=0.6)
        hint = f" Có phải bạn muốn viết '{near[0]}'?" if near else ""
    shown = f"'{got}'" if isinstance(got, str) else _describe(got)
    return f"giá trị {shown} của '{key}' không hợp lệ; chỉ được chọn {listing}.{hint}"


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


#: PyYAML's (and libyaml's) problems, in the words of a user who does not know YAML.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "có dấu ':' ở chỗ không được phép"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên khóa"),
    ("did not find expected key", "dòng này không thẳng hàng với các khóa cùng cấp (sai thụt lề)"),
    ("did not find expected '-' indicator", "dòng này không thẳng hàng với các dòng '- ' cùng danh sách (sai thụt lề)"),
    ("expected <block end>", "dòng này thụt lề không khớp với các dòng phía trên"),
    ("!found unexpected end of stream", "tệp kết thúc khi dấu ngoặc kép hoặc ngoặc vuông/nhọn chưa được đóng"),
    ("!did not find expected ',' or ']'", "danh sách trong ngoặc vuông [ … ] chưa đóng hoặc thiếu dấu ','"),
    ("!did not find expected ',' or '}'", "nhóm trong ngoặc nhọn { … } chưa đóng hoặc thiếu dấu ','"),
    ("!found undefined alias", "có dấu '*' ở đầu chữ (YAML hiểu là tham chiếu); hãy đặt văn bản trong ngoặc kép"),
    ("!cannot start any token",
     "có ký tự YAML dành riêng (như '@', '`', '%') ở đầu chữ; hãy đặt văn bản trong ngoặc kép"),
    ("!found unknown escape character", "có dấu '\\' trong ngoặc kép; hãy viết '\\\\' hoặc dùng ngoặc đơn '…'"),
    ("!unacceptable character", "có ký tự điều khiển không in được; hãy xóa nó"),
)
_TAB_HINT = ("dòng này thụt lề bằng phím Tab, nhưng YAML chỉ chấp nhận dấu cách. Hãy xóa Tab và thụt lề bằng "
             "dấu cách (mỗi cấp 2 dấu cách); trong trình soạn thảo, bật chế độ đổi Tab thành dấu cách.")
_GENERAL_HINT = ("Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu ':' sau mỗi khóa, "
                 "và đặt văn bản có dấu ':' hoặc '#' trong ngoặc kép.")


def syntax_problem(exc: Any, file: str, text: str) -> Problem:
    """A PyYAML error → one Vietnamese problem with the line (and, for tabs, the first tab-indented line)."""
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    what = str(getattr(exc, "problem", None) or exc)
    lines = text.splitlines()
    line = mark.line + 1 if mark else None
    position, character = getattr(exc, "position", None), getattr(exc, "character", None)
    if mark is None and isinstance(position, int) and isinstance(character, int):  # a ReaderError: no mark
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        return Problem(file, line, "", f"lỗi cú pháp YAML, cột {column}: có ký tự điều khiển không in được "
                                       f"(U+{character:04X}), thường do chép từ phần mềm khác; hãy xóa ký tự đó "
                                       "(gõ lại đoạn văn bản).")
    source = lines[mark.line] if mark and mark.line < len(lines) else ""
    tabbed = next((i for i, ln in enumerate(lines, 1) if "\t" in ln[: len(ln) - len(ln.lstrip(" \t-"))]), None)
    if "\t" in source[: len(source) - len(source.lstrip(" \t-"))] or "\t" in what:
        tabbed = line
    if tabbed is not None and (line is None or tabbed <= line):
        return Problem(file, tabbed, "", f"lỗi cú pháp YAML: {_TAB_HINT}")
    col = f", cột {mark.column + 1}" if mark else ""
    found = next(((en, vi) for en, vi in _YAML_PROBLEMS if en.lstrip("!") in what), None)
    said = found[1] if found else None
    # "!" marks a problem whose own words say what to do; the others may come from indentation
    hint = "" if found and found[0].startswith("!") else " " + _GENERAL_HINT
    if said is None:
        said = f"YAML không đọc được dòng này (chi tiết: {what})"
    started = ""
    if context is not None and mark is not None and context.line != mark.line and ("end of stream" in what
                                                                                   or "expected ','" in what):
        started = f" Phần chưa đóng bắt đầu từ dòng {context.line + 1}."
    if "mapping values" in what and ": " in source.split(":", 1)[-1]:
        hint = ' Dòng này có dấu ": " nằm trong văn bản; hãy đặt cả đoạn văn bản sau khóa trong ngoặc kép "…".'
    return Problem(file, line, "", f"lỗi cú pháp YAML{col}: {said}.{started}{hint}")


def as_written(loc: tuple[Any, ...], lines: dict[tuple[object, ...], int], kind: str = "") -> tuple[Any, ...]:
    """Drop a key the user never wrote: ``recipients[2].name`` for the short form ``- Sở Nội vụ``."""
    if kind == "missing" or not loc or loc in lines or not isinstance(loc[-1], str):
        return loc
    parent = loc[:-1]
    is_scalar = parent in lines and not any(len(p) > len(parent) and p[: len(parent)] == parent for p in lines)
    return parent if is_scalar else loc


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
        item = _model_at(model, (*loc, "")) if loc and isinstance(loc[-1], int) else None
        line = line_of(lines, loc)
        msg = _message(dict(err), owner, item)
        loc = as_written(loc, lines, err["type"])
        if (line, msg) in seen:
            continue
        seen.add((line, msg))
        out.append(Problem(file, line, key_path(loc), msg))
    return sorted(out, key=lambda p: (p.line or 0, p.key))
