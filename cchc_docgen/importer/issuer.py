"""The issuer mapping from header lines, with the casing of running text and guesses where lines are missing."""

from __future__ import annotations

import re
from typing import Any

from cchc_docgen.importer.blocks import Block, Para
from cchc_docgen.importer.header import Header
from cchc_docgen.importer.textcase import is_acronym, sentence_case

_PLACE_AFTER = re.compile(r"\b(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+(?P<p>[^|]+)$")


def fill_issuer(doc: dict[str, Any], h: Header, blocks: list[Block], unplaced: list[Any]) -> None:
    from cchc_docgen.importer.assemble import Unplaced

    where = blocks[0].where if blocks else ""
    text = " ".join(b.plain for b in blocks[:400] if isinstance(b, Para))
    issuer: dict[str, Any] = {}
    if h.parent:
        issuer["parent"] = _cased(h.parent, text)
    name = h.name
    if not name:
        name = "(chưa rõ tên cơ quan)"
        unplaced.append(Unplaced(where, "không tìm thấy tên cơ quan ban hành ở đầu văn bản; hãy sửa 'issuer.name'"))
    issuer["name"] = _cased(name, text)
    abbr = h.abbreviation or _initials(name)
    if not h.abbreviation:
        unplaced.append(Unplaced(where, f"không tìm thấy ký hiệu văn bản (Số: …/KH-…); đã đoán chữ viết tắt '{abbr}'"))
    issuer["abbreviation"] = abbr
    place = h.place
    if not place:
        m = _PLACE_AFTER.search(((h.parent or "") + " | " + (h.name or "")).upper())
        place = sentence_case(m.group("p").replace("|", " ")).title() if m else "(chưa rõ địa danh)"
        unplaced.append(Unplaced(where, f"không tìm thấy dòng địa danh, ngày tháng; đã ghi tạm địa danh '{place}'"))
    issuer["place"] = " ".join(place.split())
    full = _full_name(blocks)
    if full and full.lower() != issuer["name"].replace(" | ", " ").lower():
        issuer["full_name"] = full
    doc["issuer"] = issuer
    if not h.date:
        unplaced.append(Unplaced(where, "không tìm thấy ngày ban hành; hãy thêm 'date'"))


def _cased(name: str, running: str) -> str:
    """The name as running text writes it ("Sở Giáo dục và Đào tạo"), else a careful sentence case."""
    lines = [part.strip() for part in name.split("|")]
    flat = " ".join(lines)
    if flat.upper() != flat:
        return name
    m = next((x for x in re.finditer(re.escape(flat).replace(r"\ ", r"\s+"), running, re.I)
              if x.group(0).upper() != x.group(0)), None)
    if m:
        found = m.group(0).split()
        out, k = [], 0
        for line in lines:
            n = len(line.split())
            out.append(" ".join(found[k:k + n]))
            k += n
        return " | ".join(out)
    cased = _line_case(flat, True).split()
    out, k = [], 0
    for line in lines:
        n = len(line.split())
        out.append(" ".join(cased[k:k + n]))
        k += n
    return " | ".join(out)


def _line_case(line: str, first: bool) -> str:
    words = []
    for i, word in enumerate(line.split()):
        if is_acronym(word):
            words.append(word)
        elif i == 0 and first:
            words.append(word.capitalize())
        else:
            words.append(word.lower())
    out = " ".join(words)
    # NĐ30 Phụ lục II: the first word of each field in an agency's name is capitalised ("Sở Giáo dục và Đào tạo",
    # "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội")
    organ = re.match(r"^(sở|phòng|bộ|cục|chi cục|tổng cục|vụ|ban|trường|trung tâm|viện|văn phòng)\s+", out, re.I)
    if organ:
        head, rest = out[: organ.end()], out[organ.end():]
        place = re.search(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\b", rest)
        field, tail = (rest[: place.start()], rest[place.start():]) if place else (rest, "")
        field = re.sub(r"(^|\bvà\s+|,\s*|-\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), field)
        out = head + field + tail
    return re.sub(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường) (.+)$",
                  lambda m: f"{m.group(1)} {m.group(2).title()}", out)


def _initials(name: str) -> str:
    import unicodedata

    letters = "".join(w[0] for w in re.findall(r"[^\W\d_]+", name) if w[0].isalpha()).upper().replace("Đ", "D")
    letters = "".join(c for c in unicodedata.normalize("NFD", letters) if c.isascii() and c.isalpha())
    return letters[:8] or "CQ"


def _full_name(blocks: list[Block]) -> str | None:
    """How an appendix caption cites the issuer: "(Kèm theo Kế hoạch số … của Sở … Hưng Yên)"."""
    for i, b in enumerate(blocks):
        if isinstance(b, Para) and re.match(r"^\W*(Ban hành\s+)?[Kk]èm theo", b.plain):
            text = b.plain
            for nxt in blocks[i + 1: i + 3]:
                if text.rstrip(" .*").endswith(")") or not isinstance(nxt, Para):
                    break
                text = f"{text} {nxt.plain}"
            m = re.search(r"\bcủa\s+(?P<n>[^()]+?)\s*\)?\s*$", text)
            if m:
                return m.group("n").strip(" .;")
    return None
