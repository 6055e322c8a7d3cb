"""Helpers for the PDF tests: DOCX builders, a fake ``soffice``, process checks.

A uniquely named module (not ``conftest``) so that test files can import it.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

NATIONAL_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def make_docx(path: Path, *paragraphs: str) -> Path:
    """A small DOCX in Times New Roman with the national motto and ``paragraphs``."""
    import docx

    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.add_paragraph(NATIONAL_MOTTO)
    document.add_paragraph(MOTTO)
    for text in paragraphs:
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def make_broken_docx(path: Path) -> Path:
    """A ZIP that looks like a DOCX but whose XML is garbage: only LibreOffice notices."""
    import zipfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types")
        package.writestr("word/document.xml", "<<< không phải XML")
    return path


def pdf_text(pdf: Path) -> str:
    """The text of ``pdf`` as ``pdftotext`` reads it."""
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout


def skip_or_fail(reason: str) -> None:
    """Skip on a developer's machine, fail in CI (architecture §7: CI really converts)."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, but CI must convert PDFs")
    pytest.skip(reason)


FAKE_SOFFICE = '''#!{python}
"""A fake soffice: "converts" each file by writing a tiny PDF; hangs on *hang*."""
import os, pathlib, subprocess, sys, time

args = sys.argv[1:]
log = pathlib.Path(os.environ["FAKE_SOFFICE_LOG"])
with log.open("a") as f:
    f.write(f"pid {{os.getpid()}}\\n")
if os.environ.get("FAKE_SOFFICE_MODE") == "hang":
    child = subprocess.Popen(["sleep", "60"])
    with log.open("a") as f:
        f.write(f"pid {{child.pid}}\\n")
    time.sleep(60)
outdir = pathlib.Path(args[args.index("--outdir") + 1])
for name in args[args.index("--outdir") + 2:]:
    src = pathlib.Path(name)
    with log.open("a") as f:
        f.write(f"file {{src.name}}\\n")
    pdf = outdir / (src.stem + ".pdf")
    if "hang" in src.stem:
        child = subprocess.Popen(["sleep", "60"])
        with log.open("a") as f:
            f.write(f"pid {{child.pid}}\\n")
        pdf.write_bytes(b"%PDF-1.4 half written")
        time.sleep(60)
    if "truncated" in src.stem:
        pdf.write_bytes(b"%PDF-1.4 half written")
        continue
    if "fail" in src.stem:
        continue
    pdf.write_bytes(b"%PDF-1.4\\n% fake " + src.name.encode() + b"\\n%%EOF\\n")
'''


class FakeSoffice:
    """A fake ``soffice`` placed first on PATH; ``log`` records its pids and files."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "soffice"
        self.log = directory / "soffice.log"
        self.path.write_text(FAKE_SOFFICE.format(python=sys.executable))
        self.path.chmod(self.path.stat().st_mode | stat.S_IXUSR)
        self.log.touch()

    def lines(self, kind: str) -> list[str]:
        prefix = f"{kind} "
        return [ln[len(prefix) :] for ln in self.log.read_text().splitlines() if ln.startswith(prefix)]

    def pids(self) -> list[int]:
        return [int(p) for p in self.lines("pid")]
