"""Must show: seeds (text) and real plans/reports (DOCX and their LibreOffice PDF) import and render back at
word similarity ≥ 0.95 with the original, with the numbered tree rebuilt rather than kept as typed numbers."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from support.docxtext import paragraphs, similarity
from support.paths import soffice_or_skip

from tests.importer.helpers import REALDOCS, SEEDS, import_and_render, typed_numbers

SEED_FILES = sorted(SEEDS.glob("*.txt"))
PLANS_AND_REPORTS = sorted(p for p in REALDOCS.glob("*.docx") if p.name.startswith(("kh_", "doc_kh_", "bc_")))


def test_test_data_is_there() -> None:
    assert len(SEED_FILES) >= 4
    assert {p.name[:3] for p in PLANS_AND_REPORTS} >= {"kh_", "bc_", "doc"}


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_imports_and_renders_back(seed: Path, tmp_path: Path) -> None:
    result, docx = import_and_render(seed, tmp_path)
    score = similarity(docx, seed)
    print(f"{seed.name}: word similarity {score:.3f}")
    assert score >= 0.95
    assert typed_numbers(result.document) == []


def _imports_like_the_original(imported: Path, original: Path, tmp_path: Path) -> Any:
    """Import ``imported``, render it, and assert its text matches ``original``'s (the DOCX) at word similarity
    ≥ 0.95 with no hand-typed number left at an item's start; return the import result."""
    result, docx = import_and_render(imported, tmp_path)
    reference = tmp_path / "original.txt"
    reference.write_text("\n".join(paragraphs(original)), encoding="utf-8")
    score = similarity(docx, reference)
    print(f"{imported.name}: word similarity {score:.3f}")
    assert score >= 0.95
    assert typed_numbers(result.document) == []
    return result


@pytest.mark.parametrize("source", PLANS_AND_REPORTS, ids=lambda p: p.stem)
def test_real_docx_imports_and_renders_back(source: Path, tmp_path: Path) -> None:
    result = _imports_like_the_original(source, source, tmp_path)
    assert result.document.signer is not None
    assert result.document.kind == ("bao_cao" if source.name.startswith("bc_") else "ke_hoach")
    assert sum(1 for _ in result.document.body) >= 2


@pytest.fixture(scope="module")
def real_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    exe = soffice_or_skip()
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("profile")
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(out), *map(str, PLANS_AND_REPORTS)], check=True, capture_output=True, timeout=600)
    return {p.stem: p for p in out.glob("*.pdf")}


@pytest.mark.parametrize("source", PLANS_AND_REPORTS, ids=lambda p: p.stem)
def test_real_pdf_imports_and_renders_back(source: Path, real_pdfs: dict[str, Path], tmp_path: Path) -> None:
    pdf = real_pdfs[source.stem]
    _imports_like_the_original(pdf, source, tmp_path)
