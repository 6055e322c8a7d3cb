"""schema command, the generate.py shim, help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support.paths import PLANS, ROOT

from cchc_docgen.cli import main


def test_schema_is_json_with_vietnamese_descriptions(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"].startswith("cchc-docgen")
    assert {"issuer", "title", "body", "appendices", "signer", "recipients"} <= set(schema["properties"])
    assert "Trích yếu" in schema["properties"]["title"]["description"]
    assert schema["additionalProperties"] is False


def test_committed_schema_is_current(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (ROOT / "schema" / "cchc-docgen.schema.json").read_text(encoding="utf-8")


def test_every_plan_declares_the_schema() -> None:
    for plan in PLANS:
        first = plan.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/cchc-docgen.schema.json", plan.name


def test_generate_py_shim(tmp_path: Path) -> None:
    plan = next(p for p in PLANS if p.name.startswith("004"))
    proc = subprocess.run([sys.executable, str(ROOT / "generate.py"), str(plan), "-o", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / f"{plan.stem}.docx").is_file()


def test_help_lists_commands(capsys) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("render", "validate", "check", "schema"):
        assert command in out
