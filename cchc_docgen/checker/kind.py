"""What kind of document this is, as the shared recogniser (:mod:`cchc_docgen.outline`) found it.

NĐ30 Phụ lục III gives each kind its own layout: văn bản có tên loại (Mẫu 1.4: kế hoạch, báo
cáo, tờ trình, thông báo, giấy mời …), quyết định and nghị quyết (Mẫu 1.1–1.3, with an enacting
authority line and "QUYẾT ĐỊNH:"), công văn (Mẫu 1.5: no type name, "V/v …" under the number),
appendices (Mẫu 2.1: no header at all). Legal documents (nghị định, thông tư …) follow the same
header with a year in the number. Anything else (a conference speech, a citizen's petition, a
routing slip) is not an NĐ30 administrative document and is not checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_docgen.checker.docmodel import DocModel
from cchc_docgen.nd30words import LEGAL_TYPES
from cchc_docgen.outline import Outline
from cchc_docgen.outline.recognise import ENACTED

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


def kind_of(doc: DocModel, outline: Outline) -> Kind:
    """The checker's view of the recognised kind, with the reason a document is left unchecked."""
    if outline.kind == "typed":
        return Kind("typed", outline.type_name, outline.type_at)
    if outline.kind in ("cong_van", "appendix"):
        return Kind(outline.kind)
    first = next((p for p in doc.paras if p.text.strip()), None)
    if first is None:
        return Kind("outside", reason="tệp không có nội dung chữ")
    what = f"“{' '.join(first.text.split())[:40]}”"
    if not outline.has_qh and not outline.has_so:
        return Kind("outside", reason=f"không có Quốc hiệu, số và ký hiệu văn bản; mở đầu bằng {what}")
    return Kind("outside", reason=f"không có số, ký hiệu và tên loại văn bản theo Nghị định 30; mở đầu bằng {what}")
