"""The per-process template cache (issue 16.3): compiled once, invalidated by a changed template, guards intact."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from helpers import STARTER, template_with

from cchc_docgen import template_cache
from cchc_docgen.context import build_context
from cchc_docgen.errors import TemplateProblem
from cchc_docgen.loader import load_document
from cchc_docgen.pipeline import render_plan
from cchc_docgen.renderer import render_docx

PLAN = STARTER


def _body_text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_second_render_compiles_nothing(tmp_path: Path) -> None:
    template_cache.COMPILED.clear()
    render_plan(PLAN, tmp_path, force=True)
    after_first = template_cache.COMPILED.misses
    assert after_first >= 1
    for _ in range(3):
        render_plan(PLAN, tmp_path, force=True)
    assert template_cache.COMPILED.misses == after_first


def test_changed_template_is_compiled_again(tmp_path: Path) -> None:
    context = build_context(load_document(PLAN))
    para = '<w:p><w:r><w:t>{{ "DẤU-%s" % "A" }}</w:t></w:r></w:p>'
    template = template_with(tmp_path, para, "mau.docx")
    render_docx(template, context, tmp_path / "a.docx")
    assert "DẤU-A" in _body_text(tmp_path / "a.docx")
    # the same file name, new content: the new text must come out, not the cached one
    template_with(tmp_path, para.replace('"A"', '"B"'), "mau.docx")
    render_docx(template, context, tmp_path / "b.docx")
    body = _body_text(tmp_path / "b.docx")
    assert "DẤU-B" in body and "DẤU-A" not in body


def test_guards_hold_on_cached_code(tmp_path: Path) -> None:
    """Each render gets its own budgets around the shared code: the second render is refused like the first."""
    context = build_context(load_document(PLAN))
    loop = "{% for i in range(200000) %}{% for j in range(200000) %}{% endfor %}{% endfor %}"
    template = template_with(tmp_path, f"<w:p><w:r><w:t>{loop}</w:t></w:r></w:p>", "vong.docx")
    for name in ("a.docx", "b.docx"):
        with pytest.raises(TemplateProblem, match="range"):
            render_docx(template, context, tmp_path / name)
        assert not (tmp_path / name).exists()


def test_lru_cache_keeps_a_bounded_number_of_entries() -> None:
    cache: template_cache.LruCache[int] = template_cache.LruCache(size=3)
    for i in range(10):
        assert cache.get((i,), lambda i=i: i * i) == i * i  # type: ignore[misc]
    assert list(cache.entries) == [(7,), (8,), (9,)]
    assert cache.get((8,), lambda: -1) == 64 and cache.misses == 10
