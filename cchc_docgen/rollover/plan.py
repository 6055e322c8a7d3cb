"""Next year's draft of a plan: the YAML round-trip tree walked once, every text's years moved in place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc_docgen.context.build import plan_year
from cchc_docgen.errors import InputError
from cchc_docgen.loader import document_from, read_yaml
from cchc_docgen.loader.messages import key_path
from cchc_docgen.models import KINDS, Document
from cchc_docgen.rollover.years import citation_spans, shift_text
from cchc_docgen.yamlio import dump_roundtrip, parse_roundtrip, replace_text, text_scalar

_TIME_LABEL = re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.IGNORECASE)
_TARGETS = re.compile(r"chỉ tiêu|mục tiêu cụ thể", re.IGNORECASE)
_TEXT_KEYS = ("title", "text", "paragraphs", "items", "bases", "lead_in")


@dataclass(frozen=True)
class Change:
    """One change made: where (YAML line and key path) and the phrase before → after."""

    line: int | None
    key: str
    before: str
    after: str

    def format(self) -> str:
        return f"dòng {self.line or '?'} [{self.key}]: '{self.before}' → '{self.after}'"


@dataclass(frozen=True)
class Review:
    """A place that likely needs a person: where, and why (Vietnamese)."""

    line: int | None
    key: str
    message: str

    def format(self) -> str:
        return f"dòng {self.line or '?'} [{self.key}]: {self.message}"


@dataclass
class Rollover:
    """Next year's plan as YAML text, with every change made and every place to review."""

    yaml_text: str
    old_year: int
    new_year: int
    changes: list[Change] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)


def rollover_text(text: str, year: int, *, file: str = "") -> Rollover:
    """``text`` (a plan's YAML) rolled over to ``year``; ``InputError`` if the plan is invalid or the year wrong."""
    read = read_yaml(text, file or "kế hoạch")
    doc = document_from(read, file or "kế hoạch")
    old = plan_year(doc)
    if old is None:
        raise InputError(f"{file}: không xác định được năm của kế hoạch; hãy ghi năm trong trích yếu hoặc 'year:'.")
    if year <= old:
        raise InputError(
            f"{file}: năm mới ({year}) phải sau năm của kế hoạch ({old}); ví dụ --year {old + 1}."
        )
    tree = parse_roundtrip(text)
    if isinstance(tree, dict) and "report" in tree:
        raise InputError(
            f"{file}: đây là báo cáo định kỳ (có khóa 'report'); báo cáo kỳ mới được lập từ kế hoạch bằng lệnh "
            f"'cchc-docgen report KE_HOACH.yaml --period … --year {year}', không dùng 'rollover'."
        )
    job = _Job(old, year, tree, doc)
    job.run()
    header = (
        f"# Bản nháp kế hoạch năm {year}, lập từ kế hoạch năm {old}{f' ({file})' if file else ''} bằng lệnh "
        "'cchc-docgen rollover'.\n# Số và ngày đã được xóa; hãy xem danh sách 'cần xem lại' mà lệnh in ra.\n"
    )
    body = dump_roundtrip(tree)
    first, _, rest = body.partition("\n")
    out = f"{first}\n{header}{rest}" if first.startswith("# yaml-language-server") else header + body
    job.review_past_deadlines()
    return Rollover(out, old, year, job.changes, job.review)


