"""“Báo cáo”: make the period report of a plan, fill each task's status, see the summary and the chart."""

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
from cchc_docgen.web.saving import save_form, writer
from cchc_docgen.web.security import Denied, check_csrf, current_user, open_document
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


def _figures(loaded: store.Loaded) -> dict[str, Any] | None:
    """Summary figures for the page (``None`` while the report has errors)."""
    from cchc_docgen.context.report import COLOURS, STATUS_WORDS, total_sentence, vi_percent
    from cchc_docgen.report.summary import summary

    doc = loaded.document
    if doc is None or doc.report is None:
        return None
    figures = summary(doc)
    bars: list[dict[str, Any]] = [{"status": s, "label": STATUS_WORDS[s].capitalize(), "count": n, "colour": COLOURS[s],
             "percent": vi_percent(figures.overall.percent(s))}
            for s, n in figures.overall.by_status.items() if n or (s in STATUS_WORDS and s != "chưa cập nhật")]
    top = max([b["count"] for b in bars] + [1])
    for b in bars:
        b["width"] = round(300 * b["count"] / top)
    leads = [{"lead": lead, "total": c.total, "counts": c.by_status} for lead, c in figures.by_lead.items()]
    return {"sentence": total_sentence(figures.overall), "bars": bars, "leads": leads,
            "statuses": list(figures.overall.by_status)}


def _status_page(request: Request, rel: str, loaded: store.Loaded, status: int = 200, **extra: Any) -> Response:
    from cchc_docgen.models.report import STATUSES

    tree = loaded.tree if isinstance(loaded.tree, dict) else {}
    info = tree.get("report") if isinstance(tree.get("report"), dict) else None
    if info is None:
        raise Denied(409, "Văn bản này không phải báo cáo kết quả thực hiện kế hoạch (không có bảng nhiệm vụ).")
    tasks = [(i, t) for i, t in enumerate(info.get("tasks") or []) if isinstance(t, dict)]
    messages: dict[str, list[str]] = {}
    for problem in loaded.problems:
        messages.setdefault(problem.key, []).append(plain(problem.message))
    partial = request.headers.get("HX-Request") == "true"
    flash = request.session.pop("flash", None) or []
    return page(request, "status_form.html" if partial else "status.html", status, rel=rel, loaded=loaded,
                tree=tree, tasks=tasks, statuses=STATUSES, figures=_figures(loaded), messages=messages,
                flash=flash, plain=plain, **extra)


@router.get("/status/{rel:path}")
async def status_page(request: Request, rel: str) -> Response:
    path = open_document(request, rel, current_user(request))
    writer(request)
    return _status_page(request, rel, store.load(path))


@router.post("/status/{rel:path}")
async def save_status(request: Request, rel: str) -> Response:
    path = open_document(request, rel, current_user(request))
    outcome = await save_form(request, path)
    if outcome.conflict:
        return _status_page(request, rel, outcome.loaded, 409, conflict=outcome.draft)
    if request.headers.get("HX-Request") != "true":
        return RedirectResponse(f"/status/{rel}?saved=1", status_code=303)
    return _status_page(request, rel, outcome.loaded, saved=True)
