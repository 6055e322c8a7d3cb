"""A real uvicorn server on 127.0.0.1 and a free port, in a thread; always shut down."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import uvicorn

from cchc_docgen.web.app import create_app
from cchc_docgen.web.settings import Settings
from tests.support.server import free_port


@contextlib.contextmanager
def running(data: Path, **settings: object) -> Iterator[str]:
    """Serve ``data`` and yield the base URL; the server (and its LibreOffice) stop on exit."""
    port = free_port()
    app = create_app(Settings(data=data, port=port, **settings))  # type: ignore[arg-type]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextlib.contextmanager
def served_chromium(data: Path) -> Iterator[dict[str, object]]:
    """Serve ``data`` (no preview converter) and launch Chromium: ``{"base", "data", "browser"}``."""
    from playwright.sync_api import sync_playwright

    from tests.web.browser import ARGS, CHROMIUM

    with running(data, warm_converter=False) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield {"base": base, "data": data, "browser": browser}
        finally:
            browser.close()
