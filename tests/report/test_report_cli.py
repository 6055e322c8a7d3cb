"""``cchc-docgen report``: the written skeleton, and bad input with clear Vietnamese messages (exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import PLAN_001, SMALL_PLAN

from cchc_docgen.cli import main
from cchc_docgen.loader import load_document


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "kh.yaml"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    return path


def test_writes_a_valid_report_yaml(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bc.yaml"
    assert main(["report", str(plan), "--period", "q1", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Báo cáo kỳ 'q1' lập từ kế hoạch kh.yaml")
    assert "hạn gửi: chưa rõ, hãy ghi 'report.due'." in text  # a Phòng's due date comes from its superior
    doc = load_document(out)
    assert doc.kind == "bao_cao" and doc.report is not None and len(doc.report.tasks) == 8  # the whole year plan
    captured = capsys.readouterr()
    assert "6 nhiệm vụ của kế hoạch năm" in captured.out and "chưa rõ hạn gửi báo cáo" in captured.out
    line = SMALL_PLAN.splitlines().index(
        "      - {task: Báo cáo theo yêu cầu, lead: Văn phòng, time: Theo kế hoạch của UBND tỉnh}") + 1
    assert f"cchc-docgen: cảnh báo: {plan}:{line}: nhiệm vụ 'Báo cáo theo yêu cầu': không hiểu thời hạn" in captured.err
    assert main(["validate", str(out)]) == 0


def test_default_output_name_and_year(plan: Path) -> None:
    assert main(["report", str(plan), "--period", "6m", "--year", "2025"]) == 0
    doc = load_document(plan.with_name("kh_bc_6m_2025.yaml"))
    assert doc.report is not None and doc.report.year == 2025
    assert "6 tháng đầu năm 2025 và | phương hướng, nhiệm vụ 6 tháng cuối năm 2025" in doc.title


def test_never_overwrites_without_force(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bc.yaml"
    out.write_text("giữ nguyên", encoding="utf-8")
    assert main(["report", str(plan), "--period", "q1", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "giữ nguyên"
    assert "không ghi đè" in capsys.readouterr().err
    assert main(["report", str(plan), "--period", "q1", "-o", str(out), "--force"]) == 0
    assert load_document(out).report is not None


def test_unknown_period(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(plan), "--period", "q5", "-o", str(tmp_path / "bc.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cchc-docgen: lỗi: kỳ báo cáo 'q5' không có.")
    assert "Traceback" not in err
    assert not (tmp_path / "bc.yaml").exists()


def test_plan_without_tasks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_002 = next(PLAN_001.parent.glob("002_*.yaml"))
    assert main(["report", str(plan_002), "--period", "year", "-o", str(tmp_path / "bc.yaml")]) == 0
    assert "cảnh báo:" in capsys.readouterr().err and load_document(tmp_path / "bc.yaml").report is not None


def test_status_not_in_the_list(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bc.yaml"
    assert main(["report", str(plan), "--period", "q1", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8").replace("lead: Thanh tra\n", "lead: Thanh tra\n      status: xong rồi\n", 1)
    out.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(out)]) == 1
    err = capsys.readouterr().err
    line = text.splitlines().index("      status: xong rồi") + 1
    assert f"bc.yaml:{line}: [report.tasks[3].status] trạng thái 'xong rồi' không có trong danh sách" in err
    assert "hoàn thành; hoàn thành quá hạn; đang thực hiện; chưa thực hiện" in err
    assert main(["render", str(out), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out" / "bc.docx").exists()


def test_previous_report_carries_statuses(plan: Path, tmp_path: Path) -> None:
    q1 = tmp_path / "q1.yaml"
    assert main(["report", str(plan), "--period", "q1", "-o", str(q1)]) == 0
    text = q1.read_text(encoding="utf-8").replace(
        "lead: Thanh tra\n", "lead: Thanh tra\n      status: Hoàn thành quá hạn\n", 1)
    q1.write_text(text, encoding="utf-8")
    q2 = tmp_path / "q2.yaml"
    assert main(["report", str(plan), "--period", "q2", "-o", str(q2), "--from", str(q1)]) == 0
    doc = load_document(q2)
    assert doc.report is not None
    assert {t.task: t.status for t in doc.report.tasks if t.task}["Kiểm tra giữa năm"] == "hoàn thành quá hạn"


def test_validate_warns_what_is_left_to_fill(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bc.yaml"
    assert main(["report", str(plan), "--period", "q1", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", str(out)]) == 1
    err = capsys.readouterr().err
    assert "6 nhiệm vụ chưa có trạng thái" in err
    assert "chỗ '…' chưa viết nội dung" in err


def test_filled_example_validates_strictly(capsys: pytest.CaptureFixture[str]) -> None:
    example = PLAN_001.with_name(PLAN_001.stem + "_bc_6m.yaml")
    assert main(["validate", "--strict", str(example)]) == 0, capsys.readouterr().err
