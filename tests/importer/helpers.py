"""Shared helpers of the importer tests: import, render, compare words; walk a model's numbered tree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cchc_docgen.importer import ImportResult, import_file
from cchc_docgen.importer.patterns import marker
from cchc_docgen.loader import load_document
from cchc_docgen.models import Document, Node
from cchc_docgen.pipeline import render_plan

DATA = Path(__file__).resolve().parent.parent / "data"
SEEDS = DATA / "seeds"  # the same folder as support.paths.SEEDS
REALDOCS = DATA / "realdocs"


def import_and_render(source: Path, tmp: Path) -> tuple[ImportResult, Path]:
    """Import ``source``, write its YAML, load it again through the loader (it must validate), render it."""
    result = import_file(source)
    plan = tmp / f"{source.stem}.yaml"
    plan.write_text(result.yaml_text, encoding="utf-8")
    assert load_document(plan) == result.document
    return result, render_plan(plan, tmp / "out", force=True)


def nodes(items: list[Node]) -> Iterator[Node]:
    for node in items:
        yield node
        yield from nodes(node.items)


def typed_numbers(doc: Document) -> list[str]:
    """Item starts that still carry a typed number ("2.1.", "a)", "- ", …)."""
    found = []
    for node in nodes(doc.body):
        first = node.title or node.text or ""
        if node.numbering != "none" and marker(first.replace("**", "")):
            found.append(first[:60])
    return found
