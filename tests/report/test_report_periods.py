"""Report periods of the CCHC regime and deadlines written as free text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_docgen.errors import InputError
from cchc_docgen.report.deadlines import parse_deadline
from cchc_docgen.report.periods import PERIODS, get_period

D = dt.date


@pytest.mark.parametrize(("key", "data", "due", "phrase"), [
    ("q1", (D(2023, 12, 15), D(2024, 3, 14)), D(2024, 3, 20), "quý I năm 2024"),
    ("q2", (D(2024, 3, 15), D(2024, 6, 14)), D(2024, 6, 20), "quý II năm 2024"),
    ("q3", (D(2024, 6, 15), D(2024, 9, 14)), D(2024, 9, 20), "quý III năm 2024"),
    ("q4", (D(2024, 9, 15), D(2024, 12, 14)), D(2024, 12, 20), "quý IV năm 2024"),
    ("6m", (D(2023, 12, 15), D(2024, 6, 14)), D(2024, 6, 20), "6 tháng đầu năm 2024"),
    ("9m", (D(2023, 12, 15), D(2024, 9, 14)), D(2024, 9, 20), "9 tháng đầu năm 2024"),
    ("year", (D(2023, 12, 15), D(2024, 12, 14)), D(2024, 12, 20), "năm 2024"),
])
def test_data_periods_and_due_dates(key: str, data: tuple[dt.date, dt.date], due: dt.date, phrase: str) -> None:
    period = PERIODS[key]
    assert period.data_period(2024) == data
    assert period.due(2024) == due
    assert period.phrase(2024) == phrase


def test_next_period_names() -> None:
    assert [PERIODS[k].next_phrase(2024) for k in ("q1", "q4", "6m", "year")] == [
        "quý II năm 2024", "năm 2025", "6 tháng cuối năm 2024", "năm 2025"]


def test_calendar_spans() -> None:
    assert PERIODS["q1"].span(2024) == (D(2024, 1, 1), D(2024, 3, 31))
    assert PERIODS["q4"].span(2024) == (D(2024, 10, 1), D(2024, 12, 31))
    assert PERIODS["6m"].span(2024) == (D(2024, 1, 1), D(2024, 6, 30))


def test_unknown_period_is_a_vietnamese_input_error() -> None:
    with pytest.raises(InputError) as err:
        get_period("q5")
    assert "kỳ báo cáo 'q5' không có" in err.value.message
    assert "q1 (quý I)" in err.value.message


@pytest.mark.parametrize(("text", "start", "end", "ongoing"), [
    ("Quý I/2023", D(2023, 1, 1), D(2023, 3, 31), False),
    ("Tháng 12/2022", D(2022, 12, 1), D(2022, 12, 31), False),
    ("10/01/2023", D(2023, 1, 10), D(2023, 1, 10), False),
    ("Trước ngày 15/6", D(2023, 1, 1), D(2023, 6, 15), False),
    ("6 tháng đầu năm", D(2023, 1, 1), D(2023, 6, 30), False),
    ("6 tháng cuối năm 2023", D(2023, 7, 1), D(2023, 12, 31), False),
    ("Cả năm 2023", D(2023, 1, 1), D(2023, 12, 31), False),
    ("Năm 2023", D(2023, 1, 1), D(2023, 12, 31), False),
    ("Thường xuyên", D(2023, 1, 1), D(2023, 12, 31), True),
    ("Từ Quý IV/2022 đến Quý I/2023", D(2022, 10, 1), D(2023, 3, 31), False),
    ("Quý III, Quý IV/2022", D(2022, 7, 1), D(2022, 12, 31), False),
    ("Quý 2 năm 2023", D(2023, 4, 1), D(2023, 6, 30), False),
    ("tháng 3-4/2023", D(2023, 3, 1), D(2023, 4, 30), False),
    ("Trước 30/6/2023", D(2023, 1, 1), D(2023, 6, 30), False),
    ("Quý I, II/2023", D(2023, 1, 1), D(2023, 6, 30), False),
    ("Quý II và Quý III năm 2023", D(2023, 4, 1), D(2023, 9, 30), False),
    ("Từ tháng 3 đến tháng 5/2023", D(2023, 3, 1), D(2023, 5, 31), False),
    ("Năm học 2023-2024", D(2023, 9, 1), D(2024, 5, 31), False),
    ("Trước ngày 20/11 hằng năm", D(2023, 1, 1), D(2023, 11, 20), True),
])
def test_deadlines_from_free_text(text: str, start: dt.date, end: dt.date, ongoing: bool) -> None:
    deadline = parse_deadline(text, 2023)
    assert (deadline.start, deadline.end, deadline.ongoing) == (start, end, ongoing)
    assert deadline.text == text


@pytest.mark.parametrize("text", ["Theo kế hoạch của UBND tỉnh", "Theo yêu cầu của Sở Nội vụ", "", None])
def test_deadlines_without_a_date_are_kept_as_written(text: str | None) -> None:
    deadline = parse_deadline(text, 2023)
    assert not deadline.understood
    assert deadline.start is None and deadline.end is None
    assert deadline.text == (text or "")


@pytest.mark.parametrize(("written", "status"), [
    ("Hoàn thành.", "hoàn thành"), ("hoan thanh", "hoàn thành"), ("Đã hoàn thành", "hoàn thành"),
    ("HOÀN THÀNH QUÁ HẠN", "hoàn thành quá hạn"), ("dang thuc hien", "đang thực hiện"),
    ("Chưa triển khai", "chưa thực hiện"), ("  ", None), ("xong", "xong"), ("chưa hoàn thành", "chưa hoàn thành"),
])
def test_status_spellings(written: str, status: str | None) -> None:
    from cchc_docgen.models.report import normalise_status

    assert normalise_status(written) == status


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="QuýqUÝthángTHÁNGnămcảtrướcngàyđếnvàhọcIVivx0123456789/-,. ", max_size=50))
def test_any_text_gives_a_window_or_none(text: str) -> None:
    deadline = parse_deadline(text, 2023)
    assert (deadline.start is None) == (deadline.end is None)
    if deadline.start is not None and deadline.end is not None:
        assert deadline.start <= deadline.end


def test_bare_year_and_backward_school_year() -> None:
    assert (parse_deadline("2024", 2023).start, parse_deadline("2024", 2023).end) == (D(2024, 1, 1), D(2024, 12, 31))
    assert parse_deadline("Năm học 2024-2023", 2023).start == D(2023, 5, 31)
