"""The report page in Chromium (issue 21 item 6, issue 18): a report made on the page from plan 001 and a
real-size one (a plan of 120 tasks); narratives, Biểu mẫu figures with computed rows, statuses, each box saved
alone; typing while another box's save is in flight; two tabs; no technical words; screenshots."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_docgen.loader import load_document
from tests.web.bigdoc import write_long_plan
from tests.web.browser import (
    ARGS,
    CHROMIUM,
    PHONE,
    WIDE,
    field_box,
    fits_width,
    require_browser,
    settled,
    shot,
    sign_in,
)
from tests.web.conftest import make_data
from tests.web.server import running
from tests.web.test_editor_saves import STATUS_FITS, VISIBLE

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def make_report(site: dict[str, Any], plan: str) -> str:
    """Make the quý I report of ``plan`` on the page; its path under the data folder."""
    page = sign_in(site)
    page.goto(site["base"] + "/new/report")
    page.locator("select[name=plan]").select_option(plan)
    page.locator("select[name=period]").select_option("q1")
    page.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_url("**/status/**")
    page.locator("form#report").wait_for()
    rel = page.url.split("/status/", 1)[1].split("?")[0]
    page.context.close()
    return rel


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    require_browser()
    from playwright.sync_api import sync_playwright

    data = make_data(tmp_path_factory.mktemp("report-page"))
    shutil.copy(ROOT / "plans" / "001_haiphong_cchc_2023.yaml", data / "th-lacdao" / "ke-hoach-001.yaml")
    write_long_plan(data / "th-lacdao" / "ke-hoach-120.yaml", 4, 1, 120)
    with running(data, warm_converter=False) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            site = {"base": base, "data": data, "browser": browser}
            site["small"] = make_report(site, "th-lacdao/ke-hoach-001.yaml")
            site["big"] = make_report(site, "th-lacdao/ke-hoach-120.yaml")
            yield site
        finally:
            browser.close()


def open_report(site: dict[str, Any], rel: str, viewport: dict[str, int] = WIDE, context: Any = None) -> Any:
    page = sign_in(site, viewport, context)
    page.goto(f"{site['base']}/status/{rel}")
    page.locator("form#report").wait_for()
    return page


def fig(form: int, stt: str) -> str:
    return f"report.figures.bm{form}.'{stt}'"


def cell(page: Any, key: str) -> str:
    return str(page.locator(f'[data-cell="{key}"]').text_content()).strip()


def typed(page: Any, path: str, value: str) -> None:
    box = field_box(page, path)
    box.fill(value)
    box.press("Tab")


def vi(value: float) -> str:
    """A ratio as the report prints it: two decimals at most, decimal comma, no %."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def test_plan_001_report_narrative_figures_statuses_each_saved_alone(site: dict[str, Any]) -> None:
    rel, path = site["small"], site["data"] / site["small"]
    page = open_report(site, rel)
    bodies: list[str] = []
    page.on("request", lambda r: bodies.append(f"{r.url} {r.post_data or ''}") if r.method == "POST" else None)
    assert page.locator("table.figures tbody tr").count() == 123
    # a narrative under II.2.a, folded when the page opens
    target = "body.1.items.1.items.0.paragraphs"
    assert not page.locator('[id="n-body.1"]').evaluate("d => d.open")
    typed(page, target, "Rà soát 12 thủ tục hành chính.\nĐề nghị cắt giảm 3 thủ tục.")
    settled(page)
    # Biểu mẫu figures: the ratio and sum rows follow, computed by the program
    for path_, value in ((fig(1, "3.3.1"), "8"), (fig(1, "3.3.2"), "3"), (fig(6, "2.2"), "1"), (fig(6, "2.3"), "2"),
                         (fig(6, "2.4.1"), "1"), (fig(6, "2.4.2"), "1"), (fig(6, "2.4.3"), "1"), (fig(6, "2.5"), "0")):
        typed(page, path_, value)
    settled(page)
    assert cell(page, "bm1:3.3") == vi(3 / 8 * 100)
    assert cell(page, "bm6:2.4") == str(1 + 1 + 1) and cell(page, "bm6:2.1") == str(1 + 2 + 3 + 0)
    assert page.locator(f'[name="n:{fig(1, "3.3")}"]').count() == 0  # a formula row has no box
    # a bad figure: a message at that box, the other figures kept
    typed(page, fig(1, "3.1"), "abc")
    message = page.locator('[id="r-bm1:3.1"] .error.refused')
    message.wait_for()
    assert "không phải là số" in message.inner_text()
    assert field_box(page, fig(1, "3.1")).input_value() == "abc"
    typed(page, fig(1, "3.2"), "-2")
    page.locator('[id="r-bm1:3.2"] .error.refused').wait_for()
    assert "không được âm" in page.locator('[id="r-bm1:3.2"] .error.refused').inner_text()
    typed(page, fig(1, "3.3.2"), "10")  # more handled than found: the §4.4 check speaks at the ratio row
    page.locator('[data-msgs="bm1:3.3"] .error').wait_for()
    assert "lớn hơn dòng 3.3.1" in page.locator('[data-msgs="bm1:3.3"]').inner_text()
    page.locator('[id="r-bm1:3.1"]').scroll_into_view_if_needed()
    shot(page, "32-report-bad-figure-and-check")
    typed(page, fig(1, "3.1"), "4")
    typed(page, fig(1, "3.2"), "0")
    settled(page)
    assert page.locator(".error.refused").count() == 0
    # a status, alone
    doc = load_document(path)
    first = next(i for i, t in enumerate(doc.report.tasks) if t.task)  # type: ignore[union-attr]
    field_box(page, f"report.tasks.{first}.status").select_option("hoàn thành")
    settled(page)
    assert cell(page, "bm1:2.2") == "1"
    saved = load_document(path).report
    assert saved is not None and saved.tasks[first].status == "hoàn thành"
    assert (saved.figures["bm1"]["3.3.1"], saved.figures["bm6"]["2.4.3"], saved.figures["bm1"]["3.1"]) == (8, 1, 4)
    assert load_document(path).body[1].items[1].items[0].paragraphs[-1] == "Đề nghị cắt giảm 3 thủ tục."
    # a reload shows what is on disk
    page.reload()
    page.locator("form#report").wait_for()
    assert field_box(page, target).input_value() == "Rà soát 12 thủ tục hành chính.\nĐề nghị cắt giảm 3 thủ tục."
    assert field_box(page, fig(1, "3.3.1")).input_value() == "8" and cell(page, "bm1:3.3") == vi(10 / 8 * 100)
    # every request carried one box: the page never posts its form
    saves = [b for b in bodies if "/report-save/" in b]
    assert len(saves) >= 15
    assert all(b.split(" ", 1)[1].count("name=") == 1 and len(b) < 20000 for b in saves)
    assert not [b for b in bodies if "/status/" in b.split(" ", 1)[0]]
    page.context.close()


