"""Text helpers: Vietnamese-aware upper-casing, whitespace, inline markup → runs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: ``**bold**``; ``*italic*`` only when the stars hug a word (so "(*)" and "* Quy mô" stay literal);
#: ``[^key]`` footnote marks; ``\*`` is a literal star.
_TOKEN = re.compile(
    r"(?P<esc>\\\*)"
    r"|(?P<bold>(?<![\w*\\])\*\*(?=[^\s*])(?P<btext>.+?)(?<=[^\s*\\])\*\*(?![\w*]))"
    r"|(?P<ital>(?<![\w*\\])\*(?=[^\s*)])(?P<itext>.+?)(?<=[^\s*(\\])\*(?![\w*]))"
    r"|(?P<fn>\[\^(?P<fkey>[^\]\s]+)\])"
)


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """NFC, single spaces, trimmed (YAML folded text and copy-pasted Word text both arrive messy)."""
    return " ".join(nfc(text).split())


def upper_vi(text: str) -> str:
    """Upper-case Vietnamese text correctly (composed or decomposed input), keeping '&' abbreviations."""
    return nfc(unicodedata.normalize("NFD", nfc(text)).upper())


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting; ``footnote`` is set for a footnote mark (text empty)."""

    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None


def parse_inline(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Split user text into runs: ``**bold**``, ``*italic*``, ``[^key]``; everything else is literal."""
    text = squash(text)
    if "*" not in text and "[^" not in text:  # the common case: plain text
        return [Run(text, bold, italic)] if text else []
    runs: list[Run] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()], bold, italic))
        if m.group("esc"):
            runs.append(Run("*", bold, italic))
        elif m.group("bold"):
            runs.extend(parse_inline(m.group("btext"), True, italic))
        elif m.group("ital"):
            runs.extend(parse_inline(m.group("itext"), bold, True))
        else:
            runs.append(Run("", bold, italic, footnote=m.group("fkey")))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:], bold, italic))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and not run.footnote and not out[-1].footnote and (out[-1].bold, out[-1].italic) == (
            run.bold,
            run.italic,
        ):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        elif run.text or run.footnote:
            out.append(run)
    return out


def plain(text: str) -> str:
    """User text without inline markup (for checks and plain-text fields)."""
    return "".join(r.text for r in parse_inline(text))


def end_with(text: str, mark: str) -> str:
    """Replace any trailing punctuation with ``mark`` (";" "." "./.")."""
    text = text.rstrip()
    text = re.sub(r"[\s;,.:]*(\./\.)?$", "", text) if not text.endswith(")") else text.rstrip(";,.")
    return text + mark
