"""A stand-in for ``cchc_docgen/web/uno_worker.py`` in tests: the same line protocol, no LibreOffice.

Started as ``python fake_uno_worker.py SOFFICE PROFILE``. It starts a child process standing for LibreOffice
(in the worker's process group, as the real worker does) and writes its pid to ``$FAKE_UNO_DIR/office-<n>.pid``,
then answers ``{"ready": true}``. A request whose input file name contains ``cham`` ("slow") hangs (after
writing ``$FAKE_UNO_DIR/hanging-<n>`` and, as LibreOffice does, a lock file ``.~lock.NAME#`` beside the
input); any other gets a one-page PDF and ``{"ok": true}``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    folder = Path(os.environ["FAKE_UNO_DIR"])
    office = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    (folder / f"office-{office.pid}.pid").write_text(str(office.pid))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if "cham" in Path(request["in"]).name:
            (folder / f"hanging-{time.monotonic_ns()}").write_text(request["in"])
            source = Path(request["in"])  # LibreOffice locks the file it opened, as below
            source.with_name(f".~lock.{source.name}#").write_text("fake,lock")
            time.sleep(600)
        from pypdf import PdfWriter

        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        with open(request["out"], "wb") as out:
            writer.write(out)
        print(json.dumps({"ok": True}), flush=True)
    office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
