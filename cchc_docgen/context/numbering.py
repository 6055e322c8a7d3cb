"""Outline numbers: Roman numerals, Vietnamese point letters, decimal and nested labels."""

from __future__ import annotations

from cchc_docgen.nd30words import POINT_LETTERS, point_letter, roman

__all__ = ["NEXT_STYLE", "POINT_LETTERS", "label", "numeric_path", "point_letter", "roman"]

#: Default label style of the children of a node with the given style.
NEXT_STYLE = {
    "roman": "decimal",
    "decimal": "letter",
    "nested": "letter",
    "letter": "dash",
    "dash": "plus",
    "plus": "plus",
    "none": "letter",
}

def label(style: str, index: int, parent_number: str = "") -> str:
    """The printed label of the ``index``-th (1-based) item in ``style``.

    ``parent_number`` is the parent's decimal path for nested labels ("2" → "2.1.").
    """
    if style == "roman":
        return f"{roman(index)}."
    if style == "decimal":
        return f"{index}."
    if style == "nested":
        return f"{parent_number}.{index}." if parent_number else f"{index}."
    if style == "letter":
        return f"{point_letter(index)})"
    if style == "dash":
        return "-"
    if style == "plus":
        return "+"
    return ""


def numeric_path(style: str, index: int, parent_number: str) -> str:
    """The decimal path a nested child will extend ("2" for "2.", "2.1" for "2.1.")."""
    if style == "decimal":
        return str(index)
    if style == "nested":
        return f"{parent_number}.{index}" if parent_number else str(index)
    return parent_number
