"""Consistency checks run by ``validate``: warnings about mistakes a schema cannot see.

Each finding is a ``Problem`` with the YAML line. These are the mistakes found in real plans: a title year
that disagrees with the issue date or with deadlines in the body, appendices the body never mentions,
a recipient listed twice, a signer form that does not fit the issuer's regime.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cchc_docgen.context.build import plan_year
from cchc_docgen.context.text import plain, squash
from cchc_docgen.errors import Problem
from cchc_docgen.loader.messages import key_path, line_of
from cchc_docgen.models import Document, Node

Lines = dict[tuple[object, ...], int]
_COLLECTIVE = re.compile(r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng)", re.IGNORECASE)
_HEAD_REGIME = re.compile(r"^(sở|phòng|trường|trung tâm|ban|cục|chi cục|viện)\b", re.IGNORECASE)
_OWN_PLAN = re.compile(r"kế hoạch[^.;:]{0,80}?năm (?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_WHOLE_YEAR = re.compile(r"(?:cả|trong) năm (?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_DEADLINE = re.compile(
    r"(?:trước|đến|hạn|chậm nhất) ngày (?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)


def _walk(nodes: list[Node], path: tuple[object, ...]) -> Iterator[tuple[tuple[object, ...], str]]:
    for i, node in enumerate(nodes):
        here = (*path, i)
        for key in ("title", "text"):
            value = getattr(node, key)
            if value:
                yield (*here, key), value
        for j, para in enumerate(node.paragraphs):
            yield (*here, "paragraphs", j), para
        yield from _walk(node.items, (*here, "items"))


def _texts(doc: Document) -> Iterator[tuple[tuple[object, ...], str]]:
    for i, basis in enumerate(doc.preamble.bases):
        yield ("preamble", "bases", i), basis
    for key in ("text", "lead_in"):
        value = getattr(doc.preamble, key)
        if value:
            yield ("preamble", key), value
    yield from _walk(doc.body, ("body",))
    for i, text in enumerate(doc.closing):
        yield ("closing", i), text


def _cell_texts(doc: Document) -> Iterator[tuple[tuple[object, ...], str]]:
    def rows(rs: list, path: tuple[object, ...]) -> Iterator[tuple[tuple[object, ...], str]]:
        for i, row in enumerate(rs):
            for key, cell in row.cells().items():
                for para in cell.paragraphs:
                    yield (*path, i, key), para
            yield from rows(row.subrows, (*path, i, "subrows"))

    for a, app in enumerate(doc.appendices):
        yield from rows(app.rows, ("appendices", a, "rows"))


def _stale_years(text: str, year: int, doc: Document) -> Iterator[str]:
    """Years that look copied from last year's plan: the plan itself, a whole year, a deadline already past."""
    hint = "có phải chép từ kế hoạch năm trước mà chưa sửa năm?"
    for pattern in (_OWN_PLAN, _WHOLE_YEAR):
        for m in pattern.finditer(text):
            if year - 3 <= int(m.group("year")) < year:
                yield f"'{squash(m.group(0))}' dùng năm {m.group('year')} trong văn bản năm {year}; {hint}"
    issued = (doc.date.year, doc.date.month or 1) if doc.date else (year - 1, 12)
    for m in _DEADLINE.finditer(text):
        when = (int(m.group("year")), int(m.group("month")))
        if when < issued and int(m.group("year")) >= year - 3:
            yield f"hạn '{squash(m.group(0))}' sớm hơn ngày ban hành văn bản; {hint}"


def check(doc: Document, lines: Lines, file: str) -> list[Problem]:
    """Every consistency warning, sorted by line."""
    found: list[Problem] = []

    def warn(path: tuple[object, ...], message: str) -> None:
        found.append(Problem(file, line_of(lines, path), key_path(path), message))

    year = plan_year(doc)
    if year and doc.date and not (year - 1 <= doc.date.year <= year):
        warn(("date",), f"năm ban hành ({doc.date.year}) không khớp với năm {year} ghi trong trích yếu; "
                        "kiểm tra lại 'date' hoặc 'title'.")
    if year:
        for path, text in [*_texts(doc), *_cell_texts(doc)]:
            for message in _stale_years(plain(text), year, doc):
                warn(path, message)
    if doc.appendices:
        body = " ".join(plain(t) for _, t in _texts(doc)).lower()
        if "phụ lục" not in body:
            warn(("appendices",), "văn bản có phụ lục nhưng nội dung chưa nhắc đến phụ lục nào; hãy thêm câu "
                                  "như '(Chi tiết tại Phụ lục kèm theo)' ở mục liên quan.")
    seen: dict[str, int] = {}
    for i, recipient in enumerate(doc.recipients):
        key = squash(recipient.name).lower().rstrip(";.")
        if key in seen:
            warn(("recipients", i), f"nơi nhận '{recipient.name}' được ghi hai lần (lần đầu ở mục {seen[key] + 1}).")
        seen.setdefault(key, i)
    if doc.signer:
        name = squash(doc.issuer.name)
        collective = bool(_COLLECTIVE.match(name))
        if doc.signer.authority in ("TM", "TM+KT") and _HEAD_REGIME.match(name):
            warn(("signer", "authority"), f"'{name}' làm việc theo chế độ thủ trưởng nên không ký 'TM.'; "
                                          "người đứng đầu ký trực tiếp, cấp phó ký 'KT.'.")
        elif collective and doc.signer.authority in ("none", "KT"):
            warn(("signer", "authority"), f"'{name}' làm việc theo chế độ tập thể: ký 'TM' (hoặc 'TM+KT' "
                                          "khi cấp phó ký thay).")
    if doc.report is not None:  # a periodic report: what is left to fill in
        from cchc_docgen.report.checks import report_warnings

        found += report_warnings(doc, lines, file)
    return sorted(found, key=lambda p: p.line or 0)
