"""Optional layout mode: judge pages, signing space, levels and centring from a rendered PDF.

The DOCX is copied into a private temporary folder (nothing is written beside the user's file),
converted by LibreOffice or Word (:mod:`cchc_docgen.pdf`), and the position of every text line
is read with poppler's ``pdftotext -bbox-layout`` (or pdfminer when poppler is missing). Lines
are matched to the document's paragraphs by their text, in reading order. When no PDF can be
made the checker keeps its fast XML-only estimates.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class PdfLine:
    """One text line of the PDF: 1-based page, text, box in points (origin top-left)."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def key(self) -> str:
        return squeeze(self.text)


@dataclass
class Layout:
    """The rendered document: page sizes and text lines in reading order."""

    pages: list[tuple[float, float]] = field(default_factory=list)
    lines: list[PdfLine] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)


def squeeze(text: str) -> str:
    """Comparable text: NFC, lower case, letters and digits only."""
    return "".join(c for c in unicodedata.normalize("NFC", text).lower() if c.isalnum())


def _pdftotext(pdf: Path) -> Layout | None:
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "-bbox-layout", str(pdf), "-"], capture_output=True, timeout=120, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    # the XHTML is well formed; strip the namespace so tags read plainly
    out = re.sub(rb'xmlns="[^"]+"', b"", out, count=1)
    try:
        root = etree.fromstring(out, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError:
        return None
    lay = Layout()
    for n, page in enumerate(root.iter("page"), start=1):
        lay.pages.append((float(page.get("width", 0)), float(page.get("height", 0))))
        for line in page.iter("line"):
            words = [w.text or "" for w in line.iter("word")]
            text = " ".join(w for w in words if w)
            if text.strip():
                box = [float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")]
                lay.lines.append(PdfLine(n, text, *box))
    return lay


def _pdfminer(pdf: Path) -> Layout | None:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTTextContainer, LTTextLine
    except ImportError:
        return None
    lay = Layout()
    try:
        for n, page in enumerate(extract_pages(str(pdf)), start=1):
            height = page.height
            lay.pages.append((page.width, height))
            for box in page:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if isinstance(line, LTTextLine) and line.get_text().strip():
                        x0, y0, x1, y1 = line.bbox
                        lay.lines.append(PdfLine(n, line.get_text().strip(), x0, height - y1, x1, height - y0))
    except Exception:
        return None
    return lay


def read_layout(pdf: Path) -> Layout | None:
    """Text lines of ``pdf`` with their positions (``None`` when it cannot be read)."""
    return _pdftotext(pdf) or _pdfminer(pdf)


def render_layouts(paths: list[Path], engine: str | None = None) -> tuple[dict[Path, Layout], str | None]:
    """Convert ``paths`` to PDF in a private temporary folder and read their layouts.

    Returns (path → layout for each file that converted, a Vietnamese note when the layout mode
    could not be used for some or all files, else ``None``).
    """
    from cchc_docgen.pdf import PdfError, convert_many
    from cchc_docgen.pdf.offline import copy_offline

    layouts: dict[Path, Layout] = {}
    with tempfile.TemporaryDirectory(prefix="cchc-check-") as tmp:
        copies: dict[Path, Path] = {}
        for i, path in enumerate(paths):
            copy = Path(tmp) / f"{i:04d}.docx"
            try:
                copy_offline(path, copy)  # LibreOffice must not fetch what the document links to
            except OSError:
                continue
            copies[copy] = path
        try:
            results = convert_many(list(copies), engine=engine)
        except PdfError as exc:
            return {}, f"không tạo được PDF để đo bố cục ({exc}); kiểm tra ở chế độ nhanh (chỉ đọc XML)."
        failed = 0
        for res in results:
            lay = read_layout(res.pdf) if res.pdf is not None else None
            if lay is None or not lay.pages:
                failed += 1
                continue
            layouts[copies[res.source]] = lay
    note = None
    if failed:
        note = f"{failed} tệp không tạo được PDF để đo bố cục; các tệp đó được kiểm tra ở chế độ nhanh (chỉ đọc XML)."
    return layouts, note
