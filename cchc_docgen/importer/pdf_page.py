"""What a PDF page prints, through PDFium (pypdfium2): characters with their boxes and fonts, and ruling lines.

Form fields and signature appearances are printed text too: e-office systems stamp the number ("329") and the
day ("19") into the blanks of a signed plan as signature-field appearance streams. Each page with annotations is
flattened in memory first (``FPDFPage_Flatten``), so that text is read with the page's own text, at its place.
Nothing is written back to the file.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cchc_docgen.errors import InputError

_BOLD_WEIGHT = 600
_ITALIC_FLAG = 1 << 6
_BOLD_FLAG = 1 << 18


@dataclass(slots=True)
class Char:
    """One printed character: its text, loose box in points (origin bottom left), font size, bold, italic."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    italic: bool
    base: float = 0.0  # the baseline (origin) height
    stamp: bool = False  # printed by a form XObject (a flattened field or signature appearance)


@dataclass
class Page:
    number: int
    width: float
    chars: list[Char]
    shapes: list[tuple[float, float, float, float]]  # path objects' bounds (x0, y0, x1, y1): table rules


def open_pdf(path: Path) -> object:
    """The PDFium document, or ``InputError`` (Vietnamese) for a protected or broken file."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(f"{path.name}: tệp PDF được đặt mật khẩu; hãy bỏ mật khẩu rồi nhập lại.") from None
        raise InputError(f"{path.name}: không đọc được tệp PDF ({exc}); tệp có thể bị hỏng. Hãy xuất lại PDF "
                         "hoặc dùng tệp Word gốc.") from None


def pages(path: Path, limit: int) -> Iterator[Page]:
    """The pages of ``path`` (at most ``limit``), annotations' appearances flattened into the text."""
    import pypdfium2.raw as raw

    doc = open_pdf(path)
    try:
        count = len(doc)  # type: ignore[arg-type]
        if count > limit:
            raise InputError(f"{path.name}: tệp PDF có {count} trang, quá giới hạn {limit} trang của lệnh import; "
                             "hãy tách phần kế hoạch/báo cáo ra tệp riêng.")
        for index in range(count):
            page = doc[index]  # type: ignore[index]
            if raw.FPDFPage_GetAnnotCount(page.raw) > 0 and \
                    raw.FPDFPage_Flatten(page.raw, raw.FLAT_PRINT) == raw.FLATTEN_SUCCESS:
                page.close()
                page = doc[index]  # type: ignore[index]  # PDFium reads a flattened page again from its dictionary
            try:
                shapes, nested = _objects(page)
                yield Page(index + 1, page.get_width(), _chars(page, nested), shapes)
            finally:
                page.close()
    finally:
        doc.close()  # type: ignore[attr-defined]


def _fast(fn: object, restype: object) -> object:
    """A PDFium function without declared argument types, called once per character: each argument must then
    be passed as its exact C type (a ``c_void_p`` handle, a Python int for a C ``int``, ``byref`` for a
    pointer), which ctypes passes on without a per-call conversion (half the cost of a declared call)."""
    address = ctypes.cast(fn, ctypes.c_void_p).value  # type: ignore[arg-type]
    return ctypes.CFUNCTYPE(restype)(address)  # type: ignore[arg-type]


