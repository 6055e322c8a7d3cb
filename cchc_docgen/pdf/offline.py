"""A copy of a user's DOCX that LibreOffice can convert without reaching the network.

A document may name remote content that LibreOffice fetches while it lays the pages out: a linked image or
object (a relationship with ``TargetMode="External"``), an attached template, an ``INCLUDEPICTURE`` or
``INCLUDETEXT`` field. ``copy_offline`` drops every external relationship except hyperlinks (never fetched)
and every address inside field codes, so a ``check --layout`` of a hostile file contacts nothing. The text
and formatting the checker measures stay as they were.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

_EXTERNAL = re.compile(rb"<Relationship\b[^>]*TargetMode=\"External\"[^>]*/>")
_INSTR = re.compile(rb"(<w:instrText\b[^>]*>)(.*?)(</w:instrText>)|(w:instr=\")([^\"]*)(\")", re.S)
_ADDRESS = re.compile(rb"[A-Za-z][A-Za-z0-9+.-]*://|\\\\\\\\")  # scheme://…, or a UNC path \\server


def _strip_rels(data: bytes) -> bytes:
    return _EXTERNAL.sub(lambda m: m.group(0) if b"/hyperlink\"" in m.group(0) else b"", data)


def _strip_fields(data: bytes) -> bytes:
    def clean(match: re.Match[bytes]) -> bytes:
        if match.group(1) is not None:
            return match.group(1) + _ADDRESS.sub(b"blocked:", match.group(2)) + match.group(3)
        return match.group(4) + _ADDRESS.sub(b"blocked:", match.group(5)) + match.group(6)

    return _INSTR.sub(clean, data)


def copy_offline(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` without its remote references (a plain copy if it is not a ZIP)."""
    try:
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename.endswith(".rels"):
                    data = _strip_rels(data)
                elif info.filename.startswith("word/") and info.filename.endswith(".xml"):
                    data = _strip_fields(data)
                zout.writestr(info, data)
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        shutil.copyfile(source, target)  # unreadable as a package: LibreOffice will not read remote parts either
