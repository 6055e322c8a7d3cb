"""Words and numbers of NĐ30 that every reader and writer shares (one definition each).

- the type names of administrative documents and their abbreviations (Phụ lục III, nd30.md §5), the
  legal (quy phạm pháp luật) types, and the papers read at meetings that are no NĐ30 document at all;
- Roman numerals of the mục level and of appendices (nd30.md §4.6, §4.11), both ways;
- the điểm letters a) b) c) d) đ) e) g) … (Vietnamese alphabet without ă â ê ô ơ ư, never f j w z);
- the signer's authority prefixes TM., KT., Q., TL., TUQ. (NĐ30 Điều 13, Phụ lục I §II.7.b; nd30.md §4.7).
"""

from __future__ import annotations

#: Điểm letters: the Vietnamese alphabet without ă â ê ô ơ ư (NĐ30 practice); never f, j, w, z.
POINT_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
                 "v", "x", "y")

#: The authority abbreviations a signer's first line may carry (regex alternation, longest first).
AUTHORITY = r"(?:TUQ|TM|KT|TL|Q)"
#: The same, as names.
AUTHORITIES = ("TM", "KT", "Q", "TL", "TUQ")

#: Phụ lục III §I: type name (upper case) → abbreviation used in the ký hiệu
TYPE_ABBR: dict[str, str] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN",
    "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
}
ALL_ABBR = set(TYPE_ABBR.values()) | {"SY", "TrS", "SL"}

#: legal (quy phạm pháp luật) document types: their number carries the year ("30/2020/NĐ-CP")
LEGAL_TYPES = {
    "NGHỊ ĐỊNH": "NĐ",
    "THÔNG TƯ": "TT",
    "THÔNG TƯ LIÊN TỊCH": "TTLT",
    "LUẬT": "",
    "PHÁP LỆNH": "",
}
#: papers and speeches read at a meeting (tham luận, diễn văn, phát biểu): no NĐ30 type, no Quốc hiệu
SPEECH_TYPES = ("THAM LUẬN", "DIỄN VĂN", "BÀI PHÁT BIỂU")

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman(n: int) -> str:
    """``4`` → ``"IV"`` (n ≥ 1)."""
    if n < 1:
        raise ValueError("Roman numerals start at 1")
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out += digits
            n -= value
    return out


def roman_value(numeral: str) -> int | None:
    """Value of a well-formed Roman numeral, either case (``None`` if malformed or empty)."""
    total = prev = 0
    for ch in reversed(numeral.upper()):
        val = _ROMAN_DIGITS.get(ch)
        if val is None:
            return None
        total = total - val if val < prev else total + val
        prev = max(prev, val)
    return total if total >= 1 and roman(total) == numeral.upper() else None


def point_letter(n: int) -> str:
    """The n-th (1-based) point letter: 1 → a, 5 → đ, 7 → g; after y: aa, ab, … (no rule exists beyond y)."""
    if n < 1:
        raise ValueError("points start at 1")
    count = len(POINT_LETTERS)
    if n <= count:
        return POINT_LETTERS[n - 1]
    return point_letter((n - 1) // count) + POINT_LETTERS[(n - 1) % count]
