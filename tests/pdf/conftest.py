"""Fixtures for the PDF tests (helpers live in ``pdf_helpers``)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdf_helpers import FakeSoffice, skip_or_fail

from cchc_docgen.pdf import find_soffice


@pytest.fixture
def soffice() -> str:
    """The real LibreOffice executable (skips without it, except in CI)."""
    found = find_soffice()
    if found is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
    assert found is not None
    return found


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make ``tempfile`` use a directory of this test only, so that its profiles and
    processes (their command lines name the profile) can be found afterwards."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSoffice]:
    if sys.platform == "win32":
        pytest.skip("the fake soffice is a POSIX script")
    directory = tmp_path / "bin"
    directory.mkdir()
    fake = FakeSoffice(directory)
    monkeypatch.setenv("PATH", f"{directory}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(fake.log))
    yield fake
