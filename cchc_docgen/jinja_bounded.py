"""A sandboxed Jinja environment whose templates cannot run forever or fill the memory.

On top of Jinja's sandbox (no access to Python internals):

- ``range()`` is capped per call (``MAX_RANGE``) and in total per document (``MAX_RANGE_TOTAL``), so nested
  loops end quickly;
- ``*`` and ``**`` are checked before they run (``'a' * 10**9``, ``10 ** 10 ** 9``);
- filters and functions refuse absurd numeric arguments (``center(10**9)``, ``batch(10**9)``);
- strings and containers a template builds stay under ``MAX_TEMPLATE_VALUE`` (characters or items): checked
  before a call that would pass it (``l.extend(l)``, ``d.update``, ``s.replace``, ``indent``, format widths,
  ``%`` formatting, ``+``) and on every value stored in a ``namespace`` (the doubling ``ns.s ~ ns.s``);
  ``sum`` adds numbers only (``sum(start=[])`` is quadratic);
- ``include``, ``import`` and ``extends`` are refused with a message (a template is one DOCX);
- macro recursion that goes too deep is the template's fault, reported as such;
- the text a template produces is counted as it is produced (``MAX_RENDER_OUTPUT``);
- a watchdog stops a render that takes longer than ``MAX_RENDER_SECONDS`` (``deadline``).

Every breach raises ``RenderLimit``; the renderer turns it into a Vietnamese message.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import operator
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

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
        except RecursionError:
            raise RenderLimit("mẫu gọi macro lồng nhau quá sâu (đệ quy không dừng)") from None
        except Exception:
            self.environment.handle_exception()
        return "".join(out)


def _check_number(value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
        raise RenderLimit(f"mẫu dùng số quá lớn ({value}); giới hạn là {MAX_ARGUMENT:,}")


def _size(value: object) -> int:
    return len(value) if isinstance(value, (str, list, tuple, dict, set, frozenset)) else 0


def _check_size(size: int, what: str) -> None:
    if size > limits.MAX_TEMPLATE_VALUE:
        raise RenderLimit(f"mẫu tạo ra {what} quá lớn ({size:,} ký tự/phần tử; giới hạn {limits.MAX_TEMPLATE_VALUE:,})")


_WIDTH = re.compile(r"\d+")


def _check_format(spec: object) -> None:
    """Widths and precisions in a format string (``'{:>1500000000}'``, ``'%1500000000s'``) stay small."""
    if isinstance(spec, str):
        for digits in _WIDTH.findall(spec):
            if len(digits) > 7 or int(digits) > MAX_ARGUMENT:
                raise RenderLimit(f"mẫu định dạng với độ rộng quá lớn ({digits}); giới hạn là {MAX_ARGUMENT:,}")


def _check_growth(name: str, target: object, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse, before it runs, a call that would build a value over ``MAX_TEMPLATE_VALUE``."""
    for value in (*args, *kwargs.values()):
        _check_number(value)
    values = (*args, *kwargs.values())
    if name == "replace" and isinstance(target, str) and len(args) >= 2 and isinstance(args[0], str):
        old, new = args[0], args[1]
        count = target.count(old) if old else len(target) + 1
        _check_size(len(target) + count * _size(new), "chuỗi")
    elif name == "indent" and isinstance(target, str):
        width = args[0] if args else kwargs.get("width", 4)
        width = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        _check_size(len(target) + (target.count("\n") + 1) * width, "chuỗi")
    elif name in ("extend", "update", "union", "join", "__add__", "__iadd__") or isinstance(target, (list, dict, set)):
        _check_size(_size(target) + sum(_size(v) for v in values), "danh sách")
    elif name in ("format", "format_map") and isinstance(target, str):
        _check_format(target)


