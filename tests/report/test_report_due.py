"""The report's due date per level (spec §2.2, §6.4, BC15, FIND 9), written before the code.

A province reports to Bộ Nội vụ by the 20th of the period's last month. Any other level takes its date from
what its superior set for its group of units, or from the user; a date that a unit's own plan sets for the
units reporting to *it* ("các đơn vị … gửi về Sở … trước ngày 08 tháng cuối của quý") is not the unit's own
date. When nothing says, there is no date and the user is warned.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from report_cases import plan_from, province_plan
from report_data import PLAN_001, PLAN_005, SMALL_PLAN

from cchc_docgen.cli import main
from cchc_docgen.loader import load_document
from cchc_docgen.models import Document
from cchc_docgen.report import build_report

SCHOOL = {"parent": "Sở GD&ĐT Hải Phòng", "name": "Trường THPT Ngô Quyền", "abbreviation": "THPTNQ",
          "place": "Hải Phòng"}
SỞ = {"parent": "UBND tỉnh Lâm Đồng", "name": "Sở Giáo dục và Đào tạo", "abbreviation": "SGDĐT",
      "place": "Lâm Đồng"}
XÃ = {"parent": "UBND tỉnh Lâm Đồng", "name": "UBND xã Đạ Huoai", "abbreviation": "UBND", "place": "Đạ Huoai"}
PROVINCE = {"name": "Ủy ban nhân dân tỉnh Lâm Đồng", "abbreviation": "UBND", "place": "Lâm Đồng"}


def _reporting(*texts: str) -> str:
    """SMALL_PLAN with a "Tổ chức thực hiện" section whose items are ``texts``."""
    if not texts:
        return SMALL_PLAN
    items = "".join(f"      - >-\n        {t}\n" for t in texts)
    section = f"  - title: Tổ chức thực hiện\n    role: organization\n    items:\n{items}"
    return SMALL_PLAN.replace("body:\n", "body:\n" + section, 1)


def _plan(tmp_path: Path, name: str, issuer: dict[str, str], *texts: str) -> Document:
    return plan_from(_reporting(*texts), tmp_path, name, issuer=issuer)


def _due(plan: Document, period: str, **options: object) -> dt.date | None:
    report = build_report(plan, period, **options).report.report  # type: ignore[arg-type]
    assert report is not None
    return report.due


#: A provincial plan naming different dates for different groups of units.
GROUPS = ("Các sở, ban, ngành gửi báo cáo định kỳ quý, 6 tháng, năm về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) "
          "trước ngày 10 của tháng cuối quý; Ủy ban nhân dân các xã, phường, đặc khu gửi báo cáo trước ngày 05 "
          "của tháng cuối quý.")
#: A provincial plan with one rule for every unit below it.
EVERYONE = ("Các cơ quan, đơn vị, địa phương gửi báo cáo định kỳ về Sở Nội vụ trước ngày 08 của tháng cuối quý "
            "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.")
#: A Sở's plan with different dates for its schools and its Phòng GD&ĐT.
EDUCATION = ("Các trường trung học phổ thông gửi báo cáo về Sở Giáo dục và Đào tạo (qua Văn phòng Sở) trước ngày "
             "05 của tháng cuối quý; các Phòng Giáo dục và Đào tạo gửi báo cáo trước ngày 12 của tháng cuối quý.")


@pytest.mark.parametrize(("period", "expected"), [("q1", dt.date(2024, 3, 20)), ("6m", dt.date(2024, 6, 20)),
                                                  ("q3", dt.date(2024, 9, 20)), ("year", dt.date(2024, 12, 20))])
def test_province_is_due_on_the_20th_whatever_its_plan_sets_for_units(tmp_path: Path, period: str,
                                                                      expected: dt.date) -> None:
    plan = plan_from(_reporting(GROUPS), tmp_path, "tinh.yaml", issuer=PROVINCE,
                     title="Cải cách hành chính nhà nước năm 2024")
    assert _due(plan, period, level="province") == expected
    assert _due(province_plan(tmp_path), period) == expected


@pytest.mark.parametrize("period", ["q1", "6m", "q3", "year"])
def test_a_sở_does_not_take_the_date_its_own_plan_sets_for_its_units(period: str) -> None:
    """Plan 001 (Sở GD&ĐT Hải Phòng): "các đơn vị giáo dục … gửi trước ngày 08 … về Sở": not the Sở's date."""
    skeleton = build_report(load_document(PLAN_001), period, level="department")
    assert skeleton.report.report is not None and skeleton.report.report.due is None
    warning = next(str(w) for w in skeleton.warnings if "hạn gửi báo cáo" in str(w))
    assert "ngày 08" in warning and "cấp trên" in warning  # says what was seen and where the date comes from


