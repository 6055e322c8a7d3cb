"""Comparable text (:func:`fold`); the type names of Phụ lục III live in :mod:`cchc_docgen.nd30words`."""

from __future__ import annotations

import re
import unicodedata

from cchc_docgen.nd30words import ALL_ABBR, TYPE_ABBR

__all__ = ["ALL_ABBR", "TYPE_ABBR", "fold"]


_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
}
_OLD_RE = re.compile("|".join(_OLD_TONES))


def fold(text: str) -> str:
    """Comparable form: NFC, lower case, spaces collapsed, old tone placement (hoà → hòa) unified."""
    low = " ".join(unicodedata.normalize("NFC", text).split()).lower()
    return _OLD_RE.sub(lambda m: _OLD_TONES[m.group(0)], low)
