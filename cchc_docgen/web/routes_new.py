"""“Tạo kế hoạch cho đơn vị” (derive from a parent plan or an imported DOCX/PDF) and “Báo cáo” pages.

The functions come from ``cchc_docgen.derive``, ``cchc_docgen.importer`` and ``cchc_docgen.report``; a page
whose function is not installed says so instead of failing.
"""

from __future__ import annotations

import importlib
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from cchc_docgen.web.app import page
from cchc_docgen.web.security import Denied, current_user

router = APIRouter()


def feature(module: str) -> Any:
    """The module ``cchc_docgen.<module>``, or ``None`` when this installation does not have it yet."""
    try:
        return importlib.import_module(f"cchc_docgen.{module}")
    except ImportError:
        return None


def missing(request: Request, what: str) -> Response:
    raise Denied(501, f"Bản cài đặt này chưa có chức năng {what}. Hãy cập nhật cchc-docgen lên bản mới hơn.")


@router.get("/new/plan")
async def new_plan(request: Request) -> Response:
    current_user(request)
    if feature("derive") is None:
        return missing(request, "lập kế hoạch cho đơn vị")
    return page(request, "message.html", title="Tạo kế hoạch", message="")
