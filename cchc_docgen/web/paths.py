"""Request paths → files inside the data folder, never outside it, and the unit a file belongs to."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from cchc_docgen.web.settings import STATE_DIR

_PART = re.compile(r"^[\w][\w .()-]*$", re.UNICODE)
#: Longest file or folder name (bytes of UTF-8; most file systems allow 255) and request path accepted.
MAX_NAME_BYTES = 200
MAX_PATH_BYTES = 400


class BadPath(Exception):
    """The request named a file outside the data folder, or not a document file."""


def doc_path(data: Path, rel: str) -> Path:
    """The document file for ``rel`` (``unit/name.yaml``); ``BadPath`` for anything else."""
    if not rel or "\\" in rel or "\x00" in rel or len(rel.encode("utf-8", "replace")) > MAX_PATH_BYTES:
        raise BadPath(rel)
    pure = PurePosixPath(rel)
    parts = pure.parts
    if pure.is_absolute() or not parts or len(parts) > 2 or pure.suffix.lower() not in (".yaml", ".yml"):
        raise BadPath(rel)
    if any(p in (".", "..") or p.startswith(".") or not _PART.match(p) or p == STATE_DIR
           or len(p.encode("utf-8", "replace")) > MAX_NAME_BYTES for p in parts):
        raise BadPath(rel)
    path = data.joinpath(*parts)
    resolved = path.resolve()
    if resolved.parent not in (data, data / parts[0]) or not resolved.is_relative_to(data):
        raise BadPath(rel)  # a symlink pointing elsewhere
    return path


def unit_of(rel: str) -> str | None:
    """The unit (folder) of a document path; ``None`` for files at the top of the data folder."""
    parts = PurePosixPath(rel).parts
    return parts[0] if len(parts) == 2 else None


def rel_of(data: Path, path: Path) -> str:
    return path.relative_to(data).as_posix()


def safe_stem(name: str) -> str:
    """A file name stem from free text: ASCII letters, digits and '-' (Vietnamese letters lose their marks)."""
    import unicodedata

    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60] or "van-ban"


def public(message: str, folder: Path, name: str) -> str:
    """``message`` without the server's own paths: a file under ``folder`` (a temporary upload folder or the
    data folder) is named ``name`` (its upload name) or by its path inside the data folder."""
    pattern = re.escape(str(folder)) + r"/([^\s:,;'“”]*)"
    return re.sub(pattern, lambda m: name or m.group(1), message)
