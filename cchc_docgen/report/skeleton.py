"""A plan → the skeleton of its periodic report (pure: model in, model out).

The skeleton follows the conventional outline of spec/nd30.md §7.2: results (the task summary, one
placeholder per target, one section per content section of the plan), shortcomings and causes, directions for
the next period, proposals; the appendix lists every task of the plan due in or before the period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import cast

from cchc_docgen.context.dates import month_text
from cchc_docgen.context.text import squash
from cchc_docgen.errors import InputError
from cchc_docgen.models import DocDate, Document, Node, Preamble, Recipient
from cchc_docgen.models.report import PeriodKey, ReportInfo, TaskResult
from cchc_docgen.report.deadlines import parse_deadline
from cchc_docgen.report.periods import Period, get_period
from cchc_docgen.report.tasks import PlanTask, plan_tasks

#: What the skeleton writes where staff have to fill in text.
PLACEHOLDER = "…"
_UPWARD = re.compile(r"\bb/c\b|báo cáo", re.IGNORECASE)
_LEADERS = re.compile(r"ban giám đốc|lãnh đạo|ban giám hiệu", re.IGNORECASE)
_OWNER_TAIL = re.compile(r"\s+(?:của|tại)\s+(?:sở|phòng|trường|ủy ban|uỷ ban|ubnd|ngành|trung tâm|ban)\b.*$",
                         re.IGNORECASE)
_YEAR_TAIL = re.compile(r"\s+(?:năm\s+)?(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?$", re.IGNORECASE)


class Note(str):
    """A warning for the user (Vietnamese text); ``path`` is the key path in the plan it concerns, if any."""

    path: tuple[object, ...]

    def __new__(cls, text: str, path: tuple[object, ...] = ()) -> Note:
        note = super().__new__(cls, text)
        note.path = path
        return note


@dataclass
class Skeleton:
    """A report skeleton and the warnings met while making it (Vietnamese, for the user)."""

    report: Document
    warnings: list[Note] = field(default_factory=list)


def short_date(date: dt.date) -> str:
    """``15/12/2022``, ``14/3/2023``: as dates are cited in running text (months 1–2 with a zero)."""
    return f"{date.day:02d}/{month_text(date.month)}/{date.year}"


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _about(plan: Document) -> str:
    """The plan's title without its owner ("… của Sở …", "… Sở Giáo dục và Đào tạo Hưng Yên …")."""
    text = squash(plan.title.replace("|", " "))
    for name in {issuer_in_text(plan), squash(plan.issuer.name.replace("|", " "))}:
        owner = rf"\s*(?:của\s+|tại\s+)?{re.escape(name)}(?:\s+{re.escape(squash(plan.issuer.place))})?\b"
        text = re.sub(owner, "", text, flags=re.IGNORECASE)
    return squash(_OWNER_TAIL.sub("", text))


def plan_subject(plan: Document) -> str:
    """What the plan is about, without its year or owner: "tuyên truyền cải cách hành chính"."""
    return _lower_first(_YEAR_TAIL.sub("", _about(plan)))


def issuer_in_text(doc: Document) -> str:
    return squash(doc.issuer.full_name or doc.issuer.name.replace("|", " "))


def plan_reference(plan: Document) -> str:
    """``Kế hoạch số 07/KH-SGDĐT ngày 04/01/2022 của Sở … về …``; a draft's missing parts are '…'."""
    number = f"{plan.number:02d}" if plan.number else PLACEHOLDER
    date = plan.date
    if date and date.day and date.month:
        when = f"ngày {short_date(dt.date(date.year, date.month, date.day))}"
    elif date and date.month:
        when = f"ngày {PLACEHOLDER}/{month_text(date.month)}/{date.year}"
    else:
        when = f"ngày {PLACEHOLDER}"
    about = _lower_first(_about(plan))
    return f"Kế hoạch số {number}/KH-{plan.issuer.abbreviation} {when} của {issuer_in_text(plan)} về {about}"


