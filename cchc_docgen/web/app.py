"""The web application: settings, middleware, error pages, sign-in; routes live in ``routes_*`` modules."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cchc_docgen.oserrors import EnvironmentProblem
from cchc_docgen.web import diskfull
from cchc_docgen.web.accounts import Accounts
from cchc_docgen.web.converter import Converter
from cchc_docgen.web.jobs import Jobs, stop_on_signals
from cchc_docgen.web.jobs import Limits as JobLimits
from cchc_docgen.web.preview import Outputs
from cchc_docgen.web.security import Denied, LoginRequired, csrf_token, current_user
from cchc_docgen.web.settings import SESSION_SECONDS, Settings, is_loopback
from cchc_docgen.web.throttle import Throttle

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template with the user, CSRF token and settings every page needs."""
    try:
        user = current_user(request)
    except LoginRequired:
        user = None
    context.update(request=request, user=user, csrf=csrf_token(request),
                   login_needed=request.app.state.login_needed, max_upload=request.app.state.settings.max_upload)
    return templates.TemplateResponse(request, name, context, status_code=status)


class UploadLimit:
    """Refuse request bodies larger than ``limit`` bytes before they are read (header or streamed count)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._too_large(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise Denied(413, self.message())
            return message

        await self.app(scope, counted, send)

    def message(self) -> str:
        mb = self.limit // (1024 * 1024)
        return (f"Tệp tải lên quá lớn: chỉ nhận tệp đến {mb} MB. Văn bản Word/PDF thường chỉ vài trăm KB; "
                "hãy kiểm tra lại đúng tệp chưa. Không có gì bị thay đổi.")

    async def _too_large(self, send: Send) -> None:
        body = (f"<!doctype html><meta charset=utf-8><title>Tệp quá lớn</title><p role=alert>{self.message()}</p>"
                "<p><a href='/'>Về trang thư viện</a></p>").encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"connection", b"close"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def create_app(settings: Settings) -> FastAPI:
    """The ASGI app serving ``settings.data``."""
    from cchc_docgen.web import routes_docs, routes_files, routes_new, routes_report, routes_status

    outputs = Outputs(Converter(settings.warm_converter, settings.convert_seconds, settings.converter_lanes))

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        import threading

        if settings.warm_converter:  # start LibreOffice now, so the first preview does not wait for it
            threading.Thread(target=outputs.converter.warm_up, daemon=True).start()
        threading.Thread(target=app.state.jobs.warm_up, daemon=True).start()
        stop_on_signals(app.state.jobs.close, outputs.converter.kill)
        yield
        outputs.converter.kill()  # a conversion under way ends now instead of holding the shutdown
        app.state.jobs.close()
        outputs.close()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.accounts = Accounts(settings.accounts_file)
    app.state.login_needed = app.state.accounts.exists()
    app.state.outputs = outputs
    app.state.throttle = Throttle()
    app.state.hashing = ThreadPoolExecutor(max_workers=2, thread_name_prefix="argon2")  # sign-ins wait here
    app.state.jobs = Jobs(JobLimits(settings.job_slots, settings.job_memory_mb, settings.job_seconds))
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key, session_cookie="cchc_session",
                       max_age=SESSION_SECONDS, same_site="strict", https_only=False)
    app.add_middleware(UploadLimit, limit=settings.max_upload + 64 * 1024)
    if is_loopback(settings.host):
        # only this machine's names: a web page elsewhere cannot reach the server through DNS rebinding
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "::1", "[::1]"])
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; frame-ancestors 'none'",
        )
        return response

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(Denied)
    async def denied(request: Request, exc: Denied) -> Response:
        return page(request, "message.html", exc.status, title="Không thực hiện được", message=exc.message)

    @app.exception_handler(OSError)
    @app.exception_handler(EnvironmentProblem)
    async def cannot_write(request: Request, exc: Exception) -> Response:
        """A full disk (507) or a folder the server may not write (503): a Vietnamese answer, files untouched."""
        status, message = diskfull.answer(exc)
        if diskfull.wants_json(request):
            return JSONResponse({"message": message}, status, headers={"Cache-Control": "no-store"})
        return page(request, "message.html", status, title="Chưa ghi được", message=message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """Starlette's own refusals (a form with too many fields, a field over 1 MB, a wrong method) as a
        Vietnamese page instead of English JSON."""
        if exc.status_code == 404:
            return await not_found(request, exc)
        message = {
            400: "Biểu mẫu gửi lên không đọc được: quá nhiều ô (hơn 1.000), hoặc một ô quá lớn (hơn 1 MB). "
                 "Hãy tải lại trang rồi thử lại; nội dung dài hãy chia thành nhiều đoạn, tệp hãy gửi bằng nút "
                 "chọn tệp.",
            405: "Trang này không nhận thao tác đó. Hãy quay lại trang trước và dùng các nút trên trang.",
        }.get(exc.status_code, "Yêu cầu không thực hiện được. Hãy tải lại trang rồi thử lại.")
        return page(request, "message.html", exc.status_code, title="Không thực hiện được", message=message)

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        return page(request, "message.html", 404, title="Không tìm thấy", message="Không có trang này.")

    for module in (routes_docs, routes_files, routes_new, routes_report, routes_status):
        app.include_router(module.router)
    return app
