"""Vocabulary shared by the recognisers: item markers, keywords that open a part of the document."""

from __future__ import annotations

import re

from cchc_docgen.outline.words import starts_part

#: A typed item marker at the start of a paragraph: I. | 2.1. | 1. 1) | a) a. | - – • | +
MARKER = re.compile(
    r"^\s*(?:"
    r"(?P<roman>[IVXL]{1,6})\s*[.)/]\s*"
    r"|(?P<nested>\d{1,2}(?:\.\d{1,2}){1,3})\.?\)?\s+"
    r"|(?P<decimal>\d{1,2})\s*[.)](?:\s+|(?=[^\d\s]))"
    r"|(?P<letter>[a-zđ])\s*[).]\s+"
    r"|(?P<dash>[-–—•●▪◦·]|\uf0b7|\uf02d)\s*"
    r"|(?P<plus>\+)\s*"
    r")(?=\S)"
)

def starts_block(text: str) -> bool:
    """Whether ``text`` begins a part of the document (the recogniser's vocabulary)."""
    return starts_part(text)


def marker(text: str) -> tuple[str, str, str] | None:
    """``(kind, typed label, rest)`` of a paragraph starting with a typed marker; ``None`` otherwise.

    ``kind`` is roman | nested<depth> | decimal | letter | dash | plus. A lone capital I/V/X followed by a
    word in lower case is a roman marker only when the rest reads as a heading (upper case or short).
    """
    m = MARKER.match(text)
    if not m:
        return None
    kind = next(k for k, v in m.groupdict().items() if v is not None)
    rest = text[m.end():]
    if kind == "nested":
        kind = f"nested{m.group('nested').count('.')}"
        if not (rest[:1].isupper() or rest[:1] in "“\"(*"):
            return None
    if kind == "decimal" and re.match(r"^\s*\d{1,2}\.\d", text):
        return None
    if kind == "roman" and not (rest[:1].isupper() or rest[:1].isdigit()):
        return None
    if kind == "roman" and re.match(r"^\s*[IVXL]+\s*/\s*\d", text):  # "III/2023": a quarter of a year wrapped
        return None
    if kind == "letter" and not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "“\"(*"):
        return None
    return kind, text[: m.end()].strip(), rest


def word_label(label: str) -> tuple[str, str] | None:
    """The kind of a Word list label as the reader sees it ("a)", "1.", "II.", "I.1.", "-", "•")."""
    composite = re.fullmatch(r"(?:[IVXL]+|\d+)((?:\.\d+)+)\.?", label)
    if composite:
        return f"nested{min(composite.group(1).count('.'), 3)}", label
    found = marker(label + " X")
    if found:
        return found[0], label
    if label in ("•", "o", "▪", "◦", "", "§", "➢", "✓", "*"):
        return "dash", label
    if re.fullmatch(r"\d+(\.\d+)*\.?", label):
        depth = label.strip(".").count(".")
        return ("decimal" if not depth else f"nested{depth}"), label
    return None
