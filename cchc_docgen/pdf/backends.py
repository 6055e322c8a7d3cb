"""Find a DOCX → PDF converter: LibreOffice (any OS) or Microsoft Word through docx2pdf.

Detection is cheap: it looks at PATH, a few well-known install locations and the
Windows registry; it never starts LibreOffice or Word and never imports docx2pdf.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cchc_docgen.pdf.errors import INSTALL_HINT, PdfError

EngineName = Literal["libreoffice", "word"]
ENGINES: tuple[EngineName, ...] = ("libreoffice", "word")

#: Where LibreOffice lives when it is not on PATH (the installers' defaults).
WINDOWS_SOFFICE = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
MACOS_SOFFICE = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)
MACOS_WORD = "/Applications/Microsoft Word.app"


@dataclass(frozen=True)
class Engine:
    """The converter to use. ``soffice`` is the LibreOffice executable (``None`` for Word)."""

    name: EngineName
    soffice: str | None = None


def _platform() -> str:
    """``sys.platform``, behind a function so that tests can pretend to be another OS."""
    return sys.platform


def find_soffice() -> str | None:
    """The LibreOffice executable: ``soffice``/``libreoffice`` on PATH, else a default
    install location of Windows or macOS; ``None`` when LibreOffice is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    platform = _platform()
    candidates: tuple[str, ...] = ()
    if platform == "win32":
        candidates = WINDOWS_SOFFICE
        program_files = [os.environ.get(v) for v in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        candidates += tuple(
            str(Path(pf) / "LibreOffice" / "program" / "soffice.exe") for pf in program_files if pf
        )
    elif platform == "darwin":
        candidates = MACOS_SOFFICE
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    return None


def _module_available(name: str) -> bool:
    """Whether ``name`` can be imported, without importing it."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _word_installed() -> bool:
    """Whether Microsoft Word is installed (Windows: COM registration; macOS: the app bundle)."""
    platform = _platform()
    if platform == "darwin":
        return os.path.isdir(MACOS_WORD)
    if platform == "win32":
        try:
            import winreg  # Windows only

            with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):  # type: ignore[attr-defined]
                return True
        except (ImportError, OSError):
            return False
    return False


def word_available() -> bool:
    """Whether docx2pdf can drive Microsoft Word here (Word installed and docx2pdf importable)."""
    return _platform() in ("win32", "darwin") and _word_installed() and _module_available("docx2pdf")


def _missing(what: str) -> PdfError:
    return PdfError(f"Không tạo được PDF: {what}. {INSTALL_HINT}")


def select_engine(engine: str | None = None) -> Engine:
    """Choose the converter.

    ``engine`` ``None`` picks LibreOffice when installed (its output does not depend on
    the user's Word settings), else Word; ``"libreoffice"`` or ``"word"`` forces one.
    Raises :class:`PdfError` (Vietnamese message with the install hint) when the
    requested converter, or any converter, is missing; ``ValueError`` for an unknown name.
    """
    if engine is not None and engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; expected one of {ENGINES}")
    if engine in (None, "libreoffice"):
        soffice = find_soffice()
        if soffice:
            return Engine("libreoffice", soffice)
        if engine == "libreoffice":
            raise _missing("không tìm thấy LibreOffice (soffice)")
    if word_available():
        return Engine("word")
    if engine == "word":
        raise _missing("không tìm thấy Microsoft Word hoặc gói docx2pdf")
    raise _missing("không tìm thấy LibreOffice hay Microsoft Word trên máy này")
