"""The structural comparison (tests/support/structure.py) over the real plans and reports: what the importer
already keeps (signer, recipients, number and date, headings per level) must stay kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.structure import as_signed, differences, structure

from tests.importer.helpers import REALDOCS, import_and_render

PLANS_AND_REPORTS = sorted(p for p in REALDOCS.glob("*.docx") if p.name.startswith(("kh_", "doc_kh_", "bc_")))


@pytest.mark.parametrize("source", PLANS_AND_REPORTS, ids=lambda p: p.stem)
def test_import_keeps_signer_recipients_number_date_and_headings(source: Path, tmp_path: Path) -> None:
    _, docx = import_and_render(source, tmp_path)
    expected, got = structure(source), structure(docx)
    assert expected.signer and expected.recipients  # the comparison reads the source at all
    kept = [d for d in differences(expected, got) if not d.startswith("tables")]
    assert kept == []


def test_comparison_tells_two_documents_apart() -> None:
    """The comparison can fail: a plan against a report differs in headings, tables, recipients and signer."""
    plan = structure(REALDOCS / "kh_tuyentruyen_cchc_2026.docx")
    report = structure(REALDOCS / "bc_quanly_hoi_2025.docx")
    found = " ".join(differences(plan, report))
    assert "headings" in found and "tables" in found and "recipients" in found


SIGNED = sorted((REALDOCS.parent / "signed").glob("*_signed.pdf"))


def test_signed_test_data_is_there() -> None:
    assert len(SIGNED) == len(PLANS_AND_REPORTS)


@pytest.mark.parametrize("pdf", SIGNED, ids=lambda p: p.stem)
def test_signed_pdf_keeps_the_stamped_number_and_day(pdf: Path, tmp_path: Path) -> None:
    """tools/make_signed_pdfs.py stamps "329" and "19" into the blanks as signature-field appearances."""
    result, docx = import_and_render(pdf, tmp_path)
    assert result.document.number == 329
    assert result.document.date is not None and result.document.date.day == 19
    origin = REALDOCS / f"{pdf.stem.removesuffix('_signed')}.docx"
    expected = as_signed(structure(origin), "329", "19")
    kept = [d for d in differences(expected, structure(docx)) if not d.startswith("tables")]
    assert kept == []
