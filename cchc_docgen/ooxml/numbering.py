"""Word's own list numbering: the label a reader sees in front of a list paragraph (from numbering.xml).

Counters run per list instance (``numId``) as Word runs them: a level counts up, deeper levels restart.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from cchc_docgen.nd30words import roman
from cchc_docgen.ooxml.names import w

_BULLETS = {"\uf0b7": "•", "\uf0a7": "•", "\uf02d": "-", "\uf0d8": "•", "\uf076": "•", "o": "•", "\uf0fc": "•"}


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int


class WordNumbering:
    """Compute list labels paragraph by paragraph, in document order."""

    def __init__(self, root: etree._Element | None) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, Level]] = {}
        for an in root.iter(w("abstractNum")):
            abstract[an.get(w("abstractNumId"), "")] = {
                int(lvl.get(w("ilvl"), "0")): _level(lvl) for lvl in an.iter(w("lvl"))
            }
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            levels = dict(abstract.get(ref.get(w("val"), "") if ref is not None else "", {}))
            for ov in num.iter(w("lvlOverride")):
                ilvl = int(ov.get(w("ilvl"), "0"))
                lvl = ov.find(w("lvl"))
                start = ov.find(w("startOverride"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                elif start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = Level(old.fmt, old.text, int(start.get(w("val"), "1")))
            self.levels[num.get(w("numId"), "")] = levels

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl`` (``None``: not a list)."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or ilvl not in levels:
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        lvl = levels[ilvl]
        if lvl.fmt == "none":
            return None
        if lvl.fmt == "bullet":
            return _BULLETS.get(lvl.text, lvl.text) or "•"
        text = lvl.text
        for k in range(ilvl + 1):
            if k in levels:
                value = counts.get(k, levels[k].start)
                text = text.replace(f"%{k + 1}", _format(levels[k].fmt if k != ilvl else lvl.fmt, value))
        return text.strip() or None


def _level(lvl: etree._Element) -> Level:
    fmt = lvl.find(w("numFmt"))
    text = lvl.find(w("lvlText"))
    start = lvl.find(w("start"))
    return Level(
        fmt.get(w("val"), "decimal") if fmt is not None else "decimal",
        text.get(w("val"), "") if text is not None else "",
        int(start.get(w("val"), "1")) if start is not None else 1,
    )


def _format(fmt: str, n: int) -> str:
    if fmt == "upperRoman":
        return roman(max(n, 1))
    if fmt == "lowerRoman":
        return roman(max(n, 1)).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)
