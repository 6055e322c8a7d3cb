"""A PDF's cost, measured before any PDF library reads it: pages, inflated stream bytes, content operators.

A 1 MB PDF can hold a stream that inflates to 1 GB, 10,000 pages, or two million text operators; every PDF
reader then takes minutes and gigabytes. ``check_pdf`` walks the raw file once (it is at most a few MB: the
size was checked first), inflates each Flate stream incrementally with a running total, and counts page
objects (also inside compressed object streams) and content-stream operators, stopping at the first limit
passed with a ``LimitExceeded`` in Vietnamese. It knows nothing of the library that reads the PDF afterwards.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from cchc_docgen import limits

_STREAM = re.compile(rb"stream\r?\n")
_END = re.compile(rb"\r?\nendstream|endstream")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
#: text and path operators, as they appear in content streams: what makes a page expensive to read
#: (counted with ``bytes.count``, fast on any size; a word in a text string may count once too: harmless)
_OPERATORS = (b"Tj", b"TJ", b"Td", b"TD", b"Tm", b"T*", b"BT", b"re\n", b"re ", b"cm\n", b"cm ", b"Do",
              b"m\n", b"l\n", b"c\n")  # none starts with a blank: counting stays fast on any filler
CHUNK = 1024 * 1024


class _Tally:
    def __init__(self, name: str) -> None:
        self.name, self.inflated, self.pages, self.operators = name, 0, 0, 0

    def add(self, data: bytes) -> None:
        self.pages += len(_PAGE.findall(data))
        self.operators += sum(data.count(op) for op in _OPERATORS)
        if self.pages > limits.MAX_PDF_PAGES:
            raise limits.LimitExceeded(
                f"{self.name}: tệp PDF có hơn {limits.MAX_PDF_PAGES} trang, quá giới hạn đọc của chương trình "
                "(một kế hoạch, báo cáo thật chỉ vài chục trang). Hãy tách riêng phần văn bản cần nhập rồi thử lại.")
        if self.operators > limits.MAX_PDF_OPERATORS:
            raise limits.LimitExceeded(
                f"{self.name}: nội dung tệp PDF quá phức tạp (hơn {limits.MAX_PDF_OPERATORS:,} lệnh vẽ), vượt giới hạn "
                "đọc của chương trình. Hãy in lại văn bản ra PDF từ Word (File ▸ Save As ▸ PDF) rồi thử lại.")


def _inflate(raw: bytes, tally: _Tally) -> None:
    inflater = zlib.decompressobj()
    pending = raw
    tail = b""
    while pending:
        try:
            piece = inflater.decompress(pending, CHUNK)
        except zlib.error:
            return  # not Flate (or damaged): the reader will say so
        pending = inflater.unconsumed_tail
        tally.inflated += len(piece)
        if tally.inflated > limits.MAX_PDF_INFLATED:
            raise limits.LimitExceeded(
                f"{tally.name}: tệp PDF khi giải nén lớn hơn {limits.megabytes(limits.MAX_PDF_INFLATED)}, quá giới hạn "
                "đọc của chương trình (một văn bản thật chỉ vài MB). Hãy xuất lại PDF từ Word rồi thử lại.")
        tally.add(tail + piece)  # a token split across two pieces is counted once more at most: harmless
        tail = piece[-16:]
        if not piece:
            return


def check_pdf(path: Path) -> None:
    """``LimitExceeded`` if the PDF at ``path`` passes a page, inflated-size or operator limit."""
    data = path.read_bytes()
    tally = _Tally(path.name)
    position = 0
    outside = bytearray()
    while True:
        start = _STREAM.search(data, position)
        if start is None:
            outside += data[position:]
            break
        outside += data[position:start.start()]
        end = _END.search(data, start.end())
        stop = end.start() if end else len(data)
        _inflate(data[start.end():stop], tally)
        position = end.end() if end else len(data)
    tally.add(bytes(outside))
