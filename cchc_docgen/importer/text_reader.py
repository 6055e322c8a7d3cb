"""Plain text (copy-paste, a text export, lines from a PDF) → reading stream, with the noise cleaned up.

Noise handled: hard line wraps (lines joined back into paragraphs), hyphenated wraps, page numbers standing
alone on a line, the two header/footer columns printed side by side on one line, blank lines between
every line, and Markdown-ish exports (``#`` headings, ``**bold**`` lines, ``<b>`` tags, tab-separated tables).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from cchc_docgen.importer.blocks import Block, Cell, Para, Table, escape_stars
from cchc_docgen.importer.patterns import MARKER, starts_block
from cchc_docgen.outline.words import NOI_NHAN, RIGHT_COLUMN, fold

#: Anchors that begin the right-hand column when two header/footer columns share one line.
_RIGHT = RIGHT_COLUMN
_GAP = re.compile(r"\S(\s{4,})\S")
_PAGE = re.compile(r"^\s*(?:[-–]\s*)?(?:trang\s+)?(\d{1,3})(?:\s*[-–])?\s*$", re.IGNORECASE)
_HTML = re.compile(r"</?(?:b|i|u|strong|em|br|p|span)[^>]*>", re.IGNORECASE)


@dataclass
class Line:
    text: str
    where: str
    bold: bool = False
    italic: bool = False
    center: bool = False
    hard: bool = False  # a paragraph certainly starts here (blank-line separated exports, markdown)
    indent: float = 0.0  # first-line indent (PDF), 0 when unknown
    short: bool = False  # the line ends well before the right margin (PDF), so its paragraph may end here
    y: float = 0.0  # height on the page (PDF)
    geometry: bool = False  # indent/short come from the page (PDF); ``text`` then already carries inline markup


def split_columns(text: str) -> list[str]:
    """One printed line that holds both header (or footer) columns → its parts, left first."""
    if "\t" in text and text.count("\t") >= 2:  # a table row; tabs are handled by the table reader
        return [text]
    parts = [text]
    m = _RIGHT.search(text)
    if m and m.group(0).endswith("ngày"):
        m = None
    if m and m.start() > 0 and text[: m.start()].strip():
        parts = [text[: m.start()], text[m.start():]]
    out = []
    for part in parts:
        gap = _GAP.search(part)
        if gap and (_RIGHT.search(part[gap.end(1):]) or _RIGHT.search(part[: gap.start(1) + 1])
                    or (part.lstrip().startswith("-") or NOI_NHAN.match(fold(part)))):
            out += [part[: gap.start(1) + 1], part[gap.end(1):]]
        else:
            out.append(part)
    return [p.strip() for p in out if p.strip()]


def text_lines(raw: str) -> list[Line]:
    """The lines of a text file with Markdown marks and page numbers removed."""
    out: list[Line] = []
    page = 2
    prev_blank = True
    for n, original in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = _HTML.sub("", unicodedata.normalize("NFC", original)).replace("\u00a0", " ").rstrip()
        if not line.strip() or re.fullmatch(r"\s*[-_=*.…]{3,}\s*", line):
            prev_blank = True
            continue
        m = _PAGE.match(line)
        if m and int(m.group(1)) == page:
            page += 1
            continue
        hard = prev_blank and _markdownish(raw)
        heading = re.match(r"^\s*#{1,6}\s+", line)
        if heading:
            line, hard = line[heading.end():], True
        line = line.rstrip("\\ ").rstrip()
        parts = split_columns(line) if "\t" not in line else [line]
        for part in parts:
            bold = italic = False
            core = part.strip()
            bold, italic, core = _whole_mark(core)
            if core.startswith("**") and core.count("**") == 1:  # bold over several lines (Markdown exports)
                core, bold = core[2:].strip(), True
            elif core.endswith("**") and core.count("**") == 1:
                core, bold = core[:-2].strip(), True
            if not core:
                continue
            out.append(Line(core, f"dòng {n}", bold=bold, italic=italic, hard=hard or bool(heading) or len(parts) > 1))
            hard = len(parts) > 1
        prev_blank = len(parts) > 1
    return out


def _whole_mark(core: str) -> tuple[bool, bool, str]:
    """``**text**`` → bold, ``*text*`` → italic (the marks removed); other text unchanged."""
    for mark, bold, italic in (("***", True, True), ("**", True, False), ("*", False, True)):
        inner = core[len(mark):-len(mark)]
        if len(core) > 2 * len(mark) and core.startswith(mark) and core.endswith(mark) and "*" not in inner \
                and inner.strip() and not inner.startswith("*"):
            return bold, italic, inner.strip()
    return False, False, core


def _markdownish(raw: str) -> bool:
    """True when the export puts one paragraph per line (long lines), so each line is a paragraph."""
    lines = [x for x in raw.splitlines() if x.strip()]
    long = sum(len(x) > 160 for x in lines)
    return bool(lines) and long * 10 >= len(lines)


def read_text(raw: str) -> list[Block]:
    return join_lines(text_lines(raw))


def join_lines(lines: Sequence[Line | Table]) -> list[Block]:
    """Lines → paragraphs (hard wraps undone) and tab-separated tables; tables found on a page pass through."""
    widths = sorted(len(x.text) for x in lines if isinstance(x, Line) and "\t" not in x.text)
    wrap = widths[int(len(widths) * 0.9)] if widths else 80
    out: list[Block] = []
    cur: list[Line] = []
    rows: list[Line] = []

    def flush() -> None:
        if cur:
            text = cur[0].text
            for line in cur[1:]:
                text = _glue(text, line.text, line.geometry)
            first = cur[0]
            if first.geometry:
                if first.bold:
                    text = text.replace("**", "")
                out.append(Para(text, _plain(text), first.where, bold=first.bold,
                                italic=first.italic, center=first.center))
                cur.clear()
                return
            out.append(Para(text if _plain(text) != text else escape_stars(text), _plain(text),
                            first.where, bold=first.bold, italic=first.italic, center=first.center))
            cur.clear()

    def flush_rows() -> None:
        if rows:
            out.append(_tab_table(rows))
            rows.clear()

    for line in lines:
        if isinstance(line, Table):
            flush()
            flush_rows()
            out.append(line)
            continue
        if line.text.count("\t") >= 1 and len(line.text.split("\t")) >= 3:
            flush()
            rows.append(line)
            continue
        flush_rows()
        if cur and not _continues(cur[-1], line, wrap):
            flush()
        cur.append(line)
    flush()
    flush_rows()
    return out


def _continues(prev: Line, line: Line, wrap: int) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``prev`` (a hard wrap)."""
    if line.hard or line.bold != prev.bold or starts_block(line.text) or MARKER.match(_unstar(line.text)):
        return False
    if prev.geometry:
        return not (prev.short or line.indent > 0.5)
    p = prev.text.rstrip()
    if p.endswith((".", ";", ":", "!", "?", "./.")) and not re.search(r"\b(?:số|ngày|Số)\s*[:.]?$", p):
        return False
    if prev.short or len(p) < 0.6 * wrap:
        return bool(line.text[:1].islower())
    if line.indent > 0.5:
        return False
    letters = [c for c in p if c.isalpha()]
    return not (letters and all(c.isupper() for c in letters) and not line.text.isupper())


