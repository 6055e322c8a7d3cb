"""Per-process caches of the work that depends only on a template's bytes, not on the plan.

A batch renders many plans with the same template. Jinja would compile the template's XML into Python code for
every plan (about two thirds of a render), and docxtpl would clean the same XML again. Both results depend
only on their input text, so they are cached by that text: a changed template (other bytes, so other XML)
gets a fresh entry, and the least recently used entries are dropped. Each render still gets a fresh
``BoundedEnvironment`` (its own output and ``range`` budgets) around the cached code, so every guard of
``jinja_bounded`` applies exactly as before.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from types import CodeType
from typing import Any, Generic, TypeVar

from jinja2 import Environment, Template

V = TypeVar("V")

#: Entries kept per cache: a few templates (plan, report, a user's own) with their parts.
MAX_ENTRIES = 32


class LruCache(Generic[V]):
    """A small thread-safe LRU mapping from a text to a value computed once (the web renders from threads)."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[object, ...], V] = OrderedDict()
        self.lock = threading.Lock()
        self.misses = 0

    def get(self, key: tuple[object, ...], make: Callable[[], V]) -> V:
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = make()  # outside the lock: two threads may both compute a first entry, never a wrong one
        with self.lock:
            self.misses += 1
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.misses = 0


PATCHED: LruCache[str] = LruCache()
COMPILED: LruCache[CodeType] = LruCache()


def patched(xml: str, patch: Callable[[str], str]) -> str:
    """``patch(xml)``, computed once per distinct ``xml``."""
    return PATCHED.get((patch.__qualname__, xml), lambda: patch(xml))


def from_string(env: Environment, source: str) -> Template:
    """``env.from_string(source)`` with the compiled code shared by environments of the same class.

    The code Jinja generates depends on the source and on the environment's class and settings (sandbox,
    intercepted operators, autoescape), which are the same for every instance of a class here; the key holds
    the class and the settings that change the generated code.
    """
    key: tuple[Any, ...] = (type(env), bool(env.autoescape), env.block_start_string, env.variable_start_string,
                            env.comment_start_string, env.trim_blocks, env.lstrip_blocks, source)
    code = COMPILED.get(key, lambda: env.compile(source))
    return env.template_class.from_code(env, code, env.make_globals(None), None)
