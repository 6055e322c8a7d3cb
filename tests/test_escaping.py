"""Text with XML specials and Jinja syntax appears literally: never evaluated, never dropped."""

from __future__ import annotations

import json
from pathlib import Path

from support.docxtext import paragraphs

from cchc_docgen.pipeline import render_plan

NASTY = "A & B < C > D \"q\" 'a' {{ 7*7 }} {% if x %}y{% endif %} {# c #} {_{ x"

Q = json.dumps(NASTY, ensure_ascii=False)
PLAN = f"""\
issuer:
  name: "Trường {{{{ x }}}} & <THCS>"
  abbreviation: THCS
  place: "Hà <Nội>"
number: 3
date: 2024-03-05
title: {json.dumps(NASTY + " năm 2024", ensure_ascii=False)}
preamble:
  text: {Q}
body:
  - title: {Q}
    items:
      - {Q}
appendices:
  - title: [{Q}]
    columns:
      - {{key: tt, label: "T&T", width: 12, numbers: true}}
      - {{key: task, label: "<Nhiệm vụ>", width: 100}}
    rows:
      - {{task: {Q}}}
signer: {{title: Hiệu trưởng, name: {Q}}}
recipients: [{Q}]
"""


def test_specials_and_jinja_appear_literally(tmp_path: Path) -> None:
    plan = tmp_path / "x.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    text = "\n".join(paragraphs(render_plan(plan, tmp_path / "out")))
    assert text.count("{{ 7*7 }}") >= 6
    assert "49" not in text
    assert "{% if x %}y{% endif %}" in text
    assert "{# c #}" in text
    assert 'A & B < C > D "q" \'a\'' in text
    assert text.count(NASTY) >= 5  # title, preamble, heading, point, table cell, signer, recipient
    assert "TRƯỜNG {{ X }} & <THCS>" in text
    assert "Hà <Nội>, ngày 05 tháng 3 năm 2024" in text
    assert "<Nhiệm vụ>" in text and "T&T" in text
