"""What one conversion produced, and how a finished PDF is put next to its DOCX."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: ``on_done(source, pdf, error)``: called once per input as soon as it is finished;
#: ``pdf`` is ``None`` and ``error`` a Vietnamese message when the file failed.
OnDone = Callable[[Path, Path | None, str | None], None]


@dataclass(frozen=True)
class ConversionResult:
    """The outcome for one input file.

    ``pdf`` is the written PDF (beside the source, same stem) or ``None`` on failure;
    ``error`` is then a Vietnamese sentence saying what went wrong, else ``None``.
    """

    source: Path
    pdf: Path | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.pdf is not None and self.error is None


def target_for(source: Path) -> Path:
    """Where the PDF of ``source`` goes: the same directory and stem, suffix ``.pdf``."""
    return source.with_suffix(".pdf")


def check_source(source: Path) -> str | None:
    """A Vietnamese reason why ``source`` cannot be converted, or ``None`` when it looks fine.

    A ``.docx`` must be a ZIP package with ``word/document.xml``; otherwise LibreOffice
    would happily "convert" it as plain text.
    """
    if not source.is_file():
        return f"không tìm thấy tệp {source}"
    if source.suffix.lower() != ".docx":
        return None
    try:
        with zipfile.ZipFile(source) as package:
            if "word/document.xml" not in package.namelist():
                return f"tệp {source.name} không phải văn bản DOCX hợp lệ (thiếu word/document.xml)"
    except (zipfile.BadZipFile, OSError):
        return f"tệp {source.name} bị hỏng hoặc không phải tệp DOCX"
    return None


def looks_like_pdf(path: Path) -> bool:
    """Whether ``path`` is a complete PDF (a ``%PDF-`` header and an ``%%EOF`` near the end)."""
    try:
        with path.open("rb") as f:
            if f.read(5) != b"%PDF-":
                return False
            f.seek(max(0, path.stat().st_size - 1024))
            return b"%%EOF" in f.read()
    except OSError:
        return False


def place_pdf(produced: Path, target: Path) -> None:
    """Copy ``produced`` to ``target`` atomically (a temp file beside it, flushed, renamed; permissions
    following the umask). On failure ``target`` is left untouched and an ``OSError`` is raised."""
    from cchc_docgen.atomic import write_atomic
    from cchc_docgen.oserrors import EnvironmentProblem

    try:
        write_atomic(target, lambda tmp: shutil.copyfile(produced, tmp))
    except EnvironmentProblem as exc:
        raise PlaceError(exc.errno or 0, exc.message) from None


class PlaceError(OSError):
    """The PDF could not be put in place; ``errno`` as the system gave it, ``str()`` the advice alone."""

    def __str__(self) -> str:
        return str(self.strerror)
