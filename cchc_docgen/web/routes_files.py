"""Preview pages, DOCX/PDF downloads, and ``check`` of an uploaded DOCX."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import FileResponse, Response
from starlette.datastructures import UploadFile as StarletteUpload

from cchc_docgen.errors import DocgenError
from cchc_docgen.oserrors import EnvironmentProblem
from cchc_docgen.pdf import PdfError
from cchc_docgen.pipeline import render_document
from cchc_docgen.web import store
from cchc_docgen.web.app import page
from cchc_docgen.web.jobs import requester, run_job
from cchc_docgen.web.paths import MAX_NAME_BYTES, public
from cchc_docgen.web.preview import Outputs, Rendered, check_tasks_file
from cchc_docgen.web.security import Denied, check_csrf, current_user, open_document

router = APIRouter()


def _outputs(request: Request) -> Outputs:
    return request.app.state.outputs  # type: ignore[no-any-return]


async def _rendered(request: Request, rel: str) -> Rendered:
    """The document rendered to DOCX (from the file as it is now, in a capped worker); 409 while it has errors."""
    path = open_document(request, rel, current_user(request))
    loaded = await asyncio.to_thread(store.load, path)
    if loaded.document is None:
        raise Denied(409, f"Văn bản còn {len(loaded.problems)} lỗi nên chưa tạo được bản in. "
                          "Hãy mở trang sửa văn bản, sửa các ô được đánh dấu đỏ rồi thử lại.")
    outputs = _outputs(request)
    rendered = outputs.slot(loaded.text, path.stem, rel)
    if not rendered.docx.is_file():
        try:
            check_tasks_file(loaded.document, path)
            await run_job(request, render_document, loaded.document, path, rendered.docx)
        except EnvironmentProblem:
            raise  # a full disk: the server's problem, answered 507 by the app
        except DocgenError as exc:
            raise Denied(409, f"Không tạo được văn bản: {exc.message or '; '.join(exc.lines())}") from None
        await asyncio.to_thread(outputs.trim)
    return rendered


async def _pdf(request: Request, rendered: Rendered) -> Path:
    try:
        return await asyncio.to_thread(_outputs(request).pdf, rendered, requester(request))
    except PdfError as exc:
        raise Denied(503, f"Không chuyển được sang PDF: {exc}. Bạn vẫn tải được tệp DOCX.") from None


@router.get("/preview/{rel:path}")
async def preview(request: Request, rel: str) -> Response:
    rendered = await _rendered(request, rel)
    await _pdf(request, rendered)
    count = await asyncio.to_thread(_outputs(request).pages, rendered)
    loop = asyncio.get_running_loop()
    for n in range(1, min(count, 2) + 1):  # start the first pages now: the browser asks for them next
        loop.run_in_executor(None, _outputs(request).page_png, rendered, n)
    return page(request, "preview.html", rel=rel, key=rendered.key, pages=range(1, count + 1))


@router.get("/page/{key}/{n}.png")
async def page_image(request: Request, key: str, n: int) -> Response:
    owner = _outputs(request).owner.get(key)
    if owner is None:
        raise Denied(404, "Không có trang này.")
    open_document(request, owner, current_user(request), must_exist=False)
    rendered = _outputs(request).find(key)
    png = await asyncio.to_thread(_outputs(request).page_png, rendered, n) if rendered and 0 < n < 1000 else None
    if png is None:
        raise Denied(404, "Không có trang này.")
    return FileResponse(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/download/{fmt}/{rel:path}")
async def download(request: Request, fmt: str, rel: str) -> Response:
    if fmt not in ("docx", "pdf"):
        raise Denied(404, "Chỉ tải được DOCX hoặc PDF.")
    rendered = await _rendered(request, rel)
    if fmt == "docx":
        media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return FileResponse(rendered.docx, media_type=media, filename=rendered.docx.name)
    pdf = await _pdf(request, rendered)
    return FileResponse(pdf, media_type="application/pdf", filename=pdf.name)


async def read_upload(request: Request, upload: Any, allowed: set[str]) -> tuple[str, bytes]:
    """The name and bytes of an uploaded file, or ``Denied`` with a message saying what is accepted."""
    if not isinstance(upload, (UploadFile, StarletteUpload)) or not upload.filename:
        raise Denied(400, "Chưa chọn tệp. Hãy bấm “Chọn tệp” và chọn tệp cần tải lên.")
    name = Path(upload.filename).name
    if len(name.encode("utf-8", "replace")) > MAX_NAME_BYTES:  # longer than most file systems allow
        raise Denied(400, f"Tên tệp quá dài (hơn {MAX_NAME_BYTES} byte). Hãy đổi tên tệp cho ngắn hơn rồi tải lên "
                          "lại.")
    suffix = Path(name).suffix.lower()
    if suffix not in allowed:
        kinds = ", ".join(sorted(allowed))
        raise Denied(415, f"Tệp “{name}” không đúng loại: chỉ nhận tệp {kinds}.")
    limit = request.app.state.settings.max_upload
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise Denied(413, f"Tệp “{name}” quá lớn: chỉ nhận tệp đến {limit // (1024 * 1024)} MB.")
    if suffix == ".pdf" and not data.startswith(b"%PDF"):
        raise Denied(415, f"Tệp “{name}” không phải tệp PDF hợp lệ.")
    return name, data


def unreadable(name: str, exc: DocgenError) -> str:
    """The one message for a file ``check`` or ``import`` cannot read (the reader's reason, without its path)."""
    reason = getattr(exc, "reason", None) or "; ".join(p.message for p in exc.problems) or exc.message
    return f"Không đọc được tệp “{name}”: {reason}"


@router.get("/check")
async def check_form(request: Request) -> Response:
    current_user(request)
    return page(request, "check.html", result=None)


@router.post("/check")
async def check(request: Request) -> Response:
    from cchc_docgen.checker import check_document
    from cchc_docgen.checker.model import MUST, RULES

    current_user(request)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    name, data = await read_upload(request, form.get("file"), {".docx"})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload.docx"
        path.write_bytes(data)
        try:
            checked = await run_job(request, check_document, path)
        except DocgenError as exc:  # a file we cannot read is the uploader's problem: 400, never 500
            raise Denied(400, public(unreadable(name, exc), Path(tmp), name)) from None
    findings = checked.findings
    must = sum(f.level == MUST for f in findings)
    return page(request, "check.html", result={"name": name, "findings": findings, "must": must,
                                                 "should": len(findings) - must, "rules": RULES,
                                                 "outside": checked.kind == "outside", "note": checked.note,
                                                 "kind": checked.kind_label})
