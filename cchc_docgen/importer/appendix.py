"""Appendices: heading, title, "(Kèm theo …)" caption and the task table (columns, groups, numbers, sub-rows,
merged and multi-paragraph cells)."""

from __future__ import annotations

import re
from typing import Any

from cchc_docgen.importer.blocks import Block, Cell, Para, Table
from cchc_docgen.importer.textcase import recase

HEADING = re.compile(r"^\s*(PHỤ\s+LỤC|Phụ\s+lục)(\s+(số\s+)?[IVXLC\d]+[.:]?)?\s*$")
CAPTION = re.compile(r"^\s*\(?\s*(Ban hành\s+)?[Kk]èm theo\b")
_TT = re.compile(r"^(S\.?\s?TT|TT|Số\s+TT|Stt|STT)\.?$", re.I)
_KEYS = (("nhiệm vụ", "task"), ("nội dung", "task"), ("chỉ tiêu", "task"), ("chủ trì", "lead"), ("phối hợp", "support"),
         ("thời gian", "time"), ("thời hạn", "time"), ("sản phẩm", "product"), ("kết quả", "result"),
         ("ghi chú", "remark"), ("đơn vị tính", "unit"), ("kinh phí", "budget"), ("trách nhiệm", "lead"))
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_NUM = re.compile(r"^0?(\d{1,3})\.?$")
_SUB = re.compile(r"^([a-zđ])[).]$")


def split_appendices(zone: list[Block], running: str = "") -> list[dict[str, Any]]:
    """Blocks after the signature → appendix mappings (model keys).

    ``running`` is the document's running text, which decides the casing of upper-case titles (``recase``).
    """
    apps: list[dict[str, Any]] = []
    pending: list[Para] = []
    for b in zone:
        if isinstance(b, Para):
            pending.append(b)
            continue
        title, notes_before = _title(pending, running)
        if apps and notes_before:
            apps[-1].setdefault("notes", []).extend(notes_before)
        app = table_appendix(b)
        app["title"] = title or (["Phụ lục"] if not apps else [f"Bảng {len(apps) + 1}"])
        apps.append(app)
        pending = []
    if pending:
        if apps and not any(HEADING.match(p.plain) for p in pending):
            apps[-1].setdefault("notes", []).extend(p.text for p in pending)
        else:
            apps.append(_text_appendix(pending, running))
    return apps


def _title(paras: list[Para], running: str) -> tuple[list[str], list[str]]:
    """The title lines of an appendix (heading and caption dropped) and paragraphs that belong to the one before."""
    start = next((i for i, p in enumerate(paras) if HEADING.match(p.plain)), None)
    before = [p.text for p in paras[:start]] if start is not None else []
    lines = paras[start + 1:] if start is not None else paras
    title = []
    in_caption = False
    for p in lines:
        if CAPTION.match(p.plain) or in_caption:
            in_caption = not p.plain.rstrip(" .*").endswith(")")
            continue
        t = p.plain.strip()
        if re.fullmatch(r"[-_=.*…\s]+", t):
            continue
        title.append(recase(t, running) if t.upper() == t else t)
    return title, before


def _text_appendix(paras: list[Para], running: str) -> dict[str, Any]:
    """An appendix whose table came as plain lines (text or PDF): one wide column keeps every line in order."""
    start = next((i for i, p in enumerate(paras) if HEADING.match(p.plain)), -1)
    rest = paras[start + 1:]
    cap = next((i for i, p in enumerate(rest) if CAPTION.match(p.plain)), None)
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


def _grid(table: Table) -> list[list[Cell | None]]:
    """Rows expanded to grid columns; a horizontally merged cell occupies its first column (others None)."""
    width = table.width
    out = []
    for row in table.rows:
        line: list[Cell | None] = []
        for cell in row:
            line.append(cell)
            line.extend([None] * (cell.span - 1))
        out.append(line + [None] * (width - len(line)))
    return out


def table_appendix(table: Table) -> dict[str, Any]:
    grid = _grid(table)
    heads = _header_rows(grid)
    width = len(grid[0]) if grid else 1
    labels = []
    for c in range(width):
        parts: list[str] = []
        for r in range(heads):
            cell = _owner(grid, r, c)
            text = cell.text if cell and not cell.merged else ""
            if text and text not in parts:
                parts.append(text)
        labels.append(" - ".join(parts) or f"Cột {c + 1}")
    body = [r for r in grid[heads:] if not _column_numbers(r)]
    keys = _keys(labels)
    tt = 0 if _TT.match(labels[0]) else None
    numbered = tt is not None and _sequence(body, tt)
    columns = []
    for c, (key, label) in enumerate(zip(keys, labels, strict=True)):
        col: dict[str, Any] = {"key": key, "label": label, "width": 12 if c == tt else 0}
        if c == tt and numbered:
            col["numbers"] = True
        columns.append(col)
    _widths(columns, body)
    rows = _rows(body, keys, tt if numbered else None)
    app: dict[str, Any] = {"columns": columns, "rows": rows or [{keys[-1]: "", "number": False}]}
    if numbered == "per_group":
        app["numbering"] = "per_group"
    return app


def _owner(grid: list[list[Cell | None]], r: int, c: int) -> Cell | None:
    while c >= 0 and grid[r][c] is None:
        c -= 1
    return grid[r][c] if c >= 0 else None


