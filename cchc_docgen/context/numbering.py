"""Outline numbers: Roman numerals, Vietnamese point letters, decimal and nested labels."""

from __future__ import annotations

#: Điểm letters: the Vietnamese alphabet without ă â ê ô ơ ư (NĐ30 practice); never f, j, w, z.
POINT_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
                 "v", "x", "y")

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

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """``4`` → ``"IV"`` (n ≥ 1)."""
    if n < 1:
        raise ValueError("Roman numerals start at 1")
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out += digits
            n -= value
    return out


def point_letter(n: int) -> str:
    """The n-th (1-based) point letter: 1 → a, 5 → đ, 7 → g; after y: aa, ab, … (no rule exists beyond y)."""
    if n < 1:
        raise ValueError("points start at 1")
    count = len(POINT_LETTERS)
    if n <= count:
        return POINT_LETTERS[n - 1]
    return point_letter((n - 1) // count) + POINT_LETTERS[(n - 1) % count]


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
