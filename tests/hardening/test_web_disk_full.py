"""Issue #19: a full disk on the server: every page that writes (whole-form save, field save, structure edit,
new report, import, upload for check) answers 507 with a Vietnamese page that says to free space, never a
traceback or 500; the file on disk is untouched and nothing half-written is left."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from support.fulldisk import full_disk
from support.paths import ROOT

from cchc_docgen.web.app import create_app
from cchc_docgen.web.settings import Settings

PLAN = ROOT / "tests" / "web" / "data" / "school_plan.yaml"
DOCX = ROOT / "tests" / "data" / "realdocs" / "kh_tuyentruyen_cchc_2026.docx"
DOC = "th-a/ke-hoach.yaml"
BASE = "http://127.0.0.1"


@pytest.fixture()
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    (data / "th-a").mkdir(parents=True)
    shutil.copy(PLAN, data / DOC)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # uploads are written here first
    app = create_app(Settings(data=data, warm_converter=False))
    with TestClient(app, base_url=BASE) as client:
        yield client, data, scratch


def _form(client: TestClient, url: str) -> dict[str, str]:
    page = client.get(url).text
    found = {"csrf": page.split('name="csrf" value="')[1].split('"')[0]}
    if 'name="version" value="' in page:
        found["version"] = page.split('name="version" value="')[1].split('"')[0]
    return found


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".cchc" not in p.parts}


def _requests(client: TestClient) -> dict[str, object]:
    edit = _form(client, f"/edit/{DOC}")
    title = "Tuyên truyền cải cách hành chính năm 2025"
    return {
        "whole-form save": lambda: client.post(f"/edit/{DOC}", data={**edit, "s:title": "Mới"}),
        "field save": lambda: client.post(f"/save/{DOC}", data={**edit, "name": "s:title", "value": "Mới",
                                                                 "base": title}),
        "structure edit": lambda: client.post(f"/op/{DOC}", data={**edit, "op": "append|body"}),
        "new report": lambda: client.post("/new/report", data={"csrf": edit["csrf"], "plan": DOC, "period": "q1",
                                                               "year": "2025"}),
        "import": lambda: client.post("/new/import", data={"csrf": edit["csrf"]},
                                      files={"file": ("kh.docx", DOCX.read_bytes())}),
        "check upload": lambda: client.post("/check", data={"csrf": edit["csrf"]},
                                            files={"file": ("kh.docx", DOCX.read_bytes())}),
    }


@pytest.mark.parametrize("what", ["whole-form save", "field save", "structure edit", "new report", "import",
                                  "check upload"])
def test_full_disk_answers_507_in_vietnamese_and_keeps_the_files(site, what: str,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    client, data, scratch = site
    send = _requests(client)[what]
    before = _snapshot(data)
    full_disk(monkeypatch, data, 0)
    full_disk(monkeypatch, scratch, 0)
    answer = send()  # type: ignore[operator]
    assert answer.status_code == 507, (answer.status_code, answer.text[:500])
    assert "ổ đĩa" in answer.text.lower() and "đầy" in answer.text and "giải phóng" in answer.text
    assert "Traceback" not in answer.text and str(data) not in answer.text and str(scratch) not in answer.text
    assert _snapshot(data) == before
    assert not [p for p in data.rglob("*") if "tmp" in p.name]
