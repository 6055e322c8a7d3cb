"""rollover on a real provincial plan and on a hand-written thi đua plan (issue 22): every change and every
review place checked item by item against rollover_real_expected.py (written before running rollover)."""

from __future__ import annotations

import re
from pathlib import Path

from rollover_real_expected import THIDUA_CHANGES, THIDUA_REVIEW, TUYENTRUYEN_CHANGES, TUYENTRUYEN_REVIEW

from cchc_docgen.loader import load_document
from cchc_docgen.rollover import rollover_text
from cchc_docgen.rollover.years import shift_text

DATA = Path(__file__).resolve().parents[1] / "data" / "derive_real"


def _phrase(text: str) -> str:
    """A changed phrase as compared: surrounding brackets, emphasis and punctuation do not count."""
    return text.strip("()*_.,;: ")


def _changes(result) -> list[tuple[str, str, str]]:
    return [(c.key, _phrase(c.before), _phrase(c.after)) for c in result.changes]


def _expected(items: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [(k, _phrase(b), _phrase(a)) for k, b, a in items]


def _tuyentruyen() -> str:
    # the plan for 2026 as issued on 24/12/2025 (the frozen import carries the day it was given by hand)
    text = (DATA / "kh_tuyentruyen_cchc_2026.yaml").read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^date: 2026-01-09$", "date: 24/12/2025", text)
    assert count == 1
    return text


def test_real_plan_changes_item_by_item() -> None:
    result = rollover_text(_tuyentruyen(), 2027, file="kh.yaml")
    assert _changes(result) == _expected(TUYENTRUYEN_CHANGES)


def test_real_plan_review_places_are_exactly_the_expected_ones() -> None:
    result = rollover_text(_tuyentruyen(), 2027, file="kh.yaml")
    assert sorted({r.key for r in result.review}) == sorted(set(TUYENTRUYEN_REVIEW))
    assert not any(re.search(r"\b\d+/(19|20)\d\d/[A-ZĐ]", r.message) and "đã qua" in r.message
                   for r in result.review)


def test_real_plan_citations_stay_and_draft_date_is_the_december_before(tmp_path: Path) -> None:
    result = rollover_text(_tuyentruyen(), 2027, file="kh.yaml")
    for cited in ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", "Chỉ thị số 23/CT-TTg ngày 02/9/2021", "2021 - 2030"):
        assert result.yaml_text.count(cited) == _tuyentruyen().count(cited)
    out = tmp_path / "new.yaml"
    out.write_text(result.yaml_text, encoding="utf-8")
    date = load_document(out).date
    assert date is not None and (date.year, date.month, date.day) == (2026, 12, None)


def test_thi_dua_changes_item_by_item() -> None:
    result = rollover_text((DATA / "thi_dua_2026.yaml").read_text(encoding="utf-8"), 2027, file="td.yaml")
    basis = [c for c in result.changes if c.key == "preamble.bases[3]"]
    assert len(basis) == 1 and basis[0].after.startswith("Căn cứ kết quả thực hiện Kế hoạch số 312/KH-SNV")
    assert [c for c in _changes(result) if c[0] != "preamble.bases[3]"] == _expected(THIDUA_CHANGES)


def test_thi_dua_review_places_are_exactly_the_expected_ones() -> None:
    result = rollover_text((DATA / "thi_dua_2026.yaml").read_text(encoding="utf-8"), 2027, file="td.yaml")
    assert sorted({r.key for r in result.review}) == sorted(THIDUA_REVIEW)
    assert not any("52/2015" in r.message for r in result.review)


def test_a_deadline_in_the_appendix_moves_in_the_body_too() -> None:
    result = rollover_text((DATA / "thi_dua_2026.yaml").read_text(encoding="utf-8"), 2027, file="td.yaml")
    assert "15/01/2026" not in result.yaml_text and result.yaml_text.count("15/01/2027") == 2


def test_a_citation_in_a_time_cell_never_moves() -> None:
    shifted = shift_text("Theo Phương án số 7178/PA-UBND ngày 14/11/2025", 2026, 2027, deadline=True)
    assert shifted.text == "Theo Phương án số 7178/PA-UBND ngày 14/11/2025"
    shifted = shift_text("Thực hiện theo số 12/KH-SNV ngày 05/01/2026", 2026, 2027, deadline=True)
    assert "05/01/2026" in shifted.text


def test_the_year_after_moves_in_deadlines_only() -> None:
    assert shift_text("Quý I/2027", 2026, 2027).text == "Quý I/2028"
    assert shift_text("trước ngày 15/02/2027", 2026, 2027).text == "trước ngày 15/02/2028"
    assert shift_text("Chuẩn bị cho năm 2027", 2026, 2027).text == "Chuẩn bị cho năm 2027"
    assert shift_text("giai đoạn 2026 - 2030", 2026, 2027).text == "giai đoạn 2026 - 2030"
