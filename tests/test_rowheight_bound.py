"""The cheap bound that skips measuring short rows never says less than the measured estimate."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_docgen.context.rowheight import _lines_bound, cell_height_pt, fits_on_page, lines_of

WORDS = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyWMẾỆ%@—…0123456789 ,.;:()", min_size=0, max_size=900)


@settings(max_examples=300, deadline=None)
@given(text=WORDS, width=st.floats(min_value=4.0, max_value=120.0))
def test_bound_is_never_below_the_estimate(text: str, width: float) -> None:
    assert _lines_bound(text, width) >= lines_of(text, width)


@settings(max_examples=200, deadline=None)
@given(cells=st.lists(st.tuples(st.lists(WORDS, max_size=6), st.floats(min_value=8.0, max_value=120.0)),
                      min_size=1, max_size=6),
       landscape=st.booleans())
def test_fits_on_page_agrees_with_the_measured_heights(cells: list[tuple[list[str], float]], landscape: bool) -> None:
    room = (170.0 if landscape else 257.0) * 72 / 25.4 - 40.0
    measured = max(cell_height_pt(paras, width) for paras, width in cells)
    assert fits_on_page(cells, landscape) == (measured <= room)
