"""Biểu mẫu figures: formula rows computed from their components, the checks of spec §4.4, cell texts.

Pure functions. ``compute_forms`` takes the figures the user entered (``report.figures``) plus the figures
the program knows itself (plan tasks for Biểu mẫu 1 rows 2.1/2.2) and gives, per form, the text of every
"Số liệu" and "Ghi chú" cell, and the problems found (each naming the form, the row and what to do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from cchc_docgen.report.outline import Form, FormRow, Outline

Value = float | int | str | None
#: What a ratio with a zero denominator prints, and the Ghi chú beside it (spec §4.3 notes, BC23).
NO_DATA = "-"
ZERO_NOTE = "Không phát sinh"


def form_key(number: int) -> str:
    """``1`` → ``bm1``: the key of a form under ``report.figures``."""
    return f"bm{number}"


def round_half_up(value: float, places: int = 2) -> Decimal:
    """15/48×100 = 31,25 → 31,25; 95,525 → 95,53 (never half to even)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def vi_figure(value: float | int | Decimal, places: int = 2) -> str:
    """``125712`` → ``125.712``; ``22.449`` → ``22,45``; ``100.0`` → ``100`` (no "%", no ",00")."""
    number = round_half_up(float(value), places)
    text = f"{number:f}"
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return f"{sign}{whole},{frac}" if frac else f"{sign}{whole}"


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")


def parse_figure(text: str) -> int | float | None:
    """A figure written as Vietnamese writes numbers: ``12``, ``2.450`` (thousands), ``95,5`` (decimal comma),
    ``1.234,5``, a leading ``-`` for a negative; ``None`` when ``text`` is no such number (``abc``, ``12%``)."""
    digits = text[1:] if text.startswith("-") else text
    if _THOUSANDS.fullmatch(digits):
        number = float(digits.replace(".", "").replace(",", "."))
    elif _PLAIN.fullmatch(digits):
        number = float(digits.replace(",", "."))
    else:
        return None
    number = -number if text.startswith("-") else number
    return int(number) if number.is_integer() else number


def percent(part: float, whole: float) -> float:
    return 100.0 * part / whole


@dataclass
class Cell:
    """The printed texts of one row: value and Ghi chú."""

    value: str = ""
    note: str = ""


@dataclass
class ComputedForm:
    form: Form
    cells: dict[str, Cell]
    numbers: dict[str, float]


@dataclass
class Computed:
    """Every form's cells, and the problems to report (Vietnamese)."""

    forms: list[ComputedForm]
    problems: list[str] = field(default_factory=list)
    #: ``bm1:3.1`` → the problems of that row, without the "Biểu mẫu 1, dòng 3.1 (…)" prefix (for the web page)
    rows: dict[str, list[str]] = field(default_factory=dict)

    def number(self, form: int, stt: str) -> float | None:
        return self.forms[form - 1].numbers.get(stt)

    def text(self, form: int, stt: str) -> str:
        return self.forms[form - 1].cells[stt].value


def _where(form: Form, row: FormRow) -> str:
    return f"Biểu mẫu {form.number}, dòng {row.stt} ({row.name[:50]})"


