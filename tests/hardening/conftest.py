"""Fixtures of the hardening suite; prints the fuzz figures (inputs tried per category, outcomes)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_sandbox import FIGURES, Sandbox


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox()
    yield box
    box.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not FIGURES:
        return
    terminalreporter.section("fuzz figures (issue #9): inputs tried per category and their outcomes")
    total: Counter[str] = Counter()
    for category in sorted(FIGURES):
        counts = FIGURES[category]
        total.update(counts)
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "inputs")
        terminalreporter.write_line(f"{category:<22} {counts['inputs']:>5} inputs: {detail}")
    detail = ", ".join(f"{k} {v}" for k, v in sorted(total.items()) if k != "inputs")
    terminalreporter.write_line(f"{'TOTAL':<22} {total['inputs']:>5} inputs: {detail}")
