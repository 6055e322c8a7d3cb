"""Appendices: heading, title, "(Kèm theo …)" caption, and the tables (``table_map``) with their own titles."""

from __future__ import annotations

import re
from typing import Any

from cchc_docgen.importer.blocks import Block, Para
from cchc_docgen.importer.table_map import table_appendix
from cchc_docgen.importer.textcase import recase
from cchc_docgen.outline.words import is_appendix_heading, is_caption


def split_appendices(zone: list[Block], running: str = "") -> list[dict[str, Any]]:
    """Blocks after the signature → appendix mappings (model keys).

    A table after a "PHỤ LỤC" heading starts an appendix; a table without a heading of its own goes on in the same
    appendix as one of its ``more_tables`` (one PHỤ LỤC holding Biểu mẫu 1–7), titled by the bold or centred
    lines before it. ``running`` is the document's running text, which decides the casing of upper-case titles.
    """
    apps: list[dict[str, Any]] = []
    pending: list[Para] = []
    for b in zone:
        if isinstance(b, Para):
            pending.append(b)
            continue
        table = table_appendix(b)
        if apps and not any(is_appendix_heading(p.plain) for p in pending):
            notes, own = _notes_then_own(pending)
            _last_table(apps[-1]).setdefault("notes", []).extend(notes)
            table["title"], paragraphs = _split_own(own)
            if paragraphs:
                table["paragraphs"] = paragraphs
            table.setdefault("_guesses", []).append(
                (b.where, "bảng không có dòng “Phụ lục” riêng nên được xếp vào phụ lục trước ('more_tables'); nếu "
                          "là phụ lục riêng, hãy tách ra"))
            apps[-1].setdefault("more_tables", []).append(table)
            pending = []
            continue
        title, notes_before, own = _title(pending, running)
        if apps and notes_before:
            _last_table(apps[-1]).setdefault("notes", []).extend(notes_before)
        table_title, paragraphs = _split_own(own)
        app: dict[str, Any] = {"title": title or ["Phụ lục"], **table}
        if table_title:
            app["table_title"] = table_title
        if paragraphs:
            app["paragraphs"] = paragraphs
        apps.append(app)
        pending = []
    if pending:
        if apps and not any(is_appendix_heading(p.plain) for p in pending):
            _last_table(apps[-1]).setdefault("notes", []).extend(p.text for p in pending)
        else:
            apps.append(_text_appendix(pending, running))
    return apps


def _last_table(app: dict[str, Any]) -> dict[str, Any]:
    more = app.get("more_tables")
    return more[-1] if more else app


def _notes_then_own(paras: list[Para]) -> tuple[list[str], list[Para]]:
    """Paragraphs between two tables: notes under the first (italic, "(*)", "Ghi chú"), then the second's own."""
    at = 0
    while at < len(paras) and (paras[at].italic or re.match(r"^\W*(\(|Ghi chú|Lưu ý)", paras[at].plain)):
        at += 1
    return [p.text for p in paras[:at]], paras[at:]


def _split_own(paras: list[Para]) -> tuple[list[str], list[str]]:
    """A table's own lines: bold or centred ones are its title, the others paragraphs before it."""
    title = [p.plain.strip() for p in paras if (p.bold or p.center) and p.plain.strip()]
    text = [p.text for p in paras if not (p.bold or p.center) and p.plain.strip()]
    return title, text


def _title(paras: list[Para], running: str) -> tuple[list[str], list[str], list[Para]]:
    """The title lines of an appendix (heading and caption dropped), paragraphs that belong to the one before, and
    the lines after the caption (the first table's own title and paragraphs)."""
    start = next((i for i, p in enumerate(paras) if is_appendix_heading(p.plain)), None)
    before = [p.text for p in paras[:start]] if start is not None else []
    lines = paras[start + 1:] if start is not None else paras
    title: list[str] = []
    own: list[Para] = []
    in_caption = seen_caption = False
    for p in lines:
        if is_caption(p.plain) or in_caption:
            in_caption = not p.plain.rstrip(" .*").endswith(")")
            seen_caption = True
            continue
        t = p.plain.strip()
        if re.fullmatch(r"[-_=.*…\s]+", t):
            continue
        if seen_caption:
            own.append(p)
        else:
            title.append(recase(t, running) if t.upper() == t else t)
    return title, before, own


def _text_appendix(paras: list[Para], running: str) -> dict[str, Any]:
    """An appendix whose table came as plain lines (text or PDF): one wide column keeps every line in order."""
    start = next((i for i, p in enumerate(paras) if is_appendix_heading(p.plain)), -1)
    rest = paras[start + 1:]
    cap = next((i for i, p in enumerate(rest) if is_caption(p.plain)), None)
    if cap is not None:
        title_paras, rows = rest[:cap], rest[cap + 1:]
    else:
        title_paras, rows = rest[:1], rest[1:]
    title = [recase(p.plain, running) if p.plain.upper() == p.plain else p.plain for p in title_paras] or ["Phụ lục"]
    label = "Nội dung"
    if rows and re.match(r"^(S?TT)\b", rows[0].plain):
        label, rows = rows[0].plain, rows[1:]
    return {"title": title, "columns": [{"key": "content", "label": label, "width": 165}],
            "rows": [{"content": p.text, "number": False} for p in rows] or [{"content": "(trống)", "number": False}],
            "_flat": True}
