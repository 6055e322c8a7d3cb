"""A parent plan given as DOCX is read through ``import`` (issue #8) and derived like its YAML."""

from __future__ import annotations

from pathlib import Path

from derive_paths import PLAN_005, UNITS

from cchc_docgen.checker import check_docx
from cchc_docgen.cli import main
from cchc_docgen.derive import derive_file, load_unit
from cchc_docgen.loader import load_document
from cchc_docgen.pipeline import render_plan


def test_derive_from_the_rendered_word_file_of_a_phong_plan(tmp_path: Path) -> None:
    docx = render_plan(PLAN_005, tmp_path / "parent")
    unit = load_unit(UNITS / "thcs_lac_hong.yaml")
    from_docx = derive_file(docx, unit).document
    from_yaml = derive_file(PLAN_005, unit).document
    assert from_docx.preamble.text == from_yaml.preamble.text  # same citation: number, date, issuer, title
    assert from_docx.signer == from_yaml.signer
    rows = [r for r in from_docx.appendices[0].rows if not r.group]
    tasks = [" ".join(r.cells()[k].paragraphs) for r in rows for k in r.cells() if k == "task"]
    assert tasks == [" ".join(r.cells()["task"].paragraphs) for r in from_yaml.appendices[0].rows if not r.group]
    out = tmp_path / "child.yaml"
    assert main(["derive", str(docx), "--unit", str(UNITS / "thcs_lac_hong.yaml"), "-o", str(out), "--render"]) == 0
    assert load_document(out).issuer.abbreviation == "THCSLH"
    assert [f.rule_id for f in check_docx(tmp_path / "child.docx")] == []


def test_a_draft_word_file_says_how_to_fix(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text(PLAN_005.read_text(encoding="utf-8").replace("number: 15\n", ""), encoding="utf-8")
    docx = render_plan(draft, tmp_path)
    assert main(["derive", str(docx), "--unit", str(UNITS / "thcs_lac_hong.yaml"), "-o", str(tmp_path / "c.yaml")]) == 1
    err = capsys.readouterr().err
    assert "còn là dự thảo" in err and "cchc-docgen import" in err and "Traceback" not in err
    assert not (tmp_path / "c.yaml").exists()
