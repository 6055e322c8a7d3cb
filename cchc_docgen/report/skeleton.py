"""A plan → the skeleton of its periodic CCHC report (pure: model in, model out).

The skeleton follows the official outline read from a data file (``report/outline.py``, Công văn
4625/BNV-CCHC): title "Công tác cải cách hành chính <kỳ> và phương hướng, nhiệm vụ <kỳ tới> của <đơn vị>",
the "Thực hiện …" opening, sections I–IV with every fixed item, the closing naming every recipient. The
report keeps every task of the year plan (I.2 counts them cumulatively), each mapped to its outline field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal, cast

from cchc_docgen.context.text import squash, upper_vi
from cchc_docgen.errors import InputError
from cchc_docgen.models import DocDate, Document, Preamble
from cchc_docgen.models.report import Level, PeriodKey, ReportInfo, TaskResult
from cchc_docgen.report.addressing import addressing, closing_sentence
from cchc_docgen.report.deadlines import parse_deadline
from cchc_docgen.report.due import Due, due_date
from cchc_docgen.report.fields import field_of, is_communication_plan, level_of
from cchc_docgen.report.naming import (
    Note,
    Skeleton,
    issuer_in_text,
    plan_reference,
    plan_subject,
    short_date,
)
from cchc_docgen.report.outline import DEFAULT_VERSION, LEVELS, Outline, load_outline
from cchc_docgen.report.outline_body import PLACEHOLDER, NextTask, outline_body
from cchc_docgen.report.periods import Period, get_period
from cchc_docgen.report.tasks import plan_tasks

__all__ = ["PLACEHOLDER", "Note", "Skeleton", "build_report", "issuer_in_text", "make_report", "plan_reference",
           "plan_subject", "short_date"]


def _key(task: str, lead: str | None) -> tuple[str, str]:
    return squash(task).lower(), squash(lead or "").lower()


def _carried(previous: Document | None) -> dict[tuple[str, str], TaskResult]:
    if previous is None:
        return {}
    if previous.report is None:
        raise InputError("báo cáo kỳ trước (--from) không có khóa 'report': hãy chọn tệp YAML do lệnh 'report' tạo.")
    return {_key(t.task, t.lead): t for t in previous.report.tasks if t.task}


def out_of_scope(outline: Outline, level: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Rows of provincial scope a lower level marks "-" with a Ghi chú (spec §6.3, BC32)."""
    rows = outline.out_of_scope.get(level) or {}
    note = str(outline.out_of_scope.get("note", ""))
    return ({k: dict.fromkeys(map(str, v), "-") for k, v in rows.items()},
            {k: dict.fromkeys(map(str, v), note) for k, v in rows.items()})


def carried_figures(outline: Outline, previous: Document | None, year: int,
                    level: str = "province") -> tuple[dict[str, Any], dict[str, Any]]:
    """Rows out of the level's scope ("-"), then the cumulative and stock rows of the previous report of the
    same year (``--from``): figures and notes."""
    figures, notes = out_of_scope(outline, level)
    if previous is None or previous.report is None or previous.report.year != year:
        return figures, notes
    for form in outline.forms:
        key = f"bm{form.number}"
        old, old_notes = previous.report.figures.get(key, {}), previous.report.notes.get(key, {})
        kept = {s: old[s] for s in form.carry if old.get(s) is not None}
        kept_notes = {s: old_notes[s] for s in form.carry if s in old_notes}
        if kept:
            figures[key] = {**figures.get(key, {}), **kept}
        if kept_notes:
            notes[key] = {**notes.get(key, {}), **kept_notes}
    return figures, notes


def _short(text: str, size: int = 60) -> str:
    text = squash(text)
    return text if len(text) <= size else text[: size - 1] + "…"


def _task_rows(plan: Document, outline: Outline, base_year: int, previous: Document | None,
               warnings: list[Note]) -> list[TaskResult]:
    """Every task of the year plan (Y of I.2 is the whole plan, BC27), with its outline field."""
    carried = _carried(previous)
    communication = is_communication_plan(plan)
    rows: list[TaskResult] = []
    group: str | None = None
    for task in plan_tasks(plan):
        if task.group is not None:
            group = task.group
            rows.append(TaskResult(group=task.group))
            continue
        if not parse_deadline(task.deadline, base_year).understood:
            shown = f"'{task.deadline}'" if task.deadline else "(không ghi)"
            warnings.append(Note(f"nhiệm vụ '{_short(task.task)}': không hiểu thời hạn {shown}; nhiệm vụ này không "
                                 "được tính quá hạn, hãy xem lại.", task.path))
        old = carried.get(_key(task.task, task.lead))
        rows.append(TaskResult(
            task=task.task, lead=task.lead, deadline=task.deadline,
            status=old.status if old else None, result=old.result if old else None, note=old.note if old else None,
            field=old.field if old and old.field else field_of(outline, task.task, group, communication),
        ))
    return [r for i, r in enumerate(rows) if r.task or (i + 1 < len(rows) and rows[i + 1].task)]