def _header_rows(grid: list[list[Cell | None]]) -> int:
    if len(grid) < 2:
        return 1 if grid else 0
    first, second = grid[0], grid[1]
    spans = any(c is None for c in first)
    continues = any(c is not None and c.merged for c in second)
    looks_data = second[0] is not None and bool(_NUM.match(second[0].text) or _ROMAN.match(second[0].text))
    return 2 if (spans or continues) and not looks_data else 1


def _column_numbers(row: list[Cell | None]) -> bool:
    texts = [c.text for c in row if c is not None]
    return bool(texts) and len(texts) > 1 and all(re.fullmatch(r"\(?\d{1,2}\)?|\(?[A-Z]\)?", t) for t in texts)


def _keys(labels: list[str]) -> list[str]:
    out: list[str] = []
    for i, label in enumerate(labels):
        low = label.lower()
        key = "tt" if _TT.match(label) else next((k for word, k in _KEYS if word in low), f"col{i + 1}")
        base, n = key, 2
        while key in out:
            key, n = f"{base}{n}", n + 1
        out.append(key)
    return out


def _sequence(body: list[list[Cell | None]], tt: int) -> str | None:
    """'continuous' or 'per_group' when the typed numbers count 1, 2, 3 …; None when they say more than that."""
    values: list[int | str] = []
    groups = 0
    for row in body:
        cell = row[tt]
        text = cell.text if cell and not cell.merged else ""
        if _is_group(row, tt):
            groups += 1
            values.append("G")
        elif text and not _SUB.match(text):
            m = _NUM.match(text)
            if not m:
                return None
            values.append(int(m.group(1)))
    nums = [v for v in values if v != "G"]
    if nums == list(range(1, len(nums) + 1)):
        return "continuous"
    expect, ok = 1, True
    for v in values:
        if v == "G":
            expect = 1
        elif v != expect:
            ok = False
            break
        else:
            expect += 1
    return "per_group" if ok and groups else None


def _is_group(row: list[Cell | None], tt: int | None) -> bool:
    cells = [c for c in row if c is not None]
    if len(cells) == 1 and len(row) > 2:
        return bool(cells[0].text)
    if tt is None or row[tt] is None:
        return False
    head = row[tt]
    first = head.text if head is not None else ""
    rest = [c for i, c in enumerate(row) if c is not None and i > tt + 1 and c.text]
    return bool(_ROMAN.match(first)) and not rest


def _rows(body: list[list[Cell | None]], keys: list[str], tt: int | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    merges: list[tuple[dict[str, Any], str]] = []  # open vertical merges: (cell mapping, key)
    flat: list[dict[str, Any]] = []  # every non-group row in order, for merge counting
    label_key = next((k for i, k in enumerate(keys) if i != tt), keys[0])
    for row in body:
        if tt is not None and _is_group(row, tt):
            texts = [c.text for c in row if c is not None and c.text]
            title = " ".join(texts)
            title = re.sub(r"^[IVXLC]+\s*[.)]?\s+", "", title)
            rows.append({"group": title})
            continue
        entry: dict[str, Any] = {}
        sub = False
        for c, cell in enumerate(row):
            if cell is None:
                continue
            if cell.merged:
                for m in merges[::-1]:
                    if m[1] == keys[c]:
                        m[0][keys[c]]["rows"] += 1
                        break
                continue
            if c == tt:
                if _SUB.match(cell.text):
                    sub = True
                elif not cell.text:
                    entry["number"] = False
                continue
            if cell.paras:
                value: dict[str, Any] = {"text": list(cell.paras), "rows": 1}
                entry[keys[c]] = value
                merges = [m for m in merges if m[1] != keys[c]]
                merges.append((entry, keys[c]))
        label = entry.get(label_key)
        if tt is not None and not sub and label and re.match(r"^[a-zđ]\)\s", label["text"][0]) and \
                entry.get("number") is False:
            sub = True
            label["text"][0] = label["text"][0][3:].strip()
        entry = {k: v for k, v in entry.items() if k != "number" or not sub}
        if sub and rows and "group" not in rows[-1]:
            rows[-1].setdefault("subrows", []).append(entry)
        else:
            rows.append(entry)
        flat.append(entry)
    for entry in flat:
        for key, value in list(entry.items()):
            if isinstance(value, dict):
                texts = value["text"]
                entry[key] = texts if value["rows"] == 1 else {"text": texts, "rows": value["rows"]}
                if value["rows"] == 1 and len(texts) == 1:
                    entry[key] = texts[0]
    return [r for r in rows if r]


def _widths(columns: list[dict[str, Any]], body: list[list[Cell | None]]) -> None:
    total = 252 if len(columns) >= 5 else 165
    free = total - sum(c["width"] for c in columns)
    weights = []
    for i, col in enumerate(columns):
        if col["width"]:
            weights.append(0.0)
            continue
        lengths = [len(cell.text) for r in body if i < len(r) and (cell := r[i]) is not None]
        avg = sum(lengths) / len(lengths) if lengths else 10
        weights.append(max(8.0, min(avg, 120.0)) ** 0.6)
    scale = sum(weights) or 1
    for col, wgt in zip(columns, weights, strict=True):
        if not col["width"]:
            col["width"] = max(10, round(free * wgt / scale))