def test_typing_on_while_another_box_saves_loses_nothing(site: dict[str, Any]) -> None:
    rel = site["big"]
    page = open_report(site, rel)
    doc = load_document(site["data"] / rel)
    tasks = [i for i, t in enumerate(doc.report.tasks) if t.task]  # type: ignore[union-attr]
    assert len(tasks) >= 120
    words = ["Đã", "tổ", "chức", "tuyên", "truyền", "đến", "toàn", "thể", "cán", "bộ", "giáo", "viên", "nhân", "viên",
             "trong", "ba", "buổi", "sinh", "hoạt"]
    result = field_box(page, f"report.tasks.{tasks[0]}.result")
    others = [f"report.tasks.{tasks[n]}.status" for n in (5, 60, 119)]
    field_box(page, "body.0.items.0.paragraphs")
    result.click()
    for i, word in enumerate(words):
        page.keyboard.type(word + ("" if i == len(words) - 1 else " "), delay=20)
        if i % 5 == 1:  # another box's save goes out while this one is being typed in
            page.locator(f'[id="f-{others[(i // 5) % 3]}"]').evaluate(
                "(el) => { el.value = 'đang thực hiện'; el.dispatchEvent(new Event('change', {bubbles: true})); }")
        page.wait_for_timeout(40 if i % 4 else 800)
    settled(page)
    expected = " ".join(words)
    assert result.input_value() == expected
    saved = load_document(site["data"] / rel).report
    assert saved is not None and saved.tasks[tasks[0]].result == expected
    assert [saved.tasks[tasks[n]].status for n in (5, 60, 119)] == ["đang thực hiện"] * 3
    page.context.close()


