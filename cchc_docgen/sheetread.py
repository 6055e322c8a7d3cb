"""Read a user's .xlsx under a budget: by the cells it really holds, never by the size it declares.

An 11 KB workbook with one cell at row 1,048,576 declares a million rows; walking ``max_row`` row by row
took 55 s and 1.9 GB. Here the package's unzipped size is bounded before openpyxl reads it, only cells that
exist are visited (at most ``MAX_SHEET_CELLS``), and a formula is reported where a value was expected:
a formula has no value until Excel computes it, so reading it would silently give an empty cell.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_docgen import limits
from cchc_docgen.errors import InputError
from cchc_docgen.inputfile import regular_file

#: Unzipped size of a spreadsheet package (bytes): a task list of a few hundred rows is well under 1 MB.
MAX_SHEET_UNZIPPED = 32 * 1024 * 1024


@dataclass
class SheetRows:
    """The filled rows of one sheet: ``(row number, {column number: value})`` in order, and formula cells."""

    title: str
    rows: list[tuple[int, dict[int, Any]]] = field(default_factory=list)
    formulas: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, formula text)


def open_workbook(path: Path) -> Any:
    """The workbook at ``path`` (formulas kept as formulas); ``InputError`` if unreadable or too big."""
    from openpyxl import load_workbook

    regular_file(path, "bảng tính .xlsx")
    try:
        with zipfile.ZipFile(path) as package:
            unzipped = sum(i.file_size for i in package.infolist())  # zipfile never inflates past these sizes
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(f"'{path}' không phải tệp Excel .xlsx đọc được; hãy lưu lại bằng Excel dạng .xlsx.") from None
    if unzipped > MAX_SHEET_UNZIPPED:
        raise limits.LimitExceeded(
            f"'{path}': bảng tính khi giải nén lớn {limits.megabytes(unzipped)}, quá giới hạn "
            f"{limits.megabytes(MAX_SHEET_UNZIPPED)}. Hãy xóa các trang, hình ảnh hoặc dòng thừa rồi lưu lại.")
    try:
        return load_workbook(path, data_only=False)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError(f"'{path}' không phải tệp Excel .xlsx đọc được; hãy lưu lại bằng Excel dạng .xlsx.") from None


def used_rows(sheet: Any, path: Path, columns: int | None = None) -> SheetRows:
    """The cells ``sheet`` holds (only the first ``columns`` columns when given), row by row."""
    cells: dict[tuple[int, int], Any] = sheet._cells  # the cells that exist; iter_rows walks the declared size
    if len(cells) > limits.MAX_SHEET_CELLS:
        raise limits.LimitExceeded(
            f"'{path}': trang '{sheet.title}' có {len(cells):,} ô có dữ liệu, quá giới hạn {limits.MAX_SHEET_CELLS:,}. "
            "Hãy xóa các dòng, cột thừa rồi lưu lại.")
    out = SheetRows(str(sheet.title))
    by_row: dict[int, dict[int, Any]] = {}
    for (row, col), cell in sorted(cells.items()):
        if columns is not None and col > columns:
            continue
        value = cell.value
        if value is None:
            continue
        if cell.data_type == "f":
            out.formulas.append((row, col, str(value)))
            continue
        by_row.setdefault(row, {})[col] = value
    out.rows = sorted(by_row.items())
    return out


def formula_message(path: Path, sheet: str, row: int, col: int, formula: str, what: str) -> str:
    from openpyxl.utils import get_column_letter

    return (f"'{path}': trang '{sheet}', dòng {row}, cột {get_column_letter(col)}{what}: ô chứa công thức "
            f"'{formula[:60]}' chứ không phải giá trị, nên chương trình không đọc được. Hãy chép rồi dán dạng "
            "giá trị (Paste Special ▸ Values) hoặc gõ trực tiếp nội dung.")
