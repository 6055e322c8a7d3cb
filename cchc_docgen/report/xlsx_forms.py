"""Biểu mẫu 1–7 in the report spreadsheet: one sheet per form, and reading the figures back.

Each sheet lists every row (STT, name, unit, figure, Ghi chú, how it is computed). Formula rows hold an Excel
formula and are locked (the sheet is protected without a password, so only the input cells can be typed in);
the program recomputes them anyway. Reading finds rows by their STT, so inserted blank lines do no harm, and
every bad cell is reported by sheet, row and column.
"""

from __future__ import annotations

from typing import Any

from cchc_docgen.errors import Problem
from cchc_docgen.models.report import Figure, ReportInfo
from cchc_docgen.report.forms import NO_DATA, form_key, parse_figure
from cchc_docgen.report.outline import Form, FormRow, Outline

HEADERS = ("STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú", "Cách tính")
WIDTHS = (8, 70, 18, 14, 30, 22)
HEADER_ROW = 3
VALUE_COL, NOTE_COL = 4, 5


def sheet_name(form: Form) -> str:
    return f"Biểu mẫu {form.number}"


def _how(row: FormRow) -> str:
    if row.kind == "ratio":
        return f"= {row.of[0]} / {row.of[1]} × 100"
    if row.kind == "sum":
        return "= " + " + ".join(row.of)
    if row.kind == "coded":
        return "mã: " + ", ".join(map(str, row.codes))
    return {"group": "dòng nhóm", "percent": "nhập tỷ lệ (0–100)"}.get(row.kind, "nhập số")


def _formula(row: FormRow, where: dict[str, int]) -> str:
    cells = [f"D{where[s]}" for s in row.of]
    if row.kind == "sum":
        return "=" + "+".join(cells)
    top, bottom = cells
    return f'=IF(OR({bottom}="",{bottom}=0),"-",ROUND({top}/{bottom}*100,2))'


def add_form_sheets(book: Any, outline: Outline, info: ReportInfo) -> None:
    """Append one protected sheet per form to ``book`` (an openpyxl Workbook), pre-filled from ``info``."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    wrap = Alignment(wrap_text=True, vertical="top")
    for form in outline.forms:
        sheet = book.create_sheet(sheet_name(form))
        sheet["A1"] = f"BIỂU MẪU {form.number}: {form.title.upper()}"
        sheet["A1"].font = Font(bold=True, size=13)
        sheet["A2"] = ("Ghi số vào cột D (số liệu) và E (ghi chú); '-' khi chưa có số liệu. Dòng tô xám do chương "
                       "trình tính. Không sửa cột A (STT).")
        sheet["A2"].font = Font(italic=True)
        for col, (label, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), 1):
            cell = sheet.cell(HEADER_ROW, col, label)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            sheet.column_dimensions[cell.column_letter].width = width
        where = {row.stt: HEADER_ROW + 1 + i for i, row in enumerate(form.rows)}
        entered = info.figures.get(form_key(form.number), {})
        notes = info.notes.get(form_key(form.number), {})
        for row in form.rows:
            r = where[row.stt]
            for col, value in enumerate((row.stt, row.name, "\n".join(row.unit), None, notes.get(row.stt),
                                         _how(row)), 1):
                sheet.cell(r, col, value).alignment = wrap
            if "." not in row.stt:
                sheet.cell(r, 1).font = sheet.cell(r, 2).font = Font(bold=True)
            value_cell, note_cell = sheet.cell(r, VALUE_COL), sheet.cell(r, NOTE_COL)
            note_cell.protection = Protection(locked=False)
            if row.kind in ("sum", "ratio"):
                value_cell.value = _formula(row, where)
                value_cell.fill = PatternFill("solid", fgColor="EEEEEE")
            elif row.kind != "group":
                value_cell.value = entered.get(row.stt)
                value_cell.protection = Protection(locked=False)
        sheet.protection.sheet = True  # no password: protects formulas from slips, not from the user
        sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _number(value: Any) -> Figure | str:
    """A figure from a cell: a number, '-', blank (None); anything else is returned as text (an error)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else float(value)
    text = str(value).strip()
    if text == NO_DATA:
        return NO_DATA
    number = parse_figure(text)
    return text if number is None else number  # text that is no number is reported with its cell


def read_form_sheets(book: Any, outline: Outline, path: str) -> tuple[dict[str, dict[str, Figure]],
                                                                    dict[str, dict[str, str]], list[Problem]]:
    """Figures and notes of every form sheet in ``book``; the problems name sheet, row and column."""
    figures: dict[str, dict[str, Figure]] = {}
    notes: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for form in outline.forms:
        if sheet_name(form) not in book.sheetnames:
            continue
        sheet = book[sheet_name(form)]
        key = form_key(form.number)
        figures[key], notes[key] = {}, {}
        for r in range(HEADER_ROW + 1, sheet.max_row + 1):
            stt = str(sheet.cell(r, 1).value or "").strip()
            row = form.row(stt)
            if row is None or row.kind in ("group", "sum", "ratio"):
                continue
            raw = sheet.cell(r, VALUE_COL).value
            value = _number(raw)
            bad = (isinstance(value, str) and value != NO_DATA) or (isinstance(value, (int, float)) and value < 0)
            if bad:
                problems.append(Problem(path, None, "", f"trang '{sheet.title}', dòng {r}, cột D (Số liệu): '{raw}' "
                                        "không phải số hợp lệ; hãy ghi một số không âm, hoặc '-' nếu chưa có số "
                                        "liệu (ghi lý do ở cột E)."))
            elif value is not None:
                figures[key][stt] = value
            note = sheet.cell(r, NOTE_COL).value
            if note is not None and str(note).strip():
                notes[key][stt] = str(note).strip()
    return figures, notes, problems
