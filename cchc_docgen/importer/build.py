"""Assembled mapping → validated ``Document`` and its YAML text with the comment header."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import ValidationError

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
    return ImportResult(doc, dump_document(doc, header=header), unplaced)