def next_span(spec: Period, year: int) -> tuple[dt.date, dt.date]:
    """The calendar span of the period after ``spec``: quý I → quý II; 6 tháng đầu → 6 tháng cuối năm."""
    start = spec.span(year)[1] + dt.timedelta(days=1)
    last_month = min(start.month + (6 if spec.key == "6m" else 3) - 1, 12)
    end = dt.date(start.year + (last_month == 12), last_month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def _closes_year(spec: Period) -> bool:
    return spec.key in ("year", "q4")


def _next_tasks(plan: Document, next_plan: Document | None, outline: Outline, spec: Period, year: int,
                base_year: int) -> list[NextTask]:
    """Tasks of the next period; for the year report only from the next year's plan, never the closed one."""
    if _closes_year(spec):
        if next_plan is None:
            return []
        source, first, last, plan_base = next_plan, dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31), year + 1
    else:
        source, plan_base = plan, base_year
        first, last = next_span(spec, year)
    communication = is_communication_plan(source)
    out: list[NextTask] = []
    group: str | None = None
    for task in plan_tasks(source):
        if task.group is not None:
            group = task.group
        elif parse_deadline(task.deadline, plan_base).due_within(first, last):
            out.append(NextTask(task.task, field_of(outline, task.task, group, communication), task.deadline))
    return out


def _warn_gaps(plan: Document, tasks: list[TaskResult], spec: Period, year: int, next_plan: Document | None,
               due: Due) -> list[Note]:
    out: list[Note] = []
    if not (plan.number and plan.date and plan.date.day):
        out.append(Note("kế hoạch chưa có số hoặc ngày ban hành: hãy ghi lại số, ngày của kế hoạch trong "
                        "'report.plan' và lời mở đầu của báo cáo.", ("date",)))
    if not any(t.task for t in tasks):
        out.append(Note("kế hoạch không có bảng nhiệm vụ: khung báo cáo vẫn đủ các mục; hãy tự ghi số nhiệm vụ của "
                        "kế hoạch ở 'report.figures.bm1' (dòng 2.1 và 2.2).", ("appendices",)))
    if _closes_year(spec) and next_plan is None:
        out.append(Note(f"chưa có kế hoạch {spec.next_phrase(year)} (--next): mục IV ghi các nhiệm vụ trọng tâm "
                        "chung; hãy bổ sung khi có kế hoạch mới."))
    if due.date is None:
        seen = "; ".join(dict.fromkeys(due.ignored))
        mine = (f"kế hoạch của đơn vị có hạn {seen}, nhưng đó không phải hạn của chính đơn vị (hạn đặt cho các đơn "
                "vị khác, hoặc không rõ áp dụng cho ai); " if seen else "")
        superior = ("kế hoạch của cấp trên không ghi hạn gửi báo cáo cho nhóm đơn vị này; " if due.superior_read
                    else "")
        how = "" if due.superior_read else ", hoặc --superior với kế hoạch của cấp trên"
        # the command-line options stand in a sentence of their own: the web page leaves that sentence out
        out.append(Note(f"chưa biết hạn gửi báo cáo: {mine}{superior}hãy ghi hạn theo văn bản yêu cầu của cấp trên "
                        f"vào 'report.due'; trên dòng lệnh: --due{how}. Chỉ báo cáo của UBND tỉnh gửi Bộ Nội vụ mới "
                        "có hạn ngày 20."))
    return out


def report_title(phrase: str, next_phrase: str, unit: str) -> str:
    """"Công tác cải cách hành chính <kỳ> và | phương hướng, nhiệm vụ <kỳ tới> của <đơn vị>" (BC1), broken
    after "và" as the real reports are; "của <đơn vị>" gets a line of its own when the second line would not
    fit (14 pt bold), so a long name never wraps one word alone ("… Bùi Thị / Xuân")."""
    from cchc_docgen.context.rules import PORTRAIT_WIDTH_MM
    from cchc_docgen.fontmetrics import text_width_mm

    second = f"phương hướng, nhiệm vụ {next_phrase}"
    whole = f"{second} của {unit}"
    tail = whole if text_width_mm(whole, 14, True) <= PORTRAIT_WIDTH_MM else f"{second} | của {unit}"
    return f"Công tác cải cách hành chính {phrase} và | {tail}"


_LEVEL_NAMES = {"province": "UBND tỉnh", "department": "sở, ban, ngành", "office": "phòng cấp huyện",
                "commune": "UBND cấp xã", "school": "trường học"}


