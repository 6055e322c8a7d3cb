"""The whole render pipeline in one place: load → context → render (→ PDF in the CLI/batch layer)."""

from __future__ import annotations

from pathlib import Path

from cchc_docgen import outputs
from cchc_docgen.context import build_context
from cchc_docgen.loader import load_document
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
    if doc.report is not None:  # a report may take its task statuses from a spreadsheet
        from cchc_docgen.report.xlsx import apply_tasks_file

        doc = apply_tasks_file(doc, plan)
    context = build_context(doc)
    out = output_path(plan, out_dir)
    outputs.ensure_replaceable(out, force)
    # recorded as ours before it replaces the old file, so a kill between the two never orphans it
    render_docx(template or default_template(doc.kind), context, out, lambda tmp: outputs.expect(out, tmp))
    outputs.remember(out)
    return out
