"""Inline runs → WordprocessingML run XML, ready for ``{{r …}}`` in a template (already escaped)."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from markupsafe import Markup

from cchc_docgen.context.text import Run, parse_inline, squash

#: footnote key → Word footnote id (assigned by the caller in order of first use)
FootnoteIds = Callable[[str], int]


def run_xml(run: Run, footnote_id: FootnoteIds | None = None) -> str:
    if run.footnote is not None:
        fid = footnote_id(run.footnote) if footnote_id else 0
        return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>'
    props = ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(run.text)}</w:t></w:r>'


def runs_xml(runs: list[Run], footnote_id: FootnoteIds | None = None) -> Markup:
    return Markup("".join(run_xml(r, footnote_id) for r in runs))


_PLAIN_RPR = {
    (False, False): "",
    (True, False): "<w:rPr><w:b/><w:bCs/></w:rPr>",
    (False, True): "<w:rPr><w:i/><w:iCs/></w:rPr>",
    (True, True): "<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>",
}


def rich(text: str, footnote_id: FootnoteIds | None = None, bold: bool = False, italic: bool = False) -> Markup:
    """User text with inline markup → run XML."""
    if "*" not in text and "[^" not in text and "\\" not in text:  # plain text: one run
        plain_text = squash(text)
        if not plain_text:
            return Markup("")
        return Markup(f'<w:r>{_PLAIN_RPR[bold, italic]}<w:t xml:space="preserve">{escape(plain_text)}</w:t></w:r>')
    return runs_xml(parse_inline(text, bold, italic), footnote_id)


def paragraph_xml(style: str, runs: Markup | str, align: str | None = None) -> str:
    """A whole paragraph (for table cells and footnotes)."""
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{runs}</w:p>'
