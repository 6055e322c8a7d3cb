"""What ``derive`` did, in sentences a principal or an office head reads (the CLI prints them, the web shows them)."""

from __future__ import annotations

import re
from collections import Counter

from cchc_docgen.derive.plan import Derived
from cchc_docgen.derive.tasks import Task


def _quote(text: str, size: int = 70) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"[*_]", "", text)).strip()
    return f"“{text if len(text) <= size else text[: size - 1].rstrip() + '…'}”"


def headline(derived: Derived, unit_name: str) -> str:
    """One line: how many tasks the unit keeps, how many need a look, how many are others'."""
    kept = [t for t in derived.tasks if t.kept]
    review = sum(1 for t in kept if t.verdict.review)
    dropped = len(derived.tasks) - len(kept)
    if not derived.tasks:
        return f"kế hoạch của {unit_name} — kế hoạch cấp trên không phân công nhiệm vụ cho cơ quan, đơn vị cụ thể."
    text = f"kế hoạch của {unit_name} — giữ {len(kept)} nhiệm vụ của đơn vị"
    if review:
        text += f" ({review} nhiệm vụ cần xem lại)"
    return text + f", bỏ {dropped} nhiệm vụ của cơ quan khác (trên tổng số {len(derived.tasks)} nhiệm vụ được giao)."


def review_lines(derived: Derived) -> list[str]:
    """The kept tasks a person must check, each with why."""
    return [f"{_quote(t.text)} — {t.verdict.reason}" for t in derived.tasks if t.kept and t.verdict.review]


def dropped_lines(derived: Derived) -> list[str]:
    """The tasks not kept, grouped by why ('việc của Sở Nội vụ: 8 nhiệm vụ')."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for task in derived.tasks:
        if not task.kept:
            key = task.verdict.reason.lower()
            counts[key] += 1
            shown.setdefault(key, task.verdict.reason)
    return [f"{shown[key]}: {count} nhiệm vụ" for key, count in counts.most_common()]


def summary(derived: Derived, unit_name: str, *, details: bool = True) -> list[str]:
    """The whole summary: headline, then (``details``) the tasks to check and the tasks not kept, then warnings."""
    lines = [headline(derived, unit_name)]
    if details:
        review = review_lines(derived)
        if review:
            lines.append("  Nhiệm vụ đã giữ nhưng cần xem lại (chưa rõ đơn vị có phải thực hiện không):")
            lines += [f"    - {line}" for line in review]
        dropped = dropped_lines(derived)
        if dropped:
            lines.append("  Nhiệm vụ không đưa vào kế hoạch của đơn vị, vì là:")
            lines += [f"    - {line}" for line in dropped]
    lines += [f"  Lưu ý: {warning}" for warning in derived.warnings]
    return lines


def kept_task_list(tasks: list[Task]) -> list[str]:
    """The kept tasks, one short line each (for the YAML header and the web page)."""
    return [("[cần xem lại] " if t.verdict.review else "") + _quote(t.text, 90) for t in tasks if t.kept]
