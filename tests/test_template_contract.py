"""Template ↔ context contract: the template uses exactly the names the context provides, and every
paragraph/table style the context's XML refers to exists in the template."""

from __future__ import annotations

import re

import pytest
from docx import Document
from jinja2 import meta
from support.paths import PLANS

from cchc_docgen.context import build_context
from cchc_docgen.loader import load_document
from cchc_docgen.models import KINDS
from cchc_docgen.renderer import jinja_env, load_template
from cchc_docgen.templates_path import default_template


def _template_names(kind: str) -> set[str]:
    tpl = load_template(default_template(kind))
    tpl.init_docx()
    xml = tpl.patch_xml(tpl.get_xml())
    return set(meta.find_undeclared_variables(jinja_env().parse(xml)))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_names_are_context_keys(kind: str) -> None:
    context = build_context(load_document(PLANS[0]))
    used = _template_names(kind)
    provided = set(context)
    assert used <= provided, f"template uses names the context lacks: {used - provided}"
    # keys consumed by the renderer itself rather than the template
    unused = provided - used - {"footnotes", "last_landscape"}
    if kind == "ke_hoach":
        unused -= {"addressees"}
    assert not unused, f"context keys no template uses: {unused}"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_context_styles_exist_in_template(kind: str) -> None:
    styles = {s.style_id for s in Document(str(default_template(kind))).styles}
    referenced: set[str] = set()
    for plan in PLANS:
        context = build_context(load_document(plan))
        blob = repr(context)
        referenced |= set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', blob))
    assert referenced, "the context should refer to template styles"
    assert referenced <= styles, f"missing styles: {referenced - styles}"


def test_templates_are_built_from_the_script(tmp_path) -> None:
    """The committed templates are what tools/build_templates.py makes (same document XML)."""
    import importlib.util
    import zipfile
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "tools" / "build_templates.py"
    spec = importlib.util.spec_from_file_location("build_templates", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for kind in KINDS.values():
        fresh = tmp_path / kind.template
        module.build(kind.key == "bao_cao", "x", fresh)
        for part in ("word/document.xml", "word/styles.xml", "word/footnotes.xml"):
            with zipfile.ZipFile(fresh) as a, zipfile.ZipFile(default_template(kind.key)) as b:
                assert a.read(part) == b.read(part), f"{kind.template}:{part} differs; run tools/build_templates.py"