def _level_warning(plan: Document, level: str | None) -> list[Note]:
    """A chosen level that contradicts a clear issuer (a UBND tỉnh plan reported as a school)."""
    guessed = level_of(plan)
    named = re.match(r"(?:Sở|Ban)\b", squash(plan.issuer.name.replace("|", " ")))
    if level is None or level == guessed or (guessed == "department" and not named):  # the fallback guess
        return []
    return [Note(f"cấp báo cáo '{_LEVEL_NAMES[level]}' không khớp với đơn vị ban hành kế hoạch "
                 f"'{issuer_in_text(plan)}' ({_LEVEL_NAMES[guessed]}): báo cáo vẫn đứng tên đơn vị này. Nếu là "
                 "báo cáo của một đơn vị khác, hãy lập kế hoạch của đơn vị đó (lệnh derive) rồi lập báo cáo từ "
                 "kế hoạch ấy.", ("issuer",))]


def build_report(plan: Document, period: str, year: int | None = None, previous: Document | None = None, *,
                 next_plan: Document | None = None, level: str | None = None, pattern: str = "B",
                 due: dt.date | None = None, superior: Document | None = None,
                 version: str = DEFAULT_VERSION) -> Skeleton:
    """The report skeleton for ``period`` of ``year`` (default: the plan's year), with warnings.

    ``next_plan`` feeds Section IV of a year report; ``level`` (province, department, commune, school) is
    read from the issuer when not given; ``pattern`` is the addressing (B: Kính gửi; A: none); ``due`` the
    date the superior asked for, else read from ``superior`` (the superior's plan) for the unit's group (only
    a province defaults to the 20th).
    """
    from cchc_docgen.context.build import plan_year  # context imports this package: import late

    spec = get_period(period)
    if plan.report is not None:
        raise InputError("tệp được chỉ là một báo cáo, không phải kế hoạch. Hãy chỉ tệp YAML của kế hoạch; báo cáo "
                         "kỳ trước thì đưa vào bằng --from.")
    if level is not None and level not in LEVELS:
        raise InputError(f"cấp '{level}' không có; hãy chọn một trong: {', '.join(LEVELS)}.")
    if pattern not in ("A", "B"):
        raise InputError(f"cách gửi '{pattern}' không có; hãy chọn B (có 'Kính gửi') hoặc A (không có 'Kính gửi').")
    outline = load_outline(version)
    base_year = plan_year(plan)
    year = year or base_year
    if year is None:
        raise InputError("không biết kế hoạch thuộc năm nào: hãy ghi năm trong tiêu đề kế hoạch hoặc dùng --year.")
    warnings: list[Note] = _level_warning(plan, level)
    level = level or level_of(plan)
    tasks = _task_rows(plan, outline, base_year or year, previous, warnings)
    found = due_date(plan, level, spec, year, due, superior)
    due = found.date
    warnings += _warn_gaps(plan, tasks, spec, year, next_plan, found)
    unit = issuer_in_text(plan)
    phrase, next_phrase = spec.phrase(year), spec.next_phrase(year)
    where = addressing(plan, level, pattern)
    work_year = year + 1 if _closes_year(spec) else year
    assigned = {} if level == "province" else {"superior_tasks": where.named[0]}  # I.5: the superior's tasks
    values = {**outline.levels[level], **assigned, "next": next_phrase, "next_upper": upper_vi(next_phrase),
              "unit": unit, "work_year": str(work_year)}
    body = outline_body(outline, year_report=spec.key == "year", level=level, values=values,
                        next_tasks=_next_tasks(plan, next_plan, outline, spec, year, base_year or year),
                        appendix=True)
    request = (outline.source if level == "province" else
               f"văn bản số {PLACEHOLDER} ngày {PLACEHOLDER} của {where.named[0]} về báo cáo công tác cải cách "
               "hành chính")
    data_from, data_to = spec.data_period(year)
    figures, notes = carried_figures(outline, previous, year, level)
    report = Document(
        kind="bao_cao", issuer=plan.issuer, date=DocDate(year=due.year if due else year,
                                                         month=(due or spec.span(year)[1]).month),
        title=report_title(phrase, next_phrase, unit),
        year=year, addressees=where.addressees,
        preamble=Preamble(text=f"Thực hiện {request}, {unit} báo cáo kết quả thực hiện công tác cải cách hành chính "
                               f"(CCHC) {phrase} và phương hướng, nhiệm vụ {next_phrase}, như sau:"),
        body=body, closing=[closing_sentence(phrase, next_phrase, unit, where.named)], signer=plan.signer,
        recipients=where.recipients, archive=plan.archive,
        report=ReportInfo(plan=plan_reference(plan), period=cast(PeriodKey, spec.key), year=year,
                          data_from=data_from, data_to=data_to, due=due, tasks=tasks, outline=outline.version,
                          level=cast(Level, level), addressing=cast(Literal["A", "B"], pattern),
                          figures=figures, notes=notes),
    )
    return Skeleton(report, warnings)


def make_report(plan: Document, period: str, year: int | None = None, previous: Document | None = None,
                **options: Any) -> Document:
    """The report skeleton of ``plan`` for ``period`` (q1 … year); statuses carried from ``previous``."""
    return build_report(plan, period, year, previous, **options).report
