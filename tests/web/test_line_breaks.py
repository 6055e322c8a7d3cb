"""Issue 18 item 7: a field whose YAML marks line breaks with " | " (the issuer's name and parent body, the
trích yếu) is a box with one line per line, never a raw " | ", and is written back as " | " exactly."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_docgen.loader import load_document
from cchc_docgen.web.editorview import EditorView
from cchc_docgen.web.store import Loaded
from cchc_docgen.web.treeedit import apply_form
from cchc_docgen.yamlio import dump_roundtrip, parse_roundtrip
from tests.web.browser import field_box, require_browser, settled, shot, sign_in
from tests.web.conftest import make_data

DOC = "th-lacdao/ke-hoach.yaml"
YAML = ("kind: ke_hoach\nissuer:\n  parent: Phòng GD&ĐT | huyện Văn Lâm   # xuống dòng\n"
        "  name: Trường Tiểu học Lạc Đạo\n"
        "title: Tuyên truyền cải cách hành chính | năm 2025\nbody:\n  - title: Mục đích | yêu cầu\n")


def _view(text: str) -> EditorView:
    return EditorView(DOC, Loaded(Path(DOC), text, "v1", parse_roundtrip(text), None, []))


def test_a_line_broken_field_is_shown_one_line_per_line() -> None:
    view = _view(YAML)
    assert view.value("s", "issuer.parent") == "Phòng GD&ĐT\nhuyện Văn Lâm"
    assert view.value("s", "title") == "Tuyên truyền cải cách hành chính\nnăm 2025"
    assert view.value("s", "issuer.name") == "Trường Tiểu học Lạc Đạo"
    assert view.value("s", "body.0.title") == "Mục đích | yêu cầu"  # a section title has no line breaks


def test_the_round_trip_is_exact() -> None:
    tree = parse_roundtrip(YAML)
    assert apply_form(tree, {"s:issuer.parent": "Phòng GD&ĐT\nhuyện Văn Lâm",
                             "s:title": "Tuyên truyền cải cách hành chính\r\nnăm 2025"}) == 0
    assert dump_roundtrip(tree) == YAML  # unchanged boxes never rewrite the file
    assert apply_form(tree, {"s:issuer.parent": "Phòng GD&ĐT\nhuyện Văn Lâm, tỉnh Hưng Yên\n"}) == 1
    assert tree["issuer"]["parent"] == "Phòng GD&ĐT | huyện Văn Lâm, tỉnh Hưng Yên"
    assert apply_form(tree, {"s:issuer.name": "Trường Tiểu học\nLạc Đạo"}) == 1
    assert tree["issuer"]["name"] == "Trường Tiểu học | Lạc Đạo"
    assert apply_form(tree, {"s:title": "Tuyên truyền CCHC năm 2025"}) == 1  # one line: no " | " left
    assert tree["title"] == "Tuyên truyền CCHC năm 2025"


def test_the_editor_page_has_multi_line_boxes_and_a_field_save_writes_the_yaml_form(app_factory, data: Path) -> None:
    client = app_factory()
    page = client.get(f"/edit/{DOC}").text
    box = re.search(r'<textarea id="f-issuer\.parent" name="s:issuer\.parent" rows="(\d+)">([^<]*)</textarea>', page)
    assert box is not None, "the parent body is a multi-line box"
    assert int(box.group(1)) >= 2 and html.unescape(box.group(2)) == "Phòng GD&ĐT\nhuyện Văn Lâm"
    assert " | " not in re.sub(r"<!--.*?-->", "", page.split('id="editor"')[1])
    assert re.search(r'<textarea id="f-issuer\.name" name="s:issuer\.name"', page)
    token = page.split('name="csrf" value="')[1].split('"')[0]
    version = page.split('name="version" value="')[1].split('"')[0]
    answer = client.post(f"/save/{DOC}", data={"csrf": token, "name": "s:issuer.parent", "version": version,
                                               "value": "Phòng GD&ĐT\nhuyện Văn Lâm mới",
                                               "base": "Phòng GD&ĐT\nhuyện Văn Lâm"})
    assert answer.json()["status"] == "saved"
    assert "parent: Phòng GD&ĐT | huyện Văn Lâm mới" in (data / DOC).read_text(encoding="utf-8")


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[dict[str, Any]]:
    require_browser()
    from tests.web.server import served_chromium

    with served_chromium(make_data(tmp_path)) as served:
        yield served


@pytest.mark.slow
def test_in_chromium_two_lines_edit_one_save_reload(site: dict[str, Any]) -> None:
    page = sign_in(site)
    page.goto(f"{site['base']}/edit/{DOC}")
    page.locator("#editor").wait_for()
    box = field_box(page, "issuer.parent")
    assert box.evaluate("el => el.tagName") == "TEXTAREA"
    assert box.input_value() == "Phòng GD&ĐT\nhuyện Văn Lâm"
    assert box.evaluate("el => el.scrollHeight <= el.clientHeight + 2")  # both lines visible, no scrolling
    box.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" mới")
    page.locator("#f-abbreviation, [id='f-issuer.abbreviation']").first.click()  # leave the box: it saves
    settled(page)
    assert load_document(site["data"] / DOC).issuer.parent == "Phòng GD&ĐT | huyện Văn Lâm mới"
    page.reload()
    page.locator("#editor").wait_for()
    assert field_box(page, "issuer.parent").input_value() == "Phòng GD&ĐT\nhuyện Văn Lâm mới"
    field_box(page, "issuer.parent").scroll_into_view_if_needed()
    shot(page, "line-breaks-issuer")