def _bounded(func: Callable[..., Any], name: str = "") -> Callable[..., Any]:
    skip = 1 if getattr(func, "jinja_pass_arg", None) else 0  # the context/environment Jinja passes first

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = args[skip:]
        target = given[0] if given else None
        _check_growth(name, target, given[1:], kwargs)
        if name == "sum" and not isinstance(kwargs.get("start", given[2] if len(given) > 2 else 0), (int, float)):
            raise RenderLimit("mẫu dùng sum với giá trị đầu không phải số; sum chỉ cộng các số")
        if name == "format":
            _check_format(target)
        result = func(*args, **kwargs)
        _check_size(_size(result), "giá trị")
        return result

    return wrapper


class BoundedNamespace(Namespace):
    """``namespace()`` whose stored values stay under ``MAX_TEMPLATE_VALUE`` (``ns.s = ns.s ~ ns.s``)."""

    def __setitem__(self, name: str, value: Any) -> None:
        _check_size(_size(value), "giá trị")
        super().__setitem__(name, value)


def _namespace(*args: Any, **kwargs: Any) -> BoundedNamespace:
    for value in (*args, *kwargs.values()):
        _check_size(_size(value), "giá trị")
    return BoundedNamespace(*args, **kwargs)


class BoundedEnvironment(SandboxedEnvironment):
    """Strict (undefined names are errors), escaping, sandboxed and bounded; one instance per document."""

    template_class = _BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True)
        self.output = 0
        self.range_total = 0
        self.built = 0  # characters/items of the values built by *, +, % and calls, whole render
        self.globals["range"] = self._range
        self.globals["namespace"] = _namespace
        for name in list(self.filters):
            if name not in {"safe", "escape", "e", "forceescape", "string", "default", "d"}:
                self.filters[name] = _bounded(self.filters[name], name)

    def wrap_str_format(self, value: Any) -> Any:
        """``'{:>1500000000}'.format`` is refused when it is looked up, before it can run."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(value.__self__)
        return wrapped

    def _load_template(self, name: str, globals: Any) -> Any:
        raise RenderLimit(f"mẫu dùng {{% include %}}, {{% import %}} hoặc {{% extends %}} ('{name}'): mẫu DOCX "
                          "không dùng được mẫu khác; hãy chép nội dung cần dùng vào ngay trong mẫu")

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

    def _built(self, value: Any) -> Any:
        """Count what a step built: many medium values add up too (``d.update({i: 'x' * 10**6})`` in a loop)."""
        self.built += _size(value)
        if self.built > limits.MAX_TEMPLATE_BUILT:
            raise RenderLimit(f"mẫu tạo ra tổng cộng hơn {limits.MAX_TEMPLATE_BUILT:,} ký tự/phần tử trung gian")
        return value

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        return self._built(self._binop(context, op, left, right))

    def _binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "**":
            if isinstance(right, int) and abs(right) > 64 and not (isinstance(left, int) and abs(left) <= 1):
                raise RenderLimit(f"mẫu tính lũy thừa quá lớn (mũ {right})")
            return operator.pow(left, right)
        if op == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_ARGUMENT:
                    raise RenderLimit(f"mẫu nhân một chuỗi/danh sách thành {len(seq) * times:,} phần tử")
            return operator.mul(left, right)
        if op == "%":
            _check_format(left)
            for value in right if isinstance(right, tuple) else (right,):
                _check_number(value)
            result = operator.mod(left, right)
            _check_size(_size(result), "chuỗi")
            return result
        if op == "+" and _size(left) and _size(right):
            _check_size(_size(left) + _size(right), "chuỗi/danh sách")
        return super().call_binop(context, op, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_growth(getattr(__obj, "__name__", ""), getattr(__obj, "__self__", None), args, kwargs)
        result = __self._built(super().call(__context, __obj, *args, **kwargs))
        _check_size(_size(result), "giá trị")
        target = getattr(__obj, "__self__", None)
        if isinstance(target, (list, dict, set)):
            _check_size(len(target), "danh sách")
        return result


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
