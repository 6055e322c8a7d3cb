"""Helpers for the hardening tests: templates with an injected tag, CLI runs in a bounded subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from support.paths import ROOT

TEMPLATE = ROOT / "templates" / "ke_hoach.docx"
STARTER = ROOT / "plans" / "mau_ke_hoach.yaml"
BIG_PLAN = ROOT / "plans" / "001_haiphong_cchc_2023.yaml"


def template_with(tmp: Path, snippet: str, name: str = "mau.docx") -> Path:
    """The default plan template with ``snippet`` (raw XML/Jinja) as the first thing in the body."""
    out = tmp / name
    with zipfile.ZipFile(TEMPLATE) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = data.decode().replace("<w:body>", f"<w:body>{snippet}", 1).encode()
            zout.writestr(info, data)
    return out


@dataclass
class Run:
    code: int
    out: str
    err: str


def limit_memory(megabytes: int) -> None:
    import resource

    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def cli(*args: str, cwd: Path | None = None, timeout: float = 120, memory_mb: int = 2048,
        env: dict[str, str] | None = None) -> Run:
    """``python -m cchc_docgen ARGS`` in a subprocess with a memory cap; a hang fails the test."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "cchc_docgen", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env=full_env, preexec_fn=lambda: limit_memory(memory_mb),
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copies(source: Path, folder: Path, n: int, stem: str = "kh") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        path = folder / f"{stem}{i:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if "tmp" in p.name] if folder.is_dir() else []
