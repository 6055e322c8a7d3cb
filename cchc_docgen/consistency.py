"""Consistency checks run by ``validate``: warnings about mistakes a schema cannot see.

Each finding is a ``Problem`` with the YAML line. These are the mistakes found in real plans: a title year
that disagrees with the issue date or with deadlines in the body, appendices the body never mentions,
a recipient listed twice, a signer form that does not fit the issuer's regime. Each warning has a code
(``cchc_docgen.models.acknowledge``); the author acknowledges one in ``accept_warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cchc_docgen.context.build import plan_period
from cchc_docgen.context.text import plain, squash
from cchc_docgen.errors import Problem
from cchc_docgen.loader.messages import as_written, key_path, line_of
from cchc_docgen.models import Document
from cchc_docgen.models.acknowledge import accepts
from cchc_docgen.models.walk import located_texts

Lines = dict[tuple[object, ...], int]
_COLLECTIVE = re.compile(r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng)", re.IGNORECASE)
_HEAD_REGIME = re.compile(r"^(sở|phòng|trường|trung tâm|ban|cục|chi cục|viện)\b", re.IGNORECASE)
_OWN_PLAN = re.compile(r"kế hoạch[^.;:]{0,80}?năm (?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_WHOLE_YEAR = re.compile(r"(?:cả|trong) năm (?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_DEADLINE = re.compile(
    r"(?:trước|đến|hạn|chậm nhất) ngày (?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)


def _texts(doc: Document) -> Iterator[tuple[tuple[object, ...], str]]:
    for i, basis in enumerate(doc.preamble.bases):
        yield ("preamble", "bases", i), basis
    for key in ("text", "lead_in"):
        value = getattr(doc.preamble, key)
        if value:
            yield ("preamble", key), value
    yield from located_texts(doc.body, ("body",))
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
    # ``year`` is the first year of the document's period
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
    """Every consistency warning not acknowledged in ``accept_warnings``, sorted by line.

    Each message ends with the warning's code (``[mã: nam-cu@body[2].text; …]``) so the author can accept it.
    """
    found: list[Problem] = []
    used: set[str] = set()

    def add(code: str, key: str, line: int | None, message: str) -> None:
        for entry in doc.accept_warnings:
            if accepts([entry], code, key):
                used.add(entry)
                return
        ident = f"{code}@{key}" if key else code
        found.append(Problem(file, line, key,
                             f"{message} [mã: {ident}; nếu đúng như vậy, ghi mã này vào 'accept_warnings']"))

    def warn(code: str, path: tuple[object, ...], message: str) -> None:
        add(code, key_path(as_written(path, lines)), line_of(lines, path), message)

    period = plan_period(doc)
    if period and doc.date and not (period[0] - 1 <= doc.date.year <= period[1]):
        shown = f"{period[0]}-{period[1]}" if period[0] != period[1] else str(period[1])
        if doc.year:
            fix = "hãy sửa 'date' hoặc 'year'."
            source = f"'year: {doc.year}'"
        else:
            fix = (f"nếu văn bản là của năm khác năm ghi trong trích yếu, ghi rõ năm đó bằng khóa 'year' (ví dụ "
                   f"'year: {doc.date.year}'); nếu nhầm thì sửa 'date' hoặc 'title'.")
            source = "trích yếu"
        warn("nam-ban-hanh", ("date",), f"năm ban hành ({doc.date.year}) không khớp với năm {shown} của văn bản "
                                        f"(theo {source}); {fix}")
    if period:
        for path, text in [*_texts(doc), *_cell_texts(doc)]:
            for message in _stale_years(plain(text), period[0], doc):
                warn("nam-cu", path, message)
    if doc.appendices:
        body = " ".join(plain(t) for _, t in _texts(doc)).lower()
        if "phụ lục" not in body:
            warn("phu-luc", ("appendices",), "văn bản có phụ lục nhưng nội dung chưa nhắc đến phụ lục nào; hãy "
                                             "thêm câu như '(Chi tiết tại Phụ lục kèm theo)' ở mục liên quan.")
    seen: dict[str, int] = {}
    for i, recipient in enumerate(doc.recipients):
        key = squash(recipient.name).lower().rstrip(";.")
        if key in seen:
            first = seen[key]
            at = line_of(lines, ("recipients", first))
            warn("noi-nhan-trung", ("recipients", i),
                 f"nơi nhận thứ {i + 1} ('{squash(recipient.name).rstrip(';.,')}') trùng với nơi nhận thứ {first + 1}"
                 f"{f' (dòng {at})' if at else ''}; hãy xóa một trong hai.")
        seen.setdefault(key, i)
    if doc.signer:
        name = squash(doc.issuer.name)
        collective = bool(_COLLECTIVE.match(name))
        if doc.signer.authority in ("TM", "TM+KT") and _HEAD_REGIME.match(name):
            warn("hinh-thuc-ky", ("signer", "authority"),
                 f"'{name}' làm việc theo chế độ thủ trưởng nên không ký 'TM.'; người đứng đầu ký trực tiếp, "
                 "cấp phó ký 'KT.'.")
        elif collective and doc.signer.authority in ("none", "KT"):
            warn("hinh-thuc-ky", ("signer", "authority"),
                 f"'{name}' làm việc theo chế độ tập thể: ký 'TM' (hoặc 'TM+KT' khi cấp phó ký thay).")
    if doc.report is not None:  # a periodic report: what is left to fill in
        from cchc_docgen.report.checks import report_warnings

        for problem in report_warnings(doc, lines, file):
            add("bao-cao", problem.key, problem.line, problem.message)
    from cchc_docgen.typed_numbers import typed_number_warnings  # numbers typed by hand (import, old habits)

    for problem in typed_number_warnings(doc, lines, file):
        add("so-go-tay", problem.key, problem.line, problem.message)
    for i, entry in enumerate(doc.accept_warnings):
        if entry not in used:
            found.append(Problem(file, line_of(lines, ("accept_warnings", i)), key_path(("accept_warnings", i)),
                                 f"'{entry}' không còn khớp cảnh báo nào; hãy xóa dòng này khỏi 'accept_warnings'."))
    return sorted(found, key=lambda p: p.line or 0)
