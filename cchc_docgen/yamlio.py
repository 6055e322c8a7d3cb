"""The one YAML writer: documents and round-trip trees → YAML as a person would write it.

Used by ``import``, ``derive``, ``rollover``, ``report`` and the web editor (architecture §3), so every YAML
the tool writes looks the same: the keys of ``docs/yaml-guide.md`` in model order, block style, the short
forms of the guide (a bare string for a plain item, ``2022-01-04`` for a date), long texts folded, a comment
header saying where the file came from. Files are written atomically and never overwrite without ``force``.

Round trip: ``load_roundtrip`` keeps comments, key order and layout of an existing YAML file, so a command
that copies a plan (``derive``, ``rollover``) can change a few values and ``dump_roundtrip`` the rest as it was.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from cchc_docgen.atomic import write_bytes_atomic
from cchc_docgen.errors import InputError, OutputExists
from cchc_docgen.models import Document
from cchc_docgen.models.appendix import Cell, Row
from cchc_docgen.models.body import Node
from cchc_docgen.models.document import DocDate
from cchc_docgen.models.recipients import Archive, Recipient

#: Text longer than this is written folded (``>-``) over several lines of at most this many characters.
FOLD_AT = 100

#: The schema line for plans kept in ``plans/`` (relative to the file, so editors find the schema).
SCHEMA_COMMENT = "yaml-language-server: $schema=../schema/cchc-docgen.schema.json"


# ───────────────────────────── model → plain data in the guide's short forms ─────────────────────────────


def document_data(doc: Document) -> CommentedMap:
    """``doc`` as an ordered mapping in the short forms of the guide (defaults left out)."""
    data = _model(doc)
    assert isinstance(data, CommentedMap)
    return data


def _model(model: BaseModel) -> Any:
    shortcut = _shortcut(model)
    if shortcut is not None:
        return shortcut
    out = CommentedMap()
    fields = type(model).model_fields
    for name, info in fields.items():
        value = getattr(model, name)
        if info.is_required() or value != _default(type(model), name):
            out[name] = _value(value)
    if isinstance(model, Row):
        for key, cell in model.cells().items():
            out[key] = _value(cell)
    for nested in ("paragraphs", "items", "subrows", "rows"):  # a node's own settings read best before its children
        if nested in out and isinstance(out[nested], list):
            out.move_to_end(nested)
    return out


def _shortcut(model: BaseModel) -> Any:
    """The short form the guide teaches for ``model``, or ``None`` when it needs the long form."""
    if isinstance(model, DocDate):
        complete = model.as_date()
        if complete is not None:
            return complete
        draft = CommentedMap((k, v) for k, v in (("year", model.year), ("month", model.month)) if v is not None)
        draft.fa.set_flow_style()  # date: {year: 2023, month: 3}, as the guide writes it
        return draft
    if isinstance(model, Node) and model.text and _only(model, "text"):
        return _text(model.text)
    if isinstance(model, Recipient) and not model.note:
        return _text(model.name)
    if isinstance(model, Archive) and _only(model, "units"):
        return _text(model.units[0]) if len(model.units) == 1 else _seq([_text(u) for u in model.units])
    if isinstance(model, Cell) and model.rows == 1:
        if len(model.paragraphs) == 1:
            return _text(model.paragraphs[0])
        return _seq([_text(p) for p in model.paragraphs])
    return None


def _only(model: BaseModel, field: str) -> bool:
    """True when every field of ``model`` but ``field`` has its default value."""
    for name in type(model).model_fields:
        if name != field and getattr(model, name) != _default(type(model), name):
            return False
    return True


_DEFAULTS: dict[tuple[type, str], Any] = {}


def _default(model: type[BaseModel], name: str) -> Any:
    """A field's default value, computed once per model class (only compared, never handed out)."""
    key = (model, name)
    if key not in _DEFAULTS:
        info = model.model_fields[name]
        _DEFAULTS[key] = None if info.is_required() else info.get_default(call_default_factory=True)
    return _DEFAULTS[key]


