"""The normal form two documents are compared in after a round trip (YAML → DOCX/PDF → import).

Each step below is one of the documented normalisations of ``cchc-docgen import`` (README, "Nhập văn bản có
sẵn"); everything else must come back exactly.
"""

from __future__ import annotations

import re
from typing import Any

from cchc_docgen.context.body import flatten
from cchc_docgen.context.text import plain
from cchc_docgen.models import Appendix, Document, Node, Row, Table


def _fold(text: str | None) -> str | None:
    """Case is rebuilt for text the document prints in capitals (normalisation 5)."""
    return " ".join(text.replace("|", " ").split()).casefold() if text else text


def _end(text: str) -> str:
    """The closing's final './.' comes back as a full stop (normalisation 7)."""
    return re.sub(r"[.;,:\s]+$", "", text)


def _rows(rows: list[Row], pdf: bool) -> list[Any]:
    """From a PDF, a paragraph break inside a cell is seen only where the page shows it (normalisation 8)."""
    out: list[Any] = []
    for row in rows:
        if row.group:
            out.append(("group", row.group))
            continue
        cells = [([" ".join(c.paragraphs)] if pdf else c.paragraphs, c.rows) for c in row.cells().values()]
        out.append((row.number, cells, _rows(row.subrows, pdf)))
    return out


def _table(table: Table, pdf: bool) -> dict[str, Any]:
    """Column keys, widths, orientation and alignment are regenerated; labels, header rows (with their merges) and
    cells kept (normalisation 4)."""
    return {
        "labels": [c.label for c in table.columns],
        "header": [[(h.text, h.span, h.rows) for h in line] for line in table.header],
        "numbers": [c.numbers for c in table.columns],
        "numbering": table.numbering,
        "rows": _rows(table.rows, pdf),
        "notes": table.notes,
    }


def _appendix(app: Appendix, pdf: bool) -> dict[str, Any]:
    """Title lines may come back broken where the page broke them (normalisation 5)."""
    return {
        "title": _fold(" ".join(app.title)),
        **_table(app, pdf),
        "table_title": " ".join(app.table_title),
        "paragraphs": app.paragraphs,
        "more": [{"title": " ".join(t.title), "paragraphs": t.paragraphs, **_table(t, pdf)} for t in app.more_tables],
    }


def _body_tables(nodes: list[Node], pdf: bool) -> list[Any]:
    out: list[Any] = []
    for node in nodes:
        if node.table is not None:
            out.append(_table(node.table, pdf))
        out.extend(_body_tables(node.items, pdf))
    return out


def normal_form(doc: Document, pdf: bool = False) -> dict[str, Any]:
    notes = list(doc.footnotes.values())
    keys = {key: i for i, key in enumerate(doc.footnotes, 1)}

    def body_text(text: str) -> str:  # footnote keys are renumbered 1, 2, … (normalisation 6)
        return re.sub(r"\[\^([^\]\s]+)\]", lambda m: f"[^{keys.get(m.group(1), m.group(1))}]", text)

    # numbering settings equal to the default, roles, and an unnumbered paragraph placed as the item's own
    # paragraph or as an unnumbered sibling: all print the same numbered text (normalisations 1-3)
    printed = [body_text(p.plain) for p in flatten(list(doc.body), lambda _key: 0)]
    issuer = doc.issuer
    signer = doc.signer
    return {
        "kind": doc.kind,
        "issuer": (_fold(issuer.parent), _fold(issuer.name), issuer.abbreviation, issuer.place),
        "number": doc.number,
        "date": doc.date,
        "title": doc.title.replace(" | ", " "),
        "period_note": doc.period_note,
        "addressees": doc.addressees,
        "preamble": (doc.preamble.bases, doc.preamble.text, doc.preamble.lead_in),
        "body": printed,
        "body_tables": _body_tables(list(doc.body), pdf),
        "closing": [_end(plain(c)) for c in doc.closing],
        "footnotes": notes,
        "appendices": [_appendix(a, pdf) for a in doc.appendices],
        "signer": (signer.authority, _fold(signer.collective), _fold(signer.head_title), _fold(signer.title),
                   signer.name) if signer else None,
        "recipients": [(r.name, r.note) for r in doc.recipients],
        "archive": doc.archive,
    }
