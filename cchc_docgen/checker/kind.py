"""What kind of document this is, decided before any part is looked for.

NĐ30 Phụ lục III gives each kind its own layout: văn bản có tên loại (Mẫu 1.4: kế hoạch, báo
cáo, tờ trình, thông báo, giấy mời …), quyết định and nghị quyết (Mẫu 1.1–1.3, with an enacting
authority line and "QUYẾT ĐỊNH:"), công văn (Mẫu 1.5: no type name, "V/v …" under the number),
appendices (Mẫu 2.1: no header at all). Legal documents (nghị định, thông tư …) follow the same
header with a year in the number. Anything else (a conference speech, a citizen's petition, a
routing slip) is not an NĐ30 administrative document and is not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_docgen.checker.docmodel import DocModel, Para
from cchc_docgen.checker.segs import Seg, segments
from cchc_docgen.checker.vocab import TYPE_ABBR, fold
from cchc_docgen.nd30words import LEGAL_TYPES

#: types laid out like a quyết định: enacting authority line, căn cứ, "QUYẾT ĐỊNH:" and Điều
ENACTED = ("QUYẾT ĐỊNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH", "THÔNG TƯ", "THÔNG TƯ LIÊN TỊCH", "CHỈ THỊ")
#: types sent to a higher body or a named addressee that carry "Kính gửi" (Phụ lục I §II.9.b)
ADDRESSED = ("TỜ TRÌNH",)
SO_LINE = re.compile(r"^s[ốô]\s*[:.]?\s*[\d\s.…_]*/")
VV_LINE = re.compile(r"^v/v\b|^về việc\b")
APPENDIX_FIRST = re.compile(r"^phụ lục\b")
QH_KEY = "chủ nghĩa việt nam"


def is_vv(seg: Seg) -> bool:
    """A công văn's "V/v …" line: in the header table, or typed on the left (not a centred summary)."""
    return bool(VV_LINE.match(fold(seg.display))) and (seg.para.table is not None or seg.col_key != ("center",))


_ALL_TYPES = {fold(n): n for n in (*TYPE_ABBR, *LEGAL_TYPES)}

#: what each kind is called in messages
LABELS = {
    "typed": "văn bản có tên loại",
    "cong_van": "công văn",
    "appendix": "phụ lục (tệp riêng)",
    "outside": "văn bản ngoài phạm vi Nghị định 30",
}


@dataclass
class Kind:
    """``code`` is "typed", "cong_van", "appendix" or "outside"; ``type_name`` the upper-case type."""

    code: str
    type_name: str = ""
    type_idx: int | None = None
    reason: str = ""

    @property
    def legal(self) -> bool:
        return self.type_name in LEGAL_TYPES or self.type_name == "NGHỊ QUYẾT"

    @property
    def enacted(self) -> bool:
        return self.type_name in ENACTED

    @property
    def label(self) -> str:
        if self.code == "typed" and self.type_name:
            return self.type_name.lower()
        return LABELS[self.code]


def _type_of(p: Para) -> str | None:
    text = fold(p.text).rstrip(":").strip()
    return _ALL_TYPES.get(text)


def detect_kind(doc: DocModel) -> Kind:
    """Classify ``doc`` from its first paragraphs (the header zone)."""
    paras = doc.paras
    head = paras[:80]
    first = next((p for p in paras if p.text.strip()), None)
    if first is None:
        return Kind("outside", reason="tệp không có nội dung chữ")
    has_qh = any(QH_KEY in fold(s.display) for p in head[:40] for s in segments(p))
    has_so = any(SO_LINE.match(fold(s.display)) for p in head[:40] for s in segments(p))
    has_vv = any(is_vv(s) for p in head[:40] for s in segments(p))
    if APPENDIX_FIRST.match(fold(first.text)) and not has_qh:
        return Kind("appendix")
    type_idx = None
    type_name = ""
    for p in head:
        name = _type_of(p)
        if name and (p.table is None or p.props.jc == "center") and not fold(p.text).endswith(":"):
            type_idx, type_name = p.index, name
            break
    if not has_qh and not has_so:
        what = f"“{' '.join(first.text.split())[:40]}”"
        return Kind("outside", reason=f"không có Quốc hiệu, số và ký hiệu văn bản; mở đầu bằng {what}")
    if type_idx is not None:
        return Kind("typed", type_name, type_idx)
    if has_so and (has_vv or has_qh):
        return Kind("cong_van")
    what = f"“{' '.join(first.text.split())[:40]}”"
    return Kind("outside", reason=f"không có số, ký hiệu và tên loại văn bản theo Nghị định 30; mở đầu bằng {what}")
