"""Paths and helpers shared by the tests (imported as ``support.paths``, never as ``conftest``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
SEEDS = ROOT / "tests" / "data" / "seeds"  # copies of ../shared/seeds (tests never read ../shared)


def soffice_or_skip() -> str:
    """LibreOffice's binary; in CI (CI set) a missing LibreOffice is a failure, elsewhere a skip."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe:
        return exe
    if os.environ.get("CI"):
        pytest.fail("LibreOffice không có trên máy CI (.ci/run phải cài libreoffice-writer-nogui)")
    pytest.skip("LibreOffice chưa được cài trên máy này")
