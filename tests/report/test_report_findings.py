"""The twelve errors of the old generator measured in spec bao-cao-cchc §9 (FIND 1–12): one test each.

Each test failed on the generator before issue 21 (the docstring says what it did then).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from lxml import etree
from report_cases import plan_from, render, text_of, with_report
from report_data import PLAN_001, PLAN_005, SMALL_PLAN

from cchc_docgen.loader import load_document
from cchc_docgen.models import Document
from cchc_docgen.report import build_report, make_report
from cchc_docgen.report.deadlines import parse_deadline
from cchc_docgen.report.forms import vi_figure

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _plan(name: str) -> Document:
    return load_document(next(PLAN_001.parent.glob(name)))


def test_find1_several_addressees_line_up_under_the_colon_and_are_written_out(tmp_path: Path) -> None:
    """FIND 1: several addressees were centred line by line and copied as typed ("UBND huyện.")."""
    report = make_report(_plan("005_*.yaml"), "q1")
    assert report.addressees == ["Sở Giáo dục và Đào tạo Hưng Yên", "Ủy ban nhân dân huyện Văn Lâm"]
    with zipfile.ZipFile(render(report, tmp_path)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    paras = {"".join(p.itertext()): p for p in root.iter(f"{W}p")}
    styles = {t: paras[t].find(f"{W}pPr/{W}pStyle").get(f"{W}val")  # type: ignore[union-attr]
              for t in ("Kính gửi:", "- Sở Giáo dục và Đào tạo Hưng Yên;", "- Ủy ban nhân dân huyện Văn Lâm.")}
    assert styles == {"Kính gửi:": "ND30AddresseeLead", "- Sở Giáo dục và Đào tạo Hưng Yên;": "ND30AddresseeItem",
                      "- Ủy ban nhân dân huyện Văn Lâm.": "ND30AddresseeItem"}
    template = zipfile.ZipFile(Path(__file__).parents[2] / "templates" / "bao_cao.docx").read("word/styles.xml")
    item = etree.fromstring(template).find(f".//{W}style[@{W}styleId='ND30AddresseeItem']/{W}pPr")
    assert item is not None and item.find(f"{W}jc").get(f"{W}val") == "left"  # type: ignore[union-attr]
    assert item.find(f"{W}ind").get(f"{W}left") == "2552"  # type: ignore[union-attr]


def test_find2_closing_names_every_addressee() -> None:
    """FIND 2: the closing named only the first addressee."""
    closing = make_report(_plan("005_*.yaml"), "year").closing[0]
    assert "Sở Giáo dục và Đào tạo Hưng Yên" in closing and "Ủy ban nhân dân huyện Văn Lâm" in closing


def test_find3_year_report_points_to_the_next_year_only() -> None:
    """FIND 3: the year report's direction spoke of "nhiệm vụ đến hạn theo Kế hoạch trong năm 2024" of a 2023 plan."""
    report = make_report(load_document(PLAN_001), "year")
    iv = report.body[3]
    texts = [i.text or "" for i in iv.items] + [d.text or "" for i in iv.items for d in i.items]
    assert iv.title == "PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024"
    assert not any("theo Kế hoạch trong năm" in t for t in texts)
    assert not [d for i in iv.items for d in i.items]  # no task of the closed 2023 plan
    assert "Kế hoạch cải cách hành chính năm 2024" in texts[0]


def test_find4_denominator_is_every_task_of_the_plan(tmp_path: Path) -> None:
    """FIND 4: Q1 divided by the tasks begun ("Tổng số 4 nhiệm vụ" in a plan of 6), not by the plan's tasks."""
    report = make_report(plan_from(SMALL_PLAN, tmp_path), "q1")
    assert report.report is not None
    assert len([t for t in report.report.tasks if t.task]) == 6
    text = text_of(render(report, tmp_path))
    assert any("hoàn thành …/6 nhiệm vụ kế hoạch đề ra" in t for t in text)


def test_find5_overdue_tasks_are_detected_and_unambiguous(tmp_path: Path) -> None:
    """FIND 5: a quý I task still "đang thực hiện" in the 6-month report got no warning and no count; "đã hoàn
    thành" stood beside "hoàn thành quá hạn"."""
    report = make_report(plan_from(SMALL_PLAN, tmp_path), "6m")
    assert report.report is not None
    tasks = [t.model_copy(update={"status": "đang thực hiện" if t.task == "Ban hành kế hoạch" else "hoàn thành"})
             if t.task else t for t in report.report.tasks]
    text = text_of(render(with_report(report, tasks=tasks), tmp_path))
    assert "- Ban hành kế hoạch (Văn phòng, thời hạn: Tháng 01/2024)." in text
    split = next(t for t in text if t.startswith("Trong đó:"))
    assert "01 nhiệm vụ quá hạn nhưng chưa hoàn thành" in split
    assert "đã hoàn thành" not in split and "05 nhiệm vụ hoàn thành đúng hạn" in split


def test_find6_percentages_round_half_up() -> None:
    """FIND 6: 15/48 was printed 31,2 and 3/48 6,2 (half to even, one decimal)."""
    assert vi_figure(15 / 48 * 100) == "31,25"
    assert vi_figure(3 / 48 * 100) == "6,25"
    assert vi_figure(0.125, 2) == "0,13"