class _Job:
    def __init__(self, old: int, new: int, tree: Any, doc: Document) -> None:
        self.old, self.new, self.tree, self.doc = old, new, tree, doc
        self.changes: list[Change] = []
        self.review: list[Review] = []
        self.deadlines: list[tuple[int | None, str, str]] = []
        self.moved: set[str] = set()

    # ───────────── header fields ─────────────

    def run(self) -> None:
        tree = self.tree
        if "number" in tree:
            self._note(("number",), str(tree["number"]), "(bỏ trống: dự thảo)")
            del tree["number"]
        date = self.doc.date  # the loader's reading: every written form (2025-12-24, "24/12/2025", 12/2025, …)
        if "date" in tree and date is not None:
            # The draft keeps the plan's distance to its year: a plan for 2026 issued in 12/2025 → 12/2026 for 2027.
            year, month = date.year + (self.new - self.old), date.month
            new = CommentedMap([("year", year)] + ([("month", month)] if month else []))
            new.fa.set_flow_style()
            if date.complete:
                before = f"{date.day:02d}/{date.month:02d}/{date.year}"
            else:
                before = f"tháng {month}/{date.year}" if month else f"năm {date.year}"
            tree["date"] = new
            self._note(("date",), before, f"năm {year}{f', tháng {month}' if month else ''} (chưa có ngày)")
        if tree.get("year") == self.old:
            tree["year"] = self.new
            self._note(("year",), str(self.old), str(self.new))
        texts = list(self._texts())
        # a deadline moved in one place (the appendix's time column) moves wherever the plan repeats it
        for _, _, _, value, context in texts:
            self.moved |= shift_text(value, self.old, self.new, deadline=context == "time").moved_dates
        for path, parent, key, value, context in texts:
            self._shift(path, parent, key, value, context)
        self._offer_basis()

    def _note(self, path: tuple[Any, ...], before: str, after: str) -> None:
        self.changes.append(Change(self._line(path), key_path(path), before, after))

    def _line(self, path: tuple[Any, ...]) -> int | None:
        node, line = self.tree, None
        for part in path:
            try:
                if isinstance(node, CommentedMap) and part in node:
                    line = node.lc.key(part)[0] + 1
                elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                    line = node.lc.item(part)[0] + 1
                node = node[part]
            except (KeyError, IndexError, TypeError, AttributeError):
                break
        return line

    # ───────────── texts ─────────────

    def _texts(self) -> Iterator[tuple[tuple[Any, ...], Any, Any, str, str]]:
        tree = self.tree
        if isinstance(tree.get("title"), str):
            yield ("title",), tree, "title", tree["title"], "title"
        preamble = tree.get("preamble")
        if isinstance(preamble, dict):
            yield from self._walk(preamble, ("preamble",), "preamble")
        for key in ("period_note",):
            if isinstance(tree.get(key), str):
                yield (key,), tree, key, tree[key], "body"
        if isinstance(tree.get("body"), list):
            yield from self._walk(tree["body"], ("body",), "body")
        if isinstance(tree.get("closing"), list):
            yield from self._walk(tree["closing"], ("closing",), "body")
        if isinstance(tree.get("footnotes"), dict):
            for name, paras in tree["footnotes"].items():
                yield from self._walk(paras, ("footnotes", name), "body")
        for i, appendix in enumerate(tree.get("appendices") or []):
            if not isinstance(appendix, dict):
                continue
            yield from self._walk(appendix.get("title") or [], ("appendices", i, "title"), "title")
            times = {c.get("key") for c in appendix.get("columns") or [] if isinstance(c, dict)
                     and _TIME_LABEL.search(str(c.get("label", "")))}
            yield from self._rows(appendix.get("rows") or [], ("appendices", i, "rows"), times)
            yield from self._walk(appendix.get("notes") or [], ("appendices", i, "notes"), "body")

    def _walk(self, value: Any, path: tuple[Any, ...], context: str) -> Iterator[Any]:
        if isinstance(value, dict):
            if context == "body" and (value.get("role") == "targets" or _TARGETS.search(str(value.get("title", "")))):
                context = "targets"
            for key in list(value):
                if key in _TEXT_KEYS:
                    if isinstance(value[key], str):
                        yield (*path, key), value, key, value[key], context
                    else:
                        yield from self._walk(value[key], (*path, key), context)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield (*path, i), value, i, item, context
                else:
                    yield from self._walk(item, (*path, i), context)

    def _rows(self, rows: list[Any], path: tuple[Any, ...], times: set[Any]) -> Iterator[Any]:
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                continue
            for key in list(row):
                here = (*path, i, key)
                context = "time" if key in times else "cell"
                if key == "subrows":
                    yield from self._rows(row[key], here, times)
                elif key in ("note", "number"):
                    continue
                elif isinstance(row[key], str):
                    yield here, row, key, row[key], context
                elif isinstance(row[key], dict):
                    yield from self._walk(row[key], here, context)
                else:
                    yield from self._walk(row[key], here, context)

    def _shift(self, path: tuple[Any, ...], parent: Any, key: Any, text: str, context: str) -> None:
        result = shift_text(text, self.old, self.new, deadline=context == "time", also=frozenset(self.moved))
        line = self._line(path)
        where = key_path(path)
        if result.text != text:
            parent[key] = replace_text(text, result.text)
            self.changes += [Change(line, where, a, b) for a, b in result.changes]
        if context == "time" or re.search(r"(trước|đến|hạn|chậm nhất)\s+(ngày\s+)?\d", result.text, re.I):
            self.deadlines.append((line, where, result.text))
        for date in result.kept_dates:
            if context in ("body", "targets", "cell", "time"):
                self.review.append(Review(line, where, f"ngày {date} được giữ nguyên (không phải hạn của kế hoạch): "
                                          "nếu là một hạn hoàn thành, hãy sửa sang năm mới."))
        for phrase in result.kept_previous:
            self.review.append(Review(line, where, f"'{phrase}' (năm trước năm kế hoạch) được giữ nguyên: "
                                      f"nếu nói về năm trước của kế hoạch mới, hãy đổi thành {self.new - 1}."))
        if result.undated and context in ("body", "targets", "cell", "time"):
            self.review.append(Review(line, where, f"'{result.undated[0]}' không ghi năm: đây là lịch của năm "
                                      f"{self.old}; hãy đặt lại ngày cho năm {self.new} (thứ trong tuần đã khác)."))
        if context == "targets" and re.search(r"\b(19|20)\d\d\b|\d+\s*%", result.text):
            self.review.append(Review(line, where, "chỉ tiêu có năm hoặc số liệu: hãy xem lại con số cho năm "
                                      f"{self.new}."))
        for cited, year in result.citations:
            if context != "preamble" or year is None:
                continue
            short = cited[:90] + ("…" if len(cited) > 90 else "")
            if year < self.new - 2:
                self.review.append(Review(line, where, f"căn cứ '{short}' ban hành năm {year} (đã hơn hai năm): "
                                          "kiểm tra văn bản còn hiệu lực, có văn bản thay thế không."))
            elif str(self.old) in cited:
                self.review.append(Review(line, where, f"căn cứ '{short}' là văn bản của năm {self.old}: năm "
                                          f"{self.new} thường có văn bản mới tương ứng, hãy cập nhật số, ngày."))

    # ───────────── review ─────────────

    def _offer_basis(self) -> None:
        """Last year's plan as a basis of the new one ('Căn cứ kết quả thực hiện Kế hoạch số …')."""
        doc = self.doc
        kind = KINDS[doc.kind].in_text
        title = re.sub(r"\s+", " ", doc.title.replace("|", " ")).strip()
        if doc.number is not None and doc.date is not None and doc.date.complete:
            ref = f"{kind} số {doc.number:02d}/{KINDS[doc.kind].abbreviation}-{doc.issuer.abbreviation} ngày " \
                  f"{doc.date.day:02d}/{doc.date.month:02d}/{doc.date.year}"
        else:
            ref = f"{kind} số …/{KINDS[doc.kind].abbreviation}-{doc.issuer.abbreviation} ngày …/…/{self.old}"
        basis = f"Căn cứ kết quả thực hiện {ref} về {title[:1].lower()}{title[1:]}"
        preamble = self.tree.get("preamble")
        if isinstance(preamble, dict) and isinstance(preamble.get("bases"), list) and "…" not in ref:
            preamble["bases"].append(text_scalar(basis))
            path = ("preamble", "bases", len(preamble["bases"]) - 1)
            self.changes.append(Change(self._line(("preamble", "bases")), key_path(path), "", basis))
        else:
            self.review.append(Review(self._line(("preamble",)), "preamble",
                                      f"có thể thêm căn cứ kế hoạch năm {self.old}: '{basis}'."))

    def review_past_deadlines(self) -> None:
        """Deadlines that fall before the new plan is issued (its year and month): someone must set new ones."""
        date = self.tree.get("date")
        year = date.get("year") if isinstance(date, dict) else None
        month = date.get("month") if isinstance(date, dict) else None
        issued = (year or self.new, month or 1)  # the draft's own date: 12/2026 for a 2027 plan issued in December
        for line, where, text in self.deadlines:
            cited = [(s, e) for s, e, _ in citation_spans(text)]
            for m in _WHEN.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in cited):
                    continue
                if m.group("quarter"):
                    when = (int(m.group("qyear")), _QUARTER_END[m.group("quarter").upper()])
                else:
                    when = (int(m.group("year")), int(m.group("month")))
                    if not 1 <= when[1] <= 12:
                        continue
                if when < issued:
                    self.review.append(Review(line, where, f"hạn '{m.group(0)}' đã qua so với thời điểm ban hành "
                                              f"kế hoạch năm {self.new}: hãy đặt hạn mới."))


#: a deadline's month and year: "10/01/2024", "tháng 12/2023", "Quý IV/2023"
_WHEN = re.compile(
    r"(?<![\w/])(?:\d{1,2}/)?(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b(?!/)"
    r"|\bquý\s+(?P<quarter>IV|III|II|I)\s*/\s*(?P<qyear>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_QUARTER_END = {"I": 3, "II": 6, "III": 9, "IV": 12}
