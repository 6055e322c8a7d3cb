"""One shared resource (the warm LibreOffice) handed out in turns, round-robin between users.

A user who queues several conversions gets one turn at a time: another user's request waits at most for the
conversion under way, never behind a queue of someone else's (each conversion has its own time limit).
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterator


class Turns:
    """A lock whose waiters are served round-robin by ``who`` (FIFO within one user)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._busy = False
        self._queues: dict[str, deque[object]] = {}
        self._order: deque[str] = deque()  # users with waiting requests, in the order they are served
        self._granted: object | None = None
        self._holder: str | None = None  # whose turn it is now

    @contextlib.contextmanager
    def turn(self, who: str) -> Iterator[None]:
        """Hold the resource for the block; waits for ``who``'s turn."""
        token = object()
        with self._cond:
            if not self._busy and not self._order:
                self._busy, self._holder = True, who
            else:
                self._queues.setdefault(who, deque()).append(token)
                if who not in self._order:
                    self._order.append(who)
                while self._granted is not token:
                    self._cond.wait()
                self._granted = None
        try:
            yield
        finally:
            with self._cond:
                self._pass_on()

    def waiting(self) -> int:
        with self._cond:
            return sum(len(q) for q in self._queues.values())

    def _pass_on(self) -> None:
        """Give the resource to the next user in turn (called by the holder, with the condition held); the user
        who just had it goes after every other waiting user."""
        if len(self._order) > 1 and self._order[0] == self._holder:
            self._order.rotate(-1)
        while self._order:
            who = self._order.popleft()
            queue = self._queues.get(who)
            if not queue:
                self._queues.pop(who, None)
                continue
            self._granted, self._holder = queue.popleft(), who
            if queue:
                self._order.append(who)
            else:
                del self._queues[who]
            self._cond.notify_all()
            return
        self._busy, self._holder = False, None