def test_two_tabs_merge_and_a_same_box_conflict_shows_both_texts(site: dict[str, Any]) -> None:
    rel = site["big"]
    one = open_report(site, rel)
    two = one.context.new_page()
    two.goto(f"{site['base']}/status/{rel}")  # opened before tab 1 saves
    two.locator("form#report").wait_for()
    typed(one, "body.2.items.0.paragraphs", "Bản của tab một.")
    settled(one)
    typed(two, "body.2.items.1.paragraphs", "Tồn tại ghi ở tab hai.")
    settled(two)
    doc = load_document(site["data"] / rel)
    assert doc.body[2].items[0].paragraphs == ["Bản của tab một."]  # tab 2 did not write its old text back
    assert doc.body[2].items[1].paragraphs == ["Tồn tại ghi ở tab hai."]
    # the same box in both tabs: the second save gets a conflict with both texts
    typed(one, fig(3, "2.1"), "75")
    settled(one)
    typed(two, fig(3, "2.1"), "80")
    conflict = two.locator(".conflict")
    conflict.wait_for()
    assert conflict.locator(".theirs").inner_text() == "75" and conflict.locator(".mine").inner_text() == "80"
    assert load_document(site["data"] / rel).report.figures["bm3"]["2.1"] == 75  # type: ignore[union-attr]
    conflict.scroll_into_view_if_needed()
    shot(two, "31-report-conflict")
    conflict.get_by_role("button", name="Giữ bản của tôi").click()
    settled(two)
    assert load_document(site["data"] / rel).report.figures["bm3"]["2.1"] == 80  # type: ignore[union-attr]
    one.context.close()


def test_an_expired_session_keeps_the_figure_and_signs_in_again_in_place(site: dict[str, Any]) -> None:
    from tests.web.conftest import PASSWORD

    rel = site["small"]
    page = open_report(site, rel)
    page.context.clear_cookies()
    typed(page, fig(2, "3.1"), "17")
    dialog = page.locator("dialog#signin")
    dialog.wait_for(state="visible")
    dialog.get_by_label("Mật khẩu").fill(PASSWORD)
    dialog.get_by_role("button", name="Đăng nhập và lưu").click()
    settled(page)
    assert load_document(site["data"] / rel).report.figures["bm2"]["3.1"] == 17  # type: ignore[union-attr]
    page.context.close()


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1366", "390"])
def test_report_page_on_laptop_and_phone(site: dict[str, Any], viewport: dict[str, int]) -> None:
    for which in ("small", "big"):
        page = open_report(site, site[which], viewport)
        name = f"30-report-{which}-{viewport['width']}"
        shot(page, name)
        assert fits_width(page)
        assert page.locator('details.part[open]').count() == 1  # only section I opens
        assert page.evaluate("document.documentElement.scrollHeight") < 8 * viewport["height"]
        outline = page.locator("nav.outline")
        if not outline.locator("ol").is_visible():
            outline.locator("summary").click()
        outline.get_by_role("link", name="Biểu mẫu 1").click()
        assert page.locator('[id="n-bm1"]').evaluate("d => d.open")
        shot(page, name + "-bm1")
        assert fits_width(page)
        if not outline.locator("ol").is_visible():
            page.evaluate("window.scrollTo(0, 0)")
            outline.locator("summary").click()
        outline.get_by_role("link", name="Nhiệm vụ trong kỳ").click()
        page.locator('[id="n-tasks"] select').first.scroll_into_view_if_needed()
        shot(page, name + "-tasks")
        assert fits_width(page)
        if viewport is WIDE:
            assert page.evaluate(STATUS_FITS.replace("form#status", "form#report"))  # "Hoàn thành quá hạn" whole
        page.context.close()


def test_no_technical_words_in_any_state_of_the_report_page(site: dict[str, Any]) -> None:
    from tests.web.words import technical

    rel = site["small"]
    page = open_report(site, rel)
    seen: dict[str, list[str]] = {}

    def crawl(state: str) -> None:
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        found = technical(page.evaluate(VISIBLE))
        if found:
            seen[state] = found

    crawl("report page")
    typed(page, fig(4, "2.1"), "mười")
    page.locator(".error.refused").wait_for()
    typed(page, fig(5, "1.1"), "5")
    typed(page, fig(5, "1.2"), "9")  # a check message
    page.wait_for_timeout(1500)  # a refused box stays: the state line never says "Đã lưu" here
    crawl("bad figure and check messages")
    path = site["data"] / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("'1.1': 5", "'1.1': 6", 1), encoding="utf-8")
    typed(page, fig(5, "1.1"), "7")
    page.locator(".conflict").wait_for()
    crawl("report conflict")
    page.context.clear_cookies()
    typed(page, fig(5, "1.2"), "8")
    page.locator("dialog#signin").wait_for(state="visible")
    crawl("report sign-in")
    page.context.close()
    assert seen == {}
