"""NĐ30 conformance checker for any DOCX (spec nd30.md §8, rules P1 … X3).

``check_docx(path)`` returns the list of :class:`Finding`; it raises
:class:`~cchc_docgen.errors.InputError` for an unreadable file and
:class:`~cchc_docgen.errors.UsageError` for a missing one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_docgen.checker.model import MUST, RULES, SHOULD, Finding

if TYPE_CHECKING:
    from cchc_docgen.checker.layout import Layout

__all__ = ["MUST", "RULES", "SHOULD", "CheckResult", "Finding", "check_document", "check_docx"]


@dataclass
class CheckResult:
    """Findings for one document and its kind (see :mod:`cchc_docgen.checker.kind`).

    ``kind`` is "typed", "cong_van", "appendix" or "outside"; ``kind_label`` names it in
    Vietnamese; for "outside" ``note`` says why it is not checked and ``findings`` is empty.
    """

    findings: list[Finding]
    kind: str = "typed"
    kind_label: str = ""
    note: str = ""
    #: the document's pages as judged (estimated from the XML unless Word saved page breaks)
    pages: int = 1


def check_docx(path: str | Path) -> list[Finding]:
    """Check the DOCX at ``path`` against every rule of spec §8; findings in rule order."""
    return check_document(path).findings


def check_document(path: str | Path, layout: Layout | None = None) -> CheckResult:
    """Check ``path`` and say what kind of document it is; a document outside NĐ30 gets no findings.

    With ``layout`` (the rendered PDF's text positions, :func:`checker.layout.render_layouts`),
    pages, centring, the signing space and the level of "Nơi nhận:" are judged as they render.
    """
    from cchc_docgen.checker import (
        rules_appendix,
        rules_body,
        rules_footer,
        rules_header,
        rules_page,
        rules_title,
    )
    from cchc_docgen.checker.docmodel import build_model
    from cchc_docgen.checker.locate import locate
    from cchc_docgen.checker.model import Collector
    from cchc_docgen.ooxml.package import open_package

    doc = build_model(open_package(path))
    elements = locate(doc)
    if layout is not None:
        from cchc_docgen.checker.measure import apply_layout

        apply_layout(doc, elements, layout)
    kind = elements.kind
    pages = layout.page_count if layout is not None else max((p.page for p in doc.paras), default=1)
    if kind.code == "outside":
        return CheckResult([], kind.code, kind.label, kind.reason, pages)
    col = Collector()
    modules = (
        (rules_page, rules_appendix)
        if kind.code == "appendix"
        else (rules_page, rules_header, rules_title, rules_body, rules_footer, rules_appendix)
    )
    for module in modules:
        module.check(doc, elements, col)
    return CheckResult(col.findings(), kind.code, kind.label, "", pages)
