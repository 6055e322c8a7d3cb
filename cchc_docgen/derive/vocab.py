"""Who a piece of text concerns: "Các trường THPT", "Phòng GDĐT", "các đơn vị trực thuộc" → unit categories.

A general vocabulary of how Vietnamese education plans name the units they assign work to, not keyed to one
file; its words are data (``derive/data/groups.yaml``). A cell such as "Phòng GDĐT, Trung tâm GDNN-GDTX, các
đơn vị trực thuộc" is split into its parts; a part that names a category ("các trường MN, TH") concerns that
category only, a general part ("các trường học", "các cơ sở giáo dục", "toàn ngành") concerns every unit of its
kind, and "các đơn vị trực thuộc" concerns the units directly under the body that wrote the plan.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from cchc_docgen.models.unit import Unit

SCHOOLS = frozenset({"mam_non", "tieu_hoc", "thcs", "thpt", "tieu_hoc_thcs", "thcs_thpt"})
#: units of today's administration (a sở, ban, ngành; an UBND xã, phường, đặc khu)
ADMIN = frozenset({"so", "ubnd_xa"})
ALL = SCHOOLS | ADMIN | {"gdnn_gdtx", "phong_gddt", "khac"}


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The data file ``derive/data/groups.yaml`` (the vocabulary of unit groups), read once."""
    from ruamel.yaml import YAML

    text = resources.files("cchc_docgen.derive").joinpath("data/groups.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = YAML(typ="safe").load(text)
    return data


def _education() -> dict[str, Any]:
    data: dict[str, Any] = vocabulary()["education"]
    return data


@cache
def pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _specific() -> list[tuple[re.Pattern[str], frozenset[str]]]:
    return [(pattern(c["pattern"]), frozenset(c["covers"])) for c in _education()["categories"]]


def _edu(key: str) -> re.Pattern[str]:
    return pattern(_education()[key])


_SPLIT = re.compile(r"[,;\n]| và (?=các |phòng |trung tâm |trường )|\s+-\s+|\s(?=(?:các )?đơn vị trực thuộc)")
_SPELLINGS = (("ủy ban nhân dân", "ubnd"), ("uỷ ban nhân dân", "ubnd"), ("uỷ", "ủy"), ("hoá", "hóa"), ("hoà", "hòa"),
              ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("giáo dục và đào tạo", "gdđt"))


def normalize(text: str) -> str:
    """Lower case, NFC, the usual spellings of 'GD&ĐT' made one ('gdđt')."""
    text = unicodedata.normalize("NFC", text).lower()
    for before, after in _SPELLINGS:
        text = text.replace(before, after)
    text = re.sub(r"gd\s*(&|và|-)?\s*đt", "gdđt", text)
    return re.sub(r"\s+", " ", text.replace("*", ""))


def body_kind(name: str | None) -> str | None:
    """'sở', 'phòng', 'ubnd' … for the name of a body (first word), ``None`` when unknown."""
    if not name:
        return None
    text = normalize(name).replace("|", " ").strip()
    for kind, pattern in (("sở", r"^sở\b"), ("phòng", r"^phòng\b"), ("ubnd", r"^(ubnd|ủy ban|uỷ ban)\b"),
                          ("bộ", r"^bộ\b")):
        if re.match(pattern, text):
            return kind
    return None


@dataclass(frozen=True)
class Relation:
    """How the unit stands to the body that wrote the parent plan."""

    #: one of its 'đơn vị trực thuộc'
    direct: bool
    #: general words ("các trường học", "các cơ sở giáo dục") of the plan cover the unit: always in a Sở's or
    #: a province's plan; in a Phòng's plan only for the Phòng's own schools
    general: bool = True


def relation(unit: Unit, parent_issuer_name: str) -> Relation:
    direct = directly_under(unit, parent_issuer_name)
    return Relation(direct, direct or body_kind(parent_issuer_name) != "phòng")


def directly_under(unit: Unit, parent_issuer_name: str) -> bool:
    """Is ``unit`` one of the 'đơn vị trực thuộc' of the body that wrote the parent plan?"""
    parent_kind = body_kind(parent_issuer_name)
    if parent_kind == "phòng":
        return unit.category in {"mam_non", "tieu_hoc", "thcs", "tieu_hoc_thcs"}
    if parent_kind == "sở":
        return unit.category in {"thpt", "thcs_thpt", "gdnn_gdtx", "khac"}
    return body_kind(unit.parent) == parent_kind if unit.parent else True


def concerns(text: str, unit: Unit, rel: Relation) -> bool:
    """Does ``text`` (an assignee cell, an organization heading) name ``unit``'s kind of unit?"""
    return any(_part_concerns(part.strip(), unit, rel) for part in _SPLIT.split(normalize(text)))


def named_categories(text: str) -> set[str]:
    """Categories named explicitly in ``text`` (empty when it names none)."""
    found: set[str] = set()
    norm = normalize(text)
    for found_in, categories in _specific():
        if found_in.search(norm):
            found |= categories
    return found


def _part_concerns(part: str, unit: Unit, rel: Relation) -> bool:
    if not part or _edu("own_section").match(part):
        return False
    named = named_categories(part)
    if named:
        return unit.category in named
    if _edu("directly_under").search(part):
        return rel.direct
    if not rel.general:
        return False
    if unit.category in ADMIN:  # a Sở or a xã is none of the sector's schools or institutions
        return bool(_edu("everyone").search(part))
    if _edu("school_words").search(part):
        return unit.category in SCHOOLS or unit.category == "gdnn_gdtx"
    if _edu("institutions").search(part):
        return unit.category != "phong_gddt"
    if _edu("education_units").search(part):  # "các đơn vị giáo dục": schools and centres, not a Phòng
        return unit.category != "phong_gddt"
    return bool(_edu("everyone").search(part))
