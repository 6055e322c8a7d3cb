"""Units from a spreadsheet (a Phòng keeps the list of its schools in Excel): one unit per row.

The header row is found by its words ("Tên đơn vị", "Viết tắt", "Loại", "Hiệu trưởng" …, in any order and
spelling of case/diacritics as usual); every problem is reported with its sheet, row and column.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cchc_docgen.errors import InputError, Problem

#: field → the header words that name it (normalised: lower case, no diacritics, single spaces)
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("ten don vi", "ten truong", "don vi", "ten co quan", "ten"),
    "parent": ("co quan chu quan", "chu quan", "cap tren", "co quan cap tren"),
    "abbreviation": ("viet tat", "chu viet tat", "ky hieu", "ten viet tat"),
    "place": ("dia danh", "dia ban", "noi ban hanh"),
    "category": ("loai", "loai don vi", "cap hoc", "loai hinh", "bac hoc"),
    "head.title": ("chuc vu thu truong", "chuc vu nguoi dung dau", "chuc vu hieu truong", "chuc vu"),
    "head.name": ("hieu truong", "thu truong", "nguoi dung dau", "ho ten hieu truong", "ho va ten hieu truong",
                  "ho ten thu truong", "giam doc", "truong phong"),
    "deputies": ("pho hieu truong", "cap pho", "pho thu truong", "pho giam doc", "pho truong phong"),
    "teams": ("to chuyen mon", "cac to", "to", "bo phan"),
    "signs": ("nguoi ky", "ky"),
    "full_name": ("ten day du", "ten trong cau"),
}
REQUIRED = ("name", "abbreviation", "place", "category", "head.name")
LABELS = {"name": "Tên đơn vị", "abbreviation": "Viết tắt", "place": "Địa danh", "category": "Loại",
          "head.name": "Hiệu trưởng"}
_DEFAULT_HEAD = {"phong_gddt": "Trưởng phòng", "gdnn_gdtx": "Giám đốc", "khac": "Thủ trưởng"}


def _norm(value: Any) -> str:
    text = unicodedata.normalize("NFKD", str(value or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _find_header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(rows[:15]):
        found: dict[str, int] = {}
        for c, cell in enumerate(row):
            words = _norm(cell)
            for field, names in HEADERS.items():
                if field not in found and words in names:
                    found[field] = c
                    break
        if "name" in found and len(found) >= 3:
            return r, found
    return None


def _split(value: Any) -> list[str]:
    return [p.strip() for p in re.split(r"[;\n]", str(value or "")) if p.strip()]


def units_from_sheet(path: Path) -> list[Any]:
    """Every unit of the first sheet that has a header row; ``InputError`` listing every bad row."""
    from cchc_docgen.derive.units import check_unique
    from cchc_docgen.models.unit import Unit, category_key

    file = str(path)
    from cchc_docgen.sheetread import formula_message, open_workbook, used_rows

    book = open_workbook(path)
    for sheet in book.worksheets:
        filled = used_rows(sheet, path)
        width = max((max(cells) for _, cells in filled.rows), default=0)
        rows = [tuple(cells.get(c) for c in range(1, width + 1)) for _, cells in filled.rows]
        numbers = [n for n, _ in filled.rows]  # only filled rows are kept: messages name the real row
        header = _find_header(rows)
        if header is not None:
            break
    else:
        expected = "'Tên đơn vị', 'Viết tắt', 'Địa danh', 'Loại', 'Hiệu trưởng'"
        raise InputError(f"{file}: không tìm thấy dòng tiêu đề cột (cần các cột như {expected}) trong bảng tính.")
    header_row, columns = header
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        names = ", ".join(f"'{LABELS[f]}'" for f in missing)
        raise InputError(f"{file}: trang tính '{sheet.title}', dòng tiêu đề {numbers[header_row]}: thiếu cột {names} "
                         "(tên cột viết như trong hướng dẫn, có dấu hay không dấu đều được).")
    units: list[Any] = []
    problems = [Problem(file, None, "", formula_message(path, sheet.title, r, c, f, ""))
                for r, c, f in filled.formulas if r > numbers[header_row]]
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        cells = {f: row[c] if c < len(row) else None for f, c in columns.items()}
        if not any(str(v or "").strip() for v in cells.values()):
            continue
        data: dict[str, Any] = {}
        for field, value in cells.items():
            text = str(value).strip() if value is not None else ""
            if field == "deputies":
                data[field] = [{"title": "", "name": n} for n in _split(text)]
            elif field == "teams":
                data[field] = _split(text)
            elif field == "signs":
                data[field] = "deputy" if re.search(r"pho|cap pho|kt", _norm(text)) else "head"
            elif field.startswith("head."):
                data.setdefault("head", {})[field[5:]] = text or None
            elif text:
                data[field] = text
        key = category_key(str(data.get("category", ""))) or "khac"
        head = data.setdefault("head", {})
        head["title"] = head.get("title") or _DEFAULT_HEAD.get(key, "Hiệu trưởng")
        data["head"] = head = {k: v for k, v in head.items() if v}
        for deputy in data.get("deputies", []):
            deputy["title"] = f"Phó {head['title']}"
        data = {k: v for k, v in data.items() if v not in (None, "")}
        where = f"trang tính '{sheet.title}', dòng {numbers[r]}"
        try:
            units.append(Unit.model_validate(data))
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = tuple(p for p in err["loc"] if isinstance(p, str) and not p.startswith("function"))
                field = ".".join(loc[:2]) if loc[:1] == ("head",) else (loc[0] if loc else "")
                text = str(err.get("msg", ""))
                if not field:
                    field = "category" if "loại đơn vị" in text else "deputies" if "cấp phó" in text else ""
                col = columns.get(field)
                place = f", cột {_column_letter(col)} ('{rows[header_row][col]}')" if col is not None else ""
                message = str(err.get("ctx", {}).get("error", "")) or _sheet_message(dict(err), field)
                problems.append(Problem(file, None, "", f"{where}{place}: {message}"))
    if problems:
        raise InputError("", problems)
    if not units:
        raise InputError(f"{file}: trang tính '{sheet.title}' không có dòng đơn vị nào dưới dòng tiêu đề.")
    check_unique(units, file)
    return units


def _sheet_message(err: dict[str, Any], field: str) -> str:
    if err["type"] == "missing" or err.get("input", "") is None:
        return "ô này đang trống; hãy điền vào."
    if err["type"] == "string_pattern_mismatch":
        return (f"'{err.get('input')}' không dùng được làm chữ viết tắt: chỉ chữ cái, chữ số, '&' và '-', "
                "không có dấu cách.")
    return f"giá trị không hợp lệ ({err['msg']})."
