"""Who is asking, and may they: sessions, sign-in, CSRF tokens, per-unit access to documents."""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path

from fastapi import Request

from cchc_docgen.web.accounts import LOCAL_USER, Accounts, User
from cchc_docgen.web.paths import BadPath, doc_path, unit_of


class LoginRequired(Exception):
    """No signed-in user while the server has accounts."""


class Denied(Exception):
    """The request may not go on; ``status`` and a Vietnamese ``message`` for the page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def accounts(request: Request) -> Accounts:
    return request.app.state.accounts  # type: ignore[no-any-return]


def current_user(request: Request) -> User:
    """The signed-in user; the local user when the server has no accounts (only allowed on loopback)."""
    store = accounts(request)
    if not request.app.state.login_needed:
        return LOCAL_USER
    name = request.session.get("user")
    user = store.user(name) if isinstance(name, str) else None
    if user is None or request.session.get("ver") != user.version:
        raise LoginRequired  # no account, a removed one, or a session ended by logout or a new password
    return user


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, submitted: object) -> None:
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not isinstance(submitted, str) or not hmac.compare_digest(expected, submitted):
        raise Denied(403, "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ (mã CSRF). "
                          "Hãy tải lại trang rồi thao tác lại.")


def open_document(request: Request, rel: str, user: User, *, must_exist: bool = True) -> Path:
    """The file for ``rel`` if ``user`` may open it: 404 for a bad path, 403 for another unit's folder."""
    data: Path = request.app.state.settings.data
    try:
        path = doc_path(data, rel)
    except BadPath:
        raise Denied(404, "Không có văn bản này trong thư mục dữ liệu.") from None
    if not user.can_access(unit_of(rel)):
        raise Denied(403, "Bạn không có quyền mở văn bản này: văn bản thuộc đơn vị khác.")
    if must_exist and not path.is_file():
        raise Denied(404, "Không có văn bản này (có thể đã bị xóa hoặc đổi tên).")
    return path