def _unstar(text: str) -> str:
    return text[2:] if text.startswith("**") else text[1:] if text.startswith("*") else text


def _glue(text: str, nxt: str, geometry: bool = False) -> str:
    if geometry and re.search(r"\w[-/]$", text):  # a printed line broken after a hyphen or slash of a word
        return text + nxt.lstrip()
    for mark in ("**", "*"):  # the same bold or italic run going on over the line break
        if text.endswith(mark) and nxt.startswith(mark) and not text.endswith("*" + mark):
            return text[: -len(mark)] + " " + nxt[len(mark):]
    if re.search(r"\w-$", text) and nxt[:1].islower():
        return text[:-1] + nxt.lstrip()
    return f"{text.rstrip()} {nxt.lstrip()}"


def _plain(text: str) -> str:
    from cchc_docgen.context.text import plain

    return plain(text) if "*" in text else " ".join(text.split())


def _tab_table(rows: list[Line]) -> Table:
    """Tab-separated rows → a table; repeated header rows (page breaks) dropped, split rows joined."""
    cells = [[c.strip() for c in r.text.split("\t")] for r in rows]
    header = cells[0]
    body: list[list[str]] = [header]
    for row in cells[1:]:
        if row == header:
            continue
        if body and len(body) > 1 and not row[0] and len(row) == len(body[-1]):
            body[-1] = [f"{a} {b}".strip() for a, b in zip(body[-1], row, strict=True)]
            continue
        body.append(row)
    width = max(len(r) for r in body)
    table_rows = [[Cell([escape_stars(c)] if c else [], plain=[c] if c else []) for c in r + [""] * (width - len(r))]
                  for r in body]
    return Table(table_rows, rows[0].where)
