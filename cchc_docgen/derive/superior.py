"""Who the unit answers to: its direct superior, the parent plan's issuer, and the body that compiles reports.

A Sở deriving from the province's plan reports to the UBND tỉnh through the body the plan names ("báo cáo UBND
tỉnh (qua Sở Nội vụ)"); a THPT deriving from the same plan answers to its Sở GD&ĐT, not to the province: its
plan cites both and reports to the Sở, and the user is warned.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from cchc_docgen.derive.vocab import normalize
from cchc_docgen.derive.wording import BLANK, issuer_sentence_name, one_line
from cchc_docgen.models import Document, Node, Recipient
from cchc_docgen.models.unit import Unit

_COMPILER = re.compile(
    r"(?:\(\s*(?:thông\s+)?qua\s+|gửi về\s+|gửi\s+)"
    r"((?:Sở|Công an|Văn phòng|Ban|Thanh tra)\s[^()*;,.:]{2,50}?)\s*(?:\*?\)|để tổng hợp|,|;|\.)",
)


@dataclass(frozen=True)
class Superior:
    """The unit's direct superior and how it stands to the parent's issuer."""

    #: the direct superior, as written in a sentence ("Sở GD&ĐT Lâm Đồng")
    name: str
    #: the parent plan's issuer ("Ủy ban nhân dân tỉnh Lâm Đồng")
    issuer: str
    is_issuer: bool
    #: the body the parent names to compile reports ("Sở Nội vụ"), ``None`` when it names none
    compiler: str | None = None

    @property
    def report_to(self) -> str:
        """'Ủy ban nhân dân tỉnh Lâm Đồng (qua Sở Nội vụ để tổng hợp)' or the superior alone."""
        if self.is_issuer and self.compiler:
            return f"{self.name} (qua {self.compiler} để tổng hợp)"
        return self.name

    @property
    def guidance(self) -> str:
        """The superior's own instruction, cited after the parent plan (number and date left for the user)."""
        return f"văn bản hướng dẫn số {BLANK} ngày {BLANK} của {self.name} (ghi số, ngày; bỏ nếu không có)"

    def recipients(self) -> list[Recipient]:
        out = [Recipient(name=self.name, note="b/c")]
        if self.is_issuer and self.compiler:
            out.append(Recipient(name=self.compiler, note="để tổng hợp"))
        return out

    def warnings(self) -> list[str]:
        if self.is_issuer:
            return []
        return [
            f"Cấp trên trực tiếp của đơn vị ({self.name}) không phải cơ quan ban hành kế hoạch gốc ({self.issuer}). "
            f"Kế hoạch đã trích dẫn cả hai, báo cáo và gửi về {self.name}; hãy ghi số, ngày văn bản hướng dẫn của "
            f"{self.name} vào phần mở đầu (hoặc xóa nếu không có)."
        ]


def superior_of(parent: Document, unit: Unit) -> Superior:
    issuer = issuer_sentence_name(parent)
    compiler = compiling_body(parent)
    if not unit.parent:
        return Superior(issuer, issuer, True, compiler)
    name = one_line(unit.parent)
    same = _same_body(name, issuer) or _same_body(name, one_line(parent.issuer.name))
    return Superior(issuer if same else name, issuer, same, compiler)


def _core(name: str) -> str:
    text = normalize(name).strip()
    return re.sub(r"\b(tỉnh|thành phố|tp\.?)\s+", "", text)


def _same_body(a: str, b: str) -> bool:
    x, y = _core(a), _core(b)
    return bool(x and y) and (x == y or x.startswith(y + " ") or y.startswith(x + " "))


def compiling_body(parent: Document) -> str | None:
    """The body reports go through, as the parent's reporting sentences name it ('(qua Sở Nội vụ)')."""
    found: Counter[str] = Counter()
    for text in _texts(parent.body, parent.closing):
        if "báo cáo" not in text.lower() and "tổng hợp" not in text.lower():
            continue
        for match in _COMPILER.finditer(re.sub(r"[*_]", "", text)):
            found[re.sub(r"\s+", " ", match.group(1)).strip()] += 1
    return found.most_common(1)[0][0] if found else None


def _texts(nodes: list[Node], closing: list[str]) -> list[str]:
    out: list[str] = list(closing)

    def walk(node: Node) -> None:
        out.extend(t for t in (node.title, node.text) if t)
        out.extend(node.paragraphs)
        for item in node.items:
            walk(item)

    for node in nodes:
        walk(node)
    return out
