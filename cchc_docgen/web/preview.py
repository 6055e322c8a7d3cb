"""Rendered outputs of a document for the browser: DOCX, PDF and PNG pages, cached by content."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from cchc_docgen.errors import InputError
from cchc_docgen.models import Document
from cchc_docgen.pipeline import render_document
from cchc_docgen.web.converter import Converter

KEEP = 200  # rendered versions kept in the cache folder


@dataclass(frozen=True)
class Rendered:
    key: str
    folder: Path
    docx: Path

    @property
    def pdf(self) -> Path:
        return self.docx.with_suffix(".pdf")

    def page(self, n: int) -> Path:
        return self.folder / f"page-{n}.png"


def check_tasks_file(doc: Document, source: Path) -> None:
    """A report's spreadsheet of task statuses must lie in the report's own folder (never another unit's)."""
    if doc.report is not None and doc.report.tasks_file:
        folder = source.parent.resolve()
        if not (folder / doc.report.tasks_file).resolve().is_relative_to(folder):
            raise InputError("tệp Excel trạng thái nhiệm vụ của báo cáo phải nằm cùng thư mục với báo cáo.")


class Outputs:
    """Renders into a private cache folder; the same YAML text is rendered and converted once."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter
        self._root: Path | None = None
        self._locks: dict[str, threading.Lock] = {}
        self.owner: dict[str, str] = {}  # rendered key → the document path it came from (for access checks)
        self._guard = threading.Lock()

    @property
    def root(self) -> Path:
        """The private cache folder, made on first use (an app that never renders leaves nothing behind)."""
        with self._guard:
            if self._root is None:
                self._root = Path(tempfile.mkdtemp(prefix="cchc-web-"))
            return self._root

    def _lock(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def docx(self, doc: Document, text: str, stem: str, rel: str = "", source: Path | None = None) -> Rendered:
        """Render here, in this process (tests and tools; the web routes use ``slot`` + a worker job), by the
        CLI's own pipeline step (``source``: the YAML file, for the files a report names beside it)."""
        rendered = self.slot(text, stem, rel)
        if source is not None:
            check_tasks_file(doc, source)
        with self._lock(rendered.key):
            if not rendered.docx.is_file():
                render_document(doc, source or rendered.docx.with_suffix(".yaml"), rendered.docx)
                self._trim()
        return rendered

    def slot(self, text: str, stem: str, rel: str = "") -> Rendered:
        """Where the DOCX of this text goes (its folder made); render it there when ``docx`` is not a file yet."""
        key = hashlib.sha256(f"{rel}\0{stem}\0{text}".encode()).hexdigest()[:24]
        self.owner[key] = rel
        folder = self.root / key
        folder.mkdir(parents=True, exist_ok=True)
        return Rendered(key, folder, folder / f"{stem}.docx")

    def trim(self) -> None:
        """Keep the newest ``KEEP`` rendered versions."""
        self._trim()

    def pdf(self, rendered: Rendered, who: str = "") -> Path:
        """The PDF of ``rendered``, converted in ``who``'s turn (users take turns at the shared LibreOffice)."""
        with self._lock(rendered.key):
            if not rendered.pdf.is_file():
                self.converter.to_pdf(rendered.docx, who)
        return rendered.pdf

    def pages(self, rendered: Rendered, who: str = "") -> int:
        pdf = self.pdf(rendered, who)
        from pypdf import PdfReader

        return len(PdfReader(pdf).pages)

    def find(self, key: str) -> Rendered | None:
        if not key.isalnum():
            return None
        folder = self.root / key
        docs = list(folder.glob("*.docx")) if folder.is_dir() else []
        return Rendered(key, folder, docs[0]) if docs else None

    def page_png(self, rendered: Rendered, n: int, dpi: int = 70) -> Path | None:
        """Page ``n`` (1-based) as PNG, made on first request."""
        png = rendered.page(n)
        with self._lock(f"{rendered.key}-{n}"):
            if not png.is_file():
                exe = shutil.which("pdftoppm")
                if not exe or not rendered.pdf.is_file():
                    return None
                subprocess.run([exe, "-png", "-r", str(dpi), "-f", str(n), "-l", str(n), "-singlefile",
                                str(rendered.pdf), str(png.with_suffix(""))], capture_output=True, timeout=60)
        return png if png.is_file() else None

    def _trim(self) -> None:
        folders = sorted((p for p in self.root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
        for old in folders[:-KEEP]:
            shutil.rmtree(old, ignore_errors=True)

    def close(self) -> None:
        self.converter.close()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
