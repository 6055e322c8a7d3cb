"""Shared model configuration: strict, closed (unknown keys are errors), NFC-normalised text."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, GetJsonSchemaHandler

#: Characters that change the reading order of what follows (bidi embeddings, overrides, isolates, marks).
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: Invisible characters that are allowed: soft hyphen (a hyphenation hint Word honours).
_ALLOWED_FORMAT = frozenset("\u00ad")
#: Letters and marks that print as nothing although Unicode does not call them format characters: Hangul
#: fillers, the blank Braille pattern, the combining grapheme joiner (used to smuggle look-alike text).
BLANK_LOOKING = frozenset("\u3164\u115f\u1160\uffa0\u2800\u034f")


#: Text made only of these characters has no invisible character (tested against every code point): printable
#: ASCII, tab and line breaks, Latin-1 letters and signs but the soft hyphen, Latin Extended-A/B, combining
#: diacritics, Vietnamese (Latin Extended Additional), dashes, quotes and other visible punctuation, №, €.
_VISIBLE_ONLY = re.compile("[\t\n\r\x20-\x7e\xa0-\xac\xae-\u024f\u0300-\u034e\u0350-\u036f\u1e00-\u1eff"
                           "\u2010-\u2027\u2030-\u205e\u20ac\u2116]*")


def invisible_char(text: str) -> int | None:
    """Index of the first invisible control character of ``text`` (bidi control, zero-width character,
    BOM, C0/C1 control other than tab and line breaks), or ``None``."""
    if _VISIBLE_ONLY.fullmatch(text):  # the common case, in one C-level pass
        return None
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if ((category == "Cf" and ch not in _ALLOWED_FORMAT) or (category == "Cc" and ch not in "\t\n\r")
                or ch in BLANK_LOOKING):
            return i
    return None


def strip_invisible(text: str) -> str:
    """``text`` without the characters :func:`invisible_char` refuses (for text copied from other files)."""
    while (index := invisible_char(text)) is not None:
        text = text[:index] + text[index + 1:]
    return text


def invisible_message(text: str, index: int) -> str:
    """What a user reads about an invisible character at ``text[index]``: which, where, why, what to do."""
    ch = text[index]
    before = "".join(c for c in text[max(0, index - 20):index] if invisible_char(c) is None).lstrip()
    dots = "…" if index > 20 else ""
    where = f"ngay sau '{dots}{before}'" if before else "ở đầu văn bản"
    if ch in BIDI:
        what = "ký tự điều khiển hướng chữ"
        why = ("ký tự này đảo hoặc đổi thứ tự các chữ khi hiển thị và khi in, nên văn bản ban hành có thể khác "
               "với điều bạn đọc thấy trong tệp YAML")
    else:
        what = "ký tự ẩn"
        why = "ký tự này không nhìn thấy được nhưng vẫn nằm trong văn bản (thường do chép từ trang web hoặc tệp khác)"
    return (f"văn bản có {what} U+{ord(ch):04X} {where}; {why}. Hãy xóa đoạn chữ quanh chỗ đó rồi gõ lại "
            "bằng bàn phím.")


def _nfc(value: object) -> object:
    """Normalise strings to NFC and trim them; refuse invisible control characters."""
    if isinstance(value, str):
        index = invisible_char(value)
        if index is not None:
            raise ValueError(invisible_message(value, index))
        return unicodedata.normalize("NFC", value).strip()
    return value


#: A piece of user text: NFC, trimmed. Inline ``**bold**``, ``*italic*`` and ``[^key]`` footnote marks allowed.
Text = Annotated[str, BeforeValidator(_nfc)]


def colon_text(value: object, fields: object) -> str | None:
    """The text a user meant when YAML read an unquoted ``Sở Nội vụ: để báo cáo`` as a one-key mapping
    (``{"Sở Nội vụ": "để báo cáo"}``) where a text or one of ``fields`` was expected; else ``None``."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (key, item), = value.items()
    if not isinstance(key, str) or key in fields or not isinstance(item, (str, int, float, type(None))):  # type: ignore[operator]
        return None
    return f"{key}: {item}" if item is not None else f"{key}:"


def quote_advice(text: str) -> str:
    """The message for :func:`colon_text`: put the text in quotes."""
    return (f"dòng chữ '{text}' có dấu ': ' nên YAML hiểu nhầm thành một cặp 'khóa: giá trị'. "
            f'Hãy đặt cả dòng chữ trong ngoặc kép: "{text}".')


def also_accepts(*forms: dict[str, Any]) -> Any:
    """A ``__get_pydantic_json_schema__`` that adds the short forms a model accepts (``- Sở Nội vụ`` for a
    recipient, ``date: 01/12/2025``) to its JSON Schema, so an editor checking the schema accepts them too."""

    def hook(cls: type[BaseModel], core_schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        json_schema = handler(core_schema)
        target = handler.resolve_ref_schema(json_schema)
        full = dict(target)
        target.clear()
        target["anyOf"] = [*forms, full]
        if "description" in full:
            target["description"] = full["description"]
        return json_schema

    return classmethod(hook)


class StrictModel(BaseModel):
    """Base of every model: strict types, no unknown keys, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)
