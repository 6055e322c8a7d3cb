"""The task spreadsheet: written with drop-down status cells, filled through openpyxl, read back, rendered;
bad cells reported with sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_data import report_with_sheet
from support.docxtext import paragraphs

from cchc_docgen.cli import main
from cchc_docgen.errors import InputError
from cchc_docgen.loader import load_document
from cchc_docgen.report.xlsx import read_xlsx


@pytest.fixture()
def made(tmp_path: Path) -> tuple[Path, Path]:
    return report_with_sheet(tmp_path, "year")


def _fill(sheet_path: Path, values: dict[str, object]) -> None:
    book = load_workbook(sheet_path)
    sheet = book["Nhiệm vụ"]
    for ref, value in values.items():
        sheet[ref] = value
    book.save(sheet_path)


def test_written_sheet_has_tasks_and_drop_downs(made: tuple[Path, Path]) -> None:
    report, sheet_path = made
    assert "tasks_file: bc.xlsx" in report.read_text(encoding="utf-8")
    sheet = load_workbook(sheet_path)["Nhiệm vụ"]
    header = [c.value for c in sheet[3]]
    assert header == ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện/hoàn thành", "Trạng thái",
                      "Kết quả, sản phẩm", "Ghi chú", "Mã"]
    rows = [[c.value for c in row][:4] for row in sheet.iter_rows(min_row=4)]
    assert rows == [
        ["I", "Chỉ đạo", None, None],
        [1, "Ban hành kế hoạch", "Văn phòng", "Tháng 01/2024"],
        [2, "Kiểm tra giữa năm", "Thanh tra", "Trước ngày 15/6"],
        ["II", "Tuyên truyền", None, None],
        [3, "Cập nhật cổng thông tin", "Văn phòng", "Thường xuyên"],
        [4, "Hội thi tìm hiểu CCHC", "Tổ chức cán bộ", "Quý III/2024"],
        [5, "Tổng kết năm", "Văn phòng", "Tháng 12/2024"],
        [6, "Báo cáo theo yêu cầu", "Văn phòng", "Theo kế hoạch của UBND tỉnh"],
    ]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"hoàn thành,hoàn thành quá hạn,đang thực hiện,chưa thực hiện"'
    assert str(validation.sqref) == "E4:E11"
    assert sheet.column_dimensions["H"].hidden


def test_round_trip_filled_sheet_is_read_and_rendered(made: tuple[Path, Path], tmp_path: Path) -> None:
    report, sheet_path = made
    _fill(sheet_path, {"E5": "hoàn thành", "F5": "Kế hoạch số 15/KH-PGDĐT", "E6": "Hoàn thành quá hạn",
                       "E8": "đang thực hiện", "E9": "chưa thực hiện", "G9": "Chờ kế hoạch của huyện",
                       "E10": "đang thực hiện", "E11": "hoàn thành"})
    doc = read_xlsx(load_document(report), sheet_path)
    assert doc.report is not None
    got = {t.task: (t.status, t.result, t.note) for t in doc.report.tasks if t.task}
    assert got == {
        "Ban hành kế hoạch": ("hoàn thành", "Kế hoạch số 15/KH-PGDĐT", None),
        "Kiểm tra giữa năm": ("hoàn thành quá hạn", None, None),
        "Cập nhật cổng thông tin": ("đang thực hiện", None, None),
        "Hội thi tìm hiểu CCHC": ("chưa thực hiện", None, "Chờ kế hoạch của huyện"),
        "Tổng kết năm": ("đang thực hiện", None, None),
        "Báo cáo theo yêu cầu": ("hoàn thành", None, None),
    }
    assert main(["render", str(report), "-o", str(tmp_path / "out")]) == 0
    text = paragraphs(tmp_path / "out" / "bc.docx")
    assert any("đã triển khai thực hiện hoàn thành 3/6 nhiệm vụ kế hoạch đề ra (đạt 50% kế hoạch)." in p for p in text)
    # year report, data to 14/12/2024: the quý III contest not done is overdue (official wordings, BC28)
    assert ("Trong đó: 02 nhiệm vụ hoàn thành đúng hạn; 01 nhiệm vụ hoàn thành nhưng quá hạn; 01 nhiệm vụ quá hạn "
            "nhưng chưa hoàn thành; 02 nhiệm vụ chưa hoàn thành còn trong hạn.") in text
    assert "- Hội thi tìm hiểu CCHC (Tổ chức cán bộ, thời hạn: Quý III/2024)." in text
    assert "Ban hành kế hoạch: Kế hoạch số 15/KH-PGDĐT" in text  # the result, under I.4 of a tuyên truyền plan


def test_bad_cells_name_sheet_row_and_column(made: tuple[Path, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    report, sheet_path = made
    _fill(sheet_path, {"E5": "xong", "E8": "hoàn thành", "H10": 99})
    with pytest.raises(InputError) as err:
        read_xlsx(load_document(report), sheet_path)
    lines = err.value.lines()
    assert lines == [
        f"{sheet_path}: trang 'Nhiệm vụ', dòng 5, cột E (Trạng thái): 'xong' không phải trạng thái hợp lệ; hãy "
        "chọn một trong: hoàn thành, hoàn thành quá hạn, đang thực hiện, chưa thực hiện.",
        f"{sheet_path}: trang 'Nhiệm vụ', dòng 10, cột H (Mã): mã '99' không khớp nhiệm vụ nào của báo cáo; "
        "đừng sửa cột H.",
    ]
    capsys.readouterr()
    assert main(["render", str(report), "-o", str(tmp_path / "out")]) == 1
    err_text = capsys.readouterr().err
    assert "cchc-docgen: lỗi:" in err_text and "dòng 5, cột E (Trạng thái): 'xong'" in err_text
    assert not (tmp_path / "out" / "bc.docx").exists()
    assert main(["validate", str(report)]) == 1


def test_missing_sheet_file_is_an_input_error(made: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    report, sheet_path = made
    sheet_path.unlink()
    assert main(["validate", str(report)]) == 1
    assert "không tìm thấy tệp Excel" in capsys.readouterr().err


def test_xlsx_not_overwritten_without_force(made: tuple[Path, Path], tmp_path: Path) -> None:
    report, sheet_path = made
    _fill(sheet_path, {"E5": "hoàn thành"})
    before = sheet_path.read_bytes()
    other = tmp_path / "kh.yaml"
    report.unlink()
    assert main(["report", str(other), "--period", "year", "-o", str(report), "--xlsx"]) == 1
    assert sheet_path.read_bytes() == before and not report.exists()


def test_next_report_carries_statuses_from_the_previous_spreadsheet(made: tuple[Path, Path], tmp_path: Path) -> None:
    report, sheet_path = made
    _fill(sheet_path, {"E5": "hoàn thành", "F5": "Kế hoạch số 15/KH-PGDĐT", "E6": "đang thực hiện"})
    nxt = tmp_path / "bc_next.yaml"
    assert main(["report", str(tmp_path / "kh.yaml"), "--period", "year", "--year", "2024", "-o", str(nxt),
                 "--from", str(report)]) == 0
    doc = load_document(nxt)
    assert doc.report is not None
    got = {t.task: (t.status, t.result) for t in doc.report.tasks if t.task}
    assert got["Ban hành kế hoạch"] == ("hoàn thành", "Kế hoạch số 15/KH-PGDĐT")
    assert got["Kiểm tra giữa năm"] == ("đang thực hiện", None)
    assert got["Tổng kết năm"] == (None, None)
