"""``validate``: the consistency mistakes the seeds contain are found, with lines; the examples are clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.paths import PLANS

from cchc_docgen.cli import main
from cchc_docgen.consistency import check
from cchc_docgen.loader import load_with_lines

BASE = """\
issuer:
  parent: UBND thành phố Hải Phòng
  name: Sở Giáo dục và Đào tạo
  abbreviation: SGDĐT
  place: Hải Phòng
date: 2023-01-05
title: Công tác cải cách hành chính năm 2023
body:
  - title: Tổ chức thực hiện
    items:
      - Gửi kế hoạch về Sở trước ngày 15/01/2023.
      - (Chi tiết tại Phụ lục kèm theo)
appendices:
  - title: [Danh mục]
    columns: [{key: task, label: Nhiệm vụ, width: 100}]
    rows: [{task: Việc A}]
signer: {authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: A}
recipients: [UBND thành phố, Sở Nội vụ]
"""


def _warnings(tmp_path: Path, text: str) -> list:
    plan = tmp_path / "p.yaml"
    plan.write_text(text, encoding="utf-8")
    doc, lines = load_with_lines(plan)
    return check(doc, lines, str(plan))


def test_clean_plan_has_no_warning(tmp_path: Path) -> None:
    assert _warnings(tmp_path, BASE) == []


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("date: 2023-01-05", "date: 2021-03-01"), 6, "năm ban hành (2021)"),
        (("trước ngày 15/01/2023", "trước ngày 15/01/2022"), 11, "sớm hơn ngày ban hành"),
        (("- Gửi kế hoạch về Sở", "- Căn cứ Kế hoạch cải cách hành chính năm 2022 của Sở, gửi"), 11, "năm 2022"),
        (("      - (Chi tiết tại Phụ lục kèm theo)\n", ""), 12, "chưa nhắc đến phụ lục"),
        (("[UBND thành phố, Sở Nội vụ]", "[UBND thành phố, Sở Nội vụ, 'Sở Nội vụ;']"), 18, "trùng với nơi nhận thứ 2"),
        (("authority: KT, head_title: Giám đốc", "authority: TM, collective: Sở, head_title: Giám đốc"), 17,
         "không ký 'TM.'"),
    ],
)
def test_seeded_mistakes_are_found(tmp_path: Path, change: tuple[str, str], line: int, words: str) -> None:
    text = BASE.replace(*change)
    assert text != BASE
    found = _warnings(tmp_path, text)
    assert len(found) == 1, found
    assert found[0].line == line and words in found[0].message


def test_collective_body_signing_without_tm(tmp_path: Path) -> None:
    text = BASE.replace("name: Sở Giáo dục và Đào tạo", "name: Ủy ban nhân dân | thành phố Hải Phòng").replace(
        "abbreviation: SGDĐT", "abbreviation: UBND")
    found = _warnings(tmp_path, text)
    assert [f.key for f in found] == ["signer.authority"] and "chế độ tập thể" in found[0].message


@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_example_plans_validate_cleanly(plan: Path, capsys) -> None:
    assert main(["validate", "--strict", str(plan)]) == 0
    assert "cảnh báo" not in capsys.readouterr().err


def test_validate_cli_prints_warnings_with_lines(tmp_path: Path, capsys) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(BASE.replace("date: 2023-01-05", "date: 2021-03-01"), encoding="utf-8")
    assert main(["validate", str(plan)]) == 0
    assert main(["validate", "--strict", str(plan)]) == 1
    assert f"cchc-docgen: cảnh báo: {plan}:6:" in capsys.readouterr().err
