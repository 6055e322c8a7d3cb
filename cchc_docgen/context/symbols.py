"""Số, ký hiệu (ô 3): "Số: 07/KH-SGDĐT"; drafts leave the number blank."""

from __future__ import annotations

from cchc_docgen.context.dates import BLANK


def number_text(number: int | None) -> str:
    """Numbers below 10 take a leading zero; a draft leaves a gap."""
    return BLANK if number is None else f"{number:02d}"


def symbol(kind_abbreviation: str, issuer_abbreviation: str) -> str:
    """``KH-SGDĐT``: type abbreviation (Phụ lục III) + issuer abbreviation, joined by a hyphen."""
    return f"{kind_abbreviation}-{issuer_abbreviation}"


def number_line(number: int | None, kind_abbreviation: str, issuer_abbreviation: str) -> str:
    return f"Số: {number_text(number)}/{symbol(kind_abbreviation, issuer_abbreviation)}"


def reference(number: int | None, kind_abbreviation: str, issuer_abbreviation: str) -> str:
    """``07/KH-SGDĐT`` as cited in running text."""
    return f"{number_text(number)}/{symbol(kind_abbreviation, issuer_abbreviation)}"
