"""A plan with a body table, a two-row merged header and an appendix of several tables: the editor shows it and
saving a change keeps every table intact."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from cchc_docgen.loader import load_document
from tests.web.test_editor import _post

PLAN = Path(__file__).resolve().parents[1] / "data" / "tables" / "bang_bieu.yaml"
DOC = "th-lacdao/bang-bieu.yaml"


def test_saving_a_plan_with_tables_keeps_them(app_factory, data: Path) -> None:
    shutil.copy(PLAN, data / DOC)
    before = load_document(data / DOC)
    client = app_factory()
    page = client.get(f"/edit/{DOC}")
    assert page.status_code == 200
    assert "Đăng tin trên trang thông tin điện tử" in page.text  # the body table is shown
    fields = {k: html.unescape(v) for k, v in re.findall(r'name="([silcu]:[^"]+)" value="([^"]*)"', page.text)}
    fields["s:title"] = "Tuyên truyền cải cách hành chính năm 2026"
    assert _post(client, fields, rel=DOC).status_code == 303
    after = load_document(data / DOC)
    assert after.title == "Tuyên truyền cải cách hành chính năm 2026"
    assert after.body == before.body and after.appendices == before.appendices
