"""“Lập báo cáo” options: the due date typed or read from the superior's plan, the next year's plan, addressing A."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_docgen.loader import load_document
from tests.web.browser import PHONE, WIDE, fits_width, require_browser, shot, sign_in
from tests.web.conftest import HERE, make_data, post_report

PHONG = "pgd-vanlam/ke-hoach-phong.yaml"
SCHOOL = "th-lacdao/ke-hoach.yaml"


def _phong_plan_for(data: Path, year: int) -> None:
    """The Phòng's plan (its schools report 6 tháng before 10/6 and the year before 10/11) moved to ``year``."""
    text = (HERE / "data" / "phong_plan.yaml").read_text(encoding="utf-8").replace("2023", str(year))
    (data / "pgd-vanlam" / "ke-hoach-phong.yaml").write_text(text, encoding="utf-8")


def _make(client, plan: str, **fields: str):  # type: ignore[no-untyped-def]
    return post_report(client, plan, "6m", **fields)


def test_the_form_offers_the_superiors_plans_and_the_options(app_factory, data: Path) -> None:
    _phong_plan_for(data, 2025)
    page = app_factory("ht.lacdao").get("/new/report").text
    superior = page.split('name="superior"')[1].split("</select>")[0]
    assert f'value="{PHONG}"' in superior and f'value="{SCHOOL}"' in superior
    assert 'name="due"' in page and 'name="pattern" value="A"' in page


def test_a_typed_due_date_is_the_reports(app_factory, data: Path) -> None:
    client = app_factory("ht.lacdao")
    for typed in ("2025-07-05", "5/7/2025"):
        response = _make(client, plan=SCHOOL, due=typed)
        assert response.status_code == 303, response.text
        report = load_document(data / response.headers["location"].removeprefix("/status/")).report
        assert report is not None and report.due == dt.date(2025, 7, 5)


def test_a_due_date_that_is_no_date_is_refused_and_nothing_is_written(app_factory, data: Path) -> None:
    client = app_factory("ht.lacdao")
    before = sorted(p.name for p in (data / "th-lacdao").iterdir())
    response = _make(client, plan=SCHOOL, due="cuối tháng")
    assert response.status_code == 422
    assert "không phải một ngày" in response.text and "10/6/2025" in response.text
    assert 'value="cuối tháng"' in response.text or "cuối tháng" in response.text  # what was typed is shown again
    assert sorted(p.name for p in (data / "th-lacdao").iterdir()) == before


def test_the_due_date_comes_from_the_superiors_plan(app_factory, data: Path) -> None:
    _phong_plan_for(data, 2025)
    response = _make(app_factory("ht.lacdao"), plan=SCHOOL, superior=PHONG)
    assert response.status_code == 303, response.text
    report = load_document(data / response.headers["location"].removeprefix("/status/")).report
    assert report is not None and report.due == dt.date(2025, 6, 10)


def test_addressing_a_is_chosen_on_the_page(app_factory, data: Path) -> None:
    response = _make(app_factory("ht.lacdao"), plan=SCHOOL, pattern="A")
    report = load_document(data / response.headers["location"].removeprefix("/status/")).report
    assert report is not None and report.addressing == "A"


def test_another_units_plan_cannot_be_named_as_superior(app_factory, data: Path) -> None:
    shutil.copy(HERE / "data" / "school_plan.yaml", data / "th-xa" / "ke-hoach.yaml")
    response = _make(app_factory("ht.lacdao"), plan=SCHOOL, superior="th-xa/ke-hoach.yaml")
    assert response.status_code == 403


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[dict[str, Any]]:
    require_browser()
    from tests.web.server import served_chromium

    data = make_data(tmp_path)
    _phong_plan_for(data, 2025)
    with served_chromium(data) as served:
        yield served


@pytest.mark.slow
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1366", "390"])
def test_in_chromium_the_options_open_and_make_the_report(site: dict[str, Any], viewport: dict[str, int]) -> None:
    page = sign_in(site, viewport)
    page.goto(site["base"] + "/new/report")
    page.locator("select[name=plan]").select_option(SCHOOL)
    page.locator("select[name=period]").select_option("6m")
    assert not page.locator("input[name=due]").is_visible()  # folded until asked for
    page.get_by_text("Hạn gửi, cấp trên và cách gửi").click()
    page.locator("input[name=due]").fill("")  # left empty: the date comes from the superior's plan
    page.locator("select[name=superior]").select_option(PHONG)
    page.locator("input[name=pattern][value=A]").check()
    assert fits_width(page)
    shot(page, f"11b-new-report-options-{viewport['width']}")
    page.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_url(re.compile(r".*/status/.*"))
    report = load_document(site["data"] / page.url.split("/status/", 1)[1]).report
    assert report is not None and report.due == dt.date(2025, 6, 10) and report.addressing == "A"
