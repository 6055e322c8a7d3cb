"""DOCX → PDF, next to each DOCX (architecture §3, layer ``pdf``).

LibreOffice headless on any OS (many files per process, a private profile per process),
or Microsoft Word through docx2pdf where Word is installed. Nothing here prints: callers
get :class:`ConversionResult` objects (and, optionally, an ``on_done`` callback per file).
Importing this package imports only the standard library.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from cchc_docgen.pdf.backends import Engine, find_soffice, select_engine, word_available
from cchc_docgen.pdf.errors import PdfError
from cchc_docgen.pdf.result import ConversionResult, OnDone, check_source, target_for

__all__ = [
    "DEFAULT_TIMEOUT",
    "ConversionResult",
    "Engine",
    "OnDone",
    "PdfError",
    "convert_many",
    "convert_one",
    "find_soffice",
    "select_engine",
    "word_available",
]

#: Seconds one document may take (the first one of a process including LibreOffice's
#: start-up) before LibreOffice is considered hung and killed.
DEFAULT_TIMEOUT = 120.0


def convert_many(
    docx_paths: Sequence[Path | str],
    *,
    engine: str | None = None,
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    on_done: OnDone | None = None,
) -> list[ConversionResult]:
    """Convert each DOCX to a PDF beside it (same stem), written atomically.

    ``engine``: ``None`` chooses automatically (LibreOffice first), ``"libreoffice"`` or
    ``"word"`` forces one. ``workers``: parallel LibreOffice processes (``None``: 2, or 1
    on a single core). ``timeout``: seconds without a finished document after which a
    LibreOffice process is killed (ignored by Word). ``on_done(source, pdf, error)`` is
    called once per distinct file as soon as it is finished, possibly from another thread
    (never two calls at once).

    Returns one result per input, in input order. A file that fails never stops the others
    and never replaces an existing PDF; its result carries a Vietnamese ``error``.
    Raises :class:`PdfError` when no converter is available.
    """
    sources = [Path(p) for p in docx_paths]
    if not sources:
        return []
    chosen = select_engine(engine)
    originals: dict[Path, Path] = {}
    for src in sources:
        originals.setdefault(src.resolve(), src)
    results: dict[Path, ConversionResult] = {}
    lock = threading.Lock()

    def finish(resolved: Path, pdf: Path | None, error: str | None) -> None:
        original = originals[resolved]
        result = ConversionResult(original, target_for(original) if pdf else None, error)
        with lock:
            results[resolved] = result
            if on_done is not None:
                on_done(result.source, result.pdf, result.error)

    todo = []
    for resolved, problem in _precheck(originals).items():
        if problem:
            finish(resolved, None, problem)
        else:
            todo.append(resolved)
    if chosen.name == "libreoffice":
        from cchc_docgen.pdf import libreoffice

        assert chosen.soffice is not None
        libreoffice.convert(chosen.soffice, todo, workers=workers, timeout=timeout, finish=finish)
    else:
        from cchc_docgen.pdf import word

        word.convert(todo, finish=finish)
    return [replace(results[src.resolve()], source=src) for src in sources]


def _precheck(originals: dict[Path, Path]) -> dict[Path, str | None]:
    """For each resolved source, why it cannot be converted (``None``: go ahead).

    ``originals`` maps resolved paths to the paths as the caller gave them.
    """
    problems: dict[Path, str | None] = {}
    claimed: dict[Path, Path] = {}  # target PDF → the source that writes it
    for resolved, original in originals.items():
        problem = check_source(original)
        if problem is None:
            other = claimed.setdefault(target_for(resolved), resolved)
            if other != resolved:
                problem = f"tệp {original} và {originals[other]} sẽ ghi đè cùng một tệp PDF"
        problems[resolved] = problem
    return problems


def convert_one(docx: Path | str, *, engine: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Convert one DOCX to the PDF beside it and return the PDF's path (see :func:`convert_many`).

    Raises :class:`PdfError` when no converter is available or the conversion fails.
    """
    result = convert_many([Path(docx)], engine=engine, timeout=timeout)
    if result[0].pdf is None:
        raise PdfError(f"Không tạo được PDF từ {docx}: {result[0].error}")
    return result[0].pdf
