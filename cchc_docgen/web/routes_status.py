"""The report page: the clerk writes the field narratives, the Biểu mẫu figures and the task statuses.

Every box saves alone through the editor's per-field save (``routes_edit.save_reply``); the reply of a save
also carries the Biểu mẫu rows the program computes (sums, ratios, rows counted from the tasks), the automatic
notes, the check messages and the progress sentence, so the page updates them without being redrawn.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from cchc_docgen.web import fieldsave, reportforms, store
from cchc_docgen.web.app import page
from cchc_docgen.web.routes_edit import save_reply
from cchc_docgen.web.saving import writer
from cchc_docgen.web.security import Denied, current_user, open_document

router = APIRouter()


def sentence(loaded: store.Loaded) -> str:
    """``Tổng số 48 nhiệm vụ: đã hoàn thành 2 (4,2%), …`` (empty while the report has errors)."""
    from cchc_docgen.context.report import total_sentence
    from cchc_docgen.report.summary import summary

    doc = loaded.document
    if doc is None or doc.report is None or not doc.report.tasks:
        return ""
    return total_sentence(summary(doc).overall)


def after_save(loaded: store.Loaded) -> dict[str, Any]:
    """What the page updates after a save (see the module docstring)."""
    return {"forms": reportforms.state(loaded.document, loaded.tree), "sentence": sentence(loaded)}


def _page(request: Request, rel: str, loaded: store.Loaded) -> Response:
    from cchc_docgen.models.report import STATUSES
    from cchc_docgen.web.reportview import ReportView

    tree = loaded.tree if isinstance(loaded.tree, dict) else {}
    if not isinstance(tree.get("report"), dict):
        raise Denied(409, "Văn bản này không phải báo cáo kết quả thực hiện kế hoạch (không có phần kỳ báo cáo "
                          "và nhiệm vụ). Hãy mở nó bằng trang sửa văn bản.")
    view = ReportView(rel, loaded)
    flash = request.session.pop("flash", None) or []
    return page(request, "status.html", view=view, rel=rel, statuses=STATUSES, flash=flash,
                sentence=sentence(loaded))


@router.get("/status/{rel:path}")
async def status_page(request: Request, rel: str) -> Response:
    path = open_document(request, rel, current_user(request))
    writer(request)
    loaded = await asyncio.to_thread(store.load, path)
    response = await asyncio.to_thread(_page, request, rel, loaded)
    response.headers["Cache-Control"] = "no-store"  # a reload always shows the file as it is now
    threading.Thread(target=fieldsave.prime, args=(path,), daemon=True).start()
    return response


@router.post("/report-save/{rel:path}")
async def save_report_field(request: Request, rel: str) -> Response:
    return await save_reply(request, rel, after_save)
