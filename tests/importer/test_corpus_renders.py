"""validate ⇒ render: whatever `import` writes for a corpus document either is refused with a clear message or
validates and renders; and every choice between readings is reported with where it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.paths import PLANS

from cchc_docgen.cli import main
from cchc_docgen.errors import InputError
from cchc_docgen.importer import import_file
from cchc_docgen.loader import load_document
from cchc_docgen.pipeline import render_plan
from tests.importer.helpers import REALDOCS, SEEDS

TABLES_PLAN = REALDOCS.parent / "tables" / "bang_bieu.yaml"
CORPUS = [*sorted(REALDOCS.glob("*.docx")), *sorted((REALDOCS.parent / "signed").glob("*.pdf")),
          *sorted(SEEDS.glob("*.txt"))]


def _import_validate_render(source: Path, tmp: Path) -> bool:
    """False when import refuses the file (a Vietnamese message naming it); otherwise the YAML must load and render."""
    try:
        result = import_file(source)
    except InputError as exc:
        assert source.name in str(exc)
        return False
    plan = tmp / f"{source.stem}.yaml"
    plan.write_text(result.yaml_text, encoding="utf-8")
    assert load_document(plan) == result.document
    assert render_plan(plan, tmp / "out", force=True).stat().st_size > 0
    return True


@pytest.mark.slow
def test_every_corpus_document_imports_validates_and_renders(tmp_path: Path) -> None:
    imported = [s.name for s in CORPUS if _import_validate_render(s, tmp_path)]
    assert len(imported) >= 12  # the plans and reports (DOCX and signed PDF) and the seeds at least


@pytest.mark.slow
@pytest.mark.parametrize("plan", [*PLANS, TABLES_PLAN], ids=lambda p: p.stem)
def test_round_trip_plans_import_validate_and_render(plan: Path, tmp_path: Path) -> None:
    assert _import_validate_render(render_plan(plan, tmp_path / "first"), tmp_path)


def test_guesses_are_listed_with_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = render_plan(TABLES_PLAN, tmp_path)
    assert main(["import", str(docx), "-o", str(tmp_path / "back.yaml")]) == 0
    out = capsys.readouterr().out
    assert "phải đoán" in out and "Đã nhận ra toàn bộ" not in out
    assert "bảng 2 (sau đoạn" in out and "'table'" in out  # the body table
    assert "'header'" in out and "'more_tables'" in out


def test_nothing_guessed_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan this tool rendered, with one plain task table in its appendix, leaves nothing to guess."""
    docx = render_plan(PLANS[0], tmp_path)
    assert import_file(docx).unplaced == []
    assert main(["import", str(docx), "-o", str(tmp_path / "back.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Đã nhận ra toàn bộ" in out and "phải đoán" not in out
