"""The fast path of the invisible-character check never hides a character the full check would find."""

from __future__ import annotations

import sys
import unicodedata

from cchc_docgen.models.base import _VISIBLE_ONLY, invisible_char


def _invisible(ch: str) -> bool:
    category = unicodedata.category(ch)
    return (category == "Cf" and ch != "\u00ad") or (category == "Cc" and ch not in "\t\n\r")


def test_no_character_the_fast_path_accepts_is_invisible() -> None:
    accepted = [chr(cp) for cp in range(sys.maxunicode + 1) if _VISIBLE_ONLY.fullmatch(chr(cp))]
    vietnamese = "aăâbcdđeêghiklmnoôơpqrstuưvxy" "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    assert set(vietnamese + vietnamese.upper()) <= set(accepted)  # Vietnamese letters are on the fast path
    assert not [f"U+{ord(ch):04X}" for ch in accepted if _invisible(ch)]


def test_vietnamese_text_takes_the_fast_path_and_controls_do_not() -> None:
    text = "Kế hoạch tuyên truyền cải cách hành chính năm 2024 – “Độc lập - Tự do - Hạnh phúc”…"
    assert _VISIBLE_ONLY.fullmatch(text)
    assert invisible_char(text) is None
    for bad in ("\u202e", "\u200b", "\ufeff", "\x07", "\u00ad\u2066"):
        position = len(text) + (1 if bad.startswith("\u00ad") else 0)
        assert invisible_char(text + bad) == position
