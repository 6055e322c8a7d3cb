"""Every plan in plans/ renders to a document with no MUST finding (architecture §7)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
#: plans whose rendering is known to break a MUST rule, with the reason (strict xfail: fix → remove entry)
KNOWN: dict[str, str] = {}


def _params() -> list:  # type: ignore[type-arg]
    out = []
    for plan in PLANS:
        marks = [pytest.mark.xfail(reason=KNOWN[plan.stem], strict=True)] if plan.stem in KNOWN else []
        out.append(pytest.param(plan, id=plan.stem, marks=marks))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("plan", _params())
def test_rendered_plan_has_no_must_finding(plan: Path, tmp_path: Path) -> None:
    from cchc_docgen.checker import check_docx
    from cchc_docgen.pipeline import render_plan

    findings = check_docx(render_plan(plan, tmp_path))  # neither MUST nor SHOULD findings
    assert findings == [], "\n".join(f"{f.rule_id} {f.location}: {f.message}" for f in findings)


def test_there_are_plans_to_check() -> None:
    assert PLANS, "plans/*.yaml is empty"
