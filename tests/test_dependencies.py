"""Every library the package imports is declared in pyproject.toml, so `pip install .` on a fresh machine
brings it (CI once caught `openpyxl` missing: reports rendered in the repository but not after install)."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]
#: Imported only where they exist: LibreOffice's own Python (uno, com.sun.star) for the warm preview converter.
SYSTEM_ONLY = {"uno", "com"}


def _imported_top_levels() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "cchc_docgen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"cchc_docgen", "__future__"} - SYSTEM_ONLY


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + [s for extra in project["optional-dependencies"].values() for s in extra]
    return {_norm(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in specs}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_imported_library_is_declared() -> None:
    dists = packages_distributions()
    missing = {}
    for module in sorted(_imported_top_levels()):
        candidates = {_norm(d) for d in dists.get(module, [module])}
        if not candidates & _declared():
            missing[module] = sorted(candidates)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
