"""Comparable text (:func:`fold`, shared with the outline recogniser); the type names of Phụ lục III live in
:mod:`cchc_docgen.nd30words`."""

from __future__ import annotations

from cchc_docgen.nd30words import ALL_ABBR, TYPE_ABBR
from cchc_docgen.outline.words import fold

__all__ = ["ALL_ABBR", "TYPE_ABBR", "fold"]
