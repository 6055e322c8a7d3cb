"""Pick the reader by the file's content (not only its extension) and refuse what cannot be read."""

from __future__ import annotations

from pathlib import Path

from cchc_docgen.errors import InputError
from cchc_docgen.importer.blocks import Block, Para
from cchc_docgen.models.base import strip_invisible
from cchc_docgen.ooxml.names import OLE_MAGIC


def read_blocks(path: Path) -> list[Block]:
    """The reading stream of ``path``, without the invisible characters a plan may not contain."""
    return [_scrub(block) for block in _read(path)]


def _scrub(block: Block) -> Block:
    """Zero-width spaces, bidi marks and stray control characters that Word files and web copies carry are
    dropped: they print as nothing, and the loader refuses them in a plan."""
    if isinstance(block, Para):
        block.text, block.plain = strip_invisible(block.text), strip_invisible(block.plain)
        block.lines = [strip_invisible(line) for line in block.lines]
        block.footnotes = {k: [strip_invisible(p) for p in v] for k, v in block.footnotes.items()}
    else:
        for row in block.rows:
            for cell in row:
                cell.paras = [strip_invisible(p) for p in cell.paras]
                cell.plain = [strip_invisible(p) for p in cell.plain]
    return block


def _read(path: Path) -> list[Block]:
    head = path.read_bytes()[:8]
    suffix = path.suffix.lower()
    if head.startswith(b"PK") or head == OLE_MAGIC or suffix in (".docx", ".doc", ".docm"):
        from cchc_docgen.importer.docx_reader import read_docx

        return read_docx(path)  # every unreadable DOCX is reported by the one reader, as `check` reports it
    if not head:
        raise InputError(f"{path.name}: tệp rỗng (0 byte), không có gì để nhập.")
    if head.startswith(b"%PDF"):
        from cchc_docgen.importer.pdf_reader import read_pdf

        return read_pdf(path)
    if suffix == ".pdf":
        raise InputError(f"{path.name}: tệp có đuôi .pdf nhưng không phải PDF (hỏng hoặc đổi tên). Hãy xuất lại PDF.")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path.name}: đây là tệp nhị phân, không phải văn bản; lệnh import nhận tệp .docx, .pdf "
                         "hoặc .txt (UTF-8).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1258")
        except UnicodeDecodeError:
            raise InputError(f"{path.name}: tệp văn bản không ở bảng mã UTF-8; hãy mở bằng Notepad và lưu lại với "
                             "Encoding 'UTF-8'.") from None
    if not text.strip():
        raise InputError(f"{path.name}: tệp không có chữ nào để nhập.")
    from cchc_docgen.importer.text_reader import read_text

    return read_text(text)
