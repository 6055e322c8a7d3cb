"""``validate`` warns about numbers typed by hand and names the numbering setting that prints them instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_docgen.cli import main
from cchc_docgen.loader import load_with_lines
from cchc_docgen.typed_numbers import typed_number_warnings

PLAN = """\
issuer: {name: Sở Giáo dục và Đào tạo, abbreviation: SGDĐT, place: Hưng Yên}
title: Tuyên truyền cải cách hành chính năm 2022
body:
  - title: Mục đích
    items:
      - "a) Nâng cao nhận thức"
      - text: "2.1. Nội dung"
        numbering: none
      - text: Các hình thức
        paragraphs: ["- Tuyên truyền trên báo", "Thường xuyên trong năm."]
      - "- Trên báo"
      - "+ Trên cổng thông tin"
      - "III. Tổ chức thực hiện"
      - Nâng cao nhận thức về CCHC
signer: {title: Giám đốc, name: Nguyễn Văn A}
"""


def _warnings(tmp_path: Path) -> list:
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    doc, lines = load_with_lines(plan)
    return typed_number_warnings(doc, lines, str(plan))


def test_each_typed_number_is_named_with_its_setting(tmp_path: Path) -> None:
    found = {w.line: w.message for w in _warnings(tmp_path)}
    assert "'a)'" in found[6] and "hai lần" in found[6] and "numbering: letter" in found[6]
    assert "'2.1.'" in found[7] and "numbering: nested" in found[7]
    assert "items_numbering: dash" in found[10]
    assert "numbering: dash" in found[11]
    assert "numbering: plus" in found[12]
    assert "numbering: roman" in found[13]
    assert len(found) == 6  # the plain item and the plain paragraph raise nothing


@pytest.mark.parametrize("plan", sorted((Path(__file__).parent.parent / "plans").glob("*.yaml")), ids=str)
def test_example_plans_have_no_typed_numbers(plan: Path) -> None:
    doc, lines = load_with_lines(plan)
    assert typed_number_warnings(doc, lines, str(plan)) == []


def test_validate_prints_the_warning(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    assert main(["validate", str(plan)]) == 0
    err = capsys.readouterr().err
    assert "cảnh báo" in err and "p.yaml:6" in err and "numbering: letter" in err
    assert main(["validate", "--strict", str(plan)]) == 1
