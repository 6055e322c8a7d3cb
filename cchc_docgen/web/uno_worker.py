"""A warm LibreOffice for previews: run by a Python that has LibreOffice's ``uno`` module.

Started as ``python3 uno_worker.py SOFFICE PROFILE_DIR``; starts its own headless ``soffice`` listening on a
private pipe, then reads one JSON request per line on stdin (``{"in": DOCX, "out": PDF}``) and answers one
JSON line (``{"ok": true}`` or ``{"error": "…"}``). Loading a document in a running LibreOffice takes a
fraction of a second, against about two seconds for a fresh ``soffice --convert-to``.
This file only uses the standard library and ``uno``; it does not import cchc_docgen.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import uuid


def main() -> int:
    import uno  # type: ignore[import-not-found]
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    soffice, profile = sys.argv[1], sys.argv[2]
    pipe = f"cchc-{uuid.uuid4().hex}"
    proc = subprocess.Popen(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
         "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        # in this worker's process group (the server starts the worker in a session of its own), so that
        # stopping the group stops LibreOffice too, even when this worker is killed outright
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(300):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    if ctx is None:
        print(json.dumps({"error": "LibreOffice không khởi động được."}), flush=True)
        proc.kill()
        return 1
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

    def prop(name: str, value: object) -> object:
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    print(json.dumps({"ready": True}), flush=True)
    try:
        for line in sys.stdin:
            try:
                req = json.loads(line)
                src = uno.systemPathToFileUrl(os.path.abspath(req["in"]))
                dst = uno.systemPathToFileUrl(os.path.abspath(req["out"]))
                doc = desktop.loadComponentFromURL(
                    src, "_blank", 0, (prop("Hidden", True), prop("FilterName", "MS Word 2007 XML"))
                )
                try:
                    doc.storeToURL(dst, (prop("FilterName", "writer_pdf_Export"),))
                finally:
                    doc.close(True)
                print(json.dumps({"ok": True}), flush=True)
            except Exception as exc:
                print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
