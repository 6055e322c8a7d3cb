"""Units from a spreadsheet: header found by its words, one unit per row, per-row Vietnamese errors."""

from __future__ import annotations

from pathlib import Path

from derive_paths import PLAN_005, UNITS
from openpyxl import Workbook

from cchc_docgen.cli import main
from cchc_docgen.derive import load_units
from cchc_docgen.loader import load_document

HEADER = ["STT", "Tên đơn vị", "Viết tắt", "Loại", "Cơ quan chủ quản", "Địa danh", "Hiệu trưởng", "Phó hiệu trưởng"]


def _book(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Trường"
    ws.append(["DANH SÁCH CÁC TRƯỜNG"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_example_sheet() -> None:
    units = load_units(UNITS / "cac_truong_van_lam.xlsx")
    assert [u.abbreviation for u in units] == ["MNNQ", "MNLH", "THLĐ", "THCĐ", "THCSTT", "THCSĐD"]
    assert [u.category for u in units] == ["mam_non", "mam_non", "tieu_hoc", "tieu_hoc", "thcs", "thcs"]
    lac_dao = units[2]
    assert [(d.title, d.name) for d in lac_dao.deputies] == [
        ("Phó Hiệu trưởng", "Lê Thị Thanh"), ("Phó Hiệu trưởng", "Hoàng Văn Nam")]
    assert [t.name for t in lac_dao.teams] == ["Tổ 1", "Tổ 2-3", "Tổ 4-5", "Tổ Văn phòng"]
    assert lac_dao.head.title == "Hiệu trưởng" and lac_dao.parent == "Phòng GD&ĐT huyện Văn Lâm"


def test_bad_rows_are_reported_with_sheet_row_and_column(tmp_path: Path, capsys) -> None:
    book = _book(tmp_path / "ds.xlsx", [
        [1, "Trường Mầm non A", "MNA", "Mầm non", "Phòng GD&ĐT", "Văn Lâm", "Nguyễn Thị A", None],
        [2, "Trường Tiểu học B", "TH B", "Tiểu học", "Phòng GD&ĐT", "Văn Lâm", "Trần Văn B", None],
        [],
        [3, "Trường C", "TC", "lớp học", "Phòng GD&ĐT", "Văn Lâm", "Lê C", None],
        [4, "Trường THCS D", "THCSD", "THCS", "Phòng GD&ĐT", "Văn Lâm", None, None],
    ])
    out = tmp_path / "out"
    assert main(["derive", str(PLAN_005), "--units", str(book), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "trang tính 'Trường', dòng 4, cột C ('Viết tắt'): 'TH B' không dùng được làm chữ viết tắt" in err
    assert "trang tính 'Trường', dòng 6, cột D ('Loại'): loại đơn vị 'lớp học' không rõ" in err
    assert "trang tính 'Trường', dòng 7, cột G ('Hiệu trưởng'): ô này đang trống" in err
    assert not out.exists() or not any(out.iterdir())  # nothing written


def test_missing_column(tmp_path: Path, capsys) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Tên đơn vị", "Loại", "Địa danh", "Hiệu trưởng"])
    ws.append(["Trường A", "THCS", "X", "Nguyễn A"])
    wb.save(tmp_path / "ds.xlsx")
    assert main(["derive", str(PLAN_005), "--units", str(tmp_path / "ds.xlsx"), "-o", str(tmp_path / "o")]) == 1
    assert "thiếu cột 'Viết tắt'" in capsys.readouterr().err


def test_units_from_sheet_rendered(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["derive", str(PLAN_005), "--units", str(UNITS / "cac_truong_van_lam.xlsx"), "-o", str(out),
                 "--render"]) == 0
    assert len(list(out.glob("*.docx"))) == 6
    assert load_document(out / "thld.yaml").signer.name == "Trần Văn Định"  # type: ignore[union-attr]
