"""The child's 'Tổ chức thực hiện': the unit's own people (head, deputies, teams, staff) and reporting."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cchc_docgen.derive.wording import BLANK
from cchc_docgen.models import Node
from cchc_docgen.models.unit import Person, Unit

if TYPE_CHECKING:
    from cchc_docgen.derive.superior import Superior

_ORGANIZATION = re.compile(r"tổ chức thực hiện", re.IGNORECASE)


def is_organization(node: Node) -> bool:
    return node.role == "organization" or bool(node.title and _ORGANIZATION.search(node.title))


def deputy_title(unit: Unit) -> str:
    return f"Phó {unit.head.title}"


def teams_text(unit: Unit) -> str:
    """The unit's teams as one assignee cell: 'Tổ Toán - Tin, Tổ Văn phòng' or the usual wording."""
    if unit.teams:
        return ", ".join(t.name for t in unit.teams)
    return {
        "phong_gddt": "Các bộ phận chuyên môn của Phòng",
        "so": "Các phòng chuyên môn, đơn vị thuộc Sở",
        "ubnd_xa": "Các phòng chuyên môn, bộ phận thuộc UBND xã",
        "gdnn_gdtx": "Các tổ chuyên môn, bộ phận của Trung tâm",
        "khac": "Các bộ phận của đơn vị",
    }.get(unit.category, "Các tổ chuyên môn, tổ văn phòng")


def _person(person: Person) -> str:
    return f"{person.title} – đồng chí {person.name or BLANK}"


def organization(unit: Unit, parent_ref: str, superior: Superior, duties: list[str]) -> Node:
    """The organization section of the child plan."""
    head = unit.head
    items: list[Node] = []
    lead = [Node(text=(
        f"Chỉ đạo chung việc triển khai Kế hoạch; phân công nhiệm vụ cụ thể cho từng thành viên; chịu trách "
        f"nhiệm trước {superior.name} về kết quả thực hiện."
    ))]
    if duties:
        lead.append(Node(text=f"Tổ chức thực hiện các nhiệm vụ được giao tại {parent_ref}:",
                         items=[Node(text=d) for d in duties], items_numbering="plus"))
    items.append(Node(title=_person(head), items=lead, items_numbering="dash"))
    deputies = unit.deputies or [Person(title=deputy_title(unit))]
    for deputy in deputies:
        duty = deputy.duty or (
            f"Giúp {head.title} trực tiếp theo dõi, đôn đốc việc triển khai Kế hoạch; phụ trách nội dung "
            f"{BLANK} (ghi nội dung được phân công); tổng hợp, báo cáo kết quả thực hiện."
        )
        items.append(Node(title=_person(deputy), text=_sentence(duty)))
    if unit.teams:
        for team in unit.teams:
            title = f"{team.name} – tổ trưởng: đồng chí {team.leader}" if team.leader else team.name
            items.append(Node(title=title, text=_sentence(team.duty or _team_duty(unit))))
    else:
        items.append(Node(title=teams_text(unit), text=_team_duty(unit)))
    staff = unit.staff_words[:1].upper() + unit.staff_words[1:]
    items.append(Node(title=staff, text=(
        f"Nghiêm túc thực hiện Kế hoạch; tích cực tham gia và lan tỏa các nội dung tuyên truyền"
        f"{' tới học sinh, cha mẹ học sinh và nhân dân' if unit.is_school else ''}"
        f"{' tới người dân, doanh nghiệp' if unit.category == 'ubnd_xa' else ''}."
    )))
    reporter = unit.deputies[0].title if unit.deputies else deputy_title(unit)
    items.append(Node(title="Chế độ báo cáo", text=(
        f"Giao {reporter} tổng hợp, báo cáo kết quả thực hiện Kế hoạch về {superior.report_to} định kỳ 6 tháng, năm "
        "và đột xuất theo yêu cầu."
    )))
    return Node(title="Tổ chức thực hiện", role="organization", items=items)


def _team_duty(unit: Unit) -> str:
    return (
        f"Triển khai Kế hoạch tới từng thành viên; lồng ghép nội dung tuyên truyền trong các buổi sinh hoạt "
        f"chuyên môn; báo cáo kết quả thực hiện về {unit.head.title} theo định kỳ."
    )


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", ";", ":", "!", "?")) else text + "."
