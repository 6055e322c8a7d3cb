"""The header of a plan or report: issuer lines, Số/ký hiệu, place and date, type, trích yếu, Kính gửi."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc_docgen.importer.blocks import Block, Para, Table
from cchc_docgen.importer.outline_lines import Recognised
from cchc_docgen.importer.text_reader import split_columns
from cchc_docgen.importer.textcase import sentence_case
from cchc_docgen.outline.words import DECORATION, KINH_GUI_LEAD, is_header_mark

KIND_WORDS = {"KẾ HOẠCH": "ke_hoach", "BÁO CÁO": "bao_cao"}
_NUMBER = re.compile(r"^Số\s*[:.]?\s*(?P<num>\d{1,5})?\s*/\s*(?P<type>[A-ZĐ]{1,5})\s*-\s*(?P<abbr>[\wĐđ&.-]+)")
_DATE = re.compile(
    r"(?P<place>[^\d,]{2,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*(?:tháng|/)\s*(?P<m>\d{1,2})?\s*(?:năm|/)\s*(?P<y>\d{4})",
    re.I)
_ORGAN = re.compile(
    r"^(SỞ|PHÒNG|TRƯỜNG|BAN|CÔNG AN|VĂN PHÒNG|TRUNG TÂM|ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|BỘ|CỤC|CHI CỤC|TỔNG CỤC|"
    r"VIỆN|HỘI|LIÊN ĐOÀN|ĐẢNG ỦY|ĐOÀN|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|CHÍNH PHỦ|BỘ CHỈ HUY|THANH TRA|KHO BẠC|ĐÀI|BÁO)\b")
_NOT_ORGAN_CONT = re.compile(r"^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\b")


@dataclass
class Header:
    kind: str = "ke_hoach"
    kind_found: bool = False
    parent: str | None = None
    name: str | None = None
    abbreviation: str | None = None
    symbol_kind: str | None = None
    number: int | None = None
    date: dict[str, int] | None = None
    place: str | None = None
    title: str | None = None
    period_note: str | None = None
    addressees: list[str] = field(default_factory=list)
    end: int = 0  # index of the first block after the header
    leftovers: list[Para] = field(default_factory=list)
    #: header lines that are neither issuer, number, date nor Quốc hiệu (a signature stamp "Ký bởi: …"), not used
    dropped: list[str] = field(default_factory=list)


def read_header(blocks: list[Block], rec: Recognised) -> Header:
    """The header's values, from the parts the shared recogniser found (``rec``)."""
    word = rec.outline.type_name
    type_at = rec.block(rec.outline.type_at)
    h = Header(kind=KIND_WORDS.get(word, "ke_hoach"), kind_found=word in KIND_WORDS)
    lines: list[tuple[str, bool, int]] = []  # text, bold, column
    for b in blocks[:type_at]:
        if isinstance(b, Table):
            for row in b.rows:
                for col, cell in enumerate(row):
                    bolds = cell.bolds or [False] * len(cell.plain)
                    lines += [(t, bold, col) for t, bold in zip(cell.plain, bolds, strict=False) if t.strip()]
        else:  # two header columns in one paragraph (tabs): the left part is the issuer's column
            for col, part in enumerate(split_columns(b.plain)):
                lines.append((part, b.bold, col))
    issuer: list[tuple[str, bool]] = []
    for text, bold, col in lines:
        t = " ".join(text.split())
        if is_header_mark(t) or DECORATION.fullmatch(t):
            continue
        if _number(t, h) or _date(t, h):
            continue
        if col == 0 and t.upper() == t and any(c.isalpha() for c in t):
            issuer.append((t, bold))
        elif any(c.isalpha() for c in t):
            h.dropped.append(t)
    _issuer(issuer, h)
    _title_and_after(rec, h)
    return h


_BARE_SYMBOL = re.compile(r"^(?P<num>\d{1,5})?\s*/\s*(?P<type>[A-ZĐ]{1,5})\s*-\s*(?P<abbr>[\wĐđ&.-]+)\s*$")


def _number(t: str, h: Header) -> bool:
    m = _NUMBER.match(t) or (_BARE_SYMBOL.match(t) if h.abbreviation is None else None)
    if not m:
        return t.startswith("Số") and bool(re.match(r"^Số\s*[:.]", t))
    h.number = int(m.group("num")) if m.group("num") and int(m.group("num")) > 0 else None
    h.symbol_kind = m.group("type")
    h.abbreviation = m.group("abbr").strip(".-")
    rest = t[m.end():]
    _date(rest, h)
    return True


def _date(t: str, h: Header) -> bool:
    m = _DATE.search(t)
    if not m:
        return False
    place = m.group("place").strip(" .:;-")
    h.place = place or h.place
    date: dict[str, int] = {"year": int(m.group("y"))}
    if m.group("m") and 1 <= int(m.group("m")) <= 12:
        date["month"] = int(m.group("m"))
        if m.group("d") and 1 <= int(m.group("d")) <= 31:
            date["day"] = int(m.group("d"))
    h.date = date
    return True


def _issuer(lines: list[tuple[str, bool]], h: Header) -> None:
    """Issuer lines → parent and name: the bold unit is the issuer (NĐ30), otherwise the last unit."""
    units: list[list[tuple[str, bool]]] = []
    for text, bold in lines:
        starts = bool(_ORGAN.match(text)) and not (units and _NOT_ORGAN_CONT.match(text))
        if not units or (starts and not _continues_name(units[-1], text)):
            units.append([(text, bold)])
        else:
            units[-1].append((text, bold))
    if not units:
        return
    bold_units = [u for u in units if all(b for _, b in u)]
    named = bold_units[-1] if bold_units and len(bold_units) < len(units) else units[-1]
    idx = units.index(named)
    h.name = " | ".join(t for t, _ in named)
    if idx > 0:
        h.parent = " | ".join(t for u in units[:idx] for t, _ in u)


def _continues_name(unit: list[tuple[str, bool]], text: str) -> bool:
    last = unit[-1][0]
    return bool(re.search(r"\b(VÀ|CỦA|THUỘC)$", last)) or (last in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN") and \
        bool(_NOT_ORGAN_CONT.match(text)))


def _title_and_after(rec: Recognised, h: Header) -> None:
    """Trích yếu (with what follows the type name on its own line), the period line and Kính gửi."""
    ol = rec.outline
    assert ol.type_at is not None
    parts: list[str] = []
    type_line = " ".join(rec.text(ol.type_at).replace("*", "").split())
    extra = type_line[len(ol.type_name):].strip()
    if extra:
        parts.append(extra)
    parts += [rec.text(i).strip() for i in ol.title]
    if ol.note is not None and parts:
        note = rec.text(ol.note).strip()
        if re.fullmatch(r"\*?\(.*\)\*?", note) and len(note) < 200:
            h.period_note = note.strip("*")
    h.title = " | ".join(parts) if parts else None
    if h.title and h.title.upper() == h.title:
        h.title = sentence_case(h.title)
    if ol.kinh_gui:
        first = KINH_GUI_LEAD.sub("", rec.text(ol.kinh_gui[0])).strip()
        h.addressees = [_strip_item(first)] if first else []
        h.addressees += [_strip_item(rec.text(i)) for i in ol.kinh_gui[1:]]
    h.end = rec.block(ol.body_start)


def _strip_item(text: str) -> str:
    return re.sub(r"^[-+•]\s*", "", text).strip().rstrip(";.,").strip()
