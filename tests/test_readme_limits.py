"""The README's limits table tells the truth: every figure in it is the constant its row names, and every bound
constant of the modules that hold them has a row."""

from __future__ import annotations

import importlib
import re
from typing import Any

from support.paths import ROOT

MIB, GIB = 1024 * 1024, 1024 * 1024 * 1024
#: Modules whose numeric UPPER_CASE constants are all bounds the program applies: each must be in the table.
BOUND_MODULES = ["limits", "sheetread", "template_cache", "web.store", "web.converter", "web.throttle",
                 "web.preview", "web.paths", "web.flash", "web.saving"]
NOT_BOUNDS = {"web.flash.LINE"}  # characters kept of one flash line: a display choice


def _rows() -> list[tuple[str, list[str]]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Giới hạn và an toàn", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4 and "`" in cells[3]:
            rows.append((cells[1], re.findall(r"`([\w.]+)(?:\(\))?`", cells[3])))
    return rows


def _value(name: str) -> Any:
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: Any = importlib.import_module("cchc_docgen." + ".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise AssertionError(f"{name} is not in cchc_docgen")


def _grouped(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def _shown(name: str, value: Any) -> str | None:
    """How the README writes ``value`` of constant ``name`` (``None``: a function, not a figure)."""
    if callable(value):
        return None
    last = name.rsplit(".", 1)[-1].lower()
    if last.endswith(("_bytes", "_unzipped", "_inflated", "upload")) and last != "max_name_bytes" and \
            last != "max_path_bytes" and value >= MIB:
        return f"{value // GIB} GB" if value % GIB == 0 else f"{value / MIB:g} MB"
    if last.endswith("_bytes") or (last == "budget" and "flash" in name):
        return f"{_grouped(value)} byte"
    if last.endswith("_mb"):
        return f"{_grouped(value)} MB"
    if "second" in last or "timeout" in last or "wait" in last or "window" in last:
        if value >= 3600 and value % 3600 == 0:
            return f"{value // 3600:g} giờ"
        if value >= 120 and value % 60 == 0:
            return f"{value // 60:g} phút"
        return f"{value:g} giây"
    return _grouped(int(value))


def test_every_figure_in_the_limits_table_is_its_constant() -> None:
    rows = _rows()
    assert len(rows) >= 25
    for cell, names in rows:
        position = 0
        for name in names:
            shown = _shown(name, _value(name))
            if shown is None:
                continue
            found = cell.find(shown, position)
            assert found >= 0, f"README limits table: {name} = {shown!r} is not in {cell!r} (in order)"
            position = found + len(shown)


def test_every_bound_constant_has_a_row() -> None:
    listed = {name for _, names in _rows() for name in names}
    missing = []
    for module in BOUND_MODULES:
        mod = importlib.import_module("cchc_docgen." + module)
        for attr, value in vars(mod).items():
            full = f"{module}.{attr}"
            bound = attr.isupper() and isinstance(value, (int, float)) and not isinstance(value, bool)
            if bound and not attr.startswith("_") and full not in NOT_BOUNDS and full not in listed:
                missing.append(full)
    assert not missing, f"bounds missing from the README limits table: {missing}"
