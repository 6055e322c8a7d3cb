"""The structural comparison (tests/support/structure.py) over the real plans and reports: what the importer
already keeps (signer, recipients, number and date, headings per level) must stay kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.structure import differences, structure

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
