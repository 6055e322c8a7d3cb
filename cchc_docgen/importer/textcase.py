"""Vietnamese upper-case text back to the case a person would type (acronyms kept)."""

from __future__ import annotations

import re
import unicodedata

_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")


_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}"
                       r"(ch|ng|nh|[cmnptiouy])?$")


def is_acronym(word: str) -> bool:
    """"UBND", "CCHC", "GD&ĐT", "THPT" (not a Vietnamese syllable), or anything with digits or '&'."""
    core = re.sub(r"[^\wĐđ&]", "", word)
    if not core or core.upper() != core:
        return False
    if "&" in core or any(c.isdigit() for c in core):
        return True
    bare = "".join(c for c in unicodedata.normalize("NFD", core.lower()) if not unicodedata.combining(c))
    bare = unicodedata.normalize("NFC", bare)
    return len(core) > 1 and not _SYLLABLE.match(bare.replace("đ", "d"))


def sentence_case(text: str) -> str:
    """"MỤC ĐÍCH, YÊU CẦU CCHC" → "Mục đích, yêu cầu CCHC"; roman numerals and acronyms stay upper-case."""
    words = text.split(" ")
    out = []
    cap_next = True
    for word in words:
        if is_acronym(word) or re.fullmatch(r"[IVXL]+[.,;:)]?", word):
            out.append(word)
        elif cap_next:
            out.append(word[:1].upper() + word[1:].lower())
        else:
            out.append(word.lower())
        if word.strip():
            cap_next = word.endswith((".", ":", "|")) or word == "|"
    result = " ".join(out)
    for place in _PLACE_WORDS:  # "tỉnh hưng yên" → "tỉnh Hưng Yên"
        result = re.sub(rf"\b({place}) ((?:\w+ ?){{1,3}})$", lambda m: m.group(1) + " " + m.group(2).title(), result)
    return result


def recase(text: str, running: str, max_span: int = 8) -> str:
    """Upper-case ``text`` in the casing the document's running text uses for the same words.

    Spans of two or more words found (case-insensitively) in ``running`` with mixed case take that casing
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO HƯNG YÊN" → "Sở Giáo dục và Đào tạo Hưng Yên"); the rest is sentence-cased.
    """
    if text.upper() != text or not running:
        return text
    words = text.split()
    base = sentence_case(text).split()
    if len(base) != len(words):
        return sentence_case(text)
    out = list(base)
    i = 0
    while i < len(words):
        for n in range(min(max_span, len(words) - i), 1, -1):
            pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words[i:i + n]) + r"(?!\w)"
            m = next((x for x in re.finditer(pattern, running, re.I) if x.group(0).upper() != x.group(0)), None)
            if m:
                found = m.group(0).split()
                before = running[max(0, m.start() - 3): m.start()]
                sentence_start = not before.strip() or "\n" in before or before.strip()[-1] in ".:;!?-–+)"
                for k, word in enumerate(found):
                    if k == 0 and sentence_start:
                        continue
                    out[i + k] = word if (i + k) else word[:1].upper() + word[1:]
                i += n
                break
        else:
            i += 1
    return " ".join(out)
