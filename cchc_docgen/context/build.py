"""Model → template context: the one function that decides every string the template places.

The context is a plain mapping (strings, lists, dicts, ``Markup`` run XML); the template only places values.
Its keys follow the YAML vocabulary (``issuer``, ``title``, ``preamble``, ``body``, ``signer``, …).
"""

from __future__ import annotations

import re
from typing import Any

from cchc_docgen.context import closing, dates, symbols
from cchc_docgen.context.body import Para, flatten
from cchc_docgen.context.numbering import roman
from cchc_docgen.context.report import expand_report, place_charts
from cchc_docgen.context.rules import (
    HEADER_COLS_MM,
    LANDSCAPE_WIDTH_MM,
    PORTRAIT_WIDTH_MM,
    cell_text_mm,
    motto_rule,
    name_lines,
    rule_under,
)
from cchc_docgen.context.runs import rich
from cchc_docgen.context.tables import table_xml
from cchc_docgen.context.text import end_with, squash, upper_vi
from cchc_docgen.models import KINDS, Document
from cchc_docgen.models.walk import footnote_marks

_YEAR = re.compile(r"\b(19[4-9]\d|2[01]\d\d)\b")


_HORIZON = re.compile(r"(?:định hướng|tầm nhìn)\s+(?:đến|tới)\s+(?:năm\s+)?(?:19|20)\d\d", re.IGNORECASE)
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")


def plan_period(doc: Document) -> tuple[int, int] | None:
    """First and last year the document is about: ``year:``; else the title's years (a period such as
    "giai đoạn 2021-2025" whole, the last year otherwise; a horizon "định hướng đến năm 2045" or "tầm nhìn
    đến năm 2045" is not the document's year); else the date's year."""
    if doc.year:
        return doc.year, doc.year
    title = _HORIZON.sub(" ", doc.title)
    period = _RANGE.search(title)
    if period and int(period.group(1)) <= int(period.group(2)):
        return int(period.group(1)), int(period.group(2))
    years = _YEAR.findall(title)
    if years:
        return int(years[-1]), int(years[-1])
    return (doc.date.year, doc.date.year) if doc.date else None


def plan_year(doc: Document) -> int | None:
    """The year the document is about (the last year of :func:`plan_period`)."""
    period = plan_period(doc)
    return period[1] if period else None


def _title_lines(title: str) -> list[str]:
    return [squash(part) for part in title.split("|") if part.strip()]


def _issuer(doc: Document) -> dict[str, Any]:
    parent = [upper_vi(squash(p)) for p in doc.issuer.parent.split("|")] if doc.issuer.parent else []
    column = cell_text_mm(HEADER_COLS_MM[0])
    name = name_lines([upper_vi(squash(p)) for p in doc.issuer.name.split("|")], 13, True, column)
    rule = rule_under(name, 13, True, 0.42, column)
    return {"parent": parent, "name": name, "rule": rule.xml()}


def _appendices(doc: Document, ids: Any, tables: dict[int, Any] | None = None) -> list[dict[str, Any]]:
    kind = KINDS[doc.kind]
    issuer_text = squash(doc.issuer.full_name or doc.issuer.name.replace("|", " "))
    ref = symbols.reference(doc.number, kind.abbreviation, doc.issuer.abbreviation)
    caption = f"(Kèm theo {kind.in_text} số {ref} {dates.long_date(doc.date, plan_year(doc))} của {issuer_text})"
    out: list[dict[str, Any]] = []
    previous_landscape = False
    many = len(doc.appendices) > 1
    for i, app in enumerate(doc.appendices, 1):
        wide = sum(c.width for c in app.columns) > PORTRAIT_WIDTH_MM
        landscape = app.orientation == "landscape" or (app.orientation == "auto" and wide)
        available = LANDSCAPE_WIDTH_MM if landscape else PORTRAIT_WIDTH_MM
        title = [upper_vi(squash(t)) for t in app.title]
        out.append({
            "heading": f"Phụ lục {roman(i)}" if many else "Phụ lục",
            "title": title,
            "caption": caption,
            "rule": rule_under([caption], 14, False, 0.25, available, after_twips=240).xml(),
            "table": (tables or {}).get(i - 1) or table_xml(app, available, ids, landscape),
            "notes": [rich(n, ids) for n in app.notes],
            "landscape": landscape,
            "previous_landscape": previous_landscape,
        })
        previous_landscape = landscape
    return out


def _footnotes(doc: Document, order: list[str]) -> list[dict[str, Any]]:
    return [
        {"id": i, "paragraphs": [rich(p) for p in doc.footnotes[key]]}
        for i, key in enumerate(order, 1)
    ]


def build_context(doc: Document) -> dict[str, Any]:
    """Everything the template needs, as exact strings."""
    doc, charts, tables = expand_report(doc)
    kind = KINDS[doc.kind]
    order = footnote_marks(doc)
    ids = {key: i for i, key in enumerate(order, 1)}.__getitem__
    year = plan_year(doc)

    preamble: list[dict[str, Any]] = []
    bases = doc.preamble.bases
    leads_on = bool(doc.preamble.text or doc.preamble.lead_in)
    for i, basis in enumerate(bases):
        # the author's "," after the last căn cứ leads into the lead-in ("…năm 2024," then "Sở … xây dựng …")
        mark = ("," if leads_on and basis.rstrip().endswith(",") else ".") if i == len(bases) - 1 else ";"
        preamble.append({"italic": True, "text": rich(end_with(basis, mark), ids)})
    for text in (doc.preamble.text, doc.preamble.lead_in):
        if text:
            preamble.append({"italic": False, "text": rich(text, ids)})

    body: list[Para] = place_charts(flatten(doc.body, ids), charts)
    closing_paras = [Para("text", rich(c, ids), c) for c in doc.closing]
    target = closing_paras or body
    last = target[-1]
    target[-1] = Para(last.style, rich(end_with(last.plain, "./."), ids), last.plain)

    title = _title_lines(doc.title)
    context: dict[str, Any] = {
        "kind_name": kind.name,
        "issuer": _issuer(doc),
        "number": symbols.number_line(doc.number, kind.abbreviation, doc.issuer.abbreviation),
        "date": dates.date_line(squash(doc.issuer.place), doc.date, year),
        "title": {"lines": title, "rule": rule_under(title, 14, True, 0.4, PORTRAIT_WIDTH_MM).xml()},
        "motto_rule": motto_rule().xml(),
        "period_note": squash(doc.period_note) if doc.period_note else "",
        "addressees": closing.addressee_lines(doc.addressees),
        "preamble": preamble,
        "body": [{"style": p.style, "text": p.text} for p in body],
        "closing": [p.text for p in closing_paras],
        "signer": (
            {"lines": closing.signer_lines(doc.signer), "name": squash(doc.signer.name)} if doc.signer else None
        ),
        "recipients": closing.recipient_lines(doc.recipients, doc.archive, bool(doc.addressees)),
        "appendices": _appendices(doc, ids, tables),
        "footnotes": _footnotes(doc, order),
        "last_landscape": False,
    }
    if charts:
        context["charts"] = charts
    if context["appendices"]:
        context["last_landscape"] = context["appendices"][-1]["landscape"]
    return context

