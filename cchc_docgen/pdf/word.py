"""DOCX → PDF with Microsoft Word through docx2pdf (Windows and macOS only).

docx2pdf is optional (``pip install "cchc-docgen[word]"``) and imported only when a
conversion actually runs. Word is started once for all files and closed after the last.
There is no timeout here: Word automation cannot be interrupted safely from outside.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from cchc_docgen.pdf.errors import INSTALL_HINT, PdfError
from cchc_docgen.pdf.result import OnDone, looks_like_pdf, target_for


def convert(sources: Sequence[Path], *, finish: OnDone) -> None:
    """Convert ``sources`` one by one with Word, reporting each through ``finish``.

    Raises :class:`PdfError` when docx2pdf is not installed or does not support this OS.
    """
    if not sources:
        return
    try:
        from docx2pdf import convert as docx2pdf_convert
    except ImportError as exc:
        raise PdfError(f"Không tạo được PDF bằng Microsoft Word: chưa cài docx2pdf. {INSTALL_HINT}") from exc
    for i, src in enumerate(sources):
        target = target_for(src)
        fd, tmp_name = tempfile.mkstemp(dir=src.parent, prefix=f".{src.stem}.", suffix=".tmp.pdf")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            # docx2pdf draws tqdm progress bars and prints errors; this package prints nothing.
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                docx2pdf_convert(str(src), str(tmp), keep_active=i < len(sources) - 1)
            if not looks_like_pdf(tmp):
                raise RuntimeError("Word không tạo ra tệp PDF")
            os.replace(tmp, target)
        except NotImplementedError as exc:
            raise PdfError(
                "Không tạo được PDF bằng Microsoft Word: docx2pdf chỉ chạy trên Windows và macOS. "
                + INSTALL_HINT
            ) from exc
        except (Exception, SystemExit) as exc:  # docx2pdf calls sys.exit() on some errors
            finish(src, None, f"Microsoft Word không chuyển được tệp {src.name} sang PDF: {exc}")
            continue
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        finish(src, target, None)