def _value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return _model(value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, (list, tuple)):
        return _seq([_value(v) for v in value])
    if isinstance(value, dict):
        return CommentedMap((k, _value(v)) for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _seq(items: list[Any]) -> CommentedSeq:
    return CommentedSeq(items)


def _text(text: str) -> Any:
    """Long single-line text folded at spaces; multi-line text as a literal block; short text as it is."""
    if "\n" in text:
        return LiteralScalarString(text)
    if len(text) <= FOLD_AT or "  " in text or text != text.strip() or "\t" in text:
        return text
    folded = FoldedScalarString(text)
    positions, start = [], 0
    while len(text) - start > FOLD_AT:
        cut = text.rfind(" ", start + 1, start + FOLD_AT)
        if cut <= start:
            break
        positions.append(cut)
        start = cut + 1
    folded.fold_pos = positions  # type: ignore[attr-defined]
    return folded


# ───────────────────────────── YAML text ─────────────────────────────


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: keeps comments and order
    yaml.width = 4096  # folding is decided by _text, never by the emitter
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    return yaml


def dump_document(doc: Document, header: list[str] | None = None, *, schema: str | None = SCHEMA_COMMENT) -> str:
    """YAML text of ``doc``: optional comment header lines (without '#'), then the keys in model order."""
    data = document_data(doc)
    lines = ([schema] if schema else []) + list(header or [])
    if lines:
        data.yaml_set_start_comment("\n".join(lines))
    return dump_roundtrip(data)


def dump_roundtrip(data: Any) -> str:
    """YAML text of a round-trip tree (or plain data)."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def load_roundtrip(path: Path | str) -> Any:
    """An existing YAML file as a round-trip tree that keeps comments, key order and layout."""
    path = Path(path)
    try:
        return _yaml().load(path.read_text(encoding="utf-8-sig"))
    except Exception as exc:  # ruamel raises many types; the loader reports YAML errors with lines
        raise InputError(
            f"không đọc được tệp YAML '{path}' ({type(exc).__name__}). "
            f"Hãy chạy 'cchc-docgen validate {path}' để xem lỗi và dòng bị lỗi."
        ) from None


def parse_roundtrip(text: str) -> Any:
    """YAML text as a round-trip tree."""
    return _yaml().load(text)


def plain_data(value: Any) -> Any:
    """A round-trip tree as plain ``dict``/``list``/``str`` data (for validating it as a model)."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, (int, bool)) else k: plain_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_data(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def text_scalar(text: str) -> Any:
    """``text`` as the scalar the writer uses: short as is, long folded at spaces, multi-line literal."""
    return _text(text)


def replace_text(original: Any, text: str) -> Any:
    """``text`` in place of the scalar ``original``, keeping its style (and its line breaks when the length is
    unchanged, e.g. a year replaced), so a round-trip file changes only where its words change."""
    if isinstance(original, FoldedScalarString):
        if len(text) == len(original) and getattr(original, "fold_pos", None):
            folded = FoldedScalarString(text)
            folded.fold_pos = list(original.fold_pos)  # type: ignore[attr-defined]
            return folded
        return _text(text) if "\n" not in text else LiteralScalarString(text)
    if isinstance(original, LiteralScalarString):
        return LiteralScalarString(text)
    if type(original) is not str and isinstance(original, str) and len(text) <= FOLD_AT:
        return type(original)(text)  # a quoted scalar stays quoted
    return _text(text)


def to_date(value: Any) -> dt.date | None:
    """A YAML date value (``date`` object) as ``datetime.date``; ``None`` otherwise."""
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


# ───────────────────────────── files ─────────────────────────────


def write_yaml(path: Path | str, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` atomically; refuse to replace an existing file unless ``force``.

    Raises ``OutputExists`` with a Vietnamese message when the file exists; an existing file is never
    truncated or half-written (temp file in the same folder, then an atomic rename).
    """
    path = Path(path)
    if path.exists() and not force:
        raise OutputExists(
            f"tệp '{path}' đã có sẵn nên chương trình không ghi đè (để khỏi mất nội dung của bạn). "
            "Hãy chọn tên khác bằng -o, hoặc thêm --force nếu chắc chắn muốn ghi đè."
        )
    if path.is_dir():
        raise OutputExists(f"'{path}' là một thư mục; hãy ghi rõ tên tệp .yaml bằng -o.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"thư mục '{folder}' không tồn tại; hãy tạo thư mục đó trước, hoặc chọn nơi khác bằng -o.")
    write_bytes_atomic(path, text.encode("utf-8"))
    return path
