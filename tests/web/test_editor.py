"""The editor: every change saved atomically with comments kept, messages per field, structure buttons,
conflicts, uploads."""

from __future__ import annotations

import re
from pathlib import Path

from cchc_docgen.loader import load_document
from tests.web.conftest import csrf

DOC = "th-lacdao/ke-hoach.yaml"


def _state(client, rel: str = DOC) -> tuple[str, str]:
    page = client.get(f"/edit/{rel}").text
    token = page.split('name="csrf" value="')[1].split('"')[0]
    version = page.split('name="version" value="')[1].split('"')[0]
    return token, version


def _post(client, fields: dict[str, str], op: str = "", rel: str = DOC, **headers: str):
    token, version = _state(client, rel)
    payload = {"csrf": token, "version": version, **fields}
    if op:
        payload["op"] = op
    headers = {k.replace("_", "-"): v for k, v in headers.items()}
    return client.post(f"/edit/{rel}", data=payload, headers=headers, follow_redirects=False)


def test_a_change_is_saved_to_the_yaml_file_and_comments_stay(app_factory, data: Path) -> None:
    client = app_factory()
    response = _post(client, {"s:title": "Tuyên truyền CCHC năm 2026", "s:body.0.items.0.title": "Mục tiêu chung"})
    assert response.status_code == 303
    text = (data / DOC).read_text(encoding="utf-8")
    assert "title: Tuyên truyền CCHC năm 2026" in text
    assert "# KẾ HOẠCH MẪU để bắt đầu" in text  # the file's header comment
    assert "# Cơ quan ban hành" in text  # an end-of-line comment
    doc = load_document(data / DOC)
    assert doc.title == "Tuyên truyền CCHC năm 2026"
    assert doc.body[0].items[0].title == "Mục tiêu chung"
    assert not list((data / "th-lacdao").glob(".*tmp"))  # atomic write left no temp file


def test_unchanged_fields_do_not_rewrite_the_file(app_factory, data: Path) -> None:
    client = app_factory()
    before = (data / DOC).read_text(encoding="utf-8")
    page = client.get(f"/edit/{DOC}").text
    fields = dict(re.findall(r'name="([silcu]:[^"]+)" value="([^"]*)"', page))
    fields.update(re.findall(r'name="([silcu]:[^"]+)"[^>]*>([^<]*)</textarea>', page))  # multi-line boxes too
    assert "s:issuer.name" in fields and len(fields) > 10
    import html

    assert _post(client, {k: html.unescape(v) for k, v in fields.items()}).status_code == 303
    assert (data / DOC).read_text(encoding="utf-8") == before


def test_a_bad_date_is_shown_next_to_the_date_then_fixed(app_factory, data: Path) -> None:
    client = app_factory()
    response = _post(client, {"i:date.day": "31", "i:date.month": "2", "i:date.year": "2025"}, HX_Request="true")
    assert response.status_code == 200
    date_block = response.text.split('id="n-date"')[1].split("</fieldset>")[0]
    assert "ngày 31/02/2025 không có trên lịch." in date_block
    assert "day: 31" in (data / DOC).read_text(encoding="utf-8")  # kept, so nothing typed is lost
    assert client.get(f"/preview/{DOC}").status_code == 409  # no output from a document with errors
    response = _post(client, {"i:date.day": "28", "i:date.month": "2", "i:date.year": "2025"}, HX_Request="true")
    assert "không có trên lịch" not in response.text
    assert "date: 2025-02-28" in (data / DOC).read_text(encoding="utf-8")


def test_an_empty_required_field_gets_its_message(app_factory) -> None:
    client = app_factory()
    response = _post(client, {"s:signer.name": ""}, HX_Request="true")
    assert 'id="n-signer"' in response.text
    signer = response.text.split('id="n-signer"')[1].split("</fieldset>")[0]
    assert 'class="error"' in signer and "name" in signer


