"""Editor save latency on a real 31-page report (loopback only, bounded).

    PYTHONPATH=. python benchmarks/editor_save_bench.py [--saves 200]

Copies the imported 31-page BÁO CÁO (``tests/web/data/bc_cchc_2025.yaml``) into a throw-away data folder, serves
it with uvicorn on 127.0.0.1 and a free port (no accounts: the local user), opens the editor once, then sends
``--saves`` field saves the way the page's script does (one field, its previous text and the file version),
spread over fields all through the document, and times each request (the server writes the file before it
answers). Prints p50/p95/max and the machine's load average, which moves the figures. The server always stops.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "tests" / "web" / "data" / "bc_cchc_2025.yaml"
sys.path.insert(0, str(ROOT))

from benchmarks.stats import print_latency  # noqa: E402  (needs the repository on sys.path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()

    from cchc_docgen.web.app import create_app
    from cchc_docgen.web.settings import Settings
    from tests.web.server import free_port

    with tempfile.TemporaryDirectory(prefix="cchc-save-bench-") as tmp:
        data = Path(tmp) / "data"
        (data / "don-vi").mkdir(parents=True)
        shutil.copy(REPORT, data / "don-vi" / "bao-cao.yaml")
        rel = "don-vi/bao-cao.yaml"
        port = free_port()
        app = create_app(Settings(data=data, port=port, warm_converter=False))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                page = client.get(f"/edit/{rel}").text
                token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
                version = re.search(r'name="version" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
                names = sorted(set(re.findall(r'name="(s:(?:body|signer|issuer)[^"]*\.(?:title|name|place))"',
                                              page)))
                values = client.post(f"/values/{rel}", data={"csrf": token, "names": "\n".join(names)}).json()
                base = values["values"]
                time.sleep(1.0)  # the editor page parses the file in the background: let it finish
                times: list[float] = []
                for n in range(args.saves):
                    name = names[(n * 7) % len(names)]
                    value = f"{base[name]} ({n})"
                    start = time.perf_counter()
                    answer = client.post(f"/save/{rel}", data={"csrf": token, "name": name, "value": value,
                                                               "base": base[name], "version": version})
                    times.append(time.perf_counter() - start)
                    body = answer.json()
                    if answer.status_code != 200 or body["status"] != "saved":
                        print(f"save {n} failed: {answer.status_code} {body}")
                        return 1
                    version, base[name] = body["version"], body["value"]
        finally:
            server.should_exit = True
            thread.join(timeout=30)
    lines = len(REPORT.read_text(encoding="utf-8").splitlines())
    print(f"31-page report ({lines} YAML lines, {len(names)} fields used), {len(times)} field saves on loopback")
    print_latency(times)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
