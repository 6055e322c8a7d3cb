"""Every web job that parses, renders or converts a user's file runs here: in a separate worker process with
a memory cap (``RLIMIT_AS``) and a wall-clock limit, killed and reported when it passes them.

The server process only schedules: a route calls ``await jobs(request).run(user, function, *args)``, which
waits for a free slot (a small pool; one user may hold at most ``slots - 1`` of them, and slots are handed out
round-robin between users, so one user's huge upload never makes another user wait), starts a fresh worker
forked from a preloaded server process (milliseconds, no import cost), and awaits its answer without
blocking the event loop. ``close`` kills every worker, so SIGTERM stops the server whatever is running.

``function`` must be a module-level function (it is sent to the worker by name); its result and any
``DocgenError`` it raises come back as they are.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import threading
import traceback
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

#: Modules the fork server imports once, so each worker starts ready.
PRELOAD = ["cchc_docgen.checker", "cchc_docgen.importer", "cchc_docgen.derive", "cchc_docgen.renderer",
           "cchc_docgen.context", "cchc_docgen.web.preview"]


@dataclass(frozen=True)
class Limits:
    slots: int = 3
    memory_mb: int = 1536
    seconds: float = 90.0
    queue_seconds: float = 120.0


class JobFailed(Exception):
    """A job was killed or could not run; ``message`` is Vietnamese, ``status`` the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _limits() -> dict[str, Any]:
    """The server's current input limits (``cchc_docgen.limits``), applied again in each worker."""
    from cchc_docgen import limits

    return {name: value for name, value in vars(limits).items() if name.isupper()}


def _child(conn: Connection, function: Callable[..., Any], args: tuple[Any, ...], memory_mb: int,
           settings: dict[str, Any]) -> None:
    """Worker body: cap memory, run, send back ("ok", result) / ("raise", exception) / ("bug", text)."""
    import resource

    from cchc_docgen import limits

    for name, value in settings.items():
        setattr(limits, name, value)

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit = memory_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        answer: tuple[str, Any] = ("ok", function(*args))
    except MemoryError:
        answer = ("memory", None)
    except Exception as exc:  # sent back to the server, which decides what the user sees
        from cchc_docgen.errors import DocgenError

        answer = ("raise", exc) if isinstance(exc, DocgenError) else ("bug", traceback.format_exc(limit=8))
    try:
        conn.send(answer)
    except Exception:  # an unpicklable result or exception: a bug, reported without details
        conn.send(("bug", traceback.format_exc(limit=4)))
    finally:
        conn.close()


def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


