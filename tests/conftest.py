"""Shared fixtures: every example plan rendered once per test session."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))


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


def soffice_or_skip() -> str:
    """LibreOffice's binary; in CI (CI set) a missing LibreOffice is a failure, elsewhere a skip."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe:
        return exe
    if os.environ.get("CI"):
        pytest.fail("LibreOffice không có trên máy CI (.ci/run phải cài libreoffice-writer-nogui)")
    pytest.skip("LibreOffice chưa được cài trên máy này")
