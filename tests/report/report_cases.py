"""Plans and helpers for the checklist (BC) and §9 tests: a province, a Phòng, a school, render-and-read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from report_data import SMALL_PLAN
from support.docxtext import paragraphs, table_rows

from cchc_docgen.loader import load_document
from cchc_docgen.models import Document, Node
from cchc_docgen.pipeline import render_plan
from cchc_docgen.yamlio import dump_document


def plan_from(text: str, tmp_path: Path, name: str = "kh.yaml", **changes: Any) -> Document:
    """The YAML plan ``text`` with top-level keys replaced by ``changes``, loaded from ``tmp_path``."""
    data = yaml.safe_load(text)
    data.update(changes)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_document(path)


def province_plan(tmp_path: Path) -> Document:
    """UBND tỉnh Lâm Đồng's plan: the level that reports to Bộ Nội vụ."""
    return plan_from(SMALL_PLAN, tmp_path, "tinh.yaml",
                     issuer={"name": "Ủy ban nhân dân tỉnh Lâm Đồng", "abbreviation": "UBND", "place": "Lâm Đồng"},
                     title="Cải cách hành chính nhà nước năm 2024",
                     recipients=[{"name": "Bộ Nội vụ", "note": "b/c"}, "Thường trực Tỉnh ủy"])


def render(doc: Document, tmp_path: Path, name: str = "bc") -> Path:
    """Write ``doc`` as YAML, render it, return the DOCX."""
    path = tmp_path / f"{name}.yaml"
    path.write_text(dump_document(doc), encoding="utf-8")
    return render_plan(path, tmp_path / "out", force=True)


def text_of(docx: Path) -> list[str]:
    return paragraphs(docx)


def rows_of(docx: Path) -> list[list[str]]:
    return [r for r in table_rows(docx) if len(r) == 5]


def headings(nodes: list[Node], depth: int = 0) -> list[tuple[int, str]]:
    """(depth, title) of every titled node, in order."""
    out: list[tuple[int, str]] = []
    for node in nodes:
        if node.title:
            out.append((depth, node.title))
        out += headings(node.items, depth + 1)
    return out


def with_report(doc: Document, **changes: Any) -> Document:
    assert doc.report is not None
    return doc.model_copy(update={"report": doc.report.model_copy(update=changes)})