class Jobs:
    """The pool of worker slots of one app."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._running: Counter[str] = Counter()
        self._waiting: dict[str, deque[asyncio.Future[None]]] = {}
        self._turns: deque[str] = deque()  # users with waiting jobs, in round-robin order
        self._procs: set[Any] = set()
        self._ctx: Any = None
        self.closed = False

    def warm_up(self) -> None:
        """Start the fork server now (it imports the readers once), so the first job does not wait for it."""
        from multiprocessing import forkserver

        if self._ctx is None:
            self._ctx = _context()
        forkserver.ensure_running()

    @property
    def busy(self) -> int:
        return sum(self._running.values())

    def _cap(self) -> int:
        return max(1, self.limits.slots - 1)

    def _may_start(self, user: str) -> bool:
        return self.busy < self.limits.slots and self._running[user] < self._cap()

    async def _acquire(self, user: str) -> None:
        if self.closed:
            raise JobFailed(503, "Máy chủ đang dừng; hãy thử lại sau ít phút.")
        if self._may_start(user) and not self._waiting.get(user):
            self._running[user] += 1
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(user, deque()).append(future)
        if user not in self._turns:
            self._turns.append(user)
        try:
            await asyncio.wait_for(asyncio.shield(future), self.limits.queue_seconds)
        except (asyncio.TimeoutError, asyncio.CancelledError):
            if future.done() and not future.cancelled() and future.exception() is None:
                self._release(user)  # granted just as we gave up
            else:
                future.cancel()
                with contextlib.suppress(ValueError):
                    self._waiting[user].remove(future)
            raise JobFailed(503, "Máy chủ đang bận xử lý nhiều tệp; hãy thử lại sau ít phút. "
                                 "Không có gì bị thay đổi.") from None

    def _release(self, user: str) -> None:
        self._running[user] -= 1
        if self._running[user] <= 0:
            del self._running[user]
        self._grant()

    def _grant(self) -> None:
        for _ in range(len(self._turns)):
            if self.busy >= self.limits.slots:
                return
            user = self._turns.popleft()
            queue = self._waiting.get(user)
            while queue and queue[0].done():
                queue.popleft()
            if not queue:
                self._waiting.pop(user, None)
                continue
            if self._running[user] < self._cap():
                queue.popleft().set_result(None)
                self._running[user] += 1
            if queue:
                self._turns.append(user)
            else:
                self._waiting.pop(user, None)

    async def run(self, user: str, function: Callable[..., Any], *args: Any, seconds: float | None = None) -> Any:
        """``function(*args)`` in a capped worker; ``JobFailed`` when it was killed, else its result/exception."""
        await self._acquire(user)
        try:
            return await self._run(function, args, seconds or self.limits.seconds)
        finally:
            self._release(user)

    async def _run(self, function: Callable[..., Any], args: tuple[Any, ...], seconds: float) -> Any:
        if self._ctx is None:
            self._ctx = _context()
        receiver, sender = self._ctx.Pipe(duplex=False)
        proc = self._ctx.Process(target=_child, args=(sender, function, args, self.limits.memory_mb, _limits()),
                                 daemon=True)
        proc.start()
        sender.close()
        self._procs.add(proc)
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()

        def ready() -> None:
            if not done.done():
                done.set_result(None)

        sentinel = proc.sentinel
        loop.add_reader(receiver.fileno(), ready)
        loop.add_reader(sentinel, ready)
        try:
            await asyncio.wait_for(done, seconds)
            answer = receiver.recv() if receiver.poll() else ("died", None)
        except asyncio.TimeoutError:
            answer = ("timeout", None)
        except EOFError:
            answer = ("died", None)
        finally:
            loop.remove_reader(receiver.fileno())
            loop.remove_reader(sentinel)
            receiver.close()
            exitcode = self._kill(proc)
        return self._outcome(answer, seconds, exitcode)

    def _outcome(self, answer: tuple[str, Any], seconds: float, exitcode: int | None) -> Any:
        kind, value = answer
        if kind == "ok":
            return value
        if kind == "raise":
            raise value
        if self.closed:
            raise JobFailed(503, "Máy chủ đang dừng nên việc này bị hủy; hãy thử lại khi máy chủ chạy lại.")
        if kind == "timeout":
            raise JobFailed(503, f"Tệp này cần quá {seconds:g} giây để xử lý nên máy chủ đã dừng việc này. "
                                 "Hãy kiểm tra lại tệp (có thể quá lớn hoặc có nội dung bất thường), bớt nội dung "
                                 "thừa rồi thử lại. Không có gì bị thay đổi.")
        if kind == "memory" or (kind == "died" and exitcode is not None and exitcode < 0):
            raise JobFailed(422, f"Tệp này cần quá nhiều bộ nhớ (hơn {self.limits.memory_mb} MB) để xử lý nên "
                                 "máy chủ đã dừng việc này. Hãy kiểm tra lại tệp, bớt nội dung thừa rồi thử lại. "
                                 "Không có gì bị thay đổi.")
        raise JobFailed(500, "Có lỗi bất ngờ của chương trình khi xử lý tệp (không phải lỗi của bạn). "
                             "Hãy thử lại; nếu vẫn lỗi, báo cho người quản trị. Không có gì bị thay đổi.")

    def _kill(self, proc: Any) -> int | None:
        """Stop ``proc`` (SIGKILL if still running) and return its exit code."""
        self._procs.discard(proc)
        with contextlib.suppress(ValueError):  # already closed by another caller
            if proc.is_alive():
                with contextlib.suppress(OSError):
                    os.kill(proc.pid, signal.SIGKILL)
            proc.join(5)
            code: int | None = proc.exitcode
            with contextlib.suppress(ValueError):
                proc.close()
            return code
        return None

    def close(self) -> None:
        """Kill every running worker (server shutdown) and refuse new jobs."""
        self.closed = True
        for proc in list(self._procs):
            self._kill(proc)


def requester(request: Any) -> str:
    """Whose job this is, for fairness: the signed-in user, else the browser session (local use)."""
    from cchc_docgen.web.security import csrf_token

    name = request.session.get("user") if request.app.state.login_needed else None
    return f"user:{name}" if isinstance(name, str) else f"session:{csrf_token(request)[:16]}"


async def run_job(request: Any, function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in a capped worker of the app; a killed job becomes ``Denied`` (its status, message)."""
    from cchc_docgen.web.security import Denied

    pool: Jobs = request.app.state.jobs
    try:
        return await pool.run(requester(request), function, *args)
    except JobFailed as exc:
        raise Denied(exc.status, exc.message) from None


def stop_on_signals(*stoppers: Callable[[], None]) -> None:
    """Chain ``stoppers`` before the server's own SIGTERM/SIGINT handlers (call it from the app's startup).

    The server then kills its workers at once, so requests waiting on them end with a message at once and the
    server's graceful shutdown has nothing left to wait for. Signals reach only the main thread: elsewhere
    (a server run in a thread by tests) nothing is changed.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(sig)
        if not callable(previous):
            continue

        def handler(number: int, frame: Any, previous: Callable[..., Any] = previous) -> None:
            for stop in stoppers:
                stop()
            previous(number, frame)

        signal.signal(sig, handler)
