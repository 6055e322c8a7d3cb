"""Content the child must not inherit as the parent wrote it: references to a dropped appendix, the parent's
area in the title, reporting to a body that is not the unit's superior."""

from __future__ import annotations

import re

from cchc_docgen.models import Node

_APPENDIX_NOTE = re.compile(r"^\W*(chi tiết|cụ thể|nội dung cụ thể)[^.]{0,40}phụ lục[^.]{0,60}\W*$", re.IGNORECASE)
#: "(Phân công nhiệm vụ cụ thể tại Phụ lục đính kèm)", "*(có Phụ lục kèm theo)*" inside a text
_APPENDIX_ASIDE = re.compile(r"\s*[*_]*\((?=[^()]*phụ lục)[^()]*\)[*_]*", re.IGNORECASE)


def without_appendix_notes(body: list[Node], sources: list[int | None]) -> tuple[list[Node], list[int | None]]:
    """Drop '(Chi tiết tại phụ lục …)' lines and asides when no appendix is left."""

    def text(value: str) -> str:
        return _APPENDIX_ASIDE.sub("", value)

    def clean(node: Node) -> Node | None:
        if node.text and _APPENDIX_NOTE.match(node.text) and not (node.items or node.paragraphs or node.title):
            return None
        items = [c for c in (clean(i) for i in node.items) if c is not None]
        paragraphs = [p for p in (text(p) for p in node.paragraphs) if p.strip()]
        update: dict[str, object] = {}
        if items != node.items:
            update["items"] = items
        if paragraphs != node.paragraphs:
            update["paragraphs"] = paragraphs
        for key in ("title", "text"):
            value = getattr(node, key)
            if value and text(value) != value:
                update[key] = text(value) or None
        if not update:
            return node
        new = node.model_copy(update=update)
        return new if (new.title or new.text or new.paragraphs or new.items) else None

    out = [(clean(n), s) for n, s in zip(body, sources, strict=True)]
    kept = [(n, s) for n, s in out if n is not None]
    return [n for n, _ in kept], [s for _, s in kept]


def without_area(title: str, place: str) -> str:
    """'Kế hoạch CCHC năm 2026 tỉnh Lâm Đồng' → 'Kế hoạch CCHC năm 2026': the parent's area is not the unit's."""
    if not place:
        return title
    area = rf"(?:tỉnh|thành phố|huyện|quận|thị xã)\s+{re.escape(place)}"
    title = re.sub(rf"\s*\btrên địa bàn\s+(?:{area}|tỉnh|thành phố|huyện)\b", "", title, flags=re.IGNORECASE)
    title = re.sub(rf"\s*\b(?:của\s+)?(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?{area}\b", "", title,
                   flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", title).strip()


_REPORT_ISSUER = r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch UBND)\s+(?:tỉnh|thành phố)(?:\s+{place})?"


def report_to_superior(text: str, place: str, superior: str) -> str:
    """'Báo cáo UBND tỉnh (thông qua Sở Nội vụ) …' → 'Báo cáo Sở GD&ĐT Lâm Đồng …' for a unit whose superior is
    not the plan's issuer (a school reports to its Sở, not to the province)."""
    issuer = _REPORT_ISSUER.format(place=re.escape(place)) if place else _REPORT_ISSUER.format(place="x^")
    pattern = re.compile(rf"(báo cáo(?:\s+về)?|gửi(?:\s+về)?)\s+{issuer}(?:\s*[*_]*\((?:thông\s+)?qua[^)]*\)[*_]*)?",
                         re.IGNORECASE)
    return pattern.sub(lambda m: f"{m.group(1)} {superior}", text)
