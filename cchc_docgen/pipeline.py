"""The whole render pipeline in one place: load → context → render (→ PDF in the CLI/batch layer)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cchc_docgen import outputs
from cchc_docgen.context import build_context
from cchc_docgen.loader import load_document
from cchc_docgen.models import Document
from cchc_docgen.renderer import render_docx
from cchc_docgen.templates_path import default_template


def output_path(plan: Path, out_dir: Path, suffix: str = ".docx") -> Path:
    """``OUT_DIR/<yaml stem>.docx``."""
    return out_dir / f"{plan.stem}{suffix}"


def render_plan(plan: Path | str, out_dir: Path | str = "out", *, template: Path | None = None,
                force: bool = False) -> Path:
    """Render one YAML plan to ``out_dir/<stem>.docx`` and return that path.

    Raises ``InputError`` (every problem in the YAML at once), ``TemplateProblem`` or ``OutputExists``;
    on any error nothing is written and an existing output is untouched.
    """
    plan, out_dir = Path(plan), Path(out_dir)
    doc = load_document(plan)
    out = output_path(plan, out_dir)
    outputs.ensure_replaceable(out, force)
    # recorded as ours before it replaces the old file, so a kill between the two never orphans it
    render_document(doc, plan, out, template=template, before_replace=lambda tmp: outputs.expect(out, tmp))
    outputs.remember(out)
    return out


def render_document(doc: Document, plan: Path, out: Path, *, template: Path | None = None,
                    before_replace: Callable[[Path], object] | None = None) -> Path:
    """Render a loaded document (from the YAML file ``plan``) to ``out``: the step the CLI and the web share.

    A report may take its task statuses from a spreadsheet named in it (relative to ``plan``).
    ``before_replace`` is called with the finished temporary file just before it replaces ``out``.
    """
    if doc.report is not None:
        from cchc_docgen.report.xlsx import apply_tasks_file

        doc = apply_tasks_file(doc, plan)
    render_docx(template or default_template(doc.kind), build_context(doc), out, before_replace)
    return out
