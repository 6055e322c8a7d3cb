"""PDF with a text layer → reading stream, using pdfminer.six's layout analysis.

Each printed line keeps its position, which undoes what text extraction loses: two columns side by side
(header, signature block) become separate lines, a first-line indent or a short last line ends a paragraph,
centred lines stand alone, page numbers at the top or bottom of a page are dropped. Scanned pages without a
text layer are refused with a clear message (no OCR).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_docgen.errors import InputError
from cchc_docgen.importer.blocks import Block, Table
from cchc_docgen.importer.pdf_notes import Piece, attach, body_size, split_notes
from cchc_docgen.importer.pdf_tables import build_table, find_grids, join_tables
from cchc_docgen.importer.text_reader import Line, join_lines

_GAP = 18.0  # points between two pieces of one printed line that make them separate columns


def read_pdf(path: Path) -> list[Block]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTCurve, LTTextContainer, LTTextLine

    try:
        pages = list(extract_pages(str(path), laparams=LAParams(line_margin=0.3, char_margin=1.5, boxes_flow=None)))
    except Exception as exc:  # pdfminer raises many types for broken or protected files
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise InputError(f"{path.name}: tệp PDF được đặt mật khẩu; hãy bỏ mật khẩu rồi nhập lại.") from None
        raise InputError(f"{path.name}: không đọc được tệp PDF ({name}); tệp có thể bị hỏng. Hãy xuất lại PDF "
                         "hoặc dùng tệp Word gốc.") from None
    lines: list[Line | Table] = []
    read: list[tuple[list[Piece], list[tuple[float, float, float, float]]]] = []
    for page in pages:
        shapes = [(o.x0, o.y0, o.x1, o.y1) for o in page if isinstance(o, LTCurve)]
        cuts = [(s.x0, s.y0, s.y1) for s in _rules(shapes)]
        page_pieces = []
        for box in page:
            if isinstance(box, LTTextContainer):
                for line in box:
                    if isinstance(line, LTTextLine):
                        for group in _cut(line, cuts):
                            x0, x1 = group[0].x0, group[-1].x1
                            text, bold, size = _styled(group)
                            if text:
                                page_pieces.append(Piece(round(line.y0, 0), x0, x1, text, bold, size))
        read.append((page_pieces, shapes))
    chars = sum(len(p.text.strip()) for page_pieces, _ in read for p in page_pieces)
    size = body_size([page_pieces for page_pieces, _ in read])
    notes: dict[str, list[str]] = {}
    for number, (page_pieces, shapes) in enumerate(read, 1):
        pieces = [(p.y, p.x0, p.x1, p.text, p.bold) for p in split_notes(page_pieces, size, notes)]
        grids = find_grids(shapes)
        tables: list[tuple[float, Table]] = []
        for k, grid in enumerate(grids, 1):
            inside = [p for p in pieces if grid.contains(p[1] + 1, p[0] + 2)]
            table, taken = build_table(grid, [(p[0] + 2, p[1], p[2], p[3]) for p in inside],
                                       f"trang {number}, bảng {k}")
            if table is not None:
                used = [inside[i] for i in taken]
                pieces = [p for p in pieces if p not in used]
                tables.append((grid.top, table))
        lines.extend(_with_tables(_page_lines(pieces, number, page.width), tables))
    if chars < 20:
        raise InputError(f"{path.name}: tệp PDF không có lớp chữ (có thể là bản quét/ảnh chụp), chương trình không "
                         "nhận dạng chữ từ ảnh (OCR). Hãy dùng tệp Word gốc, hoặc PDF xuất trực tiếp từ Word.")
    blocks = join_tables(join_lines(lines))
    attach(blocks, notes)
    return blocks


def _with_tables(lines: list[Line], tables: list[tuple[float, Table]]) -> list[Line | Table]:
    """Page lines with each table put back where it stood (by height on the page)."""
    out: list[Line | Table] = []
    pending = sorted(tables, key=lambda t: -t[0])
    for line in lines:
        while pending and pending[0][0] > line.y:
            out.append(pending.pop(0)[1])
        out.append(line)
    out.extend(t for _, t in pending)
    return out


@dataclass
class _Rule:
    x0: float
    y0: float
    y1: float


def _rules(shapes: list[tuple[float, float, float, float]]) -> list[_Rule]:
    return [_Rule((x0 + x1) / 2, y0, y1) for x0, y0, x1, y1 in shapes if x1 - x0 <= 1.5 and y1 - y0 > 6]


def _cut(line: Any, cuts: list[tuple[float, float, float]]) -> list[list[Any]]:
    """The characters of one text line, split where a vertical table rule runs between two of them."""
    chars = list(line)
    if not chars:
        return []
    ys = (line.y0 + line.y1) / 2
    xs = [x for x, y0, y1 in cuts if y0 - 1 <= ys <= y1 + 1 and line.x0 < x < line.x1]
    parts: list[list[Any]] = [[]]
    for ch in chars:
        x = getattr(ch, "x0", None)
        if x is not None and parts[-1] and any(_right(parts[-1]) - 1 <= cut <= x + 1 for cut in xs):
            parts.append([])
        parts[-1].append(ch)
    out = []
    for part in parts:
        while part and not hasattr(part[0], "x0"):
            part.pop(0)
        while part and not hasattr(part[-1], "x1"):
            part.pop()
        if part:
            out.append(part)
    return out


def _right(chars: list[Any]) -> float:
    return max((c.x1 for c in chars if hasattr(c, "x1")), default=0.0)


def _styled(line: Any) -> tuple[str, bool, float]:
    """A printed line's text with ``**bold**``/``*italic*`` from its font names and ``[^fnN]`` for superscript
    numbers; whether it is all bold; its main font size."""
    from pdfminer.layout import LTChar

    from cchc_docgen.importer.docx_reader import _markup

    runs: list[tuple[str, bool, bool]] = []
    chars = [ch for ch in line if isinstance(ch, LTChar)]  # type: ignore[attr-defined]
    sizes = Counter(round(ch.size, 1) for ch in chars if ch.get_text().strip())
    main = sizes.most_common(1)[0][0] if sizes else 0.0
    for ch in line:  # type: ignore[attr-defined]
        text = ch.get_text()
        if isinstance(ch, LTChar):
            font = ch.fontname.split("+")[-1].lower()
            if text.isdigit() and ch.size < 0.75 * main:
                if runs and runs[-1][0].startswith("[^fn"):
                    runs[-1] = (runs[-1][0][:-1] + text + "]", False, False)
                else:
                    runs.append((f"[^fn{text}]", False, False))
                continue
            runs.append((text, "bold" in font, "italic" in font or "oblique" in font))
        else:
            runs.append((text, runs[-1][1] if runs else False, runs[-1][2] if runs else False))
    flags = [(b, i) for t, b, i in runs if t.strip() and not t.startswith("[^fn")]
    all_bold = bool(flags) and all(b for b, _ in flags)
    all_italic = bool(flags) and all(i for _, i in flags)
    text = _markup([(unicodedata.normalize("NFC", t), b, i) for t, b, i in runs], all_bold, all_italic)
    if all_italic and not all_bold and text:
        text = f"*{text}*"
    return text, all_bold, float(main)


def _page_lines(pieces: list[tuple[float, float, float, str, bool]], page: int, width: float) -> list[Line]:
    if not pieces:
        return []
    rows: list[list[tuple[float, float, float, str, bool]]] = []
    for piece in sorted(pieces, key=lambda p: (-p[0], p[1])):
        if rows and abs(rows[-1][0][0] - piece[0]) <= 3:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    for row in rows:
        row.sort(key=lambda p: p[1])
    starts = Counter(round(r[0][1]) for r in rows)
    left = float(min(x for x, n in starts.items() if n >= max(starts.values()) / 3)) if starts else 0.0
    ends = sorted(r[-1][2] for r in rows)
    right = ends[int(len(ends) * 0.9)] if ends else width
    out: list[Line] = []
    for i, row in enumerate(rows):
        if (i == 0 or i == len(rows) - 1) and len(row) == 1 and re.fullmatch(r"[-–\s*]*\d{1,3}[-–\s*]*", row[0][3]):
            continue  # a page number
        if all(re.fullmatch(r"[-_=.*…\s]+", p[3]) for p in row):
            continue  # a rule drawn with characters
        parts: list[list[tuple[float, float, float, str, bool]]] = [[row[0]]]
        for piece in row[1:]:
            if piece[1] - parts[-1][-1][2] > _GAP:
                parts.append([piece])
            else:
                parts[-1].append(piece)
        split = len(parts) > 1
        for part in parts:
            x0, x1 = part[0][1], part[-1][2]
            text = " ".join(p[3] for p in part)
            center = abs((x0 + x1) / 2 - (left + right) / 2) < 15 and x0 - left > 20 and not split
            out.append(Line(text, f"trang {page}, dòng {i + 1}", center=center, bold=all(p[4] for p in part),
                            hard=split or center, indent=1.0 if x0 - left > 12 else 0.0, short=x1 < right - 45,
                            geometry=True, y=part[0][0]))
    return out
