"""Find the NĐ30 parts of a document in a stream of :class:`~cchc_docgen.outline.lines.Line`.

Pure: no file, no printing. The order is that of Phụ lục I/III (nd30.md §4): header (issuer, Quốc hiệu and
Tiêu ngữ, Số/ký hiệu, place and date), the type name and trích yếu (a công văn: "V/v …" under its number),
"Kính gửi", the body (a quyết định: enacting authority line first), the closing block (signature and Nơi nhận,
side by side), then appendices ("PHỤ LỤC …", its title lines and "(Kèm theo …)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc_docgen.outline import words as W
from cchc_docgen.outline.closing import Appendix, Pos, appendices, closing_bounds, closing_parts
from cchc_docgen.outline.lines import Line

#: how far the header may reach (lines) when looking for the type name, Quốc hiệu and number
HEAD_LINES = 80
QH_LINES = 40
#: a trích yếu has at most this many lines (Mẫu 1.1–1.5 print it on one to three lines)
TITLE_LINES = 4


@dataclass
class Outline:
    """Where each part is (indexes into the lines; ``Pos`` = (line, piece) where a piece matters).

    ``kind``: "typed" (văn bản có tên loại), "cong_van", "appendix" (a file that is an appendix only) or
    "outside" (no Quốc hiệu and no number: not an NĐ30 document). ``type_name`` is the type as printed in the
    vocabulary ("KẾ HOẠCH"), or another name the first page carries ("THAM LUẬN", "CÔNG VĂN") with ``kind`` not
    "typed". Parts the document lacks are ``None`` or empty; ``footer_start``/``appendix_start`` equal
    ``len(lines)`` when there is no such part.
    """

    kind: str = "outside"
    type_name: str = ""
    type_at: int | None = None
    has_qh: bool = False
    has_so: bool = False
    header_end: int = 0
    qh: Pos | None = None
    tn: Pos | None = None
    so: Pos | None = None
    date: Pos | None = None
    vv: list[Pos] = field(default_factory=list)
    title: list[int] = field(default_factory=list)
    #: the "(…)" line under the trích yếu (a period: "(Từ ngày … đến ngày …)")
    note: int | None = None
    kinh_gui: list[int] = field(default_factory=list)
    enacting: list[int] = field(default_factory=list)
    body_start: int = 0
    footer_start: int = 0
    appendix_start: int = 0
    noi_nhan: Pos | None = None
    #: the first line of the signer's block: an authority line (KT. …) or a title standing alone
    signer: Pos | None = None
    appendices: list[Appendix] = field(default_factory=list)


def recognise(lines: list[Line]) -> Outline:
    """The NĐ30 outline of ``lines``."""
    out = Outline()
    n = len(lines)
    out.footer_start = out.appendix_start = n
    first = next((i for i, ln in enumerate(lines) if not ln.empty), None)
    _kind(lines, out)
    # a type line without Quốc hiệu and number (a draft pasted as text) is outside NĐ30's layout, yet its parts
    # are there to read; a speech or a paper without either has none
    typed = out.type_at is not None and out.type_name in W.ND30_TYPES.values() and out.kind in ("typed", "outside")
    if first is None or (out.kind == "outside" and not typed):
        out.body_start = n  # no part at all
        return out
    if out.kind == "appendix":
        out.footer_start = out.appendix_start = 0
        out.appendices = appendices(lines, 0)
        return out
    out.header_end = out.type_at if typed and out.type_at is not None else _header_end(lines)
    _header(lines, out)
    pos = _title(lines, out) if typed else out.header_end
    pos = _kinh_gui(lines, pos, out)
    if typed and out.type_name in ENACTED:
        pos = _enacting(lines, pos, out)
    out.body_start = pos
    out.footer_start, out.appendix_start = closing_bounds(lines, pos)
    out.noi_nhan, out.signer = closing_parts(lines, out.footer_start, out.appendix_start)
    out.appendices = appendices(lines, out.appendix_start)
    return out


#: types laid out like a quyết định: enacting authority line, căn cứ, "QUYẾT ĐỊNH:" and Điều
ENACTED = ("QUYẾT ĐỊNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH", "THÔNG TƯ", "THÔNG TƯ LIÊN TỊCH", "CHỈ THỊ")


def type_of(ln: Line) -> str | None:
    """The type name (or another first-page name) ``ln`` consists of: "KẾ HOẠCH", "Báo cáo:" is not one."""
    folded = ln.folded
    if folded.endswith(":"):
        return None
    text = folded.strip()
    name = W.ND30_TYPES.get(text) or W.OTHER_NAMES.get(text)
    if name:
        return name
    # the type and more words in one short line, typed in capitals ("KẾ HOẠCH NĂM 2024" is not: too long)
    plain = " ".join(ln.text.replace("*", "").split())
    for key, name in (*W.ND30_TYPES.items(), *W.OTHER_NAMES.items()):
        if text.startswith(key + " ") and plain[: len(name)].isupper() and len(plain) < 30 and not W.ITEM.match(plain):
            return name
    return None


def _is_vv(ln: Line, piece: str) -> bool:
    """A công văn's "V/v …" line: in the header table, or typed on the left (not a centred trích yếu)."""
    return bool(W.VV_LINE.match(W.fold(piece))) and (ln.table is not None or not (ln.center and len(ln.pieces) == 1))


