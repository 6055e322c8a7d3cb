"""PDF with a text layer → reading stream, from the characters and rules PDFium prints (``pdf_page``).

Each printed line keeps its position, which undoes what text extraction loses: two columns side by side
(header, signature block) become separate lines, a first-line indent or a short last line ends a paragraph,
centred lines stand alone, page numbers at the top or bottom of a page are dropped. Scanned pages without a
text layer are refused with a clear message (no OCR).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from cchc_docgen.errors import InputError
from cchc_docgen.importer.blocks import Block, Table
from cchc_docgen.importer.pdf_notes import Piece, attach, body_size, split_notes
from cchc_docgen.importer.pdf_page import Char, Page, pages
from cchc_docgen.importer.pdf_tables import build_table, find_grids, join_tables
from cchc_docgen.importer.text_reader import Line, join_lines

_GAP = 18.0  # points between two pieces of one printed line that make them separate columns
_PIECE = 0.8  # font sizes between two characters that end a piece (a word gap is about a quarter)
_BLANK = 4.0  # font sizes of gap after a typed space that still belong to the same piece
MAX_PDF_PAGES = 1000  # pages read from one PDF


def read_pdf(path: Path) -> list[Block]:
    lines: list[Line | Table] = []
    read: list[tuple[list[Piece], list[tuple[float, float, float, float]], Page]] = []
    for page in pages(path, MAX_PDF_PAGES):
        cuts = [(s.x0, s.y0, s.y1) for s in _rules(page.shapes)]
        page_pieces = []
        for row in _rows(page.chars):
            for group in _cut(row, cuts):
                text, bold, size = _styled(group)
                if text:
                    y = min((c.y0 for c in group if c.size >= 0.75 * size), default=group[0].y0)
                    page_pieces.append(Piece(round(y, 0), group[0].x0, group[-1].x1, text, bold, size))
        read.append((page_pieces, page.shapes, page))
    chars = sum(len(p.text.strip()) for page_pieces, _, _ in read for p in page_pieces)
    size = body_size([page_pieces for page_pieces, _, _ in read])
    notes: dict[str, list[str]] = {}
    for page_pieces, shapes, page in read:
        pieces = [(p.y, p.x0, p.x1, p.text, p.bold) for p in split_notes(page_pieces, size, notes)]
        grids = find_grids(shapes)
        tables: list[tuple[float, Table]] = []
        for k, grid in enumerate(grids, 1):
            inside = [p for p in pieces if grid.contains(p[1] + 1, p[0] + 2)]
            table, taken = build_table(grid, [(p[0] + 2, p[1], p[2], p[3]) for p in inside],
                                       f"trang {page.number}, bảng {k}")
            if table is not None:
                used = [inside[i] for i in taken]
                pieces = [p for p in pieces if p not in used]
                tables.append((grid.top, table))
        lines.extend(_with_tables(_page_lines(pieces, page.number, page.width), tables))
    if chars < 20:
        raise InputError(f"{path.name}: tệp PDF không có lớp chữ (có thể là bản quét/ảnh chụp), chương trình không "
                         "nhận dạng chữ từ ảnh (OCR). Hãy dùng tệp Word gốc, hoặc PDF xuất trực tiếp từ Word.")
    blocks = join_tables(join_lines(lines))
    attach(blocks, notes)
    return blocks


def _rows(chars: list[Char]) -> list[list[Char]]:
    """The characters of a page grouped into printed lines, top to bottom, each left to right.

    Glyphs on one baseline (within a third of their size) make a line; a group of small glyphs (superscript
    marks) or of stamped glyphs (a number a signature field prints into a blank) off the baseline joins the line
    whose band holds its middle; spaces join the line of the nearest baseline."""
    glyphs = sorted((c for c in chars if not c.text.isspace() and c.y1 - c.y0 >= 0.5), key=lambda c: -c.base)
    groups: list[list[Char]] = []
    for ch in glyphs:
        if groups and groups[-1][0].base - ch.base <= 0.3 * max(ch.size, 1.0):
            groups[-1].append(ch)
        else:
            groups.append([ch])
    minor = [_minor(g, groups[max(i - 1, 0):i + 2]) for i, g in enumerate(groups)]
    hosts: dict[int, int] = {}
    for i, group in enumerate(groups):
        if minor[i]:
            mid = sum((c.y0 + c.y1) / 2 for c in group) / len(group)
            # a superscript stands above its own baseline: the line below it comes first
            for j in (i + 1, i - 1):
                if 0 <= j < len(groups) and not minor[j] and \
                        min(c.y0 for c in groups[j]) <= mid <= max(c.y1 for c in groups[j]):
                    hosts[i] = j
                    break
    lines: list[list[Char]] = []
    at: dict[int, list[Char]] = {}
    for i, group in enumerate(groups):
        if i not in hosts:
            at[i] = list(group)
            lines.append(at[i])
    for i, j in hosts.items():
        at[j].extend(groups[i])
    order = sorted(lines, key=lambda line: line[0].base)
    bases = [line[0].base for line in order]
    last = len(order) - 1
    for ch in chars:
        if ch.text.isspace() and ch.y1 - ch.y0 >= 0.5 and lines:
            k = bisect.bisect_left(bases, ch.base)
            # the nearer of the lines just below and just above (the lower one on a tie)
            best = order[k - 1] if k > last or (k > 0 and abs(bases[k - 1] - ch.base) <= abs(bases[k] - ch.base)) \
                else order[k]
            if abs(best[0].base - ch.base) <= 0.3 * max(ch.size, 1.0):
                best.append(ch)
    return [_spaced(sorted(line, key=lambda c: c.x0)) for line in lines]


def _minor(group: list[Char], near: list[list[Char]]) -> bool:
    """A group of glyphs that belongs to a neighbouring line: all stamped, or a few much smaller digits (footnote
    marks printed as superscripts)."""
    if all(c.stamp for c in group):
        return True
    if len(group) > 6 or not all(c.text.isdigit() or c.text in "*,()" for c in group):
        return False
    size = max(c.size for c in group)
    return any(size < 0.8 * max(c.size for c in other) for other in near if other is not group)


def _spaced(row: list[Char]) -> list[Char]:
    """A line's characters without spaces that other glyphs print over (a stamp in a blank), with a space where
    two glyphs stand apart without one."""
    if not any(c.stamp for c in row):
        return _spaced_plain(row)
    glyphs = [c for c in row if c.stamp and not c.text.isspace()]
    out: list[Char] = []
    for ch in row:
        if ch.text.isspace():
            mid = (ch.x0 + ch.x1) / 2
            if (glyphs and any(g.x0 < mid < g.x1 for g in glyphs)) or (out and out[-1].text == " "):
                continue
            out.append(Char(" ", ch.x0, ch.y0, ch.x1, ch.y1, ch.size, ch.bold, ch.italic, ch.stamp))
            continue
        gap = ch.x0 - out[-1].x1 if out else 0.0
        limit = (_BLANK if ch.stamp != out[-1].stamp else _PIECE) * max(ch.size, 1.0) if out else 0.0
        apart = 0.2 * max(ch.size, 1.0) < gap or ch.stamp != out[-1].stamp if out else False  # a stamp is a word
        if out and out[-1].text != " " and apart and gap <= limit:
            prev = out[-1]
            out.append(Char(" ", prev.x1, prev.y0, ch.x0, prev.y1, prev.size, prev.bold, prev.italic))
        out.append(ch)
    return out


def _spaced_plain(row: list[Char]) -> list[Char]:
    """``_spaced`` for a line without stamped glyphs (nearly every line), in one cheap pass."""
    out: list[Char] = []
    prev: Char | None = None
    for ch in row:
        if ch.text.isspace():
            if prev is not None and prev.text == " ":
                continue
            prev = Char(" ", ch.x0, ch.y0, ch.x1, ch.y1, ch.size, ch.bold, ch.italic)
            out.append(prev)
            continue
        if prev is not None and prev.text != " ":
            size = max(ch.size, 1.0)
            gap = ch.x0 - prev.x1
            if 0.2 * size < gap <= _PIECE * size:
                out.append(Char(" ", prev.x1, prev.y0, ch.x0, prev.y1, prev.size, prev.bold, prev.italic))
        out.append(ch)
        prev = ch
    return out


def _with_tables(lines: list[Line], tables: list[tuple[float, Table]]) -> list[Line | Table]:
    """Page lines with each table put back where it stood (by height on the page)."""
    out: list[Line | Table] = []
    pending = sorted(tables, key=lambda t: -t[0])
    for line in lines:
        while pending and pending[0][0] > (line.y or 0.0) + 6:  # a line's descenders may reach below the top rule
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


def _cut(row: list[Char], cuts: list[tuple[float, float, float]]) -> list[list[Char]]:
    """A printed line split into pieces where a vertical table rule runs between two characters, or where the
    characters stand apart by more than a word gap (columns, tab stops)."""
    if not row:
        return []
    mid = (row[0].y0 + row[0].y1) / 2
    xs = [x for x, y0, y1 in cuts if y0 - 1 <= mid <= y1 + 1 and row[0].x0 < x < row[-1].x1]
    if not xs and not any(c.stamp for c in row) and \
            all(b.x0 - a.x1 <= _PIECE * max(b.size, 1.0) for a, b in pairwise(row)):
        parts = [list(row)]  # no rule crosses the line and no gap wider than a word gap: one piece
    else:
        parts = _parts(row, xs)
    out = []
    for part in parts:
        while part and part[0].text == " ":
            part.pop(0)
        while part and part[-1].text == " ":
            part.pop()
        if part:
            out.append(part)
    return out


def _parts(row: list[Char], xs: list[float]) -> list[list[Char]]:
    parts: list[list[Char]] = [[]]
    glyph: Char | None = None  # the last character that is not a space (a space may run over a rule)
    for ch in row:
        if parts[-1]:
            prev = parts[-1][-1]
            gap = ch.x0 - prev.x1
            size = max(ch.size, 1.0)
            apart = (gap > _PIECE * size and not (prev.stamp or ch.stamp)) or gap > _BLANK * size
            if apart and gap <= _BLANK * size and prev.text == " ":
                # the blanks NĐ30 leaves for the number and the day ("Số:      /KH-UBND", "ngày      tháng")
                # stay one piece, as does text stamped into a blank by a form field or a signature
                word = "".join(c.text for c in parts[-1][-6:]).split()
                apart = not (word and word[-1] in ("Số:", "ngày"))
            ruled = bool(xs) and glyph is not None and any(glyph.x1 - 1 <= cut <= ch.x0 + 1 for cut in xs)
            if apart or ruled:
                parts.append([])
                glyph = None
        parts[-1].append(ch)
        if ch.text != " ":
            glyph = ch
    return parts


def _styled(chars: list[Char]) -> tuple[str, bool, float]:
    """A printed piece's text with ``**bold**``/``*italic*`` from its fonts and ``[^fnN]`` for superscript
    numbers; whether it is all bold; its main font size."""
    from cchc_docgen.importer.docx_reader import _markup

    runs: list[list] = []  # [text, bold, italic], consecutive characters of one style joined
    rounded = [round(ch.size, 1) for ch in chars]
    sizes = Counter(r for r, ch in zip(rounded, chars, strict=True) if not ch.text.isspace())
    main = sizes.most_common(1)[0][0] if sizes else 0.0
    base = min((ch.y0 for r, ch in zip(rounded, chars, strict=True) if r == main), default=0.0)
    small = 0.75 * main
    high = base + 0.2 * main
    all_bold = all_italic = True
    seen = False
    first = chars[0] if chars else None
    if first is not None and first.text != " " and \
            all(ch.text == " " or (ch.bold == first.bold and ch.italic == first.italic and
                                   not (ch.text.isdigit() and ch.size < small and ch.y0 > high)) for ch in chars):
        joined = "".join(ch.text for ch in chars)  # one style and no footnote mark: one run
        if not joined.startswith("[^fn"):
            chars = []
            runs.append([joined, first.bold, first.italic])
            all_bold, all_italic, seen = first.bold, first.italic, True
    for ch in chars:
        text = ch.text
        if text.isdigit() and ch.size < small and ch.y0 > high:
            if runs and runs[-1][0].startswith("[^fn"):
                runs[-1][0] = runs[-1][0][:-1] + text + "]"
            else:
                runs.append([f"[^fn{text}]", False, False])
            continue
        if text == " ":
            bold, italic = (runs[-1][1], runs[-1][2]) if runs else (False, False)
        else:
            bold, italic, seen = ch.bold, ch.italic, True
            all_bold, all_italic = all_bold and bold, all_italic and italic
        if runs and runs[-1][1] == bold and runs[-1][2] == italic and not runs[-1][0].startswith("[^fn"):
            runs[-1][0] += text
        else:
            runs.append([text, bold, italic])
    all_bold, all_italic = all_bold and seen, all_italic and seen
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
