"""Semantic roles of sections from their headings (MỤC ĐÍCH, YÊU CẦU → purpose, KINH PHÍ → budget, …)."""

from __future__ import annotations

import re
from typing import Any

#: heading words → role; the word found earliest in a heading decides.
ROLE_WORDS = (
    ("mục đích", "purpose"), ("mục tiêu", "purpose"), ("yêu cầu", "requirements"), ("chỉ tiêu", "targets"),
    ("đối tượng", "audience"), ("nội dung", "content"), ("hình thức", "forms"), ("nhiệm vụ", "tasks"),
    ("giải pháp", "tasks"), ("kinh phí", "budget"), ("tổ chức thực hiện", "organization"),
    ("chế độ báo cáo", "reporting"), ("thông tin báo cáo", "reporting"), ("thời gian", "timeline"),
    ("tiến độ", "timeline"), ("kết quả", "results"), ("tình hình", "results"), ("tồn tại", "limitations"),
    ("hạn chế", "limitations"), ("khó khăn", "limitations"), ("nguyên nhân", "limitations"),
    ("phương hướng", "directions"), ("kiến nghị", "proposals"), ("đề xuất", "proposals"),
)


def role_of(title: str) -> str | None:
    low = title.lower()
    best: tuple[int, str] | None = None
    for word, role in ROLE_WORDS:
        m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), role)
    return best[1] if best and best[0] <= 12 else None


def assign_roles(body: list[dict[str, Any]]) -> None:
    """Roles on level-1 sections; on level-2 sections when their level-1 section has none of its own."""
    for node in body:
        role = role_of(node["title"]) if node.get("title") else None
        if role:
            node["role"] = role
            continue
        for child in node.get("items", []):
            sub = role_of(child["title"]) if child.get("title") else None
            if sub:
                child["role"] = sub