def _number(value: Value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return None


def _compute(form: Form, entered: dict[str, Value], notes: dict[str, str], problems: list[str]) -> ComputedForm:
    numbers: dict[str, float] = {}
    cells: dict[str, Cell] = {}
    for row in form.rows:  # entered figures first: formula rows need their components
        value = entered.get(row.stt)
        number = _number(value)
        if row.kind == "group":
            if value not in (None, ""):
                problems.append(f"{_where(form, row)}: dòng nhóm không ghi số liệu; hãy xóa giá trị '{value}'.")
            continue
        if isinstance(value, str) and value.strip() not in ("", NO_DATA):
            problems.append(f"{_where(form, row)}: '{value}' không phải số; hãy ghi một số, hoặc '-' nếu chưa có "
                            "số liệu (ghi lý do ở Ghi chú).")
        if number is not None and number < 0:
            problems.append(f"{_where(form, row)}: số liệu không được âm ({value}).")
        if number is not None and row.kind not in ("sum", "ratio"):
            numbers[row.stt] = number
    for row in reversed(form.rows):  # components follow their formula row: compute from the bottom up
        cell = Cell(note=notes.get(row.stt, ""))
        cells[row.stt] = cell
        if row.kind == "group":
            continue
        value = entered.get(row.stt)
        if row.kind in ("sum", "ratio"):
            parts = [numbers.get(s) for s in row.of]
            if any(entered.get(s) == NO_DATA for s in row.of) and _number(value) is None:
                cell.value = NO_DATA  # a component without data: the total or ratio has none either
                shared = {cells[s].note for s in row.of if s in cells and entered.get(s) == NO_DATA}
                if not cell.note and len(shared) == 1:  # "Không thuộc phạm vi" of every such component
                    cell.note = shared.pop()
                continue
            if any(p is None for p in parts):
                if _number(value) is not None:
                    problems.append(f"{_where(form, row)}: dòng này do chương trình tính từ các dòng "
                                    f"{', '.join(row.of)}; hãy nhập các dòng đó thay vì nhập thẳng kết quả.")
                continue
            known = [p for p in parts if p is not None]
            if row.kind == "sum":
                numbers[row.stt] = sum(known)
                cell.value = vi_figure(numbers[row.stt])
            else:
                top, bottom = known
                if bottom == 0:
                    typed = _number(value)
                    cell.value = vi_figure(typed) if typed is not None else NO_DATA
                    cell.note = cell.note or ZERO_NOTE
                    continue
                if top > bottom:
                    problems.append(f"{_where(form, row)}: dòng {row.of[0]} ({vi_figure(top)}) lớn hơn dòng "
                                    f"{row.of[1]} ({vi_figure(bottom)}); hãy kiểm tra lại hai số liệu này.")
                numbers[row.stt] = percent(top, bottom)
                cell.value = vi_figure(numbers[row.stt])
            typed = _number(value)
            if typed is not None and abs(round_half_up(typed) - round_half_up(numbers[row.stt])) >= Decimal("0.01"):
                problems.append(f"{_where(form, row)}: số đã nhập ({vi_figure(typed)}) khác số tính từ các dòng "
                                f"thành phần ({cell.value}); chương trình dùng số tính được.")
            continue
        if row.stt in numbers:
            cell.value = vi_figure(numbers[row.stt])
        elif isinstance(value, str) and value.strip() == NO_DATA:
            cell.value = NO_DATA
        if row.kind == "coded" and row.stt in numbers and numbers[row.stt] not in row.codes:
            problems.append(f"{_where(form, row)}: giá trị {vi_figure(numbers[row.stt])} không có trong mã "
                            f"({' '.join(row.unit)}); hãy ghi một trong: {', '.join(map(str, row.codes))}.")
        if row.kind == "percent" and numbers.get(row.stt, 0) > 100:
            problems.append(f"{_where(form, row)}: tỷ lệ phải từ 0 đến 100 (không ghi dấu %).")
    _checks(form, numbers, cells, problems)
    return ComputedForm(form, {r.stt: cells[r.stt] for r in form.rows}, numbers)


def _checks(form: Form, numbers: dict[str, float], cells: dict[str, Cell], problems: list[str]) -> None:
    for row in form.rows:
        if row.check is None or row.stt not in numbers:
            continue
        rule, others = row.check
        known = [numbers[s] for s in others if s in numbers]
        if len(known) != len(others):
            continue
        if rule == "at_least_sum" and numbers[row.stt] < sum(known):
            problems.append(f"{_where(form, row)}: {vi_figure(numbers[row.stt])} nhỏ hơn tổng các dòng "
                            f"{', '.join(others)} ({vi_figure(sum(known))}); hãy kiểm tra lại.")
        elif rule == "at_least_sum" and not cells[row.stt].note and numbers[row.stt] > sum(known):
            rest = numbers[row.stt] - sum(known)
            cells[row.stt].note = f"Có {vi_figure(rest)}/{vi_figure(numbers[row.stt])} nhiệm vụ chưa hoàn thành còn " \
                                  "trong hạn"
        if rule == "at_most" and numbers[row.stt] > known[0]:
            problems.append(f"{_where(form, row)}: {vi_figure(numbers[row.stt])} lớn hơn dòng {others[0]} "
                            f"({vi_figure(known[0])}); số có mặt không thể vượt số được giao.")


def compute_forms(outline: Outline, figures: dict[str, dict[str, Value]], notes: dict[str, dict[str, str]],
                  known: dict[str, dict[str, Value]] | None = None) -> Computed:
    """Every form computed; ``known`` (figures the program derives) fills rows the user left blank."""
    known = known or {}
    problems: list[str] = []
    for key in figures:
        if key not in {form_key(f.number) for f in outline.forms}:
            problems.append(f"'report.figures.{key}': không có biểu mẫu này; hãy dùng bm1 … bm{len(outline.forms)}.")
    forms = []
    rows: dict[str, list[str]] = {}
    for form in outline.forms:
        key = form_key(form.number)
        entered = {**known.get(key, {}), **{k: v for k, v in figures.get(key, {}).items() if v is not None}}
        for stt in entered:
            if form.row(stt) is None:
                problems.append(f"'report.figures.{key}.{stt}': Biểu mẫu {form.number} không có dòng STT {stt}; "
                                "hãy xem lại số thứ tự.")
        start = len(problems)
        forms.append(_compute(form, entered, notes.get(key, {}), problems))
        for text in problems[start:]:
            row = next((r for r in form.rows if text.startswith(_where(form, r) + ": ")), None)
            if row is not None:
                rows.setdefault(f"{key}:{row.stt}", []).append(text[len(_where(form, row)) + 2:])
    return Computed(forms, problems, rows)
