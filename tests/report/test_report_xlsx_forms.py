"""Biểu mẫu 1–7 in the report spreadsheet: one protected sheet per form, figures read back and rendered, bad
cells named by sheet, row and column; ``--from`` carries cumulative figures of the same year forward."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_cases import rows_of
from report_data import report_with_sheet

from cchc_docgen.cli import main
from cchc_docgen.errors import InputError
from cchc_docgen.loader import load_document
from cchc_docgen.report.outline import load_outline
from cchc_docgen.report.xlsx import read_xlsx


@pytest.fixture()
def made(tmp_path: Path) -> tuple[Path, Path]:
    return report_with_sheet(tmp_path, "q1")


def _row_of(sheet: object, stt: str) -> int:
    return next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 1).value == stt)  # type: ignore[attr-defined]


def _fill(path: Path, form: int, values: dict[str, object], notes: dict[str, str] | None = None) -> None:
    book = load_workbook(path)
    sheet = book[f"Biểu mẫu {form}"]
    for stt, value in values.items():
        sheet.cell(_row_of(sheet, stt), 4, value)
    for stt, note in (notes or {}).items():
        sheet.cell(_row_of(sheet, stt), 5, note)
    book.save(path)


def test_one_sheet_per_form_with_units_formulas_and_protection(made: tuple[Path, Path]) -> None:
    book = load_workbook(made[1])
    outline = load_outline()
    assert book.sheetnames == ["Nhiệm vụ", *(f"Biểu mẫu {f.number}" for f in outline.forms)]
    sheet = book["Biểu mẫu 3"]
    assert sheet.protection.sheet
    r = _row_of(sheet, "3.1")
    assert sheet.cell(r, 3).value == "%" and sheet.cell(r, 6).value == "= 3.1.2 / 3.1.1 × 100"
    assert str(sheet.cell(r, 4).value).startswith("=IF(") and sheet.cell(r, 4).protection.locked
    r = _row_of(sheet, "3.1.1")
    assert sheet.cell(r, 4).protection.locked is False and sheet.cell(r, 5).protection.locked is False
    assert sum(book[f"Biểu mẫu {f.number}"].max_row - 3 for f in outline.forms) == 123


def test_figures_round_trip_into_the_rendered_forms(made: tuple[Path, Path], tmp_path: Path) -> None:
    report, sheet = made
    _fill(sheet, 3, {"3.1.1": 480, "3.1.2": 473, "1.4.1": "1.865", "1.4.2": 445}, {"1.4.1": "Gồm cả ngành dọc"})
    _fill(sheet, 6, {"1.1": 13203300, "1.2": 248415})
    doc = read_xlsx(load_document(report), sheet)
    assert doc.report is not None
    bm3 = doc.report.figures["bm3"]
    assert {k: bm3[k] for k in ("1.4.1", "1.4.2", "3.1.1", "3.1.2")} == {"1.4.1": 1865, "1.4.2": 445, "3.1.1": 480,
                                                                         "3.1.2": 473}
    assert bm3["3.2.1"] == "-"  # a Phòng: UBND cấp xã rows are out of its scope (pre-filled, read back)
    assert doc.report.notes["bm3"]["1.4.1"] == "Gồm cả ngành dọc"
    assert main(["render", str(report), "-o", str(tmp_path / "out")]) == 0
    rows = rows_of(tmp_path / "out" / "bc.docx")
    values = {(r[0], r[1][:20]): (r[3], r[4]) for r in rows}
    assert values[("3.1", "Tỷ lệ hồ sơ TTHC do ")] == ("98,54", "")
    assert values[("1.4", "Tổng số TTHC thuộc t")] == ("2.310", "")
    assert values[("1.4.1", "Số TTHC cấp tỉnh")] == ("1.865", "Gồm cả ngành dọc")
    assert values[("1", "Tỷ lệ thực hiện Kế h")] == ("1,88", "")


def test_bad_figure_cells_name_sheet_row_and_column(made: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    report, sheet = made
    _fill(sheet, 2, {"1.1": "mười"})
    _fill(sheet, 5, {"2.1": -3})
    with pytest.raises(InputError) as err:
        read_xlsx(load_document(report), sheet)
    lines = err.value.lines()
    assert len(lines) == 2
    assert "trang 'Biểu mẫu 2', dòng 5, cột D (Số liệu): 'mười' không phải số hợp lệ" in lines[0]
    assert "trang 'Biểu mẫu 5', dòng 9, cột D (Số liệu): '-3' không phải số hợp lệ" in lines[1]
    capsys.readouterr()
    assert main(["render", str(report), "-o", str(tmp_path / "out")]) == 1
    assert "trang 'Biểu mẫu 2', dòng 5, cột D" in capsys.readouterr().err
    assert not (tmp_path / "out" / "bc.docx").exists()


def test_from_carries_cumulative_figures_of_the_same_year(made: tuple[Path, Path], tmp_path: Path) -> None:
    report, sheet = made
    _fill(sheet, 6, {"1.1": 12500, "1.2": 400, "2.5": 8}, {"2.5": "Đơn vị trực thuộc"})
    _fill(sheet, 3, {"3.1.1": 480, "3.1.2": 473})
    nxt = tmp_path / "bc_6m.yaml"
    assert main(["report", str(tmp_path / "kh.yaml"), "--period", "6m", "-o", str(nxt), "--from", str(report)]) == 0
    doc = load_document(nxt)
    assert doc.report is not None
    assert {k: v for k, v in doc.report.figures["bm6"].items() if v != "-"} == {"1.1": 12500, "1.2": 400, "2.5": 8}
    assert "3.1.1" not in doc.report.figures["bm3"]  # flows of quý I are not carried
    assert doc.report.notes["bm6"]["2.5"] == "Đơn vị trực thuộc"
    other_year = tmp_path / "bc_2025.yaml"
    assert main(["report", str(tmp_path / "kh.yaml"), "--period", "q1", "--year", "2025", "-o", str(other_year),
                 "--from", str(report)]) == 0
    figures = load_document(other_year).report.figures  # type: ignore[union-attr]
    assert set(figures["bm6"].values()) == {"-"}  # only the rows out of a Phòng's scope
