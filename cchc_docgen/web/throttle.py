"""Sign-in throttling: repeated wrong passwords, per account and per address, wait longer each time.

Five wrong tries within a quarter of an hour are free (typos); after that each further try must wait, doubling
from 30 s up to 15 minutes. A right password clears the account's and the address's count. Memory stays small:
entries older than the window are dropped, and at most ``MAX_KEYS`` keys are kept.
"""

from __future__ import annotations

import threading
import time

FREE_TRIES = 5
WINDOW = 15 * 60.0
FIRST_WAIT = 30.0
MAX_WAIT = 15 * 60.0
MAX_KEYS = 10_000


class Throttle:
    def __init__(self, clock: object = time.monotonic) -> None:
        self._clock = clock
        self._failures: dict[str, tuple[int, float]] = {}  # key → (failures, time of the last one)
        self._lock = threading.Lock()

    def _now(self) -> float:
        return float(self._clock())  # type: ignore[operator]

    def wait(self, *keys: str) -> float:
        """Seconds still to wait before another try for any of ``keys`` (0: go ahead)."""
        now = self._now()
        longest = 0.0
        with self._lock:
            for key in keys:
                count, last = self._failures.get(key, (0, 0.0))
                if now - last > WINDOW:
                    self._failures.pop(key, None)
                    continue
                if count >= FREE_TRIES:
                    delay = min(MAX_WAIT, FIRST_WAIT * 2 ** (count - FREE_TRIES))
                    longest = max(longest, last + delay - now)
        return max(0.0, longest)

    def failed(self, *keys: str) -> None:
        now = self._now()
        with self._lock:
            if len(self._failures) >= MAX_KEYS:
                for key in [k for k, (_, last) in self._failures.items() if now - last > WINDOW]:
                    del self._failures[key]
                if len(self._failures) >= MAX_KEYS:
                    self._failures.clear()  # under a flood, forget rather than grow
            for key in keys:
                count, _ = self._failures.get(key, (0, 0.0))
                self._failures[key] = (count + 1, now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


def message(seconds: float) -> str:
    wait = int(seconds) + 1
    when = f"{wait} giây" if wait < 120 else f"{wait // 60 + 1} phút"
    return (f"Đăng nhập sai quá nhiều lần. Hãy đợi {when} rồi thử lại; nếu quên mật khẩu, hãy nhờ người quản trị "
            "đặt lại (cchc-docgen users passwd).")