def test_structure_buttons(app_factory, data: Path) -> None:
    client = app_factory()
    first = load_document(data / DOC)
    titles = [n.title for n in first.body]
    _post(client, {}, "down|body.0")
    assert [n.title for n in load_document(data / DOC).body] == [titles[1], titles[0], *titles[2:]]
    _post(client, {}, "up|body.1")
    assert [n.title for n in load_document(data / DOC).body] == titles
    _post(client, {}, "child|body.0")
    added = load_document(data / DOC).body[0].items[-1]
    assert added.text == "Nội dung mới"
    count = len(load_document(data / DOC).body[0].items)
    _post(client, {}, f"indent|body.0.items.{count - 1}")
    doc = load_document(data / DOC)
    assert len(doc.body[0].items) == count - 1 and doc.body[0].items[-1].items[-1].text == "Nội dung mới"
    _post(client, {}, f"outdent|body.0.items.{count - 2}.items.{len(doc.body[0].items[-1].items) - 1}")
    assert load_document(data / DOC).body[0].items[-1].text == "Nội dung mới"
    _post(client, {}, f"remove|body.0.items.{count - 1}")
    assert load_document(data / DOC).body == first.body
    _post(client, {}, "append|body")
    assert load_document(data / DOC).body[-1].text == "Nội dung mới"


def test_task_table_rows(app_factory, data: Path) -> None:
    client = app_factory()
    rows = load_document(data / DOC).appendices[0].rows
    _post(client, {}, "append|appendices.0.rows")
    new = load_document(data / DOC).appendices[0].rows
    assert len(new) == len(rows) + 1
    last = len(new) - 1
    key = next(iter(new[-1].cells()))
    _post(client, {f"c:appendices.0.rows.{last}.{key}": "Treo băng rôn\nPhát tờ rơi"}, f"up|appendices.0.rows.{last}")
    moved = load_document(data / DOC).appendices[0].rows[last - 1]
    assert moved.cells()[key].paragraphs == ["Treo băng rôn", "Phát tờ rơi"]
    _post(client, {}, f"group_after|appendices.0.rows.{last}")
    assert load_document(data / DOC).appendices[0].rows[last + 1].group == "Nhóm nhiệm vụ mới"
    _post(client, {}, f"remove|appendices.0.rows.{last + 1}")
    _post(client, {}, f"remove|appendices.0.rows.{last - 1}")
    assert load_document(data / DOC).appendices[0].rows == rows


def test_signer_and_recipients(app_factory, data: Path) -> None:
    client = app_factory()
    _post(client, {"s:signer.name": "Trần Thị B"}, "append|recipients")
    doc = load_document(data / DOC)
    assert doc.signer is not None and doc.signer.name == "Trần Thị B"
    assert doc.recipients[-1].name == "Nơi nhận mới"
    last = len(doc.recipients) - 1
    _post(client, {f"s:recipients.{last}.name": "Phòng GD&ĐT", f"s:recipients.{last}.note": "b/c"})
    assert load_document(data / DOC).recipients[-1].note == "b/c"


def test_a_file_changed_on_disk_meanwhile_is_never_overwritten(app_factory, data: Path) -> None:
    client = app_factory()
    token, version = _state(client)
    path = data / DOC
    changed = path.read_text(encoding="utf-8").replace("Tuyên truyền cải cách hành chính năm 2025",
                                                      "Sửa trực tiếp trong tệp", 1)
    path.write_text(changed, encoding="utf-8")
    response = client.post(f"/edit/{DOC}", data={"csrf": token, "version": version, "s:title": "Bản trên trình duyệt"})
    assert response.status_code == 409
    assert "tệp này vừa được thay đổi ở nơi khác" in response.text
    assert path.read_text(encoding="utf-8") == changed  # the other change is kept
    drafts = list((data / ".cchc" / "drafts").rglob("ke-hoach-*.yaml"))
    assert len(drafts) == 1 and "Bản trên trình duyệt" in drafts[0].read_text(encoding="utf-8")  # and ours too
    assert drafts[0].name in response.text


def test_two_people_editing_the_same_file(app_factory, data: Path) -> None:
    phong, school = app_factory("pgd"), app_factory("ht.lacdao")
    token_a, version = _state(phong)
    token_b, version_b = _state(school)
    assert version == version_b
    ok = school.post(f"/edit/{DOC}", data={"csrf": token_b, "version": version_b, "s:title": "Bản của trường"},
                     follow_redirects=False)
    assert ok.status_code == 303
    late = phong.post(f"/edit/{DOC}", data={"csrf": token_a, "version": version, "s:title": "Bản của Phòng"})
    assert late.status_code == 409
    assert load_document(data / DOC).title == "Bản của trường"


def test_quick_saves_from_one_browser_are_not_conflicts(app_factory, data: Path) -> None:
    client = app_factory()
    token, version = _state(client)
    for title in ("Một", "Hai"):  # the second request was built before the first came back
        response = client.post(f"/edit/{DOC}", data={"csrf": token, "version": version, "s:title": title},
                               follow_redirects=False)
        assert response.status_code == 303
    assert load_document(data / DOC).title == "Hai"


