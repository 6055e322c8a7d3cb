"""Chromium from Debian driven by Playwright: required in CI (env CI set), skipped elsewhere if missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CCHC_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("CCHC_ARTIFACTS", ROOT / "tmp" / "artifacts"))
WIDE = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def require_browser() -> None:
    """Fail in CI, skip on a developer's machine, when Chromium or Playwright is missing."""
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "playwright is not installed"
    if problem is None and not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        problem = f"{CHROMIUM} not found (apt-get install chromium)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {problem}")
        pytest.skip(problem)


def shot(page: object, name: str) -> Path:
    """Save a full-page screenshot under the artifacts folder."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)  # type: ignore[attr-defined]
    return path


def fits_width(page: object) -> bool:
    """No horizontal scrolling of the whole page (tables may scroll inside their own box)."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))  # type: ignore[attr-defined]


def settled(page: object, timeout: float = 30.0) -> None:
    """Wait until the editor has nothing left to save (its state line says "Đã lưu …").

    Polls with ``evaluate`` (run by the browser's debugger protocol), because the pages' Content-Security-Policy
    forbids the string evaluation ``wait_for_function`` uses.
    """
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = page.evaluate("document.querySelector('form[data-save] .state')?.textContent || ''")  # type: ignore[attr-defined]
        if state.startswith("Đã lưu"):
            return
        page.wait_for_timeout(50)  # type: ignore[attr-defined]
    raise AssertionError(f"the editor did not finish saving: {state!r}")


OPEN_PARENTS = "el => { for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }"


def field_box(page: object, path: str) -> object:
    """The editor's input for field ``path``, its folded parts opened first (as the outline link does)."""
    el = page.locator(f'[id="f-{path}"]')  # type: ignore[attr-defined]
    el.evaluate(OPEN_PARENTS)
    return el


def sign_in(site: dict[str, Any], viewport: dict[str, int] = WIDE, context: Any = None,
            username: str = "ht.lacdao") -> Any:
    """A page of a new browser context (or ``context``), signed in on the served site as ``username``."""
    from tests.web.conftest import PASSWORD

    context = context or site["browser"].new_context(viewport=viewport, locale="vi-VN")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site["base"] + "/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(site["base"] + "/")
    return page
