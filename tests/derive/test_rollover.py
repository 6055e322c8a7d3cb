"""Must show (#10): rolling seed 000 and seed 001 (2023) over to 2024 makes exactly the expected changes; no
legal-basis citation, no range such as 2021-2030 and no past date moves; the review list names what needs a
person; the YAML keeps comments and layout; the CLI never overwrites without --force."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from derive_paths import ROOT
from rollover_expected import EXPECTED_000, EXPECTED_001

from cchc_docgen.checker import check_docx
from cchc_docgen.cli import main
from cchc_docgen.loader import load_document
from cchc_docgen.models import Document
from cchc_docgen.pipeline import render_plan
from cchc_docgen.rollover import rollover, rollover_text
from cchc_docgen.rollover.years import citation_spans, shift_text

PLAN_000 = ROOT / "plans" / "000_haiphong_tuyen_truyen_2023.yaml"
PLAN_001 = ROOT / "plans" / "001_haiphong_cchc_2023.yaml"
CASES = {"000": (PLAN_000, EXPECTED_000), "001": (PLAN_001, EXPECTED_001)}


def _strings(value: Any, path: str = "") -> dict[str, str]:
    """Every text of a dumped document by path (issuer, signer and recipients left out: never changed)."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if path == "" and key in ("issuer", "signer", "recipients", "archive", "number", "date", "kind"):
                continue
            out.update(_strings(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.update(_strings(item, f"{path}[{i}]"))
    elif isinstance(value, str):
        out[path] = value
    return out


def _protected(text: str) -> list[tuple[int, int]]:
    spans = [(s, e) for s, e, _ in citation_spans(text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"\b(19|20)\d\d\s*[-–]\s*(19|20)\d\d\b", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"/(19|20)\d\d/|\d:(19|20)\d\d", text)]
    return spans


@pytest.mark.parametrize("seed", sorted(CASES))
def test_exact_changes(seed: str) -> None:
    plan, expected = CASES[seed]
    result = rollover(plan, 2024)
    assert [(c.key, c.before, c.after) for c in result.changes] == expected
    assert (result.old_year, result.new_year) == (2023, 2024)


@pytest.mark.parametrize("seed", sorted(CASES))
def test_only_plan_years_move(seed: str, tmp_path: Path) -> None:
    plan, expected = CASES[seed]
    result = rollover(plan, 2024)
    new_file = tmp_path / "new.yaml"
    new_file.write_text(result.yaml_text, encoding="utf-8")
    old_doc, new_doc = load_document(plan), load_document(new_file)
    assert new_doc.number is None and new_doc.date is not None and new_doc.date.day is None
    assert new_doc.date.year == 2024 and new_doc.date.month == old_doc.date.month  # type: ignore[union-attr]
    old, new = _strings(old_doc.model_dump()), _strings(new_doc.model_dump())
    assert old.keys() == new.keys()  # same structure: nothing added, nothing dropped
    moved_from_previous = sum(1 for _, before, _ in expected if "2022" in before)
    previous_seen = 0
    for key, before in old.items():
        after = new[key]
        assert len(after) == len(before), key
        diffs = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        protected = _protected(before)
        for i in diffs:  # every change is inside a year token 2023 → 2024 or 2022 → 2023
            start = max(before.rfind(c, 0, i + 1) for c in " /(\n") + 1
            token_before, token_after = before[start: start + 4], after[start: start + 4]
            assert (token_before, token_after) in (("2023", "2024"), ("2022", "2023")), (key, before[start - 20: i + 5])
            assert not any(s <= i < e for s, e in protected), (key, "a citation, range or number changed")
        # every plan-year 2023 outside citations/ranges/numbers has moved
        for m in re.finditer(r"\b2023\b", after):
            if any(s <= m.start() < e for s, e in _protected(after)):
                continue
            assert before[m.start(): m.end()] == "2022", (key, after[max(0, m.start() - 30): m.end()])
            previous_seen += 1
        # citations (legal bases and cited documents) are untouched, word for word
        for s, e, _ in citation_spans(before):
            assert after[s:e] == before[s:e]
        # ranges and past dates are untouched
        assert re.findall(r"\b\d{4}\s*[-–]\s*\d{4}\b", after) == re.findall(r"\b\d{4}\s*[-–]\s*\d{4}\b", before)
    assert previous_seen == moved_from_previous


def test_seed_001_review_list() -> None:
    result = rollover(PLAN_001, 2024)
    messages = [r.format() for r in result.review]
    old_bases = [m for m in messages if "đã hơn hai năm" in m]
    assert len(old_bases) == 2
    assert "Nghị quyết số 76/NQ-CP ngày 15/7/2021" in old_bases[0]
    assert "Kế hoạch số 216/KH-UBND ngày 23/9/2021" in old_bases[1]
    this_year = [m for m in messages if "là văn bản của năm 2023" in m]
    assert len(this_year) == 1 and "Quyết định số 4647/QĐ-UBND ngày 30/12/2022" in this_year[0]
    targets = [r for r in result.review if "chỉ tiêu" in r.message]
    assert len(targets) == 10 and all(r.key.startswith("body[2].items[") for r in targets)
    past = [m for m in messages if "đã qua" in m]
    assert len(past) == 2 and "'12/2023'" in past[0] and "'Quý IV/2023'" in past[1]
    assert any("'năm 2022' (năm trước năm kế hoạch) được giữ nguyên" in m for m in messages)
    assert any("Căn cứ kết quả thực hiện Kế hoạch số …/KH-SGDĐT" in m for m in messages)


def test_this_years_plan_offered_as_basis_in_a_bases_list(tmp_path: Path) -> None:
    text = (ROOT / "plans" / "004_hungyen_tuyen_truyen_2022.yaml").read_text(encoding="utf-8")
    text = text.replace("preamble:\n  text: >-\n    Thực hiện", "preamble:\n  bases:\n    - >-\n      Thực hiện")
    text = re.sub(r"\n    (Hưng Yên v/v|cải cách hành chính năm 2022; Kế hoạch)", r"\n      \1", text)
    text = text.replace("\n    truyền", "\n      truyền")
    plan = tmp_path / "p.yaml"
    plan.write_text(text, encoding="utf-8")
    doc = load_document(plan)
    assert doc.preamble.bases, "fixture: preamble turned into a bases list"
    result = rollover(plan, 2023)
    new = tmp_path / "n.yaml"
    new.write_text(result.yaml_text, encoding="utf-8")
    bases = load_document(new).preamble.bases
    assert bases[-1] == (
        "Căn cứ kết quả thực hiện Kế hoạch số 07/KH-SGDĐT ngày 04/01/2022 về tuyên truyền cải cách hành chính "
        "Sở Giáo dục và Đào tạo Hưng Yên năm 2022"
    )
    assert result.changes[-1].before == "" and result.changes[-1].after == bases[-1]


def test_yaml_keeps_comments_and_layout() -> None:
    result = rollover(PLAN_001, 2024)
    old_lines = PLAN_001.read_text(encoding="utf-8").splitlines()
    new_lines = result.yaml_text.splitlines()
    assert new_lines[0] == old_lines[0] and new_lines[1].startswith("# Bản nháp kế hoạch năm 2024")
    assert "  # ───────────────────────────── I ─────────────────────────────" in new_lines
    assert any(line.endswith("# \" | \": one 13 pt line does not fit the 6.5 cm header column") for line in new_lines)
    # same layout: apart from the header, number and date, every line is the old line with at most its years changed
    body_old = [ln for ln in old_lines[1:] if not ln.startswith(("number:", "date:"))]
    body_new = [ln for ln in new_lines[3:] if not ln.startswith(("number:", "date:"))]
    assert len(body_new) == len(body_old)
    changed = 0
    for old_line, new_line in zip(body_old, body_new, strict=True):
        if old_line != new_line:
            changed += 1
            assert re.sub(r"20\d\d", "YYYY", old_line) == re.sub(r"20\d\d", "YYYY", new_line)
    assert 70 <= changed <= len(EXPECTED_001)


def test_shift_text_cases() -> None:
    def go(text: str, deadline: bool = False) -> str:
        return shift_text(text, 2023, 2024, deadline=deadline).text

    assert go("Kế hoạch số 216/KH-UBND ngày 23/9/2021 của UBND về CCHC năm 2023; nhiệm vụ năm 2023") == (
        "Kế hoạch số 216/KH-UBND ngày 23/9/2021 của UBND về CCHC năm 2023; nhiệm vụ năm 2024")
    assert go("giai đoạn 2021-2030, giai đoạn 2022 - 2025") == "giai đoạn 2021-2030, giai đoạn 2022 - 2025"
    assert go("ISO 9001:2015, Nghị định 30/2020/NĐ-CP") == "ISO 9001:2015, Nghị định 30/2020/NĐ-CP"
    assert go("trong năm học 2022-2023") == "trong năm học 2023-2024"
    assert go("báo cáo trước ngày 15/12/2023") == "báo cáo trước ngày 15/12/2024"
    assert go("hội nghị ngày 20/10/2023 đã thống nhất") == "hội nghị ngày 20/10/2023 đã thống nhất"
    assert go("Tháng 12/2022", deadline=True) == "Tháng 12/2023"
    assert go("kết quả năm 2022") == "kết quả năm 2022"
    assert go("Cả năm 2023", deadline=True) == "Cả năm 2024"
    assert go("(theo Quyết định số 4647/QĐ-UBND ngày 30/12/2022 về CCHC năm 2023). Năm 2023") == (
        "(theo Quyết định số 4647/QĐ-UBND ngày 30/12/2022 về CCHC năm 2023). Năm 2024")


def test_rolled_plan_renders_and_passes_check(tmp_path: Path) -> None:
    new = tmp_path / "000_2024.yaml"
    new.write_text(rollover(PLAN_000, 2024).yaml_text, encoding="utf-8")
    docx = render_plan(new, tmp_path)
    assert [f.rule_id for f in check_docx(docx)] == []


def test_cli_writes_prints_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    plan = tmp_path / "ke_hoach_2023.yaml"
    plan.write_bytes(PLAN_000.read_bytes())
    assert main(["rollover", str(plan), "--year", "2024"]) == 0
    out = tmp_path / "ke_hoach_2024.yaml"
    assert isinstance(load_document(out), Document)
    printed = capsys.readouterr().out
    assert "Đã đổi (25 chỗ):" in printed and "Cần người xem lại (" in printed
    assert "[title]: 'năm 2023' → 'năm 2024'" in printed
    before = out.read_bytes()
    assert main(["rollover", str(plan), "--year", "2024"]) == 1
    assert out.read_bytes() == before
    err = capsys.readouterr().err
    assert "không ghi đè" in err and "Traceback" not in err
    assert main(["rollover", str(plan), "--year", "2022", "-o", str(tmp_path / "x.yaml")]) == 1
    assert "phải sau năm của kế hoạch (2023)" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_invalid_plan_is_an_input_error() -> None:
    from cchc_docgen.errors import InputError

    with pytest.raises(InputError):
        rollover_text("title: Kế hoạch năm 2023\n", 2024, file="x.yaml")


def test_citation_without_the_word_ngay_is_still_a_citation() -> None:
    """Seed 002 writes 'Kế hoạch số 205/KH-PGD&ĐT 19/02/2024 của … về … năm 2024': kept, and flagged."""
    plan = ROOT / "plans" / "002_mn_sao_mai_tuyen_truyen_2024.yaml"
    result = rollover(plan, 2025)
    assert not any(c.key.startswith("preamble") for c in result.changes)
    flagged = [r.message for r in result.review if "là văn bản của năm 2024" in r.message]
    assert len(flagged) == 4 and "Kế hoạch số 205/KH-PGD&ĐT 19/02/2024" in flagged[3]


def test_a_periodic_report_is_refused() -> None:
    from cchc_docgen.errors import InputError

    with pytest.raises(InputError, match="cchc-docgen report"):
        rollover(ROOT / "plans" / "001_haiphong_cchc_2023_bc_6m.yaml", 2024)


_DATE_FORMS = {
    # form as written in the YAML → (year, month) of the draft for the plan year 2026 → 2027
    "date: 2025-12-24": (2026, 12),  # ISO, read as a date by YAML
    "date: '2025-12-24'": (2026, 12),  # quoted ISO
    "date: 24/12/2025": (2026, 12),  # the form plans/mau_ke_hoach.yaml recommends
    'date: "24/12/2025"': (2026, 12),
    "date: 24.12.2025": (2026, 12),
    "date: 24-12-2025": (2026, 12),
    "date: 4/1/2026": (2027, 1),
    "date: 12/2025": (2026, 12),  # a draft: month and year
    "date: 2026": (2027, None),  # a draft: the year only
    "date: {year: 2026, month: 3}": (2027, 3),
    "date: {year: 2025, month: 12, day: 24}": (2026, 12),
}


@pytest.mark.parametrize("form", sorted(_DATE_FORMS))
def test_every_date_form_rolls_over(form: str, tmp_path: Path) -> None:
    """Issue 16.6: each date form the loader accepts rolls over (no crash) and keeps its distance to the year."""
    starter = (ROOT / "plans" / "mau_ke_hoach.yaml").read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^date:.*$", form, starter, count=1)
    assert count == 1
    text = re.sub(r"(?m)^(title: .*?)\b20\d\d\b", r"\g<1>2026", text, count=1)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    assert load_document(plan).date is not None  # the form is one the loader accepts
    result = rollover_text(text, 2027, file=str(plan))
    new_file = tmp_path / "new.yaml"
    new_file.write_text(result.yaml_text, encoding="utf-8")
    new = load_document(new_file)
    assert new.date is not None and new.date.day is None
    assert (new.date.year, new.date.month) == _DATE_FORMS[form]
    assert [c.key for c in result.changes if c.key == "date"] == ["date"]


def test_rollover_cli_on_day_first_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    starter = (ROOT / "plans" / "mau_ke_hoach.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(re.sub(r"(?m)^date:.*$", "date: 24/12/2025", starter, count=1), encoding="utf-8")
    year = rollover_text(plan.read_text(encoding="utf-8"), 2100, file=str(plan)).old_year
    code = main(["rollover", str(plan), "--year", str(year + 1), "-o", str(tmp_path / "new.yaml")])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "new.yaml").is_file()
