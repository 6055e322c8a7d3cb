"""The report skeleton made from a plan: every task of the year plan, deadlines, carry-forward, rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_docgen.errors import InputError
from cchc_docgen.loader import load_document
from cchc_docgen.models import Document
from cchc_docgen.models.report import PERIOD_KEYS, TaskResult
from cchc_docgen.pipeline import render_plan
from cchc_docgen.report import build_report, make_report
from cchc_docgen.report.tasks import plan_tasks
from cchc_docgen.yamlio import dump_document

Q3_ONLY = "Ban hành Quyết định bãi bỏ các văn bản quy phạm pháp luật"


def _tasks(report: Document) -> list[TaskResult]:
    assert report.report is not None
    return [t for t in report.report.tasks if t.task]


def test_seed_001_q1_keeps_every_task_of_the_year_plan(plan_001: Document) -> None:
    tasks = _tasks(make_report(plan_001, "q1"))
    plan = [t for t in plan_tasks(plan_001) if t.group is None]
    assert len(plan) == 48
    assert [t.task for t in tasks] == [t.task for t in plan]  # Y of I.2 is the whole plan (BC27)
    assert tasks[0].task == "Ban hành Kế hoạch cải cách hành chính năm 2023: Sở Giáo dục và Đào tạo (*)"
    assert (tasks[0].lead, tasks[0].deadline) == ("Văn phòng", "Tháng 12/2022")
    assert (tasks[1].lead, tasks[1].deadline) == ("UBND quận, huyện", "10/01/2023")
    assert tasks[-1].task.startswith("Thực hiện thí điểm áp dụng Tiêu chuẩn quốc gia TCVN ISO 1801:2020")
    assert all(t.status is None for t in tasks)


def test_seed_001_year_has_every_task(plan_001: Document) -> None:
    report = make_report(plan_001, "year")
    tasks = _tasks(report)
    assert len(tasks) == 48
    assert [t.task for t in tasks] == [t.task for t in plan_tasks(plan_001) if t.group is None]
    assert next(t for t in tasks if t.task == Q3_ONLY).deadline == "Quý III/2023"
    assert report.report is not None
    groups = [t.group for t in report.report.tasks if t.group]
    assert groups == ["Chỉ đạo điều hành, kiểm tra và tuyên truyền", "Cải cách thể chế", "Cải cách thủ tục hành chính",
                      "Cải cách tổ chức bộ máy", "Cải cách chế độ công vụ", "Cải cách tài chính công",
                      "Hiện đại hoá nền hành chính"]


@pytest.mark.parametrize("period", ["q1", "q2", "q3", "9m", "year"])
def test_every_period_keeps_the_whole_plan(small_plan: Document, period: str) -> None:
    assert [t.task for t in _tasks(make_report(small_plan, period))] == [
        "Ban hành kế hoạch", "Kiểm tra giữa năm", "Cập nhật cổng thông tin", "Hội thi tìm hiểu CCHC", "Tổng kết năm",
        "Báo cáo theo yêu cầu"]


def test_group_rows_are_kept(small_plan: Document) -> None:
    report = make_report(small_plan, "q1")
    assert report.report is not None
    assert [t.group or t.task for t in report.report.tasks] == [
        "Chỉ đạo", "Ban hành kế hoạch", "Kiểm tra giữa năm", "Tuyên truyền", "Cập nhật cổng thông tin",
        "Hội thi tìm hiểu CCHC", "Tổng kết năm", "Báo cáo theo yêu cầu"]


def test_unparsed_deadline_is_kept_with_a_warning(small_plan: Document) -> None:
    skeleton = build_report(small_plan, "q1")
    assert [w for w in skeleton.warnings if "Theo kế hoạch của UBND tỉnh" in w]
    assert any(t.deadline == "Theo kế hoạch của UBND tỉnh" for t in _tasks(skeleton.report))


def test_statuses_carry_forward_from_the_previous_report(small_plan: Document) -> None:
    q1 = make_report(small_plan, "q1")
    assert q1.report is not None
    filled = [t.model_copy(update={"status": "hoàn thành", "result": "Kế hoạch số 12/KH-PGDĐT"})
              if t.task == "Ban hành kế hoạch" else t for t in q1.report.tasks]
    previous = q1.model_copy(update={"report": q1.report.model_copy(update={"tasks": filled})})
    q3 = make_report(small_plan, "q3", previous=previous)
    by_name = {t.task: t for t in _tasks(q3)}
    assert (by_name["Ban hành kế hoạch"].status, by_name["Ban hành kế hoạch"].result) == (
        "hoàn thành", "Kế hoạch số 12/KH-PGDĐT")
    assert by_name["Hội thi tìm hiểu CCHC"].status is None


def test_previous_must_be_a_report(small_plan: Document) -> None:
    with pytest.raises(InputError, match="báo cáo kỳ trước"):
        make_report(small_plan, "q2", previous=small_plan)


@pytest.mark.slow
@pytest.mark.parametrize("period", PERIOD_KEYS)
def test_seed_001_skeleton_validates_and_renders(plan_001: Document, period: str, tmp_path: Path) -> None:
    report = make_report(plan_001, period)
    path = tmp_path / f"bc_{period}.yaml"
    path.write_text(dump_document(report), encoding="utf-8")
    again = load_document(path)  # the written YAML is valid and means the same document
    assert again == report
    out = render_plan(path, tmp_path / "out")
    assert out.stat().st_size > 10_000
    from cchc_docgen.checker import check_docx

    assert [f"{f.rule_id}: {f.message}" for f in check_docx(out)] == []  # NĐ30-clean even before it is filled


def test_a_report_is_not_a_plan(small_plan: Document) -> None:
    with pytest.raises(InputError, match="không phải kế hoạch"):
        make_report(make_report(small_plan, "q1"), "q2")


def test_cells_merged_down_give_every_row_its_unit(small_plan: Document) -> None:
    from cchc_docgen.models import Appendix

    table = Appendix.model_validate({
        "title": ["Nhiệm vụ"],
        "columns": [{"key": "tt", "label": "TT", "width": 10, "numbers": True},
                    {"key": "task", "label": "Nội dung công việc", "width": 80},
                    {"key": "unit", "label": "Cơ quan chủ trì", "width": 40},
                    {"key": "when", "label": "Thời hạn", "width": 30}],
        "rows": [{"task": "A", "unit": {"text": "Văn phòng", "rows": 2}, "when": "Quý I/2024"},
                 {"task": "B", "when": "Quý II/2024"},
                 {"task": "C", "unit": "Thanh tra", "when": "Quý I/2024"}],
    })
    plan = small_plan.model_copy(update={"appendices": [table]})
    rows = [(t.task, t.lead, t.deadline) for t in plan_tasks(plan)]
    assert rows == [("A", "Văn phòng", "Quý I/2024"), ("B", "Văn phòng", "Quý II/2024"),
                    ("C", "Thanh tra", "Quý I/2024")]
    assert [t.task for t in _tasks(make_report(plan, "q1"))] == ["A", "B", "C"]
