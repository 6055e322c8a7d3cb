"""Sign-in, the library, and the editor (GET shows, POST saves every change and button)."""

from __future__ import annotations

import asyncio
import secrets
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from cchc_docgen.web import fieldsave, library, routes_edit, store
from cchc_docgen.web.app import page
from cchc_docgen.web.editorview import EditorView
from cchc_docgen.web.saving import save_form, writer
from cchc_docgen.web.security import accounts, check_csrf, current_user, open_document
from cchc_docgen.web.throttle import Throttle
from cchc_docgen.web.throttle import message as throttle_message

router = APIRouter()
router.include_router(routes_edit.router)


@router.get("/login")
async def login_form(request: Request, next: str = "/") -> Response:
    return page(request, "login.html", next=_local(next), error=None)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    name = str(form.get("username", "")).strip()[:64]
    target = _local(str(form.get("next", "/")))
    throttle: Throttle = request.app.state.throttle
    keys = (f"user:{name.lower()}", f"addr:{request.client.host if request.client else ''}")
    wait = throttle.wait(*keys)
    if wait > 0:
        return page(request, "login.html", 429, next=target, error=throttle_message(wait))
    loop = asyncio.get_running_loop()  # argon2 takes ~50 ms of CPU: never on the event loop
    user = await loop.run_in_executor(request.app.state.hashing, accounts(request).verify, name,
                                      str(form.get("password", ""))[:1024])
    if user is None:
        throttle.failed(*keys)
        return page(request, "login.html", 401, next=target,
                    error="Sai tên đăng nhập hoặc mật khẩu. Hãy nhập lại (chú ý chữ hoa, chữ thường).")
    throttle.succeeded(*keys)
    request.session.clear()
    request.session["user"] = user.username
    request.session["ver"] = user.version
    request.session["sid"] = secrets.token_urlsafe(12)
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    name = request.session.get("user")
    if isinstance(name, str) and request.app.state.login_needed:
        await asyncio.to_thread(accounts(request).end_sessions, name)  # a copied cookie stops working too
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


def _local(target: str) -> str:
    """Only paths of this site (no 'https://elsewhere' or '//elsewhere')."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


@router.get("/")
async def library_page(request: Request) -> Response:
    user = current_user(request)
    data: Path = request.app.state.settings.data
    entries = await asyncio.to_thread(library.entries, data, user)
    return page(request, "library.html", entries=entries)


def _editor(request: Request, rel: str, loaded: store.Loaded, status: int = 200, **extra: Any) -> Response:
    partial = request.headers.get("HX-Request") == "true" and not request.headers.get("HX-Boosted")
    view = EditorView(rel, loaded)
    flash = [] if partial else request.session.pop("flash", None) or []
    return page(request, "editor_form.html" if partial else "editor.html", status, view=view, rel=rel,
                flash=flash, **extra)


@router.get("/edit/{rel:path}")
async def editor(request: Request, rel: str) -> Response:
    user = current_user(request)
    path = open_document(request, rel, user)
    writer(request)
    loaded = await asyncio.to_thread(store.load, path)
    response = await asyncio.to_thread(_editor, request, rel, loaded)
    response.headers["Cache-Control"] = "no-store"  # a reload always shows the file as it is now
    threading.Thread(target=fieldsave.prime, args=(path,), daemon=True).start()  # the first save is quick too
    return response


@router.post("/edit/{rel:path}")
async def save(request: Request, rel: str) -> Response:
    user = current_user(request)
    path = open_document(request, rel, user)
    outcome = await save_form(request, path)
    if outcome.conflict:
        return await asyncio.to_thread(_editor, request, rel, outcome.loaded, 409, conflict=outcome.draft)
    if request.headers.get("HX-Request") == "true":
        return await asyncio.to_thread(_editor, request, rel, outcome.loaded, focus=outcome.focus, saved=True)
    url = f"/edit/{rel}?saved=1" + (f"#f-{outcome.focus}" if outcome.focus else "")
    return RedirectResponse(url, status_code=303)
