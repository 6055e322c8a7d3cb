"""Assembled mapping → validated ``Document`` and its YAML text with the comment header."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import ValidationError

from cchc_docgen import limits
from cchc_docgen.errors import InputError
from cchc_docgen.importer import ImportResult
from cchc_docgen.importer.assemble import assemble
from cchc_docgen.importer.blocks import Block
from cchc_docgen.models import Document
from cchc_docgen.yamlio import dump_document


def build_document(blocks: list[Block], path: Path) -> ImportResult:
    data, unplaced = assemble(blocks, path.name)
    try:
        doc = Document.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path.name}: đọc được văn bản nhưng chưa dựng được tệp YAML hợp lệ ({where}: "
                         f"{first['msg']}). Đây là lỗi của chương trình nhập; hãy gửi tệp này cho nhóm phát triển."
                         ) from None
    header = [
        f"Nhập từ '{path.name}' bằng 'cchc-docgen import' ngày {dt.date.today():%d/%m/%Y}.",
        "Số thứ tự (I., 1., a), -, +) do chương trình tự đánh lại; hãy đọc soát trước khi dùng.",
    ]
    if unplaced:
        header.append(f"Có {len(unplaced)} chỗ chương trình chưa xếp được hoặc phải đoán, xem báo cáo của lệnh import.")
    _within_limits(data, path.name)
    text = dump_document(doc, header=header)
    _readable(text, path.name)
    return ImportResult(doc, text, unplaced)


def _within_limits(value: object, name: str) -> None:
    """Refuse a text the YAML loader would refuse later (a paragraph over ``limits.MAX_STRING`` characters)."""
    if isinstance(value, str):
        if len(value) > limits.MAX_STRING:
            start = " ".join(value[:60].split())
            raise InputError(f"{name}: có một đoạn văn bản dài {len(value):,} ký tự (bắt đầu bằng '{start}…'), "
                             f"vượt giới hạn {limits.MAX_STRING:,} ký tự một đoạn. Hãy mở tệp trong Word, chia đoạn "
                             "đó thành nhiều đoạn ngắn hơn (nhấn Enter giữa các ý), lưu lại rồi nhập lại.")
    elif isinstance(value, dict):
        for item in value.values():
            _within_limits(item, name)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _within_limits(item, name)


def _readable(text: str, name: str) -> None:
    """The YAML written must load as any plan does (validate ⇒ render): a bug of ours otherwise, never a bad file."""
    from cchc_docgen.loader import document_from, read_yaml

    try:
        document_from(read_yaml(text, name), name)
    except InputError as exc:
        detail = "; ".join(exc.lines())[:300]
        raise InputError(f"{name}: đọc được văn bản nhưng tệp YAML dựng ra chưa hợp lệ ({detail}). Đây là lỗi của "
                         "chương trình nhập; hãy gửi tệp này cho nhóm phát triển.") from None