def test_a_sở_that_names_itself_in_its_own_plan_takes_that_date(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "so.yaml", SỞ, EDUCATION,
                 "Sở Giáo dục và Đào tạo báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 15 của tháng cuối "
                 "quý.")
    assert _due(plan, "q1", level="department") == dt.date(2024, 3, 15)
    assert _due(plan, "year", level="department") == dt.date(2024, 12, 15)


@pytest.mark.parametrize(("issuer", "level", "day"), [(SỞ, "department", 10), (XÃ, "commune", 5)])
def test_groups_with_different_dates_in_the_superior_plan(tmp_path: Path, issuer: dict[str, str], level: str,
                                                          day: int) -> None:
    superior = plan_from(_reporting(GROUPS), tmp_path, "tinh.yaml", issuer=PROVINCE)
    own = _plan(tmp_path, "own.yaml", issuer)
    assert _due(own, "q1", level=level, superior=superior) == dt.date(2024, 3, day)
    assert _due(own, "q3", level=level, superior=superior) == dt.date(2024, 9, day)
    assert _due(own, "q1", level=level) is None  # without the superior's plan: nothing says


@pytest.mark.parametrize(("issuer", "level"), [(SỞ, "department"), (XÃ, "commune")])
def test_one_rule_for_every_unit_of_the_superior(tmp_path: Path, issuer: dict[str, str], level: str) -> None:
    superior = plan_from(_reporting(EVERYONE), tmp_path, "tinh.yaml", issuer=PROVINCE)
    assert _due(_plan(tmp_path, "own.yaml", issuer), "6m", level=level, superior=superior) == dt.date(2024, 6, 8)


def test_a_superior_rule_for_another_group_does_not_apply(tmp_path: Path) -> None:
    superior = plan_from(_reporting("Ủy ban nhân dân các xã, phường gửi báo cáo về Ủy ban nhân dân tỉnh trước "
                                    "ngày 05 của tháng cuối quý."), tmp_path, "tinh.yaml", issuer=PROVINCE)
    assert _due(_plan(tmp_path, "so.yaml", SỞ), "q1", level="department", superior=superior) is None


@pytest.mark.parametrize(("period", "expected"), [("q1", dt.date(2023, 3, 8)), ("year", dt.date(2023, 12, 8))])
def test_a_school_takes_the_date_of_its_sở_plan(tmp_path: Path, period: str, expected: dt.date) -> None:
    """Plan 001 is the Sở's: its "các đơn vị giáo dục … trước ngày 08 tháng cuối của quý" is the school's date."""
    school = plan_from(SMALL_PLAN, tmp_path, issuer=SCHOOL, title="Tuyên truyền cải cách hành chính năm 2023")
    assert _due(school, period, level="school", superior=load_document(PLAN_001)) == expected


@pytest.mark.parametrize(("issuer", "level", "day"), [(SCHOOL, "school", 5),
                                                      ({**SCHOOL, "name": "Phòng Giáo dục và Đào tạo",
                                                        "parent": "UBND huyện Thủy Nguyên"}, "office", 12)])
def test_schools_and_phong_with_different_dates_in_the_sở_plan(tmp_path: Path, issuer: dict[str, str], level: str,
                                                               day: int) -> None:
    superior = _plan(tmp_path, "so.yaml", SỞ, EDUCATION)
    assert _due(_plan(tmp_path, "own.yaml", issuer), "q1", level=level, superior=superior) == dt.date(2024, 3, day)


def test_a_school_plan_restating_its_superior_rule(tmp_path: Path) -> None:
    """A school's own plan with the rule its Phòng set ("… về Phòng GD&ĐT"): each period its own date."""
    school = _plan(tmp_path, "own.yaml", SCHOOL,
                   "Báo cáo kết quả công tác cải cách hành chính 6 tháng (trước ngày 10/6/2024) và năm (trước ngày "
                   "10/11/2024) về Phòng Giáo dục và Đào tạo (qua bộ phận Văn phòng).")
    assert _due(school, "6m", level="school") == dt.date(2024, 6, 10)
    assert _due(school, "year", level="school") == dt.date(2024, 11, 10)
    assert _due(school, "q1", level="school") is None  # the rule names no quý I date


