"""``cchc-docgen serve`` as a real process on 127.0.0.1 and a free port: start it, wait until it answers, stop it.

Used by the tests (``support.server``) and the web benchmarks (``tests.support.server``, with the repository on
``sys.path``), so the start-and-wait loop lives in one place. Loopback only.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(data: Path, *, seconds: float = 60.0, stdout: int | IO[bytes] | None = None,
                 stderr: int | IO[bytes] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``cchc-docgen serve --data DATA`` in its own process group; return it and its base URL once
    ``GET /`` answers. ``RuntimeError`` (the server stopped) when it does not answer within ``seconds``."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "cchc_docgen", "serve", "--host", "127.0.0.1", "--port",
                               str(port), "--data", str(data)], env={**os.environ, "PYTHONPATH": str(ROOT)},
                              stdout=stdout, stderr=stderr, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(base + "/", timeout=5)
            return server, base
        except httpx.TransportError:
            if time.monotonic() > deadline or server.poll() is not None:
                stop_server(server, signal.SIGKILL)
                raise RuntimeError("server did not start") from None
            time.sleep(0.2)


def stop_server(server: subprocess.Popen[bytes], sig: int = signal.SIGTERM, seconds: float = 30.0) -> float | None:
    """Send ``sig`` to the server's process group and wait; the seconds it took to stop, or ``None`` when it
    had to be killed after ``seconds``."""
    started = time.monotonic()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, sig)
    try:
        server.wait(timeout=seconds)
        return time.monotonic() - started
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        return None