def test_broken_yaml_is_reported_not_edited(app_factory, data: Path) -> None:
    (data / DOC).write_text("title: [unclosed\n", encoding="utf-8")
    client = app_factory()
    page = client.get(f"/edit/{DOC}")
    assert page.status_code == 200 and "lỗi" in page.text
    response = _post(client, {"s:title": "x"})
    assert response.status_code == 409 and "lỗi cú pháp" in response.text
    assert (data / DOC).read_text(encoding="utf-8") == "title: [unclosed\n"


def test_uploads_are_limited_in_size_and_type(app_factory) -> None:
    client = app_factory(max_upload=1024 * 1024)
    token = csrf(client, "/check")
    big = b"PK" + b"\0" * (3 * 1024 * 1024)
    response = client.post("/check", data={"csrf": token}, files={"file": ("big.docx", big)})
    assert response.status_code == 413 and "quá lớn" in response.text
    response = client.post("/check", data={"csrf": token}, files={"file": ("x.exe", b"MZ")})
    assert response.status_code == 415 and "không đúng loại" in response.text
    response = client.post("/check", data={"csrf": token}, files={"file": ("hong.docx", b"not a zip")})
    assert response.status_code == 400 and "không phải văn bản Word" in response.text
    response = client.post("/check", data={"csrf": token}, files={"file": ("hong.docx", b"PK\3\4broken zip")})
    assert response.status_code == 400 and "Không đọc được tệp" in response.text
    response = client.post("/check", data={"csrf": token})
    assert response.status_code == 400 and "Chưa chọn tệp" in response.text


def test_what_a_browser_sends_for_untouched_short_forms_changes_nothing(tmp_path: Path) -> None:
    """A browser sends the first option of a choice and the text of every short-form item: no rewrite."""
    from cchc_docgen.web.editorview import DEFAULTS
    from cchc_docgen.web.treeedit import apply_form
    from cchc_docgen.yamlio import dump_roundtrip, parse_roundtrip

    text = "body:\n  - title: A\n    items:\n      - Một dòng chữ ngắn\n"
    tree = parse_roundtrip(text)
    form = {"s:body.0.items.0.numbering": "auto", "s:body.0.items.0.text": "Một dòng chữ ngắn",
            "s:body.0.items.0.title": "", "s:body.0.items.0.role": "", "s:body.0.numbering": "auto"}
    for order in (form, dict(reversed(list(form.items())))):
        assert apply_form(tree, order, DEFAULTS) == 0
        assert dump_roundtrip(tree) == text
    assert apply_form(tree, {"s:body.0.items.0.numbering": "dash"}, DEFAULTS) == 1
    assert "text: Một dòng chữ ngắn" in dump_roundtrip(tree) and "numbering: dash" in dump_roundtrip(tree)


def test_appendix_added_and_removed(app_factory, data: Path) -> None:
    client = app_factory()
    before = load_document(data / DOC).appendices
    _post(client, {}, "append|appendices")
    doc = load_document(data / DOC)
    assert len(doc.appendices) == len(before) + 1
    added = doc.appendices[-1]
    assert [c.key for c in added.columns][:2] == ["tt", "task"] and added.rows[0].cells()["task"].paragraphs
    page = client.get(f"/edit/{DOC}").text
    assert f'id="n-appendices.{len(before)}"' in page
    _post(client, {}, f"remove|appendices.{len(before)}")
    assert load_document(data / DOC).appendices == before


def test_footnotes_are_edited(app_factory, data: Path) -> None:
    path = data / DOC
    text = path.read_text(encoding="utf-8").replace("title: Tuyên truyền cải cách hành chính năm 2025",
                                                    "title: Tuyên truyền cải cách hành chính năm 2025[^nd]", 1)
    path.write_text(text + "footnotes:\n  nd: [Nghị định số 30/2020/NĐ-CP]\n", encoding="utf-8")
    client = app_factory()
    assert 'name="l:footnotes.nd"' in client.get(f"/edit/{DOC}").text
    _post(client, {"l:footnotes.nd": "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020\nVề công tác văn thư"})
    assert load_document(path).footnotes["nd"] == ["Nghị định số 30/2020/NĐ-CP ngày 05/3/2020", "Về công tác văn thư"]