def _kind(lines: list[Line], out: Outline) -> None:
    head = lines[:HEAD_LINES]
    first = next(ln for ln in lines if not ln.empty) if any(not ln.empty for ln in lines) else None
    if first is None:
        return
    pieces = [(ln, p) for ln in head[:QH_LINES] for p in ln.pieces]
    out.has_qh = any(W.QH_KEY in W.fold(p) for _, p in pieces)
    out.has_so = any(W.SO_LINE.match(W.fold(p)) for _, p in pieces)
    has_vv = any(_is_vv(ln, p) for ln, p in pieces)
    for i, ln in enumerate(head):
        name = type_of(ln)
        if name and (ln.table is None or ln.center):
            out.type_at, out.type_name = i, name
            break
    if re.match(r"^phụ lục\b", first.folded) and not out.has_qh:
        out.kind = "appendix"
    elif not out.has_qh and not out.has_so:
        out.kind = "outside"
    elif out.type_at is not None and out.type_name in W.ND30_TYPES.values():
        out.kind = "typed"
    elif out.has_so and (has_vv or out.has_qh):
        out.kind = "cong_van"


def _header_end(lines: list[Line]) -> int:
    """First line after the header of a công văn: the first one outside the header table(s)."""
    seen_table = False
    for i, ln in enumerate(lines[:60]):
        if ln.table is not None:
            seen_table = True
        elif seen_table and not ln.empty:
            return i
    # typed without a table: the header ends after its last Quốc hiệu, Số, date or "V/v" line
    last = -1
    for i, ln in enumerate(lines[:15]):
        for p in ln.pieces:
            text = W.fold(p)
            if W.QH_KEY in text or W.SO_LINE.match(text) or _is_vv(ln, p) or _is_date(text):
                last = i
    return last + 1 if last >= 0 else min(len(lines), 12)


def _is_date(folded: str) -> bool:
    return all(k in folded for k in ("ngày", "tháng", "năm"))


def _first(lines: list[Line], end: int, pred) -> Pos | None:  # type: ignore[no-untyped-def]
    for i, ln in enumerate(lines[:end]):
        for k, p in enumerate(ln.pieces):
            if pred(p):
                return i, k
    return None


def _header(lines: list[Line], out: Outline) -> None:
    end = out.header_end
    out.qh = _first(lines, end, lambda p: W.QH_KEY in W.fold(p))
    out.tn = _first(lines, end, W.is_tieu_ngu)
    out.so = _first(lines, end, lambda p: bool(W.SO_LINE.match(W.fold(p))))
    out.date = _first(lines, end, lambda p: _is_date(W.fold(p)))
    vv = next(((i, k) for i, ln in enumerate(lines[:end]) for k, p in enumerate(ln.pieces) if _is_vv(ln, p)), None)
    if vv is not None:  # "V/v …" may wrap onto the next lines of its cell
        start = lines[vv[0]]
        out.vv = [(i, k) for i in range(vv[0], end) for k in range(len(lines[i].pieces))
                  if (lines[i].cell == start.cell and (start.cell is not None or i == vv[0]))
                  and (i > vv[0] or k >= vv[1])]


def _title(lines: list[Line], out: Outline) -> int:
    """The trích yếu lines under the type name (and its "(…)" line); returns where what follows starts."""
    assert out.type_at is not None
    i = last = out.type_at
    i += 1
    while i < len(lines) and len(out.title) < TITLE_LINES:
        ln = lines[i]
        if ln.empty:
            if out.title:
                break
        elif ln.rule or (out.title and is_enacting(ln)):
            break
        elif (W.BODY_START.match(ln.folded) or W.ITEM.match(ln.text) or ln.numbered) and not (ln.center and ln.bold):
            break  # a centred bold line under the type name is the trích yếu even when it reads "Thực hiện …"
        elif ln.text.lstrip("*").startswith("("):
            out.note = last = i
            if out.title:
                i += 1
                break
        elif out.title and not _title_like(ln, lines[last]):
            break
        else:
            out.title.append(i)
            last = i
        i += 1
    return last + 1


#: a title line ending in a conjunction or preposition goes on in the next line
_DANGLING = re.compile(r"\s(?:và|của|về|cho|tại|năm)\s*$")


def _title_like(ln: Line, prev: Line) -> bool:
    """A line that goes on with the trích yếu above it: centred and as bold, or after a dangling word."""
    if prev.empty:
        return False
    if ln.bold and prev.bold and _DANGLING.search(prev.text):
        return True
    return ln.center == prev.center and ln.bold == prev.bold and len(ln.text) < 200


def _kinh_gui(lines: list[Line], start: int, out: Outline) -> int:
    """"Kính gửi: …" (and its "- …" lines) at ``start``; returns where the body starts."""
    j = start
    while j < len(lines) and (lines[j].empty or lines[j].rule or W.DECORATION.fullmatch(lines[j].text)):
        j += 1
    if j < len(lines) and W.KINH_GUI.match(lines[j].folded):
        out.kinh_gui.append(j)
        j += 1
        while j < len(lines) and lines[j].text.strip().startswith(("-", "+")) and len(lines[j].text) <= 150:
            out.kinh_gui.append(j)
            j += 1
        return j
    return start


def is_enacting(ln: Line) -> bool:
    """A centred, bold, upper-case line naming the enacting authority ("CHỦ TỊCH ỦY BAN …")."""
    return (
        len(ln.pieces) == 1
        and ln.table is None
        and ln.center
        and ln.caps
        and ln.bold
        and not re.match(r"^([IVX]+|\d+)\.", ln.pieces[0])
    )


def _enacting(lines: list[Line], pos: int, out: Outline) -> int:
    """Skip the enacting authority line(s) of a quyết định / nghị định; returns the body start."""
    j = pos
    while j < len(lines) and (lines[j].empty or lines[j].rule):
        j += 1
    while j < len(lines) and is_enacting(lines[j]) and not lines[j].folded.startswith("căn cứ"):
        out.enacting.append(j)
        j += 1
    return j if out.enacting else pos
