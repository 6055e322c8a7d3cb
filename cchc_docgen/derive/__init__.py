"""Unit-level plans from a parent body's plan (issue #10, ``cchc-docgen derive``).

Public API:

- ``derive_plan(parent, unit) -> Document``: pure; raises ``InputError`` (Vietnamese) for a draft parent.
- ``derive_yaml(parent_path, unit) -> str``: YAML text of the child plan, keeping the comments and layout of the
  sections it copies from the parent's file.
- ``derive_file(parent_path, unit) -> DerivedFile``: the same with the model and a summary of what was done.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_docgen.derive.plan import Derived, derive, derive_plan, require_issued
from cchc_docgen.derive.summary import kept_task_list
from cchc_docgen.derive.tree import child_tree, dump_child
from cchc_docgen.derive.units import load_unit, load_units, slug
from cchc_docgen.derive.wording import Wording, parent_reference
from cchc_docgen.models import Document
from cchc_docgen.models.unit import Unit
from cchc_docgen.yamlio import load_roundtrip

__all__ = [
    "Derived",
    "DerivedFile",
    "Parent",
    "derive",
    "derive_file",
    "derive_plan",
    "derive_yaml",
    "load_parent",
    "load_unit",
    "load_units",
    "slug",
]


@dataclass(frozen=True)
class Parent:
    """A parent plan read once: its model, its round-trip tree (``None`` for an imported DOCX/PDF), its path."""

    document: Document
    tree: Any
    path: Path


@dataclass(frozen=True)
class DerivedFile:
    derived: Derived
    yaml_text: str

    @property
    def document(self) -> Document:
        return self.derived.document


def load_parent(path: Path | str) -> Parent:
    """Read a parent plan: YAML (validated, with its round-trip tree) or a DOCX/PDF through ``import``."""
    path = Path(path)
    if path.suffix.lower() in (".docx", ".pdf"):
        try:
            from cchc_docgen.importer import import_file  # type: ignore[import-not-found, unused-ignore]
        except ImportError:
            from cchc_docgen.errors import InputError

            raise InputError(
                f"'{path}' là tệp Word/PDF; bản này chưa đọc được kế hoạch từ Word/PDF. Hãy dùng tệp YAML của "
                "kế hoạch cấp trên."
            ) from None
        result = import_file(path)
        require_issued(result.document, f"'{path}'", imported=True)
        return Parent(result.document, None, path)
    from cchc_docgen.loader import load_document

    document = load_document(path)
    require_issued(document, f"'{path}'")
    return Parent(document, load_roundtrip(path), path)


def derive_file(parent: Parent | Path | str, unit: Unit) -> DerivedFile:
    """The child plan of ``unit`` from ``parent`` as a model and as YAML text."""
    if not isinstance(parent, Parent):
        parent = load_parent(parent)
    derived = derive(parent.document, unit)
    header = [
        f"Kế hoạch của {unit.sentence_name}, lập từ {parent_reference(parent.document).split(' về ')[0]}",
        f"(tệp {parent.path.name}) bằng lệnh 'cchc-docgen derive'. Hãy đọc lại toàn bộ, điền các chỗ '……',",
        "sửa nội dung cho phù hợp với đơn vị, ghi số và ngày khi ban hành, rồi chạy 'cchc-docgen render'.",
    ]
    review = [t for t in derived.tasks if t.kept and t.verdict.review]
    if review:
        header.append("CẦN XEM LẠI: các nhiệm vụ sau được giữ nhưng chưa rõ đơn vị có phải thực hiện không:")
        header += [f"  - {line}" for line in kept_task_list(review)]
    header += [f"LƯU Ý: {w}" for w in derived.warnings]
    text = dump_child(child_tree(derived, _copied_parts(parent.tree, derived), Wording(unit), header))
    return DerivedFile(derived, text)


def _copied_parts(tree: Any, derived: Derived) -> dict[str, Any]:
    """The parts of the parent's tree the child copies (and changes in place), copied; the rest is not needed."""
    if not isinstance(tree, dict):
        return {}
    body = tree.get("body")
    used = set(derived.sources)
    parts: dict[str, Any] = {}
    if isinstance(body, list):
        parts["body"] = [copy.deepcopy(node) if i in used else None for i, node in enumerate(body)]
    if "footnotes" in tree:
        parts["footnotes"] = copy.deepcopy(tree["footnotes"])
    return parts


def derive_yaml(parent_path: Path | str, unit: Unit) -> str:
    """YAML text of ``unit``'s plan derived from the plan in ``parent_path``."""
    return derive_file(parent_path, unit).yaml_text
