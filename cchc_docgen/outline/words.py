"""The words and patterns that mark the parts of an NĐ30 document (one definition each, nd30.md §4–§5).

Patterns match :func:`fold`-ed text (NFC, lower case, spaces collapsed, old tone placement unified) unless
they say otherwise; the authority pattern matches the line as shown (upper case).
"""

from __future__ import annotations

import re
import unicodedata

from cchc_docgen.nd30words import AUTHORITY as AUTHORITY_ALT
from cchc_docgen.nd30words import LEGAL_TYPES, SPEECH_TYPES, TYPE_ABBR

_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
}
_OLD_RE = re.compile("|".join(_OLD_TONES))


def fold(text: str) -> str:
    """Comparable form: NFC, lower case, spaces collapsed, old tone placement (hoà → hòa) unified."""
    low = " ".join(unicodedata.normalize("NFC", text).split()).lower()
    return _OLD_RE.sub(lambda m: _OLD_TONES[m.group(0)], low)


#: type names of administrative and legal documents (Phụ lục III; nd30.md §5), folded → as printed
ND30_TYPES = {fold(n): n for n in (*TYPE_ABBR, *LEGAL_TYPES)}
#: names a first page may carry that are no NĐ30 type: a công văn has none, a speech is no NĐ30 document
OTHER_NAMES = {fold(n): n for n in ("CÔNG VĂN", *SPEECH_TYPES)}
#: the signer's authority line as shown: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" (NĐ30 Điều 13; nd30.md §4.7)
AUTHORITY_LINE = re.compile(rf"^{AUTHORITY_ALT}(?:\s*\.\s*\S|\s+[A-ZĐÀ-Ỹ])")
#: the prefix written as NĐ30 writes it: a full stop and one space ("KT. GIÁM ĐỐC")
AUTHORITY_WELL_FORMED = re.compile(rf"^{AUTHORITY_ALT}\. \S")
#: the same, with the parts named (authority, the rest)
AUTHORITY_PARTS = re.compile(rf"^(?P<a>{AUTHORITY_ALT})\s*\.\s*(?P<rest>.+)$")
#: ô 9a (nd30.md §4.9)
NOI_NHAN = re.compile(r"^\W*nơi nhận\b")
#: "Kính gửi:" (Phụ lục I §II.9.b), and the words to cut off in front of the addressee (text as printed)
KINH_GUI = re.compile(r"^\W*kính gửi\b")
KINH_GUI_LEAD = re.compile(r"^\W*Kính gửi\s*:?\s*", re.IGNORECASE)
#: the words to cut off in front of the first recipient (text as printed)
NOI_NHAN_LEAD = re.compile(r"^\W*Nơi\s+nhận\s*:?\s*", re.IGNORECASE)
#: the number line "Số: 07/KH-…" (drafts leave the number blank: "Số:     /KH-…")
SO_LINE = re.compile(r"^s[ốô]\s*[:.]?\s*[\d\s.…_]*/")
#: a công văn's trích yếu (Mẫu 1.5)
VV_LINE = re.compile(r"^v/v\b|^về việc\b")
#: Quốc hiệu and Tiêu ngữ (folded; dashes unified for the Tiêu ngữ)
QH_KEY = "chủ nghĩa việt nam"
TN_KEY = "độc lập-tự do-hạnh phúc"
_DASHES = re.compile(r"\s*[-–—‒−]\s*")
#: an appendix heading "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục số 1:" (nd30.md §4.11)
APPENDIX_HEAD = re.compile(r"^phụ lục(?:\s+(?:số\s+)?(?P<num>[ivxlc]+|\d+))?\s*[:.]?$")
#: the line under an appendix title, or under the title of a document issued with a decision
CAPTION = re.compile(r"^\(?\s*(ban hành\s+)?kèm theo\b")
ISSUED_WITH = re.compile(r"^\(?\s*ban hành\s+kèm theo\b")
#: a list attached after the signature ("DANH MỤC CÁC VĂN BẢN …") starts like an appendix
LIST_HEAD = re.compile(r"^danh mục\b")
#: the first words of a body (a title line never starts so unless it is centred and bold)
BODY_START = re.compile(r"^(căn cứ|thực hiện|kính gửi|theo đề nghị|[ivx]+\.\s)")
#: a centred chapter heading of a regulation or a long report ("Chương I", "Phần thứ hai", "Mục 2")
CENTRED_HEAD = re.compile(r"^(phần|chương|mục|tiểu mục)\s+\S+$")
#: the marker "QUYẾT ĐỊNH:" (and its kin) between the bases and the articles of an enacted document
ENACT_MARK = re.compile(r"^(quyết định|quyết nghị|nghị định|thông tư|chỉ thị|ban hành)\s*:$")
#: a typed item marker that opens a body paragraph (I., 1., 2.1., a), -, +)
ITEM = re.compile(r"^\s*(?:[IVXL]{1,6}\s*[.)/]\s*[A-ZĐÀ-Ỹ\d]|\d{1,2}(?:\.\d{1,2})*\s*[.)]\s*\S|[a-zđ]\s*\)\s*\S)")
#: a signer's title in capitals (when neither Nơi nhận nor an authority line is there)
SIGNER_TITLE = re.compile(r"\b(GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|HIỆU|PHÓ|CHÁNH|BÍ THƯ|THỦ TRƯỞNG|CỤC|TỔNG|ỦY VIÊN|"
                          r"KIỂM SÁT|CHÁNH ÁN|BỘ TRƯỞNG|THỨ TRƯỞNG|VIỆN TRƯỞNG)\b")
