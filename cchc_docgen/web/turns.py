"""A few shared slots (the warm LibreOffice lanes) handed out in turns, round-robin between users.

A user holds at most one slot at a time: a user who queues several conversions gets them one after another,
while another user takes a free slot at once. When a slot frees up it goes to the next waiting user in
round-robin order, so another user's request waits at most for a conversion under way, never behind a queue
of someone else's (each conversion has its own time limit). With one slot this is a round-robin lock.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterator


class Turns:
    """``slots`` slots whose waiters are served round-robin by ``who`` (FIFO within one user), at most one slot
    per user; the lowest free slot is handed out first, so a higher one is used only when the lower are busy."""

    def __init__(self, slots: int = 1) -> None:
        if slots < 1:
            raise ValueError("slots must be at least 1")
        self.slots = slots
        self._cond = threading.Condition()
        self._free = list(range(slots))  # kept sorted
        self._holders: dict[str, int] = {}  # user → the slot they hold now
        self._queues: dict[str, deque[object]] = {}
        self._order: deque[str] = deque()  # users with waiting requests, in the order they are served
        self._granted: dict[object, int] = {}  # token → slot handed to it, not yet taken up

    @contextlib.contextmanager
    def turn(self, who: str) -> Iterator[int]:
        """Hold one slot for the block (yields its number, from 0); waits for ``who``'s turn."""
        token = object()
        with self._cond:
            self._queues.setdefault(who, deque()).append(token)
            if who not in self._order:
                self._order.append(who)
            self._hand_out()
            while token not in self._granted:
                self._cond.wait()
            slot = self._granted.pop(token)
        try:
            yield slot
        finally:
            with self._cond:
                del self._holders[who]
                self._free.append(slot)
                self._free.sort()
                if who in self._order:  # the user who just had a slot goes after every other waiting user
                    self._order.remove(who)
                    self._order.append(who)
                self._hand_out()

    def waiting(self) -> int:
        """Requests waiting for a slot."""
        with self._cond:
            return sum(len(q) for q in self._queues.values())

    def busy(self) -> int:
        """Slots held now."""
        with self._cond:
            return len(self._holders)

    def _hand_out(self) -> None:
        """Give free slots to waiting users who hold none, in round-robin order (condition held)."""
        granted = False
        for who in list(self._order):
            if not self._free:
                break
            if who in self._holders:
                continue
            queue = self._queues[who]
            slot = self._free.pop(0)
            self._granted[queue.popleft()] = slot
            self._holders[who] = slot
            granted = True
            if not queue:
                del self._queues[who]
                self._order.remove(who)
        if granted:
            self._cond.notify_all()
