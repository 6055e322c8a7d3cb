"""Issue 19: a DOCX with a paragraph over the YAML limit imported with exit 0, then the YAML failed validate."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from support.paths import ROOT

from cchc_docgen import limits
from cchc_docgen.cli import main


def test_paragraph_over_the_limit_is_refused_with_advice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.docx"
    assert main(["render", str(ROOT / "plans" / "mau_ke_hoach.yaml"), "-o", str(tmp_path)]) == 0
    document = docx.Document(str(tmp_path / "mau_ke_hoach.docx"))
    body = [p for p in document.paragraphs if len(p.text) > 80]
    assert body
    body[0].runs[0].text = "Nội dung rất dài " * (limits.MAX_STRING // 16 + 500)
    document.save(str(plan))
    capsys.readouterr()
    out = tmp_path / "plan.yaml"
    assert main(["import", str(plan), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "vượt giới hạn" in err and "chia đoạn" in err and "Traceback" not in err
    assert not out.exists()

