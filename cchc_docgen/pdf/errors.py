"""The error raised when no PDF converter can be used."""

from __future__ import annotations

from cchc_docgen.errors import DocgenError

INSTALL_HINT = (
    "Hãy cài LibreOffice (tải tại https://www.libreoffice.org/download/; "
    "trên Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui), "
    'hoặc dùng Microsoft Word kèm gói docx2pdf: pip install "cchc-docgen[word]".'
)


class PdfError(DocgenError):
    """No usable DOCX → PDF converter (exit code 1); the message says what to install."""
