"""Shared fixtures: every example plan rendered once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support.paths import PLANS


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.txt from the output")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """stem → rendered DOCX of every plan in plans/."""
    from cchc_docgen.pipeline import render_plan

    out = tmp_path_factory.mktemp("rendered")
    return {plan.stem: render_plan(plan, out) for plan in PLANS}
