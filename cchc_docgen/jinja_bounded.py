"""A sandboxed Jinja environment whose templates cannot run forever or fill the memory.

On top of Jinja's sandbox (no access to Python internals):

- ``range()`` is capped per call (``MAX_RANGE``) and in total per document (``MAX_RANGE_TOTAL``), so nested
  loops end quickly;
- ``*`` and ``**`` are checked before they run (``'a' * 10**9``, ``10 ** 10 ** 9``);
- filters and functions refuse absurd numeric arguments (``center(10**9)``, ``batch(10**9)``);
- the text a template produces is counted as it is produced (``MAX_RENDER_OUTPUT``);
- a watchdog stops a render that takes longer than ``MAX_RENDER_SECONDS`` (``deadline``).

Every breach raises ``RenderLimit``; the renderer turns it into a Vietnamese message.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import operator
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment

from cchc_docgen import limits

#: Largest numeric argument a filter or function may get (a width, a count, a repetition).
MAX_ARGUMENT = 1_000_000


class RenderLimit(Exception):
    """A template exceeded a render limit; ``args[0]`` is a Vietnamese description."""


class _BoundedTemplate(Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        env: BoundedEnvironment = self.environment  # type: ignore[assignment]
        ctx = self.new_context(dict(*args, **kwargs))
        out: list[str] = []
        try:
            for chunk in self.root_render_func(ctx):
                out.append(chunk)
                env.output += len(chunk)
                if env.output > limits.MAX_RENDER_OUTPUT:
                    raise RenderLimit(f"mẫu tạo ra hơn {limits.MAX_RENDER_OUTPUT:,} ký tự")
        except RenderLimit:
            raise
        except Exception:
            self.environment.handle_exception()
        return "".join(out)


def _check_number(value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
        raise RenderLimit(f"mẫu dùng số quá lớn ({value}); giới hạn là {MAX_ARGUMENT:,}")


def _bounded(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            _check_number(value)
        return func(*args, **kwargs)

    return wrapper


class BoundedEnvironment(SandboxedEnvironment):
    """Strict (undefined names are errors), escaping, sandboxed and bounded; one instance per document."""

    template_class = _BoundedTemplate
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True)
        self.output = 0
        self.range_total = 0
        self.globals["range"] = self._range
        for name in list(self.filters):
            if name not in {"safe", "escape", "e", "forceescape", "string", "default", "d"}:
                self.filters[name] = _bounded(self.filters[name])

    def _range(self, *args: int) -> range:
        for value in args:
            _check_number(value)
        rng = range(*args)
        if len(rng) > limits.MAX_RANGE:
            raise RenderLimit(f"mẫu dùng range() với {len(rng):,} bước; giới hạn là {limits.MAX_RANGE:,}")
        self.range_total += len(rng)
        if self.range_total > limits.MAX_RANGE_TOTAL:
            raise RenderLimit(f"các vòng lặp range() trong mẫu vượt quá {limits.MAX_RANGE_TOTAL:,} bước")
        return rng

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "**":
            if isinstance(right, int) and abs(right) > 64 and not (isinstance(left, int) and abs(left) <= 1):
                raise RenderLimit(f"mẫu tính lũy thừa quá lớn (mũ {right})")
            return operator.pow(left, right)
        if op == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_ARGUMENT:
                    raise RenderLimit(f"mẫu nhân một chuỗi/danh sách thành {len(seq) * times:,} phần tử")
            return operator.mul(left, right)
        return super().call_binop(context, op, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            _check_number(value)
        return super().call(__context, __obj, *args, **kwargs)


class _Watchdog:
    """One daemon thread for the whole process: it raises ``_Timeout`` in any thread whose deadline passed.

    Registering a deadline is a dictionary update under a lock, so a render pays no thread start-up.
    """

    def __init__(self) -> None:
        self.deadlines: dict[int, float] = {}
        self.fired: set[int] = set()
        self.cond = threading.Condition()
        self.thread: threading.Thread | None = None

    def arm(self, ident: int, seconds: float) -> None:
        with self.cond:
            self.deadlines[ident] = time.monotonic() + seconds
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="render-deadline", daemon=True)
                self.thread.start()
            self.cond.notify()

    def disarm(self, ident: int) -> bool:
        """Forget ``ident``'s deadline; whether the watchdog fired at it (its exception may be pending)."""
        with self.cond:
            self.deadlines.pop(ident, None)
            fired = ident in self.fired
            self.fired.discard(ident)
            return fired

    def _run(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                for ident, when in list(self.deadlines.items()):
                    if when <= now:
                        del self.deadlines[ident]
                        self.fired.add(ident)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(_Timeout))
                wait = min(self.deadlines.values(), default=now + 3600) - now
                self.cond.wait(timeout=max(wait, 0.01))


_WATCHDOG = _Watchdog()


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise ``RenderLimit`` in this thread if the block is still running after ``seconds``.

    A watchdog thread injects the exception between two Python steps of the render (Jinja templates are
    Python code), so even a loop that produces nothing is stopped.
    """
    ident = threading.get_ident()
    _WATCHDOG.arm(ident, seconds)
    try:
        yield
    except _Timeout:
        raise RenderLimit(f"mẫu chạy quá {seconds:g} giây") from None
    finally:
        if _WATCHDOG.disarm(ident):  # fired just as the block ended: clear the pending exception
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)


class _Timeout(BaseException):
    """Injected by the deadline watchdog (a BaseException, so ``except Exception`` cannot swallow it)."""
