"""docs/yaml-guide.md documents every key of the schema, every choice, with examples whose printed result is
what the tool prints; the committed JSON Schema accepts every example plan and the short forms."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.docxtext import paragraphs
from support.paths import PLANS, ROOT

from cchc_docgen.pipeline import render_plan

GUIDE = (ROOT / "docs" / "yaml-guide.md").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "schema" / "cchc-docgen.schema.json").read_text(encoding="utf-8"))


def _walk(node: Any, keys: set[str], choices: set[str]) -> None:
    if isinstance(node, dict):
        keys.update(node.get("properties", {}))
        choices.update(v for v in node.get("enum", []) if isinstance(v, str))
        if isinstance(node.get("const"), str):
            choices.add(node["const"])
        for value in node.values():
            _walk(value, keys, choices)
    elif isinstance(node, list):
        for value in node:
            _walk(value, keys, choices)


KEYS: set[str] = set()
CHOICES: set[str] = set()
_walk(SCHEMA, KEYS, CHOICES)


def _table_rows() -> list[list[str]]:
    rows = []
    for line in GUIDE.splitlines():
        if line.startswith("|") and not set(line) <= set("|- "):
            rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def test_the_schema_walk_finds_the_keys() -> None:
    assert {"issuer", "drafter", "group_numbering", "collective", "unit", "accept_warnings"} <= KEYS
    assert {"nested", "TM+KT", "per_group", "organization"} <= CHOICES


@pytest.mark.parametrize("key", sorted(KEYS))
def test_every_schema_key_has_a_row_with_example_and_printed_result(key: str) -> None:
    """A table row whose first cell names the key (`key`, `parent.key` or `key` (của …)) and whose other cells
    (example, printed result) are filled."""
    named = re.compile(rf"`(?:[\w.]+\.)?{re.escape(key)}`")
    rows = [r for r in _table_rows() if named.search(r[0])]
    assert rows, f"docs/yaml-guide.md does not document the key '{key}'"
    assert any(len(r) >= 3 and all(c and c != "…" for c in r[1:3]) for r in rows), rows


@pytest.mark.parametrize("choice", sorted(CHOICES))
def test_every_choice_is_documented(choice: str) -> None:
    in_code = re.compile(rf"`[^`\n]*(?<![\w+]){re.escape(choice)}(?![\w+])[^`\n]*`")
    assert in_code.search(GUIDE), f"docs/yaml-guide.md does not mention the value '{choice}'"


def test_the_guide_does_not_point_into_the_source() -> None:
    assert "cchc_docgen/" not in GUIDE and not re.search(r"\w\.py\b", GUIDE)


def _examples() -> list[tuple[str, list[str]]]:
    """(YAML fragment, printed lines) for every ```yaml block followed by 'In ra…:' and a plain block."""
    block = r"((?:(?!```).)*?)```"
    found = re.findall(rf"```yaml\n{block}\s*\n\s*In ra[^\n]*:\s*\n\s*```\n{block}", GUIDE, re.DOTALL)
    return [(fragment, [ln for ln in printed.splitlines() if ln.strip()]) for fragment, printed in found]


BASE: dict[str, Any] = {
    "issuer": {"parent": "UBND tỉnh Hưng Yên", "name": "Sở Giáo dục và Đào tạo", "abbreviation": "SGDĐT",
               "place": "Hưng Yên"},
    "date": dt.date(2024, 3, 16),
    "title": "Tuyên truyền cải cách hành chính năm 2024",
    "body": ["Nội dung."],
    "signer": {"authority": "KT", "head_title": "Giám đốc", "title": "Phó Giám đốc", "name": "Nguyễn Văn An"},
    "recipients": ["UBND tỉnh"],
    "closing": ["Trên đây là Kế hoạch"],
}


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _text(doc: Path) -> list[str]:
    return [" ".join(p.split()) for p in paragraphs(doc)]


def test_the_guide_has_printed_examples() -> None:
    assert len(_examples()) >= 7


@pytest.mark.parametrize("index", range(len(_examples())))
def test_guide_example_prints_what_the_guide_says(index: int, tmp_path: Path) -> None:
    fragment, printed = _examples()[index]
    plan = tmp_path / "vi_du.yaml"
    plan.write_text(yaml.safe_dump(_merge(BASE, yaml.safe_load(fragment)), allow_unicode=True), encoding="utf-8")
    got = _text(render_plan(plan, tmp_path / "out"))
    # a table row "1 | Rà soát | Xong" is its cells, one paragraph each; "…" stands for other paragraphs
    segments: list[list[str]] = [[]]
    for line in printed:
        if line.strip() == "…":
            segments.append([])
        else:
            segments[-1] += [" ".join(cell.split()) for cell in line.split("|") if cell.strip()]
    at = 0
    for want in segments:
        starts = [i for i in range(at, len(got)) if got[i] == want[0]]
        found = next((i for i in starts if got[i:i + len(want)] == want), None)
        assert found is not None, f"{want}\nnot in\n{got[at:]}"
        at = found + len(want)


def test_starter_plan_shows_nested_numbering(tmp_path: Path) -> None:
    starter = next(p for p in PLANS if p.stem == "mau_ke_hoach")
    text = _text(render_plan(starter, tmp_path))
    assert "2. Hình thức" in text
    assert any(line.startswith("2.1. ") for line in text) and any(line.startswith("2.2. ") for line in text)


# the JSON Schema (what VS Code checks as the user types) accepts what the tool accepts

def _as_editor_sees(value: Any) -> Any:
    """YAML as an editor's schema check sees it: dates are strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    return value


@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_committed_schema_accepts_the_example_plans(plan: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = _as_editor_sees(yaml.safe_load(plan.read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


@pytest.mark.parametrize(
    ("fragment", "valid"),
    [
        ({"date": "16/3/2024"}, True),
        ({"date": "2024"}, True),
        ({"date": 2024}, True),
        ({"date": {"year": 2024, "month": 3}}, True),
        ({"date": "ngày 16 tháng 3"}, False),
        ({"recipients": ["UBND tỉnh", {"name": "Sở Nội vụ", "note": "b/c"}]}, True),
        ({"archive": "VP"}, True),
        ({"archive": ["VP", "TCCB"]}, True),
        ({"archive": {"units": ["KGVX"], "drafter": "Thg(10)"}}, True),
        ({"accept_warnings": ["nam-cu@body[1]", "phu-luc"]}, True),
        ({"accept_warnings": ["nam_cu"]}, False),
        ({"body": ["Một dòng chữ.", {"title": "Mục", "items": ["a"]}]}, True),
    ],
)
def test_schema_accepts_the_short_forms(fragment: dict[str, Any], valid: bool) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = _as_editor_sees(_merge(BASE, fragment))
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))
    assert (not errors) == valid, errors
