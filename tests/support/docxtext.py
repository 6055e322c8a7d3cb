"""Plain text of a generated DOCX in reading order, and word-level similarity with a seed text."""

from __future__ import annotations

import difflib
import re
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _footnotes(z: zipfile.ZipFile) -> dict[str, str]:
    if "word/footnotes.xml" not in z.namelist():
        return {}
    root = etree.fromstring(z.read("word/footnotes.xml"))
    out = {}
    for note in root.iter(f"{W}footnote"):
        paras = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p")]
        out[note.get(f"{W}id")] = "\n".join(p for p in paras if p.strip())
    return out


def paragraphs(path: Path) -> list[str]:
    """Body paragraphs and table cell paragraphs in document order; a footnote's text follows its paragraph."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        notes = _footnotes(z)
    out: list[str] = []
    for p in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text.strip():
            out.append(" ".join(text.split()))
        for ref in p.iter(f"{W}footnoteReference"):
            note = notes.get(ref.get(f"{W}id"), "")
            if note:
                out.append(" ".join(note.split()))
    return out


def table_rows(path: Path) -> list[list[str]]:
    """Every table row of the document body, as the texts of its cells (paragraphs joined by a space)."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [[" ".join("".join(t.text or "" for t in tc.iter(f"{W}t")).split()) for tc in tr.iter(f"{W}tc")]
            for tr in root.iter(f"{W}tr")]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def similarity(docx: Path, seed: Path) -> float:
    """SequenceMatcher ratio over lower-cased words (punctuation and layout ignored)."""
    a = words("\n".join(paragraphs(docx)))
    b = words(seed.read_text(encoding="utf-8"))
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def diff(docx: Path, seed: Path, context: int = 3) -> str:
    """A readable word diff, for fixing a plan by hand."""
    a = words("\n".join(paragraphs(docx)))
    b = words(seed.read_text(encoding="utf-8"))
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    lines = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            lines.append(f"{tag}: docx[{' '.join(a[i1:i2])}] seed[{' '.join(b[j1:j2])}]")
    return "\n".join(lines)
