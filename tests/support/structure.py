"""The structure of an administrative DOCX, read the same way from a source and from a re-rendered import.

``structure(docx)`` returns headings per level (I., 1., 1.1., a) at the start of paragraphs outside tables),
content tables as "rows×cols" with their merged cells, the signer's name, the number of recipients, and the
number and date lines. ``differences(a, b)`` lists what differs, in words. Used by
``benchmarks/import_structure.py`` (printed per corpus document) and by the importer's corpus tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cchc_docgen.importer.blocks import Para, Table
from cchc_docgen.importer.read import read_blocks

_LEVELS = (("I.", re.compile(r"^[IVXLC]+\.\s")), ("1.", re.compile(r"^\d{1,2}\.\s")),
           ("1.1.", re.compile(r"^\d{1,2}\.\d{1,2}\.?\s")), ("a)", re.compile(r"^[a-zđ]\)\s")))
_NUMBER = re.compile(r"Số\s*:\s*([^\s,;]+)")
_DATE = re.compile(r"ngày\s*(\d{0,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")
_AUTH = re.compile(r"^(KT|TM|TL|TUQ|Q)\.\s")


@dataclass
class Structure:
    headings: dict[str, int] = field(default_factory=dict)
    tables: list[str] = field(default_factory=list)  # "rows×cols" plus " m<merged cells>" when there are merges
    frames: int = 0  # one-row or one-column tables: a frame around text, which import keeps as paragraphs
    signer: str = ""
    recipients: int = 0
    number: str = ""
    date: str = ""

    def row(self) -> str:
        heads = " ".join(f"{k}{v}" for k, v in self.headings.items() if v)
        tables = ",".join(self.tables) or "-"
        return (f"heads[{heads}] tables[{tables}] frames[{self.frames}] signer[{self.signer or '?'}] "
                f"recip[{self.recipients}] no[{self.number or '-'}] date[{self.date or '-'}]")


def _line_texts(block: Para | Table) -> list[str]:
    if isinstance(block, Para):
        return block.lines or [block.plain]
    return [t for row in block.rows for cell in row for t in (cell.plain or cell.paras)]


def _is_signature(table: Table) -> bool:
    text = " ".join(c.text for row in table.rows for c in row)
    return bool(re.search(r"Nơi nhận", text, re.I)) or (
        any(_AUTH.match(t) for row in table.rows for c in row for t in c.plain) and len(text) < 1500)


def _is_header(table: Table) -> bool:
    text = " ".join(c.text for row in table.rows for c in row)
    return "CỘNG HÒA" in text.upper() or "CỘNG HOÀ" in text.upper()


def _signature_cells(table: Table) -> tuple[list[str], list[str]]:
    left: list[str] = []
    right: list[str] = []
    for row in table.rows:
        for c, cell in enumerate(row):
            (left if c == 0 and len(row) > 1 else right).extend(t.strip() for t in cell.plain if t.strip())
    return left, right


def _name(lines: list[str]) -> str:
    """The signer's name: the last line of the signature column that is not upper case only and not a note."""
    for t in reversed(lines):
        if t and not t.startswith(("(", "-", "Nơi nhận")) and len(t) < 40 and t.upper() != t:
            return " ".join(t.split())
    return ""


def _recipients(lines: list[str]) -> int:
    at = next((i for i, t in enumerate(lines) if re.match(r"^\W*Nơi nhận", t, re.I)), None)
    if at is None:
        return 0
    count = 0
    for t in lines[at + 1:]:
        if re.match(r"^[-–+•]\s*\S", t) and not re.match(r"^[-–+•]\s*Lưu\b", t):
            count += 1
    return count


def structure(docx: Path) -> Structure:
    """The structure of ``docx`` (or a text/PDF file the importer reads)."""
    blocks = read_blocks(docx)
    out = Structure(headings={name: 0 for name, _ in _LEVELS})
    head_text: list[str] = []
    for block in blocks[:12]:
        head_text.extend(_line_texts(block))
    joined = "\n".join(head_text)
    if m := _NUMBER.search(joined):
        out.number = m.group(1)
    if m := _DATE.search(joined):
        day = f"{int(m.group(1)):02d}" if m.group(1) else "__"
        out.date = f"{day}/{int(m.group(2)):02d}/{m.group(3)}"
    signature: list[Table] = []
    loose_footer: list[str] = []
    in_footer = False
    for block in blocks:
        if isinstance(block, Table):
            if _is_header(block):
                continue
            if _is_signature(block):
                signature.append(block)
                in_footer = True
                continue
            if block.width < 2 or len(block.rows) < 2:
                out.frames += 1
                continue
            merges = sum(1 for row in block.rows for c in row if c.span > 1 or c.merged)
            label = f"{len(block.rows)}×{block.width}" + (f" m{merges}" if merges else "")
            out.tables.append(label)
            continue
        text = ((block.label + " ") if block.label else "") + block.plain
        if re.match(r"^\W*Nơi nhận", text, re.I):
            in_footer = True
        if in_footer:
            loose_footer.extend(block.lines or [block.plain])
            continue
        for name, pattern in _LEVELS:
            if pattern.match(text):
                out.headings[name] += 1
                break
    if signature:
        left, right = _signature_cells(signature[0])
        out.recipients = _recipients(left) or _recipients(right)
        out.signer = _name(right) or _name(loose_footer[:3])
    elif loose_footer:
        out.recipients = _recipients(loose_footer)
    return out


def differences(source: Structure, imported: Structure) -> list[str]:
    """What ``imported`` (re-rendered) has different from ``source``, one phrase per difference."""
    out = []
    for level, n in source.headings.items():
        m = imported.headings.get(level, 0)
        if n != m:
            out.append(f"headings {level} {n}→{m}")
    if source.tables != imported.tables:
        out.append(f"tables {','.join(source.tables) or '-'} → {','.join(imported.tables) or '-'}")
    for name in ("frames", "signer", "recipients", "number", "date"):
        a, b = getattr(source, name), getattr(imported, name)
        if a != b:
            out.append(f"{name} {a or '-'}→{b or '-'}")
    return out


def as_signed(source: Structure, number: str, day: str) -> Structure:
    """``source`` (a draft) as the e-office system signs it: ``number`` and ``day`` stamped into the blanks."""
    out = Structure(dict(source.headings), list(source.tables), source.frames, source.signer, source.recipients,
                    source.number, source.date)
    if out.number.startswith("/"):
        out.number = number + out.number
    if out.date.startswith("__"):
        out.date = day + out.date[2:]
    return out
