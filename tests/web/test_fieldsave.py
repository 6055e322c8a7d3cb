"""Field-by-field saves (issue 18): merge with other fields' changes, real conflicts with both texts, no field
limit, JSON answers for a lost session or a stale token, and a rewrite of only the changed part of the YAML."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from cchc_docgen.loader import load_document
from cchc_docgen.web import fieldsave
from cchc_docgen.web.editorview import DEFAULTS
from cchc_docgen.web.splice import Spliced
from cchc_docgen.web.treeedit import apply_form
from cchc_docgen.yamlio import dump_roundtrip, parse_roundtrip
from tests.web.bigdoc import write_long_plan
from tests.web.conftest import HERE, csrf

DOC = "th-lacdao/ke-hoach.yaml"
REAL = HERE / "data" / "bc_cchc_2025.yaml"


def _page(client, rel: str = DOC) -> tuple[str, str]:
    page = client.get(f"/edit/{rel}").text
    return page.split('name="csrf" value="')[1].split('"')[0], page.split('name="version" value="')[1].split('"')[0]


def _save(client, name: str, value: str, base: str, version: str, token: str, rel: str = DOC):
    return client.post(f"/save/{rel}", data={"csrf": token, "name": name, "value": value, "base": base,
                                             "version": version})


def test_one_field_is_saved_and_comments_stay(app_factory, data: Path) -> None:
    client = app_factory()
    token, version = _page(client)
    answer = _save(client, "s:title", "Tuyên truyền CCHC năm 2026", "Tuyên truyền cải cách hành chính năm 2025",
                   version, token)
    assert answer.status_code == 200 and answer.json()["status"] == "saved"
    assert answer.json()["version"] != version
    text = (data / DOC).read_text(encoding="utf-8")
    assert "title: Tuyên truyền CCHC năm 2026" in text and "# Cơ quan ban hành" in text
    assert load_document(data / DOC).title == "Tuyên truyền CCHC năm 2026"


def test_changes_to_different_fields_merge_and_the_same_field_is_a_conflict(app_factory, data: Path) -> None:
    one, two = app_factory(), app_factory()
    token1, version = _page(one)
    token2, _ = _page(two)
    doc = load_document(data / DOC)
    assert _save(one, "s:title", "Bản của tab 1", doc.title, version, token1).json()["status"] == "saved"
    merged = _save(two, "s:signer.name", "Người ký mới", doc.signer.name, version, token2)  # built before tab 1 saved
    assert merged.status_code == 200 and merged.json()["status"] == "merged"
    after = load_document(data / DOC)
    assert (after.title, after.signer.name) == ("Bản của tab 1", "Người ký mới")
    conflict = _save(two, "s:title", "Bản của tab 2", doc.title, version, token2)
    assert conflict.status_code == 409
    assert (conflict.json()["theirs"], conflict.json()["value"]) == ("Bản của tab 1", "Bản của tab 2")
    assert load_document(data / DOC).title == "Bản của tab 1"
    again = _save(two, "s:title", "Bản của tab 2", "Bản của tab 1", conflict.json()["version"], token2)
    assert again.json()["status"] == "saved" and load_document(data / DOC).title == "Bản của tab 2"


def test_a_file_changed_on_disk_in_the_same_field_is_never_overwritten(app_factory, data: Path) -> None:
    client = app_factory()
    token, version = _page(client)
    path = data / DOC
    changed = path.read_text(encoding="utf-8").replace("Tuyên truyền cải cách hành chính năm 2025", "Sửa trong tệp", 1)
    path.write_text(changed, encoding="utf-8")
    answer = _save(client, "s:title", "Bản trên trình duyệt", "Tuyên truyền cải cách hành chính năm 2025",
                   version, token)
    assert answer.status_code == 409 and answer.json()["theirs"] == "Sửa trong tệp"
    assert path.read_text(encoding="utf-8") == changed


def test_messages_come_back_with_the_field_path(app_factory) -> None:
    client = app_factory()
    token, version = _page(client)
    answer = _save(client, "s:issuer.name", "", "Trường Tiểu học Lạc Đạo", version, token).json()
    assert any(p["path"].startswith("issuer") for p in answer["problems"])


def test_an_expired_session_or_a_stale_token_answers_json(app_factory) -> None:
    client = app_factory()
    token, version = _page(client)
    assert _save(client, "s:title", "x", "", version, "not-the-token").json()["csrf"] is True
    client.cookies.clear()
    lost = _save(client, "s:title", "x", "", version, token)
    assert lost.status_code == 401 and lost.json()["login"] is True
    assert client.get("/session/token").status_code == 401


def test_another_units_document_cannot_be_saved(app_factory) -> None:
    client = app_factory("ht.khac")
    token = csrf(client)
    assert _save(client, "s:title", "x", "", "", token).status_code == 403


def test_the_editor_page_is_never_cached(app_factory) -> None:
    assert app_factory().get(f"/edit/{DOC}").headers["cache-control"] == "no-store"


def test_a_structure_button_after_another_tabs_structure_change_asks_for_a_reload(app_factory, data: Path) -> None:
    one, two = app_factory(), app_factory()
    token1, version = _page(one)
    token2, _ = _page(two)
    title = load_document(data / DOC).title
    saved = _save(one, "s:title", "Tiêu đề mới", title, version, token1).json()
    moved = one.post(f"/op/{DOC}", data={"csrf": token1, "op": "append|body", "version": version})
    assert moved.status_code == 200 and "/edit/" in moved.json()["url"]  # field saves do not move items
    assert len(load_document(data / DOC).body) == 4
    stale = two.post(f"/op/{DOC}", data={"csrf": token2, "op": "remove|body.0", "version": saved["version"]})
    assert stale.status_code == 409 and "tải lại trang" in stale.json()["message"]
    assert len(load_document(data / DOC).body) == 4
    # a box of that older page is not written either: its position may now be another section's
    late = _save(two, "s:body.0.title", "Mục của tab 2", load_document(data / DOC).body[0].title, version, token2)
    assert late.status_code == 409 and "tải lại trang" in late.json()["message"]
    assert load_document(data / DOC).body[0].title != "Mục của tab 2"


@pytest.mark.slow
def test_five_thousand_fields_have_no_limit(app_factory, data: Path) -> None:
    rel = "th-lacdao/nhieu-o.yaml"
    write_long_plan(data / rel, 300, 1, 1100)
    client = app_factory()
    page = client.get(f"/edit/{rel}").text
    assert page.count('name="c:appendices.0.rows.') + page.count('name="s:body.') >= 5000
    token, version = _page(client, rel)
    answer = _save(client, "c:appendices.0.rows.1099.lead", "Tổ 1", "Tổ chuyên môn 1", version, token, rel)
    assert answer.status_code == 200
    assert load_document(data / rel).appendices[0].rows[1099].cells()["lead"].paragraphs == ["Tổ 1"]
    # a page without script posts the whole form: more than Starlette's default 1,000 fields is accepted
    form = {"csrf": token, "version": answer.json()["version"]}
    form.update({f"c:appendices.0.rows.{i}.time": f"Tháng {i % 12 + 1}" for i in range(1100)})
    form["c:appendices.0.rows.0.time"] = "Tháng Giêng"
    whole = client.post(f"/edit/{rel}", data=form, follow_redirects=False)
    assert whole.status_code == 303
    assert load_document(data / rel).appendices[0].rows[0].cells()["time"].paragraphs == ["Tháng Giêng"]


def _leaf_fields(tree, path=()):
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _leaf_fields(v, (*path, k))
    elif isinstance(tree, list) and path and path[-1] in ("paragraphs", "bases", "closing"):
        yield "l:" + ".".join(map(str, path))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from _leaf_fields(v, (*path, i))
    elif isinstance(tree, str) and path and isinstance(path[-1], str):
        yield "s:" + ".".join(map(str, path))


@pytest.mark.parametrize("source", [REAL, HERE / "data" / "school_plan.yaml", HERE / "data" / "phong_plan.yaml"],
                         ids=lambda p: p.stem)
def test_rewriting_only_the_changed_part_gives_the_same_text_as_a_full_dump(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    tree = parse_roundtrip(text)
    spliced = Spliced.of(tree, text)
    assert spliced.root.render() == text
    names = sorted(set(_leaf_fields(tree)))
    rng = random.Random(18)
    for n in range(10):
        name = rng.choice(names)
        parts = [int(p) if p.isdigit() else p for p in name[2:].split(".")]
        value = f"Sửa {n}: có dấu “#”, dấu hai chấm: và 'nháy'" + ("\nDòng hai" if name[0] == "l" else "")
        chunk = spliced.prepare(parts)
        apply_form(tree, {name: value}, DEFAULTS)
        assert spliced.redo(chunk) == dump_roundtrip(tree), name
    if source == REAL:
        assert spliced.full_dumps == 0  # the real report never needed a whole-document dump


def test_a_save_rewrites_the_real_report_exactly_once_per_change(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.yaml"
    shutil.copy(REAL, path)
    version = fieldsave.values(path, [])[0]
    base = fieldsave.values(path, ["s:body.0.title"])[1]["s:body.0.title"]
    outcome = fieldsave.save_field(path, "s:body.0.title", "Chỉ đạo, điều hành", base, version)
    assert outcome.status == "saved"
    assert outcome.loaded.document == load_document(path)  # validated from memory: the same as the loader
    assert path.read_text(encoding="utf-8") == REAL.read_text(encoding="utf-8").replace(
        "  - title: Công tác chỉ đạo, điều hành CCHC\n", "  - title: Chỉ đạo, điều hành\n", 1)
