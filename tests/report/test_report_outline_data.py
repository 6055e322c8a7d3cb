"""The outline and Biểu mẫu data file (report/data/4625-2025.yaml) against the text of the spec.

tests/data/report_spec/ holds copies of spec bao-cao-cchc.md §3.1 (the skeleton) and §4.3 (every indicator
row); these tests parse them independently of the data file and compare heading by heading, row by row.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from support.paths import ROOT

from cchc_docgen.errors import InputError
from cchc_docgen.report.outline import Outline, load_outline

SPEC = ROOT / "tests" / "data" / "report_spec"


@pytest.fixture(scope="module")
def outline() -> Outline:
    return load_outline("4625/2025")


def _spec_rows() -> list[tuple[int, str, str, str, str]]:
    """(form, STT, name, unit, kind) of every table row of §4.3."""
    rows = []
    form = 0
    for line in (SPEC / "bieu_mau_4625.md").read_text(encoding="utf-8").splitlines():
        head = re.match(r"#### Biểu mẫu (\d): “(.+)” \((\d+) rows\)", line)
        if head:
            form = int(head.group(1))
        elif line.startswith("| ") and not line.startswith("| STT"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            name = re.sub(r"\s*\*\(S3/S4:.*\)\*$", "", cells[1])
            rows.append((form, cells[0], name, cells[2], cells[3]))
    return rows


def test_all_123_rows_with_exact_stt_names_and_units(outline: Outline) -> None:
    """BC21: all 123 rows of §4.3, in order, exact STT, names and units (coded units as their lines)."""
    spec = _spec_rows()
    assert len(spec) == 123
    ours = [(f.number, r.stt, r.name, " ".join(r.unit)) for f in outline.forms for r in f.rows]
    assert len(ours) == 123
    assert [(n, s, name, re.sub(r";\s", "; ", u)) for n, s, name, u in ours] == [
        (n, s, name, unit) for n, s, name, unit, _ in spec]
    assert all(unicodedata.is_normalized("NFC", r.name) for f in outline.forms for r in f.rows)


def test_form_titles_and_row_counts(outline: Outline) -> None:
    """BC19: seven forms in order with the exact titles of §4.3."""
    text = (SPEC / "bieu_mau_4625.md").read_text(encoding="utf-8")
    heads = re.findall(r"#### Biểu mẫu (\d): “(.+)” \((\d+) rows\)", text)
    assert [(str(f.number), f.title, str(len(f.rows))) for f in outline.forms] == [tuple(h) for h in heads]


def test_formula_rows_match_their_kind_in_the_spec(outline: Outline) -> None:
    """BC22: every row the spec marks as a formula is a sum or ratio of exactly the rows it names."""
    for form, stt, _, _, kind in _spec_rows():
        row = outline.form(form).row(stt)
        assert row is not None
        formula = re.search(r"\*\*= ([\d. /+]+?)(?: × 100)?\*\*", kind)
        if formula is None:
            assert row.kind not in ("sum", "ratio"), (form, stt)
            continue
        parts = re.split(r"\s*[/+]\s*", formula.group(1).strip())
        assert row.of == tuple(parts), (form, stt)
        assert row.kind == ("ratio" if "/" in formula.group(1) else "sum"), (form, stt)
    groups = [(f, s) for f, s, _, _, k in _spec_rows() if "group row" in k]
    assert all(outline.form(f).row(s).kind == "group" for f, s in groups)  # type: ignore[union-attr]


def _skeleton_lines() -> list[str]:
    text = (SPEC / "outline_4625.md").read_text(encoding="utf-8")
    return [ln for ln in text.split("```")[1].splitlines() if ln.strip()]


def _heading(line: str) -> tuple[str, str]:
    """``  1. Cải cách thể chế   (note)`` → ('1', 'Cải cách thể chế')."""
    text = re.split(r"\s{3,}\(", line.strip())[0].strip()
    label, _, rest = text.partition(" ")
    return label.rstrip(".)"), rest


def test_every_heading_of_the_skeleton_in_order(outline: Outline) -> None:
    """BC4, BC5, BC6, BC9: sections I–IV, their items and lettered sub-items, exact texts, in order."""
    values = {**outline.levels["province"], "next_upper": "<KỲ TỚI IN HOA>"}
    expected = []
    for line in _skeleton_lines():
        if re.match(r"^\s*(I|II|III|IV)\. |^\s{2}\d\. |^\s{5}[a-zđ]\) ", line) and "…" not in line.split()[1]:
            expected.append(_heading(line))
    ours = []
    for item in outline.walk():
        label = item.key.split(".")[-1]
        text = item.heading(False, values) + (":" if item.run_in else "")
        ours.append((label, text))
    assert len(expected) == 4 + 6 + 6 + 26 + 2
    assert ours == expected


def test_year_variants_are_the_observed_ones(outline: Outline) -> None:
    """BC4/BC6: the year report's wordings (§3.1 variants), and nothing else changes."""
    values = {**outline.levels["province"], "next_upper": "NĂM 2026"}
    year = {i.key: i.heading(True, values) for i in outline.walk() if i.year_title}
    assert year == {
        "I.2": "Đánh giá, cập nhật tiến độ thực hiện Kế hoạch CCHC năm",
        "II": "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
        "II.2": "Cải cách thủ tục hành chính (TTHC)",
        "II.6": "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        "II.6.a": "Kết quả hoàn thiện thể chế phục vụ xây dựng, phát triển Chính quyền điện tử, Chính quyền số",
        "II.6.đ": "Kết quả xây dựng, phát triển các ứng dụng, dịch vụ nội bộ",
        "IV": "PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2026",
    }


def test_unknown_version_is_a_vietnamese_input_error() -> None:
    with pytest.raises(InputError, match=r"không có đề cương báo cáo phiên bản '9999/2030'.*4625/2025"):
        load_outline("9999/2030")
