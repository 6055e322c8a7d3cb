"""Round trip: every example plan rendered to DOCX (and to PDF) and imported back gives the same model, up to
the documented normalisations (tests/importer/roundtrip.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support.paths import PLANS, soffice_or_skip

from cchc_docgen.importer import import_file
from cchc_docgen.loader import load_document
from cchc_docgen.pipeline import render_plan
from tests.importer.roundtrip import normal_form


def _compare(plan: Path, imported: Path) -> None:
    pdf = imported.suffix == ".pdf"
    original = normal_form(load_document(plan), pdf)
    back = normal_form(import_file(imported).document, pdf)
    for key in original:
        assert back[key] == original[key], key


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_docx_round_trip(plan: Path, tmp_path: Path) -> None:
    _compare(plan, render_plan(plan, tmp_path, force=True))


@pytest.fixture(scope="module")
def rendered_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    exe = soffice_or_skip()
    out = tmp_path_factory.mktemp("rt")
    docs = [render_plan(plan, out, force=True) for plan in PLANS]
    profile = tmp_path_factory.mktemp("profile")
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(out), *map(str, docs)], check=True, capture_output=True, timeout=600)
    return {p.stem: p for p in out.glob("*.pdf")}


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_pdf_round_trip(plan: Path, rendered_pdfs: dict[str, Path]) -> None:
    _compare(plan, rendered_pdfs[plan.stem])
