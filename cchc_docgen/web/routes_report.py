"""“Báo cáo”: make the period report of a plan (the page that fills it in is ``routes_status``)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from cchc_docgen.errors import DocgenError
from cchc_docgen.web import library, store
from cchc_docgen.web.app import page
from cchc_docgen.web.flash import set_flash
from cchc_docgen.web.paths import rel_of
from cchc_docgen.web.routes_new import parents, reader_of
from cchc_docgen.web.saving import writer
from cchc_docgen.web.security import check_csrf, current_user, open_document
from cchc_docgen.web.wording import plain

router = APIRouter()


def _choices(request: Request, kind: str) -> list[library.Entry]:
    user = current_user(request)
    data: Path = request.app.state.settings.data
    return [e for e in library.entries(data, user) if e.kind == kind and e.status != "error"]


def _form(request: Request, status: int = 200, **values: Any) -> Response:
    """The “Lập báo cáo” page; ``values`` are what the user chose (kept after an error)."""
    from cchc_docgen.report import PERIODS

    own = _choices(request, "ke_hoach")
    seen = {e.rel for e in own}
    upper = own + [e for e in parents(request, current_user(request)) if e.rel not in seen]
    chosen = {"plan": "", "period": "", "year": "", "previous": "", "superior": "", "next_plan": "", "due": "",
              "pattern": "B", "error": None, **values}
    return page(request, "new_report.html", status, plans=own, upper=upper, reports=_choices(request, "bao_cao"),
                periods=PERIODS, v=chosen)


@router.get("/new/report")
async def new_report(request: Request, plan: str = "") -> Response:
    return _form(request, plan=plan)  # an empty year means the plan's own year


def _due(text: str) -> dt.date | None:
    """The due date typed or picked: 2025-06-10 (a date box) or 10/6/2025; ``ValueError`` when it is neither."""
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", text)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(text)


@router.post("/new/report")
async def create_report(request: Request) -> Response:
    from cchc_docgen.loader import load_document
    from cchc_docgen.report import PERIODS, build_report
    from cchc_docgen.yamlio import dump_document

    user = current_user(request)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    keys = ("plan", "period", "year", "previous", "superior", "next_plan", "due", "pattern")
    v = {k: str(form.get(k, "")).strip() for k in keys}
    rel, period, year_text = v["plan"], v["period"], v["year"]
    plan_path = open_document(request, rel, user)

    def again(message: str) -> Response:
        return _form(request, 422, **v, error=message)

    if period not in PERIODS:
        return again("Hãy chọn kỳ báo cáo.")
    if year_text and not (year_text.isdigit() and 1945 <= int(year_text) <= 2200):
        return again(f"Năm “{year_text}” không hợp lệ: hãy ghi năm bằng 4 chữ số, ví dụ 2025.")
    try:
        due = _due(v["due"])
    except ValueError:
        return again(f"Hạn gửi báo cáo “{v['due']}” không phải một ngày: hãy chọn ngày trong ô, hoặc ghi dạng "
                     "ngày/tháng/năm, ví dụ 10/6/2025. Để trống nếu văn bản cấp trên chưa giao hạn.")
    reader = reader_of(user)  # plans of the superior unit are read here, never written
    try:
        plan = load_document(plan_path)
        outside = _outside_plan(plan, int(year_text)) if year_text else None
        if outside:
            return again(outside)
        previous = load_document(open_document(request, v["previous"], user)) if v["previous"] else None
        superior = load_document(open_document(request, v["superior"], reader)) if v["superior"] else None
        following = load_document(open_document(request, v["next_plan"], reader)) if v["next_plan"] else None
        skeleton = build_report(plan, period, int(year_text) if year_text else None, previous,
                                next_plan=following, pattern="A" if v["pattern"] == "A" else "B", due=due,
                                superior=superior)
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