def _chars(page: object, nested: dict[int, _Nested]) -> list[Char]:
    import pypdfium2.raw as raw

    text = page.get_textpage()  # type: ignore[attr-defined]
    tp = ctypes.cast(text.raw, ctypes.c_void_p)
    rect = raw.FS_RECTF()
    loose = _fast(raw.FPDFText_GetLooseCharBox, ctypes.c_int)  # (text page, index, FS_RECTF*) -> FPDF_BOOL
    owner = _fast(raw.FPDFText_GetTextObject, ctypes.c_void_p)  # (text page, index) -> FPDF_PAGEOBJECT
    flags = ctypes.c_int()
    name = ctypes.create_string_buffer(128)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    out: list[Char] = []
    last_obj: int | None = -1
    style = (0.0, False, False)  # size, bold, italic of the current text object
    base = 0.0
    form: _Nested | None = None
    count = raw.FPDFText_CountChars(text.raw)
    chars = text.get_text_range()
    if len(chars) != count:  # a character outside the BMP: read them one by one
        chars = "".join(chr(raw.FPDFText_GetUnicode(text.raw, i)) for i in range(count))
    rect_ref = ctypes.byref(rect)
    append = out.append
    size, bold, italic = style
    for i, letter in enumerate(chars):
        if letter in "\r\n\x00":
            continue
        if letter in "\x02\ufffe":  # PDFium's mark for a hyphen that ends a printed line: a printed "-"
            letter = "-"
        if not loose(tp, i, rect_ref):  # type: ignore[operator]
            continue
        key = owner(tp, i)  # type: ignore[operator]
        if key != last_obj:  # one text object: one font, one size, one baseline
            last_obj = key
            raw.FPDFText_GetFontInfo(text.raw, i, name, 128, ctypes.byref(flags))
            font = name.value.decode("latin-1", "replace").split("+")[-1].lower()
            weight = raw.FPDFText_GetFontWeight(text.raw, i)
            size = raw.FPDFText_GetFontSize(text.raw, i)
            bold = "bold" in font or weight >= _BOLD_WEIGHT or bool(flags.value & _BOLD_FLAG)
            italic = "italic" in font or "oblique" in font or bool(flags.value & _ITALIC_FLAG)
            raw.FPDFText_GetCharOrigin(text.raw, i, ox, oy)
            base = oy.value
            form = nested.get(key) if key is not None else None
        if form is not None:
            box = (rect.left, rect.bottom, rect.right, rect.top)
            moved = form.to_page(box)
            append(Char(letter, *moved, size, bold, italic, base + moved[1] - box[1], True))
        else:
            append(Char(letter, rect.left, rect.bottom, rect.right, rect.top, size, bold, italic, base))
    text.close()
    return out


@dataclass
class _Nested:
    """A text object inside form XObjects (a flattened annotation's appearance): PDFium gives its characters'
    boxes in the form's own space there, so they are mapped to the page through the forms' matrices."""

    chain: list[tuple[float, float, float, float, float, float]]  # outermost form first
    local: tuple[float, float, float, float]

    def _point(self, x: float, y: float) -> tuple[float, float]:
        for a, b, c, d, e, f in reversed(self.chain):
            x, y = a * x + c * y + e, b * x + d * y + f
        return x, y

    def to_page(self, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = box
        lx0, ly0, lx1, ly1 = self.local
        mid_x, mid_y = (x0 + x1) / 2, (y0 + y1) / 2
        if not (lx0 - 2 <= mid_x <= lx1 + 2 and ly0 - 2 <= mid_y <= ly1 + 2):
            return box  # already on the page
        px0, py0 = self._point(x0, y0)
        px1, py1 = self._point(x1, y1)
        page = (min(px0, px1), min(py0, py1), max(px0, px1), max(py0, py1))
        qx0, qy0 = self._point(lx0, ly0)
        qx1, qy1 = self._point(lx1, ly1)
        if min(qx0, qx1) - 2 <= mid_x <= max(qx0, qx1) + 2 and min(qy0, qy1) - 2 <= mid_y <= max(qy0, qy1) + 2:
            return box  # the local and the page boxes overlap: nothing tells which one PDFium gave
        return page


def _objects(page: object) -> tuple[list[tuple[float, float, float, float]], dict[int, _Nested]]:
    """Path objects' bounds (x0, y0, x1, y1): table rules; text objects inside forms, by handle."""
    import pypdfium2.raw as raw

    shapes = []
    nested: dict[int, _Nested] = {}
    forms: list[tuple[int, tuple[float, float, float, float, float, float]]] = []
    for obj in page.get_objects(max_depth=4):  # type: ignore[attr-defined]
        forms = [f for f in forms if f[0] < obj.level]
        if obj.type == raw.FPDF_PAGEOBJ_PATH and not forms:
            shapes.append(tuple(obj.get_bounds()))
        elif obj.type == raw.FPDF_PAGEOBJ_FORM:
            forms.append((obj.level, tuple(obj.get_matrix().get())))
        elif obj.type == raw.FPDF_PAGEOBJ_TEXT and forms:
            key = ctypes.cast(obj.raw, ctypes.c_void_p).value
            if key is not None:
                nested[key] = _Nested([m for _, m in forms], tuple(obj.get_bounds()))
    return shapes, nested  # type: ignore[return-value]
