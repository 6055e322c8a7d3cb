"""PDF with a text layer → reading stream, using pdfminer.six's layout analysis.

Each printed line keeps its position, which undoes what text extraction loses: two columns side by side
(header, signature block) become separate lines, a first-line indent or a short last line ends a paragraph,
centred lines stand alone, page numbers at the top or bottom of a page are dropped. Scanned pages without a
text layer are refused with a clear message (no OCR).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from cchc_docgen.errors import InputError
from cchc_docgen.importer.blocks import Block
from cchc_docgen.importer.text_reader import Line, join_lines

_GAP = 18.0  # points between two pieces of one printed line that make them separate columns


def read_pdf(path: Path) -> list[Block]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    try:
        pages = list(extract_pages(str(path), laparams=LAParams(line_margin=0.3, char_margin=1.5)))
    except Exception as exc:  # pdfminer raises many types for broken or protected files
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise InputError(f"{path}: tệp PDF được đặt mật khẩu; hãy bỏ mật khẩu rồi nhập lại.") from None
        raise InputError(f"{path}: không đọc được tệp PDF ({name}); tệp có thể bị hỏng. Hãy xuất lại PDF "
                         "hoặc dùng tệp Word gốc.") from None
    lines: list[Line] = []
    chars = 0
    for number, page in enumerate(pages, 1):
        pieces = []
        for box in page:
            if isinstance(box, LTTextContainer):
                for line in box:
                    if isinstance(line, LTTextLine):
                        text = unicodedata.normalize("NFC", line.get_text()).strip()
                        if text:
                            pieces.append((round(line.y0, 0), line.x0, line.x1, text))
        chars += sum(len(p[3]) for p in pieces)
        lines.extend(_page_lines(pieces, number, page.width))
    if chars < 20:
        raise InputError(f"{path}: tệp PDF không có lớp chữ (có thể là bản quét/ảnh chụp), chương trình không nhận "
                         "dạng chữ từ ảnh (OCR). Hãy dùng tệp Word gốc, hoặc PDF xuất trực tiếp từ Word.")
    return join_lines(lines)


def _page_lines(pieces: list[tuple[float, float, float, str]], page: int, width: float) -> list[Line]:
    if not pieces:
        return []
    rows: list[list[tuple[float, float, float, str]]] = []
    for piece in sorted(pieces, key=lambda p: (-p[0], p[1])):
        if rows and abs(rows[-1][0][0] - piece[0]) <= 3:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    for row in rows:
        row.sort(key=lambda p: p[1])
    lefts = sorted(r[0][1] for r in rows)
    left = lefts[len(lefts) // 4] if lefts else 0
    right = max(p[2] for r in rows for p in r)
    out: list[Line] = []
    for i, row in enumerate(rows):
        if (i == 0 or i == len(rows) - 1) and len(row) == 1 and re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", row[0][3]):
            continue  # a page number
        if all(re.fullmatch(r"[-_=.*…\s]+", p[3]) for p in row):
            continue  # a rule drawn with characters
        parts: list[list[tuple[float, float, float, str]]] = [[row[0]]]
        for piece in row[1:]:
            if piece[1] - parts[-1][-1][2] > _GAP:
                parts.append([piece])
            else:
                parts[-1].append(piece)
        split = len(parts) > 1
        for part in parts:
            x0, x1 = part[0][1], part[-1][2]
            text = " ".join(p[3] for p in part)
            center = abs((x0 - left) - (right - x1)) < 25 and x0 - left > 30
            out.append(Line(text, f"trang {page}, dòng {i + 1}", center=center,
                            hard=split or center, indent=1.0 if x0 - left > 12 else 0.0, short=x1 < right - 45))
    return out
