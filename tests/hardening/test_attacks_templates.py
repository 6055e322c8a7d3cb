"""Issue #19, templates: strings and containers a template builds are bounded, ``include``/``import``/``extends``
and runaway recursion are the template's error (exit 1, Vietnamese), never exit 0 with gigabytes or exit 70."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import STARTER, cli, template_with

DOUBLING = "{% set ns=namespace(s='a') %}{% for i in range(34) %}{% set ns.s=ns.s~ns.s %}{% endfor %}{{ ns.s|length }}"


@pytest.mark.parametrize(
    "snippet",
    [
        DOUBLING,
        "{% set l=['a'] %}{% for i in range(34) %}{{ l.extend(l) or '' }}{% endfor %}{{ l|length }}",
        "{% set d={} %}{% for i in range(3000) %}{{ d.update({i: 'x' * 1000000}) or '' }}{% endfor %}",
        "{{ ('a\n' * 1000000)|indent(1000) }}",
        "{{ '{:>1500000000}'.format('x') }}",
        "{{ '%1500000000s' % 'x' }}",
        "{% set s='a' * 1000000 %}{{ s.replace('a', s)|length }}",
        "{{ [[1]] * 5000|sum(start=[]) }}",
        "{% set s='x' * 1000000 %}{{ (s + s + s)|length }}",
    ],
    ids=["namespace-doubling", "extend", "dict-update", "indent", "format-width", "percent-width", "replace",
         "sum-start-list", "plus"],
)
def test_template_growth_is_bounded(tmp_path: Path, snippet: str) -> None:
    template = template_with(tmp_path, f"<w:p><w:r><w:t>{snippet}</w:t></w:r></w:p>")
    run = cli("render", str(STARTER), "--template", str(template), "-o", str(tmp_path / "out"),
              timeout=120, memory_mb=1200)
    assert run.code == 1, run.err
    assert "vượt quá giới hạn" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "out" / "mau_ke_hoach.docx").exists()


@pytest.mark.parametrize("tag", ["{% include 'x.xml' %}", "{% import 'x.xml' as x %}", "{% extends 'x.xml' %}"])
def test_include_import_extends_are_a_template_error(tmp_path: Path, tag: str) -> None:
    template = template_with(tmp_path, f"<w:p><w:r><w:t>{tag}</w:t></w:r></w:p>")
    run = cli("render", str(STARTER), "--template", str(template), "-o", str(tmp_path / "out"), timeout=120)
    assert run.code == 1, run.err
    assert "include" in run.err and "mẫu" in run.err and "Traceback" not in run.err


def test_macro_recursion_is_blamed_on_the_template(tmp_path: Path) -> None:
    snippet = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
    template = template_with(tmp_path, f"<w:p><w:r><w:t>{snippet}</w:t></w:r></w:p>")
    run = cli("render", str(STARTER), "--template", str(template), "-o", str(tmp_path / "out"), timeout=120)
    assert run.code == 1, run.err
    assert "đệ quy" in run.err and "mau.docx" in run.err and "Traceback" not in run.err


def test_ordinary_template_logic_still_renders(tmp_path: Path) -> None:
    snippet = ("{% set ns=namespace(n=0, s='') %}{% for i in range(50) %}{% set ns.n=ns.n+i %}"
               "{% set ns.s=ns.s~'x' %}{% endfor %}{{ ns.n }} {{ ns.s|length }} {{ [1, 2]|sum }} "
               "{{ '%05d' % 7 }} {{ '{:>6}'.format('ab') }} {{ 'a b'|replace(' ', '-') }} {{ [1] + [2] }}")
    template = template_with(tmp_path, f"<w:p><w:r><w:t>{snippet}</w:t></w:r></w:p>")
    run = cli("render", str(STARTER), "--template", str(template), "-o", str(tmp_path / "out"), timeout=120)
    assert run.code == 0, run.err
    from support.docxtext import paragraphs

    text = paragraphs(tmp_path / "out" / "mau_ke_hoach.docx")
    assert "1225 50 3 00007 ab a-b [1, 2]" in text  # paragraphs() squashes runs of spaces
