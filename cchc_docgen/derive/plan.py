"""``derive_plan``: a parent plan + a unit → the unit's own plan (pure model → model)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc_docgen.derive.appendix import Assignee, Kept, narrow
from cchc_docgen.derive.assign import Reader
from cchc_docgen.derive.content import report_to_superior, without_appendix_notes, without_area
from cchc_docgen.derive.organization import deputy_title, is_organization, organization, teams_text
from cchc_docgen.derive.superior import superior_of
from cchc_docgen.derive.tasks import Sorter, Task
from cchc_docgen.derive.vocab import relation
from cchc_docgen.derive.wording import (
    Wording,
    child_title,
    issuer_sentence_name,
    lower_first,
    parent_reference,
    topic,
)
from cchc_docgen.errors import InputError
from cchc_docgen.models import Archive, DocDate, Document, Issuer, Node, Preamble, Recipient, Signer
from cchc_docgen.models.unit import Unit
from cchc_docgen.models.walk import footnote_marks

_AUDIENCE = re.compile(r"^đối tượng", re.IGNORECASE)


@dataclass
class Derived:
    """The child plan and what was done to get it (for the command's summary and the web page)."""

    document: Document
    #: body position in the child → body position in the parent (``None``: written for the unit)
    sources: list[int | None] = field(default_factory=list)
    kept_tasks: list[Kept] = field(default_factory=list)
    dropped_tasks: int = 0
    wording: dict[str, int] = field(default_factory=dict)
    #: task rows in the child's appendices (all rows of a table that names no assignee are kept)
    kept_rows: int = 0
    #: every task of the parent (body, organization, appendix) with what the unit does with it and why
    tasks: list[Task] = field(default_factory=list)
    #: things the user must know (Vietnamese): the unit's superior is not the parent's issuer …
    warnings: list[str] = field(default_factory=list)


def require_issued(parent: Document, where: str = "", *, imported: bool = False) -> None:
    """The child cites the parent by number and date: a draft parent is an ``InputError`` saying how to fix it."""
    missing = [what for what, ok in (("số ('number')", parent.number is not None),
                                     ("ngày ban hành đủ ngày, tháng, năm ('date')",
                                      parent.date is not None and parent.date.complete)) if not ok]
    if parent.kind != "ke_hoach":
        raise InputError(
            f"{where or 'văn bản cấp trên'} là một báo cáo; lệnh 'derive' lập kế hoạch của đơn vị từ một KẾ HOẠCH "
            "của cấp trên. Hãy chọn tệp kế hoạch của cấp trên."
        )
    if missing:
        raise InputError(
            f"kế hoạch cấp trên {where + ' ' if where else ''}còn là dự thảo: chưa có {' và '.join(missing)}. "
            "Kế hoạch của đơn vị phải trích dẫn đầy đủ văn bản cấp trên ở phần mở đầu, dạng 'Thực hiện Kế hoạch "
            "số 07/KH-SGDĐT ngày 04/01/2022 của Sở Giáo dục và Đào tạo … về …', nên cần số và ngày của văn bản đã "
            "ban hành. " + (_FIX_IMPORTED if imported else _FIX_YAML)
        )


_FIX_YAML = (
    "Cách sửa: mở tệp kế hoạch cấp trên, ghi 'number: <số văn bản>' và 'date: YYYY-MM-DD' (ví dụ 'date: 2022-01-04') "
    "đúng như bản đã ký ban hành, rồi chạy lại lệnh."
)
_FIX_IMPORTED = (
    "Cách sửa: dùng bản Word/PDF đã ký ban hành (có số và ngày); hoặc chuyển tệp này sang YAML bằng "
    "'cchc-docgen import TỆP -o ke_hoach_cap_tren.yaml', ghi 'number:' và 'date:' vào tệp YAML đó, rồi lập kế "
    "hoạch của đơn vị từ tệp YAML."
)


def derive_plan(parent: Document, unit: Unit) -> Document:
    """The unit's plan derived from ``parent`` (see ``derive``)."""
    return derive(parent, unit).document


def derive(parent: Document, unit: Unit) -> Derived:
    require_issued(parent)
    wording = Wording(unit)
    rel = relation(unit, parent.issuer.name)
    sup = superior_of(parent, unit)
    reader = Reader(unit, rel, superior=sup.name, under_issuer=sup.is_issuer, place=parent.issuer.place)
    parent_body = issuer_sentence_name(parent)
    full_ref = parent_reference(parent)
    short_ref = full_ref.split(" về ")[0]

    body: list[Node] = []
    sources: list[int | None] = []
    parent_org = None
    sorter = Sorter(reader)
    for i, node in enumerate(parent.body):
        if is_organization(node):
            parent_org = node
            continue
        kept_node = sorter.node(node)
        if kept_node is None:
            continue
        body.append(_turn(kept_node, unit, wording))
        sources.append(i)
    org_sorter = Sorter(reader, "organization")
    if parent_org is not None:
        org_sorter.nodes(parent_org.items, None, parent_org.title or "Tổ chức thực hiện")
    duties = [wording(t.text) for t in org_sorter.tasks if t.kept]
    if not sup.is_issuer:
        duties = [report_to_superior(d, parent.issuer.place, sup.name) for d in duties]
    org = organization(unit, short_ref, sup, duties)
    at = next((i for i, n in enumerate(parent.body) if is_organization(n)), len(parent.body))
    position = sum(1 for s in sources if s is not None and s < at)
    body.insert(position, org)
    sources.insert(position, None)

    who = Assignee(
        lead=unit.head.title,
        support_lead=unit.deputies[0].title if unit.deputies else deputy_title(unit),
        partners=teams_text(unit),
    )
    appendices, kept, total, kept_rows, table_tasks = [], [], 0, 0, []
    for appendix in parent.appendices:
        narrowed, rows, decided = narrow(appendix, reader, who, parent_body)
        total += _count(appendix.rows)
        kept += rows
        table_tasks += decided
        if narrowed.rows and any(not r.group for r in narrowed.rows):
            kept_rows += _count(narrowed.rows)
            lines = [wording(child_title_line(line, parent, unit)) for line in narrowed.title]
            appendices.append(narrowed.model_copy(update={"title": lines}))
    if not appendices:
        body, sources = without_appendix_notes(body, sources)

    title = without_area(child_title(parent, unit), parent.issuer.place)
    signer = (
        Signer(authority="KT", head_title=unit.head.title, title=unit.deputies[0].title,
               name=unit.deputies[0].name or "")
        if unit.signs == "deputy" else Signer(title=unit.head.title, name=unit.head.name)
    )
    year = parent.date.year if parent.date else None
    draft = Document.model_construct(**{**parent.__dict__, "body": body})
    used = set(footnote_marks(draft))
    preamble_text = f"Thực hiện {full_ref}" + (f"; {sup.guidance}" if not sup.is_issuer else "") + ","
    doc = Document(
        kind="ke_hoach",
        issuer=Issuer(parent=header_line(unit.parent), name=unit.name, abbreviation=unit.abbreviation, place=unit.place,
                      full_name=unit.full_name),
        date=DocDate(year=year, month=parent.date.month) if parent.date and year else None,
        title=title,
        year=parent.year,
        preamble=Preamble(
            text=preamble_text,
            lead_in=f"{unit.sentence_name} xây dựng Kế hoạch {lower_first(topic(title, unit))} như sau:",
        ),
        body=body,
        closing=[
            f"Trên đây là Kế hoạch {lower_first(topic(title, unit))} của {unit.sentence_name}. Đề nghị toàn thể "
            f"{unit.staff_words} {unit.self_noun} nghiêm túc triển khai thực hiện; trong quá trình thực hiện, nếu "
            f"có vướng mắc, báo cáo {unit.head.title} để kịp thời giải quyết."
        ],
        footnotes={k: v for k, v in parent.footnotes.items() if k in used},
        appendices=appendices,
        signer=signer,
        recipients=[
            *sup.recipients(),
            Recipient(name=f"{unit.staff_words[:1].upper()}{unit.staff_words[1:]} {unit.self_noun}", note="t/h"),
        ],
        archive=Archive(units=unit.archive),
    )
    tasks = sorter.tasks + org_sorter.tasks + table_tasks
    return Derived(doc, sources, kept, total - kept_rows, dict(wording.changed), kept_rows, tasks, sup.warnings())


_ADMIN_AREA = re.compile(r"\s(?=(huyện|thị xã|thành phố|quận|tỉnh|TP\.?)\s)", re.IGNORECASE)


def header_line(text: str | None) -> str | None:
    """'Phòng GD&ĐT huyện Văn Lâm' → 'Phòng GD&ĐT | huyện Văn Lâm': a long header line breaks before the place
    instead of inside the place name (the unit file may set its own ' | ')."""
    if not text or "|" in text or len(text) <= 22:
        return text
    found = list(_ADMIN_AREA.finditer(text))
    return f"{text[: found[-1].start()]} | {text[found[-1].end():]}" if found else text


def child_title_line(line: str, parent: Document, unit: Unit) -> str:
    """An appendix title line with the parent body's name (or 'ngành Giáo dục và Đào tạo <địa bàn>') turned to
    the unit's name: the child's task table is the unit's own."""
    line = child_title(parent.model_copy(update={"title": line}), unit)
    return _SECTOR.sub(unit.sentence_name, line)


_SECTOR = re.compile(r"\b(của )?(toàn )?ngành Giáo dục (và|&) Đào tạo(?: (?!năm\b)[^\s|]+)*", re.IGNORECASE)


def _turn(node: Node, unit: Unit, wording: Wording) -> Node:
    """A copied section with its wording turned to the unit (the audience rewritten for the unit)."""
    if node.role == "audience" or (node.title and _AUDIENCE.match(node.title) and not node.items):
        audience = f"Toàn thể {unit.staff_words} {unit.self_noun}" + {
            "mam_non": "; trẻ và cha mẹ trẻ",
            "gdnn_gdtx": "; học viên, học sinh và cha mẹ học sinh",
            "phong_gddt": "; các trường học trực thuộc",
            "khac": "",
        }.get(unit.category, "; học sinh và cha mẹ học sinh") + "."
        update: dict[str, object] = (
            {"paragraphs": [audience]} if node.paragraphs and not node.text else {"text": audience, "paragraphs": []}
        )
        return node.model_copy(update=update)
    return node.model_copy(update={
        "title": wording(node.title) if node.title else None,
        "text": wording(node.text) if node.text else None,
        "paragraphs": [wording(p) for p in node.paragraphs],
        "items": [_turn(i, unit, wording) for i in node.items],
    })


def _count(rows: list) -> int:
    return sum(_count(r.subrows) if r.subrows else (0 if r.group else 1) for r in rows)