#: words that begin a new part of the document, never the continuation of a wrapped line (text as printed)
OPENERS = re.compile(
    r"^\s*(?:Căn cứ\b|Thực hiện\b|Tiếp tục thực hiện\b|Kính gửi\b|Nơi nhận\b|Trên đây\b|Số\s*:|Lưu\s*:?\s*VT"
    r"|KẾ HOẠCH\s*$|BÁO CÁO\s*$|PHỤ LỤC\b|Phụ lục\s+[IVX\d]+\s*$|DANH MỤC\b|\(Kèm theo|\(Ban hành kèm theo"
    rf"|{AUTHORITY_ALT}\.\s)"
)
#: where the right-hand column begins when the two header (or closing) columns share one printed line: Quốc
#: hiệu, Tiêu ngữ, place and date, an authority line or a signer's title at the end (text as printed)
RIGHT_COLUMN = re.compile(
    r"(CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]|^[^\W\d][\w .]{1,30},\s+ngày\b|\b"
    rf"{AUTHORITY_ALT}\.\s+[A-ZĐ]"
    r"|\b(?:PHÓ\s+)?(?:GIÁM ĐỐC|CHỦ TỊCH|HIỆU TRƯỞNG|TRƯỞNG PHÒNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)\s*$)"
)
#: a rule typed with underscores
RULE_CHARS = re.compile(r"^[_\s]*_{3,}[_\s]*$")
#: a line that is nothing but a rule or decoration
DECORATION = re.compile(r"[-_=.*…\s]+")


def is_appendix_heading(text: str) -> bool:
    """"PHỤ LỤC", "Phụ lục II", "PHỤ LỤC SỐ 1:" standing alone."""
    return APPENDIX_HEAD.match(fold(text)) is not None


def is_caption(text: str) -> bool:
    """"(Kèm theo …)" / "(Ban hành kèm theo …)" under an appendix title."""
    return CAPTION.match(fold(text)) is not None


def starts_part(text: str) -> bool:
    """Whether ``text`` begins a part of the document (see :data:`OPENERS`)."""
    return OPENERS.match(text) is not None


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def is_tieu_ngu(text: str) -> bool:
    return TN_KEY in _DASHES.sub("-", fold(text))


def is_header_mark(text: str) -> bool:
    """A header line that names no issuer, number or date: Quốc hiệu ("CỘNG HÒA XÃ HỘI …"), Tiêu ngữ (even cut
    after "Tự do"), a công văn's "V/v …" or the "DỰ THẢO" mark of a draft (nd30.md §4.1–4.2, §4.5)."""
    folded = fold(text)
    return ("cộng hòa xã hội" in folded or "độc lập-tự do" in _DASHES.sub("-", folded) or "dự thảo" in folded
            or VV_LINE.match(folded) is not None)


def is_authority(text: str) -> bool:
    """An authority line of the signature block, as shown: capitals, "KT. …", "TM. …" (short)."""
    return is_caps(text) and len(text) < 80 and AUTHORITY_LINE.match(text) is not None


def is_signer_title(text: str) -> bool:
    """"PHÓ GIÁM ĐỐC", "HIỆU TRƯỞNG": a signer's title line in capitals."""
    t = text.strip().replace("*", "")
    return is_caps(t) and len(t) < 60 and SIGNER_TITLE.search(t) is not None