def test_a_phong_does_not_take_the_dates_it_sets_for_its_schools() -> None:
    """Plan 005 (a Phòng GD&ĐT): the schools report to it by 10/6 and 10/11; its own date is not known."""
    plan = load_document(PLAN_005)
    assert _due(plan, "6m", level="office") is None
    assert _due(plan, "year", level="office") is None


def test_a_school_under_the_phong_plan_takes_its_dates() -> None:
    """Plan 005 as the school's superior: the section "Các trường mầm non, tiểu học …" sets 10/6 and 10/11."""
    plan = load_document(PLAN_005)
    school = plan.model_copy(update={"issuer": plan.issuer.model_copy(
        update={"name": "Trường Mầm non Lạc Đạo", "full_name": None, "abbreviation": "MNLĐ"})})
    assert _due(school, "6m", level="school", superior=plan) == dt.date(2023, 6, 10)
    assert _due(school, "year", level="school", superior=plan) == dt.date(2023, 11, 10)


def test_the_user_date_wins_at_every_level(tmp_path: Path) -> None:
    given = dt.date(2024, 3, 4)
    superior = plan_from(_reporting(GROUPS), tmp_path, "tinh.yaml", issuer=PROVINCE)
    assert _due(province_plan(tmp_path), "q1", due=given) == given
    assert _due(_plan(tmp_path, "so.yaml", SỞ), "q1", level="department", superior=superior, due=given) == given


def test_cli_superior_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    school = tmp_path / "truong.yaml"
    school.write_text(SMALL_PLAN, encoding="utf-8")
    out = tmp_path / "bc.yaml"
    assert main(["report", str(school), "--period", "q3", "--level", "school", "--superior", str(PLAN_001),
                 "-o", str(out)]) == 0
    assert "hạn gửi báo cáo 08/09/2024" in capsys.readouterr().out
    assert "hạn gửi báo cáo: 08/09/2024" in out.read_text(encoding="utf-8")
    report = load_document(out).report
    assert report is not None and report.due == dt.date(2024, 9, 8)


def test_a_superior_plan_that_sets_no_date_is_named_in_the_warning(tmp_path: Path) -> None:
    superior = plan_from(_reporting("Các sở, ban, ngành báo cáo định kỳ theo quy định."), tmp_path, "tinh.yaml",
                         issuer=PROVINCE)
    skeleton = build_report(_plan(tmp_path, "so.yaml", SỞ), "q1", level="department", superior=superior)
    assert skeleton.report.report is not None and skeleton.report.report.due is None
    warning = next(str(w) for w in skeleton.warnings if "hạn gửi báo cáo" in str(w))
    assert "kế hoạch của cấp trên không ghi hạn" in warning and "--superior" not in warning


def test_a_rule_for_every_unit_copied_into_a_sở_plan_is_not_taken_as_its_own(tmp_path: Path) -> None:
    """"Các cơ quan, đơn vị … gửi về Sở Nội vụ trước ngày 08 …" in the Sở's own plan: whose date it is is not
    clear (usually the units below the Sở), so no date, and the warning quotes the rule for the user to decide."""
    skeleton = build_report(_plan(tmp_path, "so.yaml", SỞ, EVERYONE), "q1", level="department")
    assert skeleton.report.report is not None and skeleton.report.report.due is None
    warning = next(str(w) for w in skeleton.warnings if "hạn gửi báo cáo" in str(w))
    assert "trước ngày 08 của tháng cuối quý" in warning and "không phải hạn của chính đơn vị" in warning


def test_the_warning_keeps_its_advice_on_the_web_page(tmp_path: Path) -> None:
    """The web page drops sentences naming command-line options: the advice must survive in its own sentence."""
    from cchc_docgen.web.wording import plain

    warning = next(str(w) for w in build_report(load_document(PLAN_001), "q1").warnings if "hạn gửi báo cáo" in str(w))
    shown = plain(warning)
    assert "--" not in shown and "hãy ghi hạn" in shown and "ngày 08" in shown and "ngày 20" in shown
