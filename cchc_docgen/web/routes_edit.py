"""The editor page's own requests: save one field, run a structure button, fresh field texts, a new token.

They answer JSON to the page's script, never a redirect: an expired session is ``401`` so the page can keep the
typed text and sign in again in place; a stale form token is ``403`` with ``csrf`` so the page can fetch a new
one and send the change again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from cchc_docgen.web import fieldsave, store
from cchc_docgen.web.figures import BadValue
from cchc_docgen.web.ops import apply_op
from cchc_docgen.web.saving import writer
from cchc_docgen.web.security import Denied, LoginRequired, check_csrf, csrf_token, current_user, open_document
from cchc_docgen.web.treeedit import EditError

router = APIRouter()

GONE = ("Chỗ này của văn bản không còn nữa (có người vừa xóa hoặc chuyển mục). Hãy tải lại trang; phần bạn "
        "vừa gõ vẫn được giữ trên máy này và sẽ hiện lại.")
UNREADABLE = ("Tệp văn bản đang bị hỏng (có người sửa trực tiếp tệp và viết sai) nên chưa lưu được trên trang "
              "này. Phần bạn vừa gõ vẫn được giữ trên máy này; hãy báo người quản lý thư mục dữ liệu.")
MOVED = ("Văn bản vừa được thay đổi bố cục ở nơi khác (thêm, xóa hoặc chuyển mục) nên thao tác này chưa làm. "
         "Hãy tải lại trang rồi làm lại; những gì bạn đã gõ đều đã được lưu.")


MOVED_SAVE = ("Văn bản vừa được thay đổi bố cục ở nơi khác (thêm, xóa hoặc chuyển mục) nên ô này chưa được lưu. "
              "Hãy tải lại trang: phần bạn vừa gõ vẫn được giữ trên máy này và sẽ hiện lại để lưu.")


def _json(data: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(data, status, headers={"Cache-Control": "no-store"})


async def _checked(request: Request, rel: str) -> tuple[Path, Any] | JSONResponse:
    """The document and the posted form, or the JSON answer for a signed-out or stale page."""
    try:
        user = current_user(request)
    except LoginRequired:
        return _json({"login": True, "message": "Phiên làm việc đã hết hạn: hãy đăng nhập lại."}, 401)
    form = await request.form()
    try:
        check_csrf(request, form.get("csrf"))
    except Denied:
        return _json({"csrf": True, "message": "Trang đã mở quá lâu: đang lấy mã mới để lưu lại."}, 403)
    try:
        path = open_document(request, rel, user)
    except Denied as denied:
        return _json({"message": denied.message}, denied.status)
    return path, form


def _loaded_reply(loaded: store.Loaded, **extra: Any) -> dict[str, Any]:
    return {"version": loaded.version, "problems": fieldsave.problem_list(loaded.problems), **extra}


Handler = Callable[[Path, Any], Awaitable[Response]]


async def _answer(request: Request, rel: str, handler: Handler) -> Response:
    """Run ``handler(path, form)`` for a signed-in page with a valid token, or answer why not."""
    checked = await _checked(request, rel)
    if isinstance(checked, JSONResponse):
        return checked
    path, form = checked
    return await handler(path, form)


async def save_reply(request: Request, rel: str, more: Callable[[store.Loaded], dict[str, Any]] | None = None,
                     ) -> Response:
    """Save the one field the page sent; ``more`` adds what a page recomputes after a save (the Biểu mẫu)."""

    async def save(path: Path, form: Any) -> Response:
        name, value = str(form.get("name", "")), str(form.get("value", ""))
        base, version = str(form.get("base", "")), str(form.get("version", ""))
        try:
            outcome = await asyncio.to_thread(fieldsave.save_field, path, name, value, base, version)
        except EditError:
            return _json({"message": GONE}, 409)
        except fieldsave.Unreadable:
            return _json({"message": UNREADABLE}, 409)
        except BadValue as bad:  # nothing written: the box keeps the text and shows what to write
            return _json({"message": bad.message, "invalid": True}, 422)
        if outcome.status == "moved":
            return _json({"message": MOVED_SAVE}, 409)
        extra = await asyncio.to_thread(more, outcome.loaded) if more else {}
        reply = _loaded_reply(outcome.loaded, status=outcome.status, value=outcome.value, theirs=outcome.theirs,
                              **extra)
        return _json(reply, 409 if outcome.status == "conflict" else 200)

    return await _answer(request, rel, save)


@router.post("/save/{rel:path}")
async def save_field(request: Request, rel: str) -> Response:
    return await save_reply(request, rel)


@router.post("/values/{rel:path}")
async def field_values(request: Request, rel: str) -> Response:
    async def values(path: Path, form: Any) -> Response:
        names = [n for n in str(form.get("names", "")).split("\n") if n]
        try:
            version, found = await asyncio.to_thread(fieldsave.values, path, names)
        except fieldsave.Unreadable:
            return _json({"message": UNREADABLE}, 409)
        return _json({"version": version, "values": found})

    return await _answer(request, rel, values)


@router.post("/op/{rel:path}")
async def structure(request: Request, rel: str) -> Response:
    drafts = request.app.state.settings.state_dir / "drafts"
    who = writer(request)

    async def op_reply(path: Path, form: Any) -> Response:
        version, op = str(form.get("version", "")), str(form.get("op", ""))
        result = await asyncio.to_thread(_run_op, path, rel, version, op, drafts, who)
        if isinstance(result, str):
            return _json({"message": result}, 409)
        return _json(result)

    return await _answer(request, rel, op_reply)


def _run_op(path: Path, rel: str, version: str, op: str, drafts: Path, who: str) -> dict[str, Any] | str:
    """Run a structure button on the file; the reply for the page, or the message why it was not done."""
    if not fieldsave.same_shape(path, version):
        return MOVED
    loaded = store.load(path)
    if not isinstance(loaded.tree, dict):
        return UNREADABLE
    try:
        focus = apply_op(loaded.tree, op)
        saved = store.save(path, loaded.tree, loaded.version, drafts, who, structural=True)
    except EditError:
        return GONE
    except (store.Conflict, store.Stale):
        return MOVED
    fieldsave.structure_changed(path)
    anchor = f"#n-{focus}" if focus else ""
    return _loaded_reply(saved, url=f"/edit/{rel}?v={saved.version[:8]}{anchor}")


@router.get("/session/token")
async def token(request: Request) -> Response:
    """A form token for this session (after signing in again in place)."""
    try:
        current_user(request)
    except LoginRequired:
        return _json({"login": True}, 401)
    return _json({"csrf": csrf_token(request)})