def _key(task: str, lead: str | None) -> tuple[str, str]:
    return squash(task).lower(), squash(lead or "").lower()


def _carried(previous: Document | None) -> dict[tuple[str, str], TaskResult]:
    if previous is None:
        return {}
    if previous.report is None:
        raise InputError("báo cáo kỳ trước (--from) không có khóa 'report': hãy chọn tệp YAML do lệnh 'report' tạo.")
    return {_key(t.task, t.lead): t for t in previous.report.tasks if t.task}


def _task_rows(plan: Document, period: Period, year: int, base_year: int,
               previous: Document | None, warnings: list[Note]) -> list[TaskResult]:
    end = period.span(year)[1]
    carried = _carried(previous)
    rows: list[TaskResult] = []
    group: PlanTask | None = None
    for task in plan_tasks(plan):
        if task.group is not None:
            group = task
            continue
        deadline = parse_deadline(task.deadline, base_year)
        if deadline.start is not None and deadline.start > end:
            continue
        if not deadline.understood:
            shown = f"'{task.deadline}'" if task.deadline else "(không ghi)"
            warnings.append(Note(f"nhiệm vụ '{_short(task.task)}': không hiểu thời hạn {shown}; nhiệm vụ vẫn "
                                 "được đưa vào báo cáo, hãy xem lại.", task.path))
        if group is not None:
            rows.append(TaskResult(group=group.group))
            group = None
        old = carried.get(_key(task.task, task.lead))
        rows.append(TaskResult(
            task=task.task, lead=task.lead, deadline=task.deadline,
            status=old.status if old else None,
            result=(old.result if old and old.result else None),
            note=old.note if old else None,
        ))
    return rows


def _short(text: str, size: int = 60) -> str:
    text = squash(text)
    return text if len(text) <= size else text[: size - 1] + "…"


def _content_sections(plan: Document) -> list[str]:
    titles: list[str] = []
    for node in plan.body:
        if node.role not in ("content", "tasks", "forms"):
            continue
        children = [squash(c.title) for c in node.items if c.title]
        titles.extend(children or ([squash(node.title)] if node.title else []))
    return titles


def _targets(plan: Document) -> list[str]:
    def leaves(nodes: list[Node]) -> list[str]:
        out: list[str] = []
        for node in nodes:
            if node.items:
                out.extend(leaves(node.items))
            elif node.text or node.title:
                out.append(squash(node.text or node.title or ""))
        return out

    return [t for node in plan.body if node.role == "targets" for t in leaves(node.items or [node])]


def _body(plan: Document, period: Period, year: int) -> list[Node]:
    results: list[Node] = [Node(title="Tình hình thực hiện các nhiệm vụ của Kế hoạch", role="summary")]
    targets = _targets(plan)
    if targets:
        results.append(Node(title="Kết quả thực hiện các chỉ tiêu", role="targets",
                            items=[Node(text=t, paragraphs=[f"Kết quả đạt được: {PLACEHOLDER}"]) for t in targets]))
    sections = _content_sections(plan) or ["Kết quả thực hiện các nội dung của Kế hoạch"]
    results += [Node(title=t, role="content", paragraphs=[f"Kết quả đạt được: {PLACEHOLDER}"]) for t in sections]
    return [
        Node(title=f"Kết quả thực hiện {period.phrase(year)}", role="results", items=results),
        Node(title="Tồn tại, hạn chế và nguyên nhân", role="limitations", items=[
            Node(title="Tồn tại, hạn chế", paragraphs=[PLACEHOLDER]),
            Node(title="Nguyên nhân", paragraphs=[PLACEHOLDER]),
        ]),
        Node(title=f"Phương hướng, nhiệm vụ {period.next_phrase(year)}", role="directions", items_numbering="dash",
             items=[Node(text="Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành và các nhiệm vụ đến hạn theo "
                              f"Kế hoạch trong {period.next_phrase(year)}."), Node(text=PLACEHOLDER)]),
        Node(title="Đề xuất, kiến nghị", role="proposals", paragraphs=[PLACEHOLDER]),
    ]


