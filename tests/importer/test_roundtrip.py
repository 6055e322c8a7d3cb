"""Round trip: every example plan rendered to DOCX (and to PDF) and imported back gives the same model, up to
the documented normalisations (tests/importer/roundtrip.py)."""

from __future__ import annotations

import difflib
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from support.docxtext import paragraphs, words
from support.paths import PLANS, soffice_or_skip
from support.structure import differences, structure

from cchc_docgen.importer import import_file
from cchc_docgen.loader import load_document
from cchc_docgen.pipeline import render_plan
from tests.importer.roundtrip import normal_form

#: the example plans, and a plan with a body table, a two-row merged header and an appendix of several tables
ROUND_TRIP = [*PLANS, Path(__file__).resolve().parents[1] / "data" / "tables" / "bang_bieu.yaml"]


def _compare(plan: Path, imported: Path, tmp: Path) -> None:
    pdf = imported.suffix == ".pdf"
    model = load_document(plan)
    result = import_file(imported)
    if model.report is not None:
        # a periodic report prints parts computed from 'report:'; they come back as the text they printed
        # (normalisation 9), so the imported plan must print exactly the same text again
        again = tmp / "again.yaml"
        again.write_text(result.yaml_text, encoding="utf-8")
        first_docx = render_plan(plan, tmp / "first", force=True)
        first = paragraphs(first_docx)
        second_docx = render_plan(again, tmp / "second", force=True)
        second = paragraphs(second_docx)
        if not pdf:
            assert second == first
            return
        # a PDF also shows the text drawn in the report's chart (title, legend, axis numbers): it may come back
        # as paragraphs, and nothing else may differ
        # the same structure: headings per level, tables (rows × columns, merges), signer, recipients, number, date
        assert differences(structure(first_docx), structure(second_docx)) == []
        a, b = words(" ".join(first)), words(" ".join(second))
        drawn = _chart_words(first_docx)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            assert tag in ("equal", "insert"), (tag, a[i1:i2], b[j1:j2])
            assert tag == "equal" or {w for w in b[j1:j2] if not w.isdigit()} <= drawn, b[j1:j2]  # digits: axis
        return
    original = normal_form(model, pdf)
    back = normal_form(result.document, pdf)
    for key in original:
        assert back[key] == original[key], key


def _chart_words(docx: Path) -> set[str]:
    with zipfile.ZipFile(docx) as z:
        xml = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/charts/") and
                       n.endswith(".xml"))
    return set(words(" ".join(re.findall(r">([^<>]+)</(?:a:t|c:v)>", xml))))


@pytest.mark.parametrize("plan", ROUND_TRIP, ids=lambda p: p.stem)
def test_docx_round_trip(plan: Path, tmp_path: Path) -> None:
    _compare(plan, render_plan(plan, tmp_path, force=True), tmp_path)


@pytest.fixture(scope="module")
def rendered_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    exe = soffice_or_skip()
    out = tmp_path_factory.mktemp("rt")
    docs = [render_plan(plan, out, force=True) for plan in ROUND_TRIP]
    profile = tmp_path_factory.mktemp("profile")
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(out), *map(str, docs)], check=True, capture_output=True, timeout=600)
    return {p.stem: p for p in out.glob("*.pdf")}


@pytest.mark.parametrize("plan", ROUND_TRIP, ids=lambda p: p.stem)
def test_pdf_round_trip(plan: Path, rendered_pdfs: dict[str, Path], tmp_path: Path) -> None:
    _compare(plan, rendered_pdfs[plan.stem], tmp_path)
