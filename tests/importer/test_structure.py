"""The structural comparison (tests/support/structure.py) over the real plans and reports: headings per level,
tables (rows × columns, merged cells), signer, recipients, number and date come back after import and render.
A frame (a one-row or one-column table around text) comes back as its paragraphs, by design."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.structure import as_signed, differences, structure

from tests.importer.helpers import REALDOCS, import_and_render

PLANS_AND_REPORTS = sorted(p for p in REALDOCS.glob("*.docx") if p.name.startswith(("kh_", "doc_kh_", "bc_")))


@pytest.mark.parametrize("source", PLANS_AND_REPORTS, ids=lambda p: p.stem)
def test_import_keeps_the_structure(source: Path, tmp_path: Path) -> None:
    result, docx = import_and_render(source, tmp_path)
    expected, got = structure(source), structure(docx)
    assert expected.signer and expected.recipients  # the comparison reads the source at all
    # a report whose Biểu mẫu are read as the official forms ('report:') prints them again from the forms' data
    # files, in the official layout, so its tables are not the source's shapes
    skip = ("frames", "tables") if result.document.report is not None else ("frames",)
    assert [d for d in differences(expected, got) if not d.startswith(skip)] == []


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
    assert any("Ký bởi" in u.text for u in result.unplaced)  # the signature box's lines, reported as unused
    origin = REALDOCS / f"{pdf.stem.removesuffix('_signed')}.docx"
    expected = as_signed(structure(origin), "329", "19")
    # from a PDF, two tables of the same width on facing pages may still be read as one continued table
    kept = [d for d in differences(expected, structure(docx)) if not d.startswith(("tables", "frames"))]
    assert kept == []
