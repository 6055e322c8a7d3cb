"""A report's Biểu mẫu appendix ("BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH <KỲ>") → ``report:``.

The seven forms are one appendix of several tables, which the plain appendix model cannot hold: their
figures and notes come back as ``report.figures`` / ``report.notes`` (rows the program computes are left out),
with the period read from the title, so that rendering the imported YAML prints the same forms again.
"""

from __future__ import annotations

import re
from typing import Any

from cchc_docgen.importer.blocks import Block, Para, Table
from cchc_docgen.outline.words import is_appendix_heading
from cchc_docgen.report.outline import load_outline
from cchc_docgen.report.periods import get_period

_TITLE = re.compile(r"^BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH\s+(?P<when>.+?)\s*$", re.IGNORECASE)
_FORM = re.compile(r"^Biểu mẫu\s+(\d)\b(?!\s*[.,/\d])", re.IGNORECASE)  # the form's title may follow on the line
_PERIODS = (("9 tháng đầu năm", "9m"), ("6 tháng đầu năm", "6m"), ("quý iv", "q4"), ("quý iii", "q3"),
            ("quý ii", "q2"), ("quý i", "q1"), ("năm", "year"))
_STT = re.compile(r"^\d+(?:\.\d+)*$")


def _period(when: str) -> tuple[str, int] | None:
    low = when.lower()
    year = re.search(r"(?:19|20)\d\d", low)
    if year is None:
        return None
    key = next((k for words, k in _PERIODS if low.startswith(words)), None)
    return (key, int(year.group())) if key else None


def _figure(text: str) -> Any:
    text = text.strip()
    if text in ("", "-"):
        return text or None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?", text):
        number = float(text.replace(".", "").replace(",", "."))
        return int(number) if number.is_integer() else number
    return None


def _plain(block: Block) -> str:
    return block.plain if isinstance(block, Para) else ""


def take_forms(zone: list[Block]) -> tuple[list[Block], dict[str, Any] | None]:
    """The appendix zone without the Biểu mẫu appendix, and the ``report`` mapping read from it (or None)."""
    start = next((i for i, b in enumerate(zone[:-1]) if isinstance(b, Para) and is_appendix_heading(b.plain)
                  and _TITLE.match(_plain(zone[i + 1]))), None)
    if start is None:
        return zone, None
    second = zone[start + 1]
    title = _TITLE.match(second.plain) if isinstance(second, Para) else None
    period = _period(title.group("when")) if title else None
    if period is None:
        return zone, None
    end = next((i for i in range(start + 2, len(zone)) if isinstance(zone[i], Para)
                and is_appendix_heading(zone[i].plain)), len(zone))  # type: ignore[union-attr]
    outline = load_outline()
    figures: dict[str, dict[str, Any]] = {}
    notes: dict[str, dict[str, str]] = {}
    form = 0
    for block in zone[start:end]:
        if isinstance(block, Para):
            found = _FORM.match(block.plain.strip())
            form = int(found.group(1)) if found else form
            continue
        if not isinstance(block, Table) or not 1 <= form <= len(outline.forms):
            continue
        for row in block.rows:
            cells = [c.text for c in row]
            if len(cells) != 5 or not _STT.match(cells[0]):
                continue
            spec = outline.form(form).row(cells[0])
            if spec is None:
                continue
            value = _figure(cells[3])
            if spec.kind not in ("group", "sum", "ratio") and value is not None:
                figures.setdefault(f"bm{form}", {})[cells[0]] = value
            if cells[4]:
                notes.setdefault(f"bm{form}", {})[cells[0]] = cells[4]
    key, year = period
    data_from, data_to = get_period(key).data_period(year)
    report: dict[str, Any] = {"plan": "…", "period": key, "year": year, "data_from": data_from, "data_to": data_to}
    if figures:
        report["figures"] = figures
    if notes:
        report["notes"] = notes
    return zone[:start] + zone[end:], report
