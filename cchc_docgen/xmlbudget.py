"""Parse the XML parts of an untrusted package (DOCX, XLSX) as a stream, under one byte and node budget.

A 600 KB DOCX can unzip to 190 MB of tiny paragraphs; parsed whole that is gigabytes of memory and minutes
of CPU. Here a part is decompressed and fed to the parser in chunks, bytes and elements are counted as they
arrive (never trusting the sizes the ZIP directory declares), and the parse stops at the first chunk past
the budget with a ``LimitExceeded`` in Vietnamese. One ``Budget`` is shared by every part of a package, so
many medium parts cannot add up to a huge one.

Usage (any reader of OOXML parts)::

    budget = Budget(str(path))
    root = parse_part(zf, "word/document.xml", budget)
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree

from cchc_docgen import limits

CHUNK = 256 * 1024


@dataclass
class Budget:
    """What one package may still cost: XML bytes after decompression, and elements."""

    file: str
    bytes_left: int = limits.MAX_XML_BYTES
    nodes_left: int = limits.MAX_XML_NODES

    def reason(self, part: str) -> str:
        """Why the package was refused, without the file name."""
        return (f"tệp quá lớn để đọc (phần “{part}” vượt giới hạn {limits.megabytes(limits.MAX_XML_BYTES)} "
                f"dữ liệu hoặc {limits.MAX_XML_NODES:,} phần tử sau khi giải nén; một văn bản hành chính thật chỉ vài "
                "MB). Hãy mở tệp bằng Word, xóa các đoạn trống hoặc nội dung thừa, lưu lại rồi thử lại.")

    def too_big(self, part: str) -> limits.LimitExceeded:
        return limits.LimitExceeded(f"{self.file}: {self.reason(part)}")


def _parser() -> Any:
    return etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True, load_dtd=False,
                               huge_tree=True, remove_comments=False)


def parse_stream(stream: IO[bytes], budget: Budget, part: str) -> Any:
    """The root element of the XML read from ``stream``; ``LimitExceeded`` as soon as the budget is spent.

    Syntax errors surface as ``etree.XMLSyntaxError`` (the caller words them for its command).
    """
    parser = _parser()
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        budget.bytes_left -= len(chunk)
        if budget.bytes_left < 0:
            raise budget.too_big(part)
        parser.feed(chunk)
        for _ in parser.read_events():
            budget.nodes_left -= 1
        if budget.nodes_left < 0:
            raise budget.too_big(part)
    root = parser.close()
    for _ in parser.read_events():
        budget.nodes_left -= 1
    if budget.nodes_left < 0:
        raise budget.too_big(part)
    return root


def parse_part(zf: zipfile.ZipFile, name: str, budget: Budget) -> Any:
    """Parse the part ``name`` of an open package under ``budget`` (``KeyError`` if it is absent)."""
    with zf.open(name) as stream:
        return parse_stream(stream, budget, name)


def parse_bytes(data: bytes, budget: Budget, part: str) -> Any:
    """Parse XML already in memory under ``budget`` (for parts read by other means)."""
    import io

    return parse_stream(io.BytesIO(data), budget, part)
