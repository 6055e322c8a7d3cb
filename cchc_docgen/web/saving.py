"""One save path for every form that edits a document: check, apply fields and a button, save or conflict."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from cchc_docgen.web import store
from cchc_docgen.web.editorview import DEFAULTS
from cchc_docgen.web.ops import apply_op
from cchc_docgen.web.security import Denied, check_csrf
from cchc_docgen.web.treeedit import EditError, apply_form

#: a whole-form save (pages without script) may carry every field of a long report
MAX_FIELDS = 100_000


@dataclass
class Outcome:
    loaded: store.Loaded
    conflict: bool = False
    draft: Path | None = None
    focus: str | None = None


def writer(request: Request) -> str:
    """This browser session's id (saves by the same session in quick succession are not conflicts)."""
    sid = request.session.get("sid")
    if not isinstance(sid, str):
        sid = secrets.token_urlsafe(12)
        request.session["sid"] = sid
    return sid


async def save_form(request: Request, path: Path) -> Outcome:
    """Check the form's CSRF token, then apply and save it (in a worker thread: YAML work is slow)."""
    form = await request.form(max_fields=MAX_FIELDS)
    check_csrf(request, form.get("csrf"))
    fields = {k: v for k, v in form.items() if isinstance(v, str) and ":" in k}
    version, op = str(form.get("version", "")), str(form.get("op", ""))
    drafts = request.app.state.settings.state_dir / "drafts"
    return await asyncio.to_thread(_save, path, fields, version, op, drafts, writer(request))


def _save(path: Path, fields: dict[str, str], version: str, op: str, drafts: Path, who: str) -> Outcome:
    loaded = store.load(path)
    if loaded.tree is None or not isinstance(loaded.tree, dict):
        raise Denied(409, "Tệp YAML đang có lỗi cú pháp nên không sửa được trên trang này. Hãy mở tệp bằng "
                          "trình soạn thảo, sửa dòng bị lỗi (xem 'cchc-docgen validate'), rồi tải lại trang.")
    tree = loaded.tree
    focus = None
    try:
        apply_form(tree, fields, DEFAULTS)
        if op:
            focus = apply_op(tree, op)
    except EditError:
        raise Denied(409, "Trang đang mở đã cũ so với tệp (một mục không còn nữa). Hãy tải lại trang.") from None
    try:
        saved = store.save(path, tree, version, drafts, who, structural=bool(op))
    except store.Stale:
        return Outcome(store.load(path))
    except store.Conflict as conflict:
        return Outcome(store.load(path), conflict=True, draft=conflict.draft)
    return Outcome(saved, focus=focus)
