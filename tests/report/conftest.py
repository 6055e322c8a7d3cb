"""Fixtures for report tests: seed 001's plan and a small plan with every kind of deadline."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import PLAN_001, SMALL_PLAN

from cchc_docgen.loader import load_document
from cchc_docgen.models import Document


@pytest.fixture(scope="session")
def plan_001() -> Document:
    return load_document(PLAN_001)


@pytest.fixture()
def small_plan(tmp_path: Path) -> Document:
    path = tmp_path / "kh.yaml"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    return load_document(path)
