"""Who a piece of text concerns: "Các trường THPT", "Phòng GDĐT", "các đơn vị trực thuộc" → unit categories.

A general vocabulary of how Vietnamese education plans name the units they assign work to, not keyed to one
file. A cell such as "Phòng GDĐT, Trung tâm GDNN-GDTX, các đơn vị trực thuộc" is split into its parts; a part
that names a category ("các trường MN, TH") concerns that category only, a general part ("các trường học",
"các cơ sở giáo dục", "toàn ngành") concerns every unit of its kind, and "các đơn vị trực thuộc" concerns the
units directly under the body that wrote the plan.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cchc_docgen.models.unit import Unit

SCHOOLS = frozenset({"mam_non", "tieu_hoc", "thcs", "thpt", "tieu_hoc_thcs", "thcs_thpt"})
ALL = SCHOOLS | {"gdnn_gdtx", "phong_gddt", "khac"}

#: category-specific mentions → the categories they name
_SPECIFIC: list[tuple[re.Pattern[str], frozenset[str]]] = [
    (re.compile(p), frozenset(c))
    for p, c in (
        (r"mầm non|mẫu giáo|nhà trẻ|\bmn\b", {"mam_non"}),
        (r"tiểu học|\bth\b(?!\s*[-&]?\s*thcs)|\bth\s*[-&]\s*thcs|\bth và thcs", {"tieu_hoc", "tieu_hoc_thcs"}),
        (r"\bthcs\b|trung học cơ sở", {"thcs", "tieu_hoc_thcs", "thcs_thpt"}),
        (r"\bthpt\b|trung học phổ thông", {"thpt", "thcs_thpt"}),
        (r"liên cấp|nhiều cấp học", {"tieu_hoc_thcs", "thcs_thpt"}),
        (r"(?<!trung học )phổ thông", {"tieu_hoc", "thcs", "thpt", "tieu_hoc_thcs", "thcs_thpt"}),
        (r"\btrung học\b(?! cơ sở| phổ thông)", {"thcs", "thpt", "tieu_hoc_thcs", "thcs_thpt"}),
        (r"gdnn|gdtx|giáo dục nghề nghiệp|giáo dục thường xuyên|\bttgdnn", {"gdnn_gdtx"}),
        (r"phòng gdđt|phòng giáo dục|\bpgdđt\b|\bpgd\b|phòng gd\b", {"phong_gddt"}),
    )
]
#: general mentions (no category named in the same part)
_SCHOOL_WORDS = re.compile(r"(?<!môi )\btrường\b|học sinh|\bhọc viên\b")
_INSTITUTIONS = re.compile(r"cơ sở giáo dục|cơ sở đào tạo|đơn vị trường học")
_EDU_UNITS = re.compile(r"đơn vị giáo dục|đơn vị sự nghiệp giáo dục|đơn vị trong ngành")
_DIRECT = re.compile(
    r"đơn vị trực thuộc|trường (học )?trực thuộc|trực thuộc (sở|phòng)|đơn vị thuộc (sở|phòng)"
    r"|đơn vị sự nghiệp trực thuộc"
)
_EVERYONE = re.compile(r"toàn ngành|các cơ quan, đơn vị|cơ quan, đơn vị|các đơn vị\b|tất cả các đơn vị")
#: sections of the parent body itself ("Bộ phận THCS", "Phòng Tổ chức cán bộ", "Văn phòng"): never a unit
_OWN_SECTION = re.compile(
    r"^(các )?(bộ phận|tổ|ban|văn phòng|lãnh đạo|chuyên viên|thanh tra|phòng (?!gdđt|giáo dục|gd\b))"
)
_SPLIT = re.compile(r"[,;\n]| và (?=các |phòng |trung tâm |trường )|\s+-\s+|\s(?=(?:các )?đơn vị trực thuộc)")


def normalize(text: str) -> str:
    """Lower case, NFC, the usual spellings of 'GD&ĐT' made one ('gdđt')."""
    text = unicodedata.normalize("NFC", text).lower()
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
    for pattern, categories in _SPECIFIC:
        if pattern.search(norm):
            found |= categories
    return found


def _part_concerns(part: str, unit: Unit, rel: Relation) -> bool:
    if not part or _OWN_SECTION.match(part):
        return False
    named = named_categories(part)
    if named:
        return unit.category in named
    if _DIRECT.search(part):
        return rel.direct
    if not rel.general:
        return False
    if _SCHOOL_WORDS.search(part):
        return unit.category in SCHOOLS or unit.category == "gdnn_gdtx"
    if _INSTITUTIONS.search(part):
        return unit.category != "phong_gddt"
    if _EDU_UNITS.search(part):
        return True
    return bool(_EVERYONE.search(part))
