"""The report as a spreadsheet staff fill in (tasks and Biểu mẫu 1–7), and reading it back.

``write_xlsx`` writes a task sheet with a drop-down list in every status cell, then one sheet per Biểu mẫu
(``xlsx_forms``); ``read_xlsx`` takes statuses, results, notes and figures back into the report and reports
every bad cell with its sheet, row and column.
A hidden column "Mã" ties each row to its task, so sorting or filtering the sheet does no harm.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from cchc_docgen.atomic import write_bytes_atomic as write_atomic
from cchc_docgen.context.numbering import roman
from cchc_docgen.context.text import squash
from cchc_docgen.errors import InputError, Problem
from cchc_docgen.models import Document
from cchc_docgen.models.report import STATUSES, TaskResult, normalise_status
from cchc_docgen.report.outline import load_outline
from cchc_docgen.report.periods import get_period
from cchc_docgen.report.xlsx_forms import add_form_sheets, read_form_sheets

SHEET = "Nhiệm vụ"
HEADERS = ("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện/hoàn thành", "Trạng thái",
           "Kết quả, sản phẩm", "Ghi chú", "Mã")
WIDTHS = (6, 60, 22, 20, 20, 36, 20, 6)
HEADER_ROW = 3
STATUS_COL, RESULT_COL, NOTE_COL, ID_COL = 5, 6, 7, 8


def _report(doc: Document) -> Any:
    if doc.report is None:
        raise InputError("văn bản này không phải báo cáo kết quả thực hiện kế hoạch (không có khóa 'report').")
    return doc.report


def workbook_bytes(doc: Document) -> bytes:
    """The spreadsheet of ``doc``'s tasks, as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    info = _report(doc)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    phrase = get_period(info.period).phrase(info.year)
    sheet["A1"] = f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ {phrase.upper()}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = ("Chọn trạng thái ở cột E (danh sách thả xuống); ghi kết quả, sản phẩm ở cột F và ghi chú ở cột G. "
                   "Không sửa cột H (Mã).")
    sheet["A2"].font = Font(italic=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, (label, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), 1):
        cell = sheet.cell(HEADER_ROW, col, label)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.column_dimensions["H"].hidden = True
    row, number, groups = HEADER_ROW + 1, 0, 0
    for index, task in enumerate(info.tasks):
        if task.group:
            groups += 1
            sheet.cell(row, 1, roman(groups)).font = Font(bold=True)
            sheet.cell(row, 2, squash(task.group)).font = Font(bold=True)
        else:
            number += 1
            values = (number, task.task, task.lead, task.deadline, task.status, task.result, task.note, index)
            for col, value in enumerate(values, 1):
                sheet.cell(row, col, value).alignment = wrap
        row += 1
    last = max(row - 1, HEADER_ROW + 1)
    check = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                           showErrorMessage=True, errorTitle="Trạng thái không hợp lệ",
                           error="Hãy chọn một trạng thái trong danh sách.", promptTitle="Trạng thái",
                           prompt="Chọn: " + "; ".join(STATUSES), showInputMessage=True)
    check.add(f"E{HEADER_ROW + 1}:E{last}")
    sheet.add_data_validation(check)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    add_form_sheets(book, load_outline(info.outline), info)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_xlsx(report: Document, path: Path | str, *, force: bool = False) -> Path:
    """Write the task spreadsheet of ``report`` to ``path`` (atomic; never replaces a file unless ``force``)."""
    from cchc_docgen.errors import OutputExists

    path = Path(path)
    if path.exists() and not force:
        raise OutputExists(f"tệp '{path}' đã có sẵn nên chương trình không ghi đè. Hãy chọn tên khác, "
                           "hoặc thêm --force nếu chắc chắn muốn ghi đè.")
    write_atomic(path, workbook_bytes(report))
    return path


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _open(path: Path) -> Any:
    from openpyxl import load_workbook

    if not path.is_file():
        raise InputError(f"không tìm thấy tệp Excel '{path}'. Hãy kiểm tra tên tệp (khóa 'report.tasks_file').")
    try:
        return load_workbook(path, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError(f"'{path}' không phải tệp Excel .xlsx đọc được; hãy lưu lại bằng Excel dạng .xlsx.") from None


def read_xlsx(report: Document, path: Path | str) -> Document:
    """``report`` with status, result and note of each task taken from the spreadsheet at ``path``.

    Raises ``InputError`` listing every bad cell as "trang 'Nhiệm vụ', dòng 7, cột E (Trạng thái): …".
    """
    path = Path(path)
    info = _report(report)
    book = _open(path)
    if SHEET not in book.sheetnames:
        raise InputError(f"tệp '{path}' không có trang '{SHEET}' (các trang: {', '.join(book.sheetnames)}). "
                         "Hãy dùng tệp do lệnh 'cchc-docgen report … --xlsx' tạo.")
    sheet = book[SHEET]
    tasks = list(info.tasks)
    problems: list[Problem] = []

    def bad(row: int, col: int, message: str) -> None:
        letter = "ABCDEFGH"[col - 1]
        where = f"trang '{SHEET}', dòng {row}, cột {letter} ({HEADERS[col - 1]})"
        problems.append(Problem(str(path), None, "", f"{where}: {message}"))

    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        values = [sheet.cell(row, col).value for col in range(1, len(HEADERS) + 1)]
        ident = values[ID_COL - 1]
        if ident is None:
            if any(_cell_text(v) for v in values[STATUS_COL - 1:NOTE_COL]) and values[0] is not None:
                bad(row, ID_COL, "dòng này không có mã nhiệm vụ nên không biết là nhiệm vụ nào; "
                                 "nhiệm vụ mới hãy thêm vào tệp YAML rồi tạo lại bảng tính.")
            continue
        if not isinstance(ident, (int, float)) or not 0 <= int(ident) < len(tasks) or tasks[int(ident)].group:
            bad(row, ID_COL, f"mã '{ident}' không khớp nhiệm vụ nào của báo cáo; đừng sửa cột H.")
            continue
        raw = values[STATUS_COL - 1]
        status = normalise_status(_cell_text(raw))
        if status is not None and status not in STATUSES:
            bad(row, STATUS_COL, f"'{raw}' không phải trạng thái hợp lệ; hãy chọn một trong: {', '.join(STATUSES)}.")
            continue
        old = tasks[int(ident)]
        tasks[int(ident)] = TaskResult.model_validate({
            **old.model_dump(exclude_none=True, exclude={"status", "result", "note"}),
            **{k: v for k, v in (("status", status), ("result", _cell_text(values[RESULT_COL - 1])),
                                 ("note", _cell_text(values[NOTE_COL - 1]))) if v is not None},
        })
    figures, notes, form_problems = read_form_sheets(book, load_outline(info.outline), str(path))
    problems += form_problems
    if problems:
        raise InputError("", problems)
    update: dict[str, Any] = {"tasks": tasks}
    if figures:  # the sheets hold the Biểu mẫu figures: they replace those of the YAML, form by form
        update["figures"] = {**info.figures, **figures}
        update["notes"] = {**info.notes, **notes}
    return report.model_copy(update={"report": info.model_copy(update=update)})


def apply_tasks_file(doc: Document, yaml_path: Path | str) -> Document:
    """``doc`` with the spreadsheet named by ``report.tasks_file`` (relative to the YAML) read in, if any."""
    if doc.report is None or not doc.report.tasks_file:
        return doc
    return read_xlsx(doc, Path(yaml_path).parent / doc.report.tasks_file)