def build_report(plan: Document, period: str, year: int | None = None,
                 previous: Document | None = None) -> Skeleton:
    """The report skeleton for ``period`` of ``year`` (default: the plan's year), with warnings."""
    from cchc_docgen.context.build import plan_year  # context imports this package: import late

    spec = get_period(period)
    if plan.report is not None:
        raise InputError("tệp được chỉ là một báo cáo, không phải kế hoạch. Hãy chỉ tệp YAML của kế hoạch; báo cáo "
                         "kỳ trước thì đưa vào bằng --from.")
    base_year = plan_year(plan)
    year = year or base_year
    if year is None:
        raise InputError("không biết kế hoạch thuộc năm nào: hãy ghi năm trong tiêu đề kế hoạch hoặc dùng --year.")
    if not any(t.group is None for t in plan_tasks(plan)):
        raise InputError(
            "kế hoạch không có bảng nhiệm vụ (phụ lục có cột nhiệm vụ và cột đơn vị chủ trì hoặc thời gian), nên "
            "không lập được báo cáo kết quả thực hiện nhiệm vụ. Hãy thêm phụ lục nhiệm vụ vào kế hoạch."
        )
    warnings: list[Note] = []
    if not (plan.number and plan.date and plan.date.day):
        warnings.append(Note("kế hoạch chưa có số hoặc ngày ban hành: hãy ghi lại số, ngày của kế hoạch trong "
                             "'report.plan' và lời mở đầu của báo cáo.", ("date",)))
    tasks = _task_rows(plan, spec, year, base_year or year, previous, warnings)
    if not any(t.task for t in tasks):
        warnings.append(Note(f"không có nhiệm vụ nào của kế hoạch đến hạn trong {spec.phrase(year)}; kiểm tra "
                             "lại --period và --year.", ("appendices",)))
    data_from, data_to = spec.data_period(year)
    due = spec.due(year)
    reference = plan_reference(plan)
    addressees = [squash(r.name) for r in plan.recipients if r.note and _UPWARD.search(r.note)]
    phrase = spec.phrase(year)
    title = f"Kết quả thực hiện Kế hoạch {plan_subject(plan)} | {phrase}"
    issuer = issuer_in_text(plan)
    closing = f"Trên đây là báo cáo kết quả thực hiện Kế hoạch {plan_subject(plan)} {phrase} của {issuer}"
    if addressees:
        closing += f". Kính đề nghị {addressees[0]} xem xét, chỉ đạo"
    recipients = [Recipient(name="Như trên")] if addressees else []
    recipients += [r for r in plan.recipients if _LEADERS.search(r.name)]
    report = Document(
        kind="bao_cao", issuer=plan.issuer, date=DocDate(year=due.year, month=due.month), title=title, year=year,
        addressees=addressees,
        preamble=Preamble(text=f"Thực hiện {reference}, {issuer} báo cáo kết quả thực hiện {phrase} (số liệu tính "
                               f"từ ngày {short_date(data_from)} đến ngày {short_date(data_to)}) như sau:"),
        body=_body(plan, spec, year), closing=[closing], signer=plan.signer, recipients=recipients,
        archive=plan.archive,
        report=ReportInfo(plan=reference, period=cast(PeriodKey, spec.key), year=year, data_from=data_from,
                          data_to=data_to, due=due, tasks=tasks),
    )
    return Skeleton(report, warnings)


def make_report(plan: Document, period: str, year: int | None = None, previous: Document | None = None) -> Document:
    """The report skeleton of ``plan`` for ``period`` (q1 … year); statuses carried from ``previous``."""
    return build_report(plan, period, year, previous).report
