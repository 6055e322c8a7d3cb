"""“Báo cáo”: make the period report of a plan (the page that fills it in is ``routes_status``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from cchc_docgen.errors import DocgenError
from cchc_docgen.web import library, store
from cchc_docgen.web.app import page
from cchc_docgen.web.flash import set_flash
from cchc_docgen.web.paths import rel_of
from cchc_docgen.web.saving import writer
from cchc_docgen.web.security import check_csrf, current_user, open_document
from cchc_docgen.web.wording import plain

router = APIRouter()


def _choices(request: Request, kind: str) -> list[library.Entry]:
    user = current_user(request)
    data: Path = request.app.state.settings.data
    return [e for e in library.entries(data, user) if e.kind == kind and e.status != "error"]


@router.get("/new/report")
async def new_report(request: Request, plan: str = "") -> Response:
    from cchc_docgen.report import PERIODS

    return page(request, "new_report.html", plans=_choices(request, "ke_hoach"),
                reports=_choices(request, "bao_cao"), periods=PERIODS, chosen=plan, error=None,
                year="", period="")  # an empty year means the plan's own year


@router.post("/new/report")
async def create_report(request: Request) -> Response:
    from cchc_docgen.loader import load_document
    from cchc_docgen.report import PERIODS, build_report
    from cchc_docgen.yamlio import dump_document

    user = current_user(request)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    rel, period = str(form.get("plan", "")), str(form.get("period", ""))
    previous_rel, year_text = str(form.get("previous", "")), str(form.get("year", "")).strip()
    plan_path = open_document(request, rel, user)

    def again(message: str) -> Response:
        return page(request, "new_report.html", 422, plans=_choices(request, "ke_hoach"),
                    reports=_choices(request, "bao_cao"), periods=PERIODS, chosen=rel, error=message,
                    year=year_text, period=period)

    if period not in PERIODS:
        return again("Hãy chọn kỳ báo cáo.")
    if year_text and not (year_text.isdigit() and 1945 <= int(year_text) <= 2200):
        return again(f"Năm “{year_text}” không hợp lệ: hãy ghi năm bằng 4 chữ số, ví dụ 2025.")
    try:
        plan = load_document(plan_path)
        outside = _outside_plan(plan, int(year_text)) if year_text else None
        if outside:
            return again(outside)
        previous = load_document(open_document(request, previous_rel, user)) if previous_rel else None
        skeleton = build_report(plan, period, int(year_text) if year_text else None, previous)
    except DocgenError as exc:
        return again("Không lập được báo cáo: " + "; ".join(plain(p.message) for p in exc.problems) if exc.problems
                     else f"Không lập được báo cáo: {plain(exc.message)}")
    report = skeleton.report
    header = [f"Báo cáo {PERIODS[period].phrase(report.year or 0)} lập từ {plan_path.name} trên trang web."]
    text = dump_document(report, header, schema=None)
    target = store.free_name(plan_path.parent, f"bao-cao-{period}-{report.year}-{plan_path.stem}")
    store.create(target, text)
    set_flash(request.session, skeleton.warnings)
    writer(request)
    data: Path = request.app.state.settings.data
    return RedirectResponse(f"/status/{rel_of(data, target)}", status_code=303)


def _outside_plan(plan: Any, year: int) -> str | None:
    """The message when ``year`` is not a year of ``plan`` (a 2023 plan cannot give a 2026 report)."""
    from cchc_docgen.context.build import plan_period

    period = plan_period(plan)
    if period is None or period[0] <= year <= period[1]:
        return None
    years = f"năm {period[0]}" if period[0] == period[1] else f"các năm {period[0]}–{period[1]}"
    return (f"Kế hoạch đã chọn là kế hoạch {years}, nên không lập được báo cáo cho năm {year}: nhiệm vụ và thời hạn "
            f"sẽ không khớp. Hãy để trống ô Năm (chương trình dùng năm của kế hoạch), hoặc chọn kế hoạch của "
            f"năm {year}.")
