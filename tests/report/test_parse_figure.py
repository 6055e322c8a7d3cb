"""One reader of typed figures for the report page and the spreadsheet (report.forms.parse_figure)."""

from __future__ import annotations

import pytest

from cchc_docgen.report.forms import parse_figure


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("2.450", 2450), ("125.712", 125712), ("95,5", 95.5), ("1.234,5", 1234.5), ("12.5", 12.5),
    ("0", 0), ("-4", -4),
])
def test_numbers_as_vietnamese_writes_them(text: str, value: float) -> None:
    assert parse_figure(text) == value


@pytest.mark.parametrize("text", ["abc", "12%", "1e5", "nan", "inf", "+5", "1_000", "", "-", "1.2.3,4,5"])
def test_anything_else_is_no_figure(text: str) -> None:
    assert parse_figure(text) is None