def test_find7_two_milestones_belong_to_two_periods(tmp_path: Path) -> None:
    """FIND 7: "Trước ngày 10/6/2023, 10/11/2023" was one range from 1/1, so the task showed in quý I."""
    deadline = parse_deadline("Trước ngày 10/6/2023, 10/11/2023", 2023)
    assert deadline.milestones == (dt.date(2023, 6, 10), dt.date(2023, 11, 10))
    assert not deadline.due_within(dt.date(2023, 1, 1), dt.date(2023, 3, 31))
    assert deadline.due_within(dt.date(2023, 4, 1), dt.date(2023, 6, 30))
    assert not deadline.due_within(dt.date(2023, 7, 1), dt.date(2023, 9, 30))
    plan = plan_from(SMALL_PLAN.replace("time: Quý III/2024", "time: 'Trước ngày 10/6/2024, 10/11/2024'"), tmp_path)

    def iv_tasks(period: str) -> list[str]:
        return [d.text or "" for i in make_report(plan, period).body[3].items for d in i.items]

    assert any(t.startswith("Hội thi tìm hiểu CCHC") for t in iv_tasks("q1"))  # due in quý II
    assert any(t.startswith("Hội thi tìm hiểu CCHC") for t in iv_tasks("6m"))  # 10/11 in 6 tháng cuối năm
    assert any(t.startswith("Hội thi tìm hiểu CCHC") for t in iv_tasks("q3"))  # due again in quý IV


def test_find8_tuyen_truyen_sections_are_not_result_headings() -> None:
    """FIND 8: a tuyên truyền plan's Đối tượng, Nội dung, Hình thức became headings with "Kết quả đạt được: …"."""
    plan = load_document(PLAN_005)
    report = make_report(plan, "6m")
    titles = [n.title for s in report.body for n in s.items]
    own = [n.title for n in plan.body if n.title] + [c.title for n in plan.body for c in n.items if c.title]
    assert not set(own) & set(titles)
    assert "Kết quả đạt được" not in str(report.body)
    assert report.report is not None and {t.field for t in report.report.tasks if t.task} == {"I.4"}


def test_find9_due_date_is_not_always_the_20th(tmp_path: Path) -> None:
    """FIND 9: the due date was always the 20th, also for a unit whose superior's plan sets the 8th."""
    rule = ("  - title: Chế độ báo cáo\n    role: reporting\n    text: Báo cáo quý, 6 tháng, năm gửi trước ngày 08 "
            "tháng cuối của quý.\n")
    school = plan_from(SMALL_PLAN.replace("body:\n", "body:\n" + rule, 1), tmp_path,
                       issuer={"parent": "Phòng GD&ĐT Đông Triều", "name": "Trường Tiểu học Lạc Đạo",
                               "abbreviation": "THLĐ", "place": "Đông Triều"})
    report = make_report(school, "q1")
    assert report.report is not None and report.report.level == "school"
    assert report.report.due == dt.date(2024, 3, 8)
    assert build_report(plan_from(SMALL_PLAN, tmp_path), "q1").report.report.due is None  # type: ignore[union-attr]


def test_find10_plan_without_task_table_can_be_reported(tmp_path: Path) -> None:
    """FIND 10: a plan without a task-table appendix gave exit 1 "kế hoạch không có bảng nhiệm vụ"."""
    from cchc_docgen.checker import check_docx

    report = make_report(_plan("002_*.yaml"), "year")
    docx = render(report, tmp_path)
    assert [f.rule_id for f in check_docx(docx)] == []
    assert "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" in text_of(docx)


def test_find11_compiling_body_in_noi_nhan(tmp_path: Path) -> None:
    """FIND 11: Nơi nhận dropped the compiling body (Sở Nội vụ; Phòng Nội vụ at district level)."""
    sở = make_report(load_document(PLAN_001), "q1")
    assert [(r.name, r.note) for r in sở.recipients][:2] == [("Như trên", None), ("Sở Nội vụ", "để tổng hợp")]
    phòng = make_report(plan_from(SMALL_PLAN, tmp_path), "q1")
    assert ("Phòng Nội vụ", "để tổng hợp") in [(r.name, r.note) for r in phòng.recipients]
    vanlam = make_report(load_document(PLAN_005), "q1")
    assert ("Phòng Nội vụ huyện", "để tổng hợp") in [(r.name, r.note) for r in vanlam.recipients]


def test_find12_title_has_the_next_period(tmp_path: Path) -> None:
    """FIND 12: the title lacked "và phương hướng, nhiệm vụ <kỳ tới>"."""
    titles = {p: make_report(plan_from(SMALL_PLAN, tmp_path), p).title for p in ("q1", "6m", "q3", "year")}
    assert titles["q1"].startswith("Công tác cải cách hành chính quý I năm 2024 và | phương hướng, nhiệm vụ quý II")
    assert "và | phương hướng, nhiệm vụ 6 tháng cuối năm 2024" in titles["6m"]
    assert "và | phương hướng, nhiệm vụ quý IV năm 2024" in titles["q3"]
    assert "và | phương hướng, nhiệm vụ năm 2025" in titles["year"]
