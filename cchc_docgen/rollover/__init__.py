"""Next year's plan from this year's (issue #10, ``cchc-docgen rollover``).

Public API: ``rollover(path, year) -> Rollover`` and ``rollover_text(yaml_text, year, file=…) -> Rollover``;
a ``Rollover`` holds the new YAML text (comments, key order and layout of the old file kept), every ``Change``
made and every ``Review`` item (a place that likely needs a person).
"""

from __future__ import annotations

from pathlib import Path

from cchc_docgen.rollover.plan import Change, Review, Rollover, rollover_text

__all__ = ["Change", "Review", "Rollover", "rollover", "rollover_text"]


def rollover(path: Path | str, year: int) -> Rollover:
    """The plan in ``path`` rolled over to ``year`` (``InputError``/``UsageError`` with Vietnamese messages)."""
    from cchc_docgen.loader import read_text

    path = Path(path)
    return rollover_text(read_text(path), year, file=str(path))
