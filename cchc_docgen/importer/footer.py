"""The end of the document: Nơi nhận (with notes and the Lưu line) and the signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cchc_docgen.importer.textcase import sentence_case
from cchc_docgen.outline.words import AUTHORITY_PARTS as _AUTH
from cchc_docgen.outline.words import NOI_NHAN, NOI_NHAN_LEAD, fold
from cchc_docgen.outline.words import is_signer_title as _is_title

_SKIP = re.compile(r"^[\[(]?\s*(đã ký|ký|ký tên|ký,? ghi rõ|chữ ký|daky|ký số|đóng dấu)\b.*$|^\(?[Đđ]ã ký\)?$", re.I)
@dataclass
class Footer:
    recipients: list[Any] = field(default_factory=list)
    archive: dict[str, Any] | None = None
    signer: dict[str, Any] | None = None
    unplaced: list[str] = field(default_factory=list)


def read_footer(left: list[str], right: list[str]) -> Footer:
    """``left``: the Nơi nhận lines; ``right``: the signature lines (text input gives them mixed; see split)."""
    f = Footer()
    _recipients(left, f)
    _signer(right, f)
    return f


def split_mixed(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Lines of a text footer where both columns were printed together → (Nơi nhận, signature, other)."""
    left, right, other = [], [], []
    for t in lines:
        t = t.strip()
        if not t:
            continue
        if NOI_NHAN.match(fold(t)) or t.startswith(("-", "+", "•")) or re.match(r"^Lưu\b", t):
            left.append(t)
        elif left and t.endswith((";", ");")) and not left[-1].rstrip().endswith((";", ".", ":")):
            left[-1] += " " + t  # a recipient line wrapped onto the next line
        elif _AUTH.match(t) or _is_title(t) or _is_name(t) or _SKIP.match(t):
            right.append(t)
        elif left and t[:1].islower() and not left[-1].rstrip().endswith((";", ".")):
            left[-1] += " " + t
        else:
            other.append(t)
    return left, right, other


def _is_name(t: str) -> bool:
    words = t.replace("*", "").split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and w[1:].islower() for w in words if w.isalpha()) and \
        not any(c in t for c in ";:,()")


def _recipients(lines: list[str], f: Footer) -> None:
    for raw in lines:
        t = NOI_NHAN_LEAD.sub("", raw.strip()).strip()
        t = re.sub(r"^[-+•]\s*", "", t).strip()
        if not t:
            continue
        lưu = re.match(r"^Lưu\s*:?\s*(?P<rest>.*)$", t)
        if lưu:
            f.archive = _archive(lưu.group("rest"))
            continue
        t = t.rstrip(";.,").strip()
        note = re.search(r"\s*\((?P<n>[^()]{1,40})\)$", t)
        if note and re.search(r"(để|b/c|t/h|p/h|biết|báo cáo|thực hiện|chỉ đạo|phối hợp|theo dõi|/)", note.group("n"),
                              re.I):
            f.recipients.append({"name": t[: note.start()].strip(), "note": note.group("n").strip()})
        elif t:
            f.recipients.append(t)


def _archive(rest: str) -> dict[str, Any]:
    rest = rest.strip().rstrip(".").strip()
    units = [u.strip() for u in re.split(r"\s*,\s*", rest) if u.strip()]
    out: dict[str, Any] = {}
    if units and units[0].upper().rstrip(".") == "VT":
        units = units[1:]
    copies = None
    if units and re.fullmatch(r"[A-ZĐa-zđ]{1,8}\.\s*\(\d{1,4}\)", units[-1]):  # "HT.(05)": drafter, copies issued
        out["drafter"] = units.pop().replace(" ", "")
    if units:
        m = re.match(r"^(?P<u>.*?)\s*\((?P<n>\d{1,3})\s*(?:b|bản)?\)$", units[-1])
        if m and m.group("u"):
            units[-1], copies = m.group("u"), int(m.group("n"))
    units = [re.sub(r"\s+", " ", u) for u in units if re.fullmatch(r"[\wĐđ&./() -]{1,40}", u)]
    out["units"] = units
    if copies:
        out["copies"] = copies
    return out


def _signer(lines: list[str], f: Footer) -> None:
    lines = [" ".join(t.replace("*", "").split()) for t in lines if t.strip() and not _SKIP.match(t.strip())]
    titles = [t for t in lines if t.upper() == t and any(c.isalpha() for c in t)]
    names = [t for t in lines if t not in titles and _is_name(t)]
    if not titles and not names:
        return
    signer: dict[str, Any] = {"authority": "none"}
    rest = list(titles)
    first = _AUTH.match(rest[0]) if rest else None
    if first and first.group("a") == "TM":
        signer["collective"] = sentence_case(first.group("rest"))
        rest = rest[1:]
        second = _AUTH.match(rest[0]) if rest else None
        if second and second.group("a") == "KT":
            signer["authority"] = "TM+KT"
            signer["head_title"] = _office(second.group("rest"))
            rest = rest[1:]
        else:
            signer["authority"] = "TM"
    elif first:
        signer["authority"] = first.group("a")
        signer["head_title"] = _office(first.group("rest"))
        rest = rest[1:]
    if rest:
        signer["title"] = _office(" ".join(rest))
    if signer["authority"] == "none" and "title" not in signer:
        return
    if signer["authority"] == "Q" and "title" in signer:
        signer.pop("title")
    signer["name"] = names[-1] if names else "(chưa rõ họ tên)"
    if not names:
        f.unplaced.append("không tìm thấy họ tên người ký; đã ghi tạm '(chưa rõ họ tên)' ở signer.name")
    if signer["authority"] in ("KT", "TL", "TUQ", "TM") and "title" not in signer:
        signer["title"] = signer.get("head_title", "")
    f.signer = signer


def _office(text: str) -> str:
    """"PHÓ GIÁM ĐỐC" → "Phó Giám đốc" (the way titles are written in running text)."""
    out = sentence_case(text)
    m = re.match(r"^(Phó|Quyền|Q\.) (\w)", out)
    return out[: m.start(2)] + m.group(2).upper() + out[m.end(2):] if m else out
