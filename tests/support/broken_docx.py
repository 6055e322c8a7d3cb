"""DOCX files broken the ways real uploads are: built in the test, never read from outside the repository."""

from __future__ import annotations

import zipfile
from pathlib import Path


def bad_deflate(path: Path) -> None:
    """A valid zip directory whose compressed document.xml stream is garbage (zlib.error when inflated)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>" * 200)
    data = bytearray(path.read_bytes())
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start : start + 20] = b"\xff" * 20
    path.write_bytes(bytes(data))
