"""Run CLI commands in a long-lived child process with a memory cap; a hang or a crash is detected.

Starting Python for each fuzz input would cost most of the suite's time, so one child runs input after
input: it reads a JSON request per line (argv, working folder), runs ``cchc_docgen.cli.main`` with its
output captured, and answers with one JSON line. The parent waits at most ``timeout`` seconds for the
answer; on a hang or a crash the child is killed and restarted, and the outcome says so.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from support.paths import ROOT

#: category → outcome → count, filled by the fuzz tests and printed at the end of the run
FIGURES: defaultdict[str, Counter[str]] = defaultdict(Counter)

SERVER = r"""
import contextlib, io, json, os, resource, sys, time, traceback
limit = int(sys.argv[1]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
reply = os.fdopen(os.dup(1), "w", encoding="utf-8")
devnull = os.open(os.devnull, os.O_WRONLY)
os.dup2(devnull, 1)
os.dup2(devnull, 2)
from cchc_docgen.cli import main
for line in sys.stdin:
    req = json.loads(line)
    os.chdir(req["cwd"])
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(req["argv"])
    except BaseException:
        code = None
        err.write(traceback.format_exc())
    reply.write(json.dumps({"code": code, "out": out.getvalue()[-4000:], "err": err.getvalue()[-4000:],
                            "seconds": time.monotonic() - start}) + "\n")
    reply.flush()
"""


@dataclass
class Result:
    code: int | None  # None: an exception escaped main()
    out: str
    err: str
    seconds: float
    status: str = "ok"  # ok | hang | crash


class Sandbox:
    def __init__(self, memory_mb: int = 1536, timeout: float = 30.0) -> None:
        self.memory_mb, self.timeout = memory_mb, timeout
        self.proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
        return subprocess.Popen([sys.executable, "-c", SERVER, str(self.memory_mb)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env)

    def run(self, argv: list[str], cwd: Path) -> Result:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = self._start()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"argv": argv, "cwd": str(cwd)}) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], self.timeout)
        line = self.proc.stdout.readline() if ready else ""
        if line:
            data = json.loads(line)
            return Result(data["code"], data["out"], data["err"], data["seconds"])
        status = "hang" if self.proc.poll() is None else "crash"
        self.close()
        return Result(None, "", f"{status} after input {argv}", self.timeout, status)

    def close(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None
