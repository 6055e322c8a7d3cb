"""Import an existing plan or report (DOCX, PDF, plain text) into a ``Document`` and its YAML.

``import_file(path)`` is the one entry point (used by ``cchc-docgen import``, the web page and ``derive``).
Readers turn each format into one reading stream (``blocks``); the shared NĐ30 outline recogniser
(:mod:`cchc_docgen.outline`, the same one ``check`` uses) says where the type line, trích yếu, Kính gửi, body,
closing block and appendices are in that stream, and this package reads their values (issuer, number, date, the
preamble, the numbered tree, the closing, the signer, Nơi nhận, the appendix tables) into the YAML. What they cannot
place stays in the document as plain paragraphs, and ``ImportResult.unplaced`` says where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cchc_docgen.errors import InputError, UsageError
from cchc_docgen.models import Document

__all__ = ["ImportResult", "import_file"]


@dataclass
class ImportResult:
    document: Document
    yaml_text: str
    unplaced: list = field(default_factory=list)  # of assemble.Unplaced: .where, .text


def import_file(path: Path | str) -> ImportResult:
    """Read ``path`` (.docx, .pdf, .txt/.md) and return the document, its YAML and what could not be placed.

    Raises ``UsageError`` for a missing file and ``InputError`` (Vietnamese message) for unusable input.
    """
    from cchc_docgen.importer.build import build_document
    from cchc_docgen.importer.read import read_blocks

    path = Path(path)
    if not path.exists():
        raise UsageError(f"không tìm thấy tệp '{path}'. Kiểm tra lại tên và thư mục của tệp.")
    if path.is_dir():
        raise UsageError(f"'{path}' là một thư mục; hãy chỉ ra một tệp .docx, .pdf hoặc .txt.")
    blocks = read_blocks(path)
    if not blocks:
        raise InputError(f"{path.name}: tệp không có chữ nào để nhập.")
    return build_document(blocks, path)
