"""NĐ30 conformance checker for any DOCX (spec nd30.md §8, rules P1 … X3).

``check_docx(path)`` returns the list of :class:`Finding`; it raises
:class:`~cchc_docgen.errors.InputError` for an unreadable file and
:class:`~cchc_docgen.errors.UsageError` for a missing one.
"""

from __future__ import annotations

from pathlib import Path

from cchc_docgen.checker.model import MUST, RULES, SHOULD, Finding

__all__ = ["MUST", "RULES", "SHOULD", "Finding", "check_docx"]


def check_docx(path: str | Path) -> list[Finding]:
    """Check the DOCX at ``path`` against every rule of spec §8; findings in rule order."""
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
    from cchc_docgen.checker.ooxml import open_package

    doc = build_model(open_package(path))
    elements = locate(doc)
    col = Collector()
    for module in (rules_page, rules_header, rules_title, rules_body, rules_footer, rules_appendix):
        module.check(doc, elements, col)
    return col.findings()
