"""The official report outline and Biểu mẫu 1–7, read from a versioned data file (``report/data/*.yaml``).

The code holds no heading or indicator name: a new instruction of Bộ Nội vụ is a new data file. Each file
gives the sections I–IV with their fixed items, sub-items and dash labels, the text each level writes where a
sub-item does not apply, keywords that place plan tasks under a field, generic priorities for Section IV, and
the seven forms with every row (STT, name, unit, kind, formula).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cchc_docgen.errors import InputError

DATA_DIR = Path(__file__).with_name("data")
#: The outline used when a report names none.
DEFAULT_VERSION = "4625/2025"
#: Levels of the reporting unit (spec §6).
LEVELS = ("province", "department", "office", "commune", "school")


@dataclass(frozen=True)
class Item:
    """A heading of the outline (I., 1., a)) with what the skeleton writes under it."""

    key: str  # "I", "I.2", "II.6.đ"
    title: str
    year_title: str | None = None
    run_in: bool = False
    role: str | None = None
    dashes: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    not_applicable: dict[str, str] = field(default_factory=dict)
    items: tuple[Item, ...] = ()
    after: str | None = None

    def heading(self, year_report: bool, values: dict[str, str]) -> str:
        """The heading text for a quarter/6-month report or a year report, placeholders filled."""
        text = self.year_title if (year_report and self.year_title) else self.title
        return text.format(**values)


@dataclass(frozen=True)
class FormRow:
    """One indicator row of a Biểu mẫu."""

    stt: str
    name: str
    unit: tuple[str, ...]
    kind: str  # count, percent, coded, group, sum, ratio
    of: tuple[str, ...] = ()
    codes: tuple[int, ...] = ()
    check: tuple[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class Form:
    number: int
    title: str
    rows: tuple[FormRow, ...]
    carry: tuple[str, ...] = ()  # cumulative or stock rows '--from' carries from the previous report

    def row(self, stt: str) -> FormRow | None:
        return next((r for r in self.rows if r.stt == stt), None)


@dataclass(frozen=True)
class Outline:
    """One version of the official outline and forms."""

    version: str
    source: str
    levels: dict[str, dict[str, str]]
    sections: tuple[Item, ...]
    priorities: tuple[str, ...]
    appendix: dict[str, Any]
    forms: tuple[Form, ...]
    out_of_scope: dict[str, Any] = field(default_factory=dict)  # level → {bmN: [STT …]}, and "note"

    def walk(self) -> list[Item]:
        """Every item, depth first, in outline order."""
        out: list[Item] = []

        def visit(items: tuple[Item, ...]) -> None:
            for item in items:
                out.append(item)
                visit(item.items)

        visit(self.sections)
        return out

    def form(self, number: int) -> Form:
        return self.forms[number - 1]


def _item(raw: dict[str, Any]) -> Item:
    return Item(
        key=str(raw["key"]), title=str(raw["title"]), year_title=raw.get("year"), run_in=bool(raw.get("run_in")),
        role=raw.get("role"), dashes=tuple(raw.get("dashes") or ()), words=tuple(raw.get("words") or ()),
        not_applicable=dict(raw.get("not_applicable") or {}), items=tuple(_item(i) for i in raw.get("items") or ()),
        after=raw.get("after"),
    )


def _row(raw: dict[str, Any]) -> FormRow:
    check = raw.get("check")
    parsed = None
    if check:
        (name, rows), = check.items()
        parsed = (str(name), tuple(str(r) for r in rows))
    return FormRow(stt=str(raw["stt"]), name=str(raw["name"]), unit=tuple(raw.get("unit") or ()),
                   kind=str(raw["kind"]), of=tuple(str(x) for x in raw.get("of") or ()),
                   codes=tuple(raw.get("codes") or ()), check=parsed)


def version_file(version: str) -> Path:
    """``4625/2025`` → ``data/4625-2025.yaml``."""
    return DATA_DIR / (version.replace("/", "-") + ".yaml")


@functools.lru_cache(maxsize=8)
def load_outline(version: str = DEFAULT_VERSION) -> Outline:
    """The outline ``version``; ``InputError`` (Vietnamese) when there is no such data file."""
    path = version_file(version)
    if "/" in version.replace("/", "", 1) or not path.is_file():
        known = ", ".join(sorted(p.stem.replace("-", "/") for p in DATA_DIR.glob("*.yaml")))
        raise InputError(f"không có đề cương báo cáo phiên bản '{version}'. Hãy dùng một trong: {known}.")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Outline(
        version=str(raw["version"]), source=str(raw["source"]), levels=dict(raw["levels"]),
        sections=tuple(_item(s) for s in raw["sections"]), priorities=tuple(raw["priorities"]),
        appendix=dict(raw["appendix"]),
        forms=tuple(Form(int(f["number"]), str(f["title"]), tuple(_row(r) for r in f["rows"]),
                         tuple(str(c) for c in f.get("carry") or ())) for f in raw["forms"]),
        out_of_scope=dict(raw.get("out_of_scope") or {}),
    )
