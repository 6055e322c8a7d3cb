"""End to end in a real browser: a principal derives, edits, previews and downloads the school plan, makes the
quarterly report; another unit cannot open them; bad input gets clear messages. Screenshots of every page are
saved under tmp/artifacts (CCHC_ARTIFACTS)."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_docgen.checker import check_docx
from cchc_docgen.cli import main
from cchc_docgen.loader import load_document
from tests.web.browser import ARGS, CHROMIUM, PHONE, WIDE, field_box, fits_width, require_browser, settled, shot
from tests.web.conftest import HERE, PASSWORD, make_data
from tests.web.server import running

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    require_browser()
    from playwright.sync_api import sync_playwright

    data = make_data(tmp_path_factory.mktemp("browser"))
    shutil.copy(HERE / "data" / "phong_plan.yaml", data / "pgd-vanlam" / "ke-hoach-phong.yaml")
    with running(data) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield {"base": base, "data": data, "browser": browser}
        finally:
            browser.close()


def signed_in(site: dict[str, Any], username: str, viewport: dict[str, int] = WIDE) -> Any:
    context = site["browser"].new_context(viewport=viewport, accept_downloads=True, locale="vi-VN")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site["base"] + "/")
    assert "/login" in page.url
    shot(page, "00-login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(site["base"] + "/")
    return page


def autosave(page: Any, action: Any, url_part: str = "/save/") -> None:
    """Run ``action`` and wait for the saves it triggers to come back (the editor and the report page save field
    by field; a structure button reloads the editor)."""
    if url_part == "/save/":
        action()
        settled(page)
        return
    with page.expect_response(lambda r: url_part in r.url and r.request.method == "POST") as info:
        action()
    assert info.value.status == 200, info.value.text()
    if url_part == "/op/":
        page.wait_for_url("**/edit/**?v=**")
        page.locator("#editor").wait_for()
    page.wait_for_timeout(50)  # let htmx swap the form in


def field(page: Any, path: str) -> Any:
    return field_box(page, path)


def download_and_check(page: Any, link: str, target: Path) -> None:
    with page.expect_download() as info:
        page.get_by_role("link", name=link).first.click()
    info.value.save_as(target)
    findings = check_docx(target)
    assert findings == [], [f.to_dict() for f in findings]
    assert main(["check", "--strict", str(target)]) == 0


def forbidden_everywhere(site: dict[str, Any], rel: str, username: str = "ht.khac") -> None:
    page = signed_in(site, username)
    library = page.content()
    assert rel not in library
    response = page.goto(f"{site['base']}/edit/{rel}")
    assert response.status == 403
    assert "không có quyền" in page.content()
    shot(page, "403-other-unit")
    guessed = rel.rsplit("/", 1)[0] + "/ke-hoach-2023.yaml"
    urls = (f"/preview/{rel}", f"/download/docx/{rel}", f"/download/pdf/{rel}", f"/status/{rel}", f"/edit/{guessed}")
    for url in urls:
        assert page.request.get(site["base"] + url).status == 403, url
    token = page.locator('input[name="csrf"]').first.get_attribute("value")
    assert page.request.post(f"{site['base']}/edit/{rel}", form={"csrf": token, "s:title": "x"}).status == 403
    one = {"csrf": token, "name": "s:title", "value": "x", "base": "", "version": ""}
    assert page.request.post(f"{site['base']}/save/{rel}", form=one).status == 403
    page.context.close()


def test_principal_makes_the_school_plan(site: dict[str, Any], tmp_path: Path) -> None:
    page = signed_in(site, "ht.lacdao")
    shot(page, "01-library")
    page.get_by_role("link", name="Tạo kế hoạch cho đơn vị").first.click()
    page.get_by_label("Chọn trong thư viện").select_option("pgd-vanlam/ke-hoach-phong.yaml")
    page.locator("#u-name").fill("Trường Tiểu học Lạc Đạo")
    page.locator("#u-parent").fill("Phòng GD&ĐT huyện Văn Lâm")
    page.locator("#u-abbreviation").fill("THLĐ")
    page.locator("#u-place").fill("Văn Lâm")
    page.locator("#u-category").select_option("tieu_hoc")
    page.locator("#u-head-name").fill("Nguyễn Thị Hoa")
    page.locator("#u-dep-0-title").fill("Phó Hiệu trưởng")
    page.locator("#u-dep-0-name").fill("Trần Văn Minh")
    page.locator("#u-dep-0-duty").fill("phụ trách công tác tuyên truyền")
    shot(page, "02-new-plan-form")
    page.get_by_role("button", name="Lập kế hoạch").click()
    page.wait_for_url("**/edit/th-lacdao/**")
    rel = page.url.split("/edit/", 1)[1].split("?")[0]
    path = site["data"] / rel
    assert load_document(path).issuer.name == "Trường Tiểu học Lạc Đạo"
    shot(page, "03-editor")

    # a section: change a heading; it is saved to the YAML file as soon as the field is left, and the page
    # stays where it was
    field(page, "body.0.title").scroll_into_view_if_needed()
    scrolled = page.evaluate("window.scrollY")
    autosave(page, lambda: (field(page, "body.0.title").fill("MỤC ĐÍCH, YÊU CẦU CỦA NHÀ TRƯỜNG"),
                            field(page, "body.0.title").press("Tab")))
    assert abs(page.evaluate("window.scrollY") - scrolled) < 5
    assert load_document(path).body[0].title == "MỤC ĐÍCH, YÊU CẦU CỦA NHÀ TRƯỜNG"
    # a task row: edit a cell, then move the row down
    doc = load_document(path)
    rows = doc.appendices[0].rows
    index = next(i for i, r in enumerate(rows) if not r.group and "task" in r.cells())
    cell = field(page, f"appendices.0.rows.{index}.task")
    autosave(page, lambda: (cell.fill("Xây dựng Kế hoạch tuyên truyền CCHC của nhà trường"), cell.press("Tab")))
    assert load_document(path).appendices[0].rows[index].cells()["task"].paragraphs == [
        "Xây dựng Kế hoạch tuyên truyền CCHC của nhà trường"]
    row = page.locator(f'[id="n-appendices.0.rows.{index}"]')
    autosave(page, lambda: row.get_by_role("button", name="Chuyển dòng này xuống").click(), "/op/")
    assert load_document(path).appendices[0].rows[index + 1].cells()["task"].paragraphs == [
        "Xây dựng Kế hoạch tuyên truyền CCHC của nhà trường"]
    shot(page, "04-editor-table")

    # a bad date: the message shows next to the date; fixing it removes the message
    autosave(page, lambda: (field(page, "date.day").fill("31"), field(page, "date.month").fill("2"),
                            field(page, "date.year").fill("2023"), field(page, "date.year").press("Tab")))
    message = page.locator('[id="n-date"] .error')
    assert "31/02/2023 không có trên lịch" in message.first.inner_text()
    page.locator('[id="n-date"]').scroll_into_view_if_needed()
    shot(page, "05-bad-date")
    autosave(page, lambda: (field(page, "date.day").fill("28"), field(page, "date.day").press("Tab")))
    assert page.locator('[id="n-date"] .error').count() == 0
    doc = load_document(path)
    assert doc.date is not None and (doc.date.day, doc.date.month) == (28, 2)

    # typed but never left the field, then the page is left: the text is still saved
    closing = field(page, "closing")
    closing.fill("Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2023 của nhà trường")
    page.goto(site["base"] + "/")
    expected = ["Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2023 của nhà trường"]
    for _ in range(100):  # the beacon is sent as the page goes away; give the server a moment
        if load_document(path).closing == expected:
            break
        page.wait_for_timeout(100)
    assert load_document(path).closing == expected
    page.goto(f"{site['base']}/edit/{rel}")

    # preview, then the DOCX passes check --strict
    page.get_by_role("link", name="Xem trước").first.click()
    page.wait_for_url("**/preview/**")
    first = page.locator(".pages img").first
    first.wait_for()
    page.wait_for_function("document.querySelector('.pages img').naturalWidth > 0")
    assert page.locator(".pages img").count() >= 2
    shot(page, "06-preview")
    download_and_check(page, "Tải DOCX", tmp_path / "ke-hoach.docx")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Tải PDF").click()
    assert pdf.value.path().read_bytes()[:4] == b"%PDF"

    # the same pages on a phone
    on_phone(page, site, [("/", "07-phone-library"), (f"/edit/{rel}", "08-phone-editor"),
                          (f"/preview/{rel}", "09-phone-preview"), ("/new/plan", "10-phone-new-plan")])
    page.context.close()

    forbidden_everywhere(site, rel)


def on_phone(page: Any, site: dict[str, Any], pages: list[tuple[str, str]]) -> None:
    """Open ``pages`` (url, screenshot name) signed in as ``page``'s user on a phone-sized screen: no page may
    scroll sideways, and each is kept as a screenshot."""
    phone = page.context.browser.new_context(viewport=PHONE, storage_state=page.context.storage_state())
    small = phone.new_page()
    for url, name in pages:
        small.goto(site["base"] + url)
        assert fits_width(small), url
        shot(small, name)
    phone.close()


def test_principal_makes_the_quarterly_report(site: dict[str, Any], tmp_path: Path) -> None:
    from cchc_docgen.derive import derive_file
    from cchc_docgen.models.unit import Unit

    unit = Unit.model_validate({"name": "Trường Tiểu học Lạc Đạo", "abbreviation": "THLĐ", "place": "Văn Lâm",
                                "category": "tieu_hoc", "head": {"title": "Hiệu trưởng", "name": "Nguyễn Thị Hoa"}})
    plan = derive_file(site["data"] / "pgd-vanlam" / "ke-hoach-phong.yaml", unit)
    text = plan.yaml_text.replace("date:", "number: 3\ndate:", 1) if "number:" not in plan.yaml_text else plan.yaml_text
    (site["data"] / "th-lacdao" / "ke-hoach-bao-cao.yaml").write_text(text, encoding="utf-8")

    page = signed_in(site, "ht.lacdao")
    page.get_by_role("link", name="Báo cáo").first.click()
    page.locator("select[name=plan]").select_option("th-lacdao/ke-hoach-bao-cao.yaml")
    page.locator("select[name=period]").select_option("q1")
    page.locator("input[name=year]").fill("")
    shot(page, "11-new-report")
    page.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_url("**/status/th-lacdao/**")
    rel = page.url.split("/status/", 1)[1].split("?")[0]
    path = site["data"] / rel
    report = load_document(path)
    assert report.kind == "bao_cao" and report.report is not None
    tasks = [i for i, t in enumerate(report.report.tasks) if t.task]
    assert len(tasks) >= 3
    chosen = ["hoàn thành", "đang thực hiện", "hoàn thành"]
    for i, status in zip(tasks, chosen, strict=False):
        autosave(page, lambda i=i, status=status: field(page, f"report.tasks.{i}.status").select_option(status))
    result = field(page, f"report.tasks.{tasks[0]}.result")
    autosave(page, lambda: (result.fill("Kế hoạch số 3/KH-THLĐ"), result.press("Tab")))
    saved = load_document(path).report
    assert saved is not None
    assert [saved.tasks[i].status for i in tasks[:3]] == chosen
    assert saved.tasks[tasks[0]].result == "Kế hoạch số 3/KH-THLĐ"
    sentence = page.locator("#summary-sentence").text_content() or ""
    total = len(tasks)
    assert f"Tổng số {total} nhiệm vụ: đã hoàn thành 2 (" in sentence and "đang thực hiện 1 (" in sentence
    shot(page, "12-report-status")

    # the report's text: fill "Tồn tại, hạn chế", get and fix a bad date
    page.get_by_role("link", name="Sửa phần đầu, người ký, nơi nhận").click()
    page.wait_for_url("**/edit/**")
    limits = field(page, "body.1.items.0.paragraphs")
    autosave(page, lambda: (limits.fill("Một số tổ chưa cập nhật tin bài thường xuyên."), limits.press("Tab")))
    assert load_document(path).body[1].items[0].paragraphs == ["Một số tổ chưa cập nhật tin bài thường xuyên."]
    autosave(page, lambda: (field(page, "date.day").fill("30"), field(page, "date.day").press("Tab")))
    assert page.locator('[id="n-date"] .error').count() == 0  # 30 of the skeleton's month (March): fine
    autosave(page, lambda: (field(page, "date.month").fill("13"), field(page, "date.month").press("Tab")))
    assert page.locator('[id="n-date"] .error').count() >= 1
    page.locator('[id="n-date"]').scroll_into_view_if_needed()
    shot(page, "12b-report-editor-bad-date")
    autosave(page, lambda: (field(page, "date.month").fill("3"), field(page, "date.month").press("Tab")))
    assert page.locator('[id="n-date"] .error').count() == 0
    report_date = load_document(path).date
    assert report_date is not None and (report_date.day, report_date.month) == (30, 3)
    page.goto(f"{site['base']}/status/{rel}")

    page.get_by_role("link", name="Xem trước").first.click()
    page.wait_for_url("**/preview/**")
    page.wait_for_function("document.querySelector('.pages img')?.naturalWidth > 0")
    shot(page, "13-report-preview")
    download_and_check(page, "Tải DOCX", tmp_path / "bao-cao.docx")

    on_phone(page, site, [(f"/status/{rel}", "14-phone-report-status"), ("/new/report", "15-phone-new-report")])
    page.context.close()
    forbidden_everywhere(site, rel)


def test_bad_input_through_the_page(site: dict[str, Any], tmp_path: Path) -> None:
    page = signed_in(site, "ht.lacdao")
    # a malformed upload
    page.get_by_role("link", name="Kiểm tra thể thức").click()
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a real Word file")
    page.locator("input[type=file]").set_input_files(str(broken))
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    assert "Không đọc được tệp “hong.docx”" in page.locator(".alert").inner_text()
    shot(page, "16-check-malformed")
    # a 100 MB file: refused in the page before it is sent …
    page.goto(site["base"] + "/check")
    huge = tmp_path / "lon.docx"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    page.locator("input[type=file]").set_input_files(str(huge))
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    assert "quá lớn" in page.locator(".upload-error").inner_text()
    shot(page, "17-check-too-large")
    # … and by the server when a client sends it anyway
    host, port = site["base"].removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"POST /check HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                     f"Content-Length: {100 * 1024 * 1024}\r\n\r\n".encode() + b"--x\r\n")
        raw = b""
        while b"</html>" not in raw and b"</p>" not in raw:
            chunk = sock.recv(65536)
            if not chunk:
                break
            raw += chunk
        answer = raw.decode("utf-8", "replace")
    assert answer.startswith("HTTP/1.1 413") and "quá lớn" in answer
    # a good DOCX is checked with findings listed
    page.goto(site["base"] + "/preview/th-lacdao/ke-hoach.yaml")
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải DOCX").click()
    good = tmp_path / "tot.docx"
    info.value.save_as(good)
    page.goto(site["base"] + "/check")
    page.locator("input[type=file]").set_input_files(str(good))
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    assert "Kết quả: tot.docx" in page.content()
    shot(page, "18-check-result")
    page.goto(site["base"] + "/new/import")
    shot(page, "20-import")
    phone = page.context.browser.new_context(viewport=PHONE, storage_state=page.context.storage_state())
    small = phone.new_page()
    for url, name in (("/check", "21-phone-check"), ("/new/import", "22-phone-import")):
        small.goto(site["base"] + url)
        assert fits_width(small), url
        shot(small, name)
    phone.close()

    # the YAML file changed on disk while the page was open: a change to another field is merged with it, a
    # change to the same field is refused with both texts shown; nothing is lost either way
    path = site["data"] / "th-lacdao" / "ke-hoach.yaml"
    page.goto(site["base"] + "/edit/th-lacdao/ke-hoach.yaml")
    outside = path.read_text(encoding="utf-8").replace("title: Tuyên truyền", "title: Sửa ngoài trình duyệt -", 1)
    path.write_text(outside, encoding="utf-8")
    signer = field(page, "signer.name")
    autosave(page, lambda: (signer.fill("Người Sửa Trên Trang"), signer.press("Tab")))
    doc = load_document(path)
    assert doc.title.startswith("Sửa ngoài trình duyệt -") and doc.signer.name == "Người Sửa Trên Trang"
    page.wait_for_load_state("networkidle")  # after a merge the page fetches the file's new texts: let it finish
    same = path.read_text(encoding="utf-8").replace("Người Sửa Trên Trang", "Người Sửa Trong Tệp", 1)
    path.write_text(same, encoding="utf-8")
    field(page, "signer.name").fill("Người Sửa Lần Hai")
    field(page, "signer.name").press("Tab")
    alert = page.locator(".conflict")
    alert.wait_for()
    assert "Người Sửa Trong Tệp" in alert.inner_text() and "Người Sửa Lần Hai" in alert.inner_text()
    assert path.read_text(encoding="utf-8") == same
    assert field(page, "signer.name").input_value() == "Người Sửa Lần Hai"
    shot(page, "19-conflict")
    page.context.close()
