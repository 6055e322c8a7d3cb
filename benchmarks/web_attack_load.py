"""Web load under attack (loopback only, bounded): one client keeps malicious uploads running while N users work.

    PYTHONPATH=. python benchmarks/web_attack_load.py [--users 20] [--duration 60] [--no-attacker]

Starts ``cchc-docgen serve`` on 127.0.0.1 (a free port, a throw-away data folder). For ``--duration`` seconds:

- the attacker, without pause, posts to ``/check`` a 600 KB DOCX of 190 MB of empty paragraphs (refused by the
  XML budget) and a DOCX within the budget that takes a worker tens of seconds, and to ``/new/import`` a PDF
  whose stream inflates to 1 GB, so some worker is always busy with a hostile file;
- ``--users`` ordinary users loop over: library page, open the editor, download the DOCX of their plan, check
  a real DOCX. Every ordinary answer must be 200.

Prints p50/p95/max latency of the ordinary requests, their error count, and the attacker's statuses. The
server is always stopped at the end. Figures go to the README; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
from web_bench import pct  # noqa: E402

from tests.support.server import start_server, stop_server  # noqa: E402

PLAN = ROOT / "plans" / "005_phong_van_lam_tuyen_truyen_2023.yaml"
REAL_DOCX = ROOT / "tests" / "data" / "realdocs" / "kh_tuyentruyen_cchc_2026.docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph_bomb(path: Path, megabytes: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open("word/document.xml", "w",
                                                                        force_zip64=True) as f:
        f.write(f"<w:document {W}><w:body>".encode())
        chunk = b"<w:p/>" * 100_000
        for _ in range(megabytes * 1024 * 1024 // len(chunk)):
            f.write(chunk)
        f.write(b"</w:body></w:document>")


def slow_docx(path: Path, paragraphs: int) -> None:
    body = "".join(f"<w:p><w:r><w:t>Đoạn {i}</w:t></w:r></w:p>" for i in range(paragraphs))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")


def inflate_pdf(path: Path) -> None:
    packed = zlib.compress(b" " * (1024 * 1024 * 1024), 9)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", stream]
    out = b"%PDF-1.4\n"
    for n, body in enumerate(objects, 1):
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    path.write_bytes(out + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def csrf(client: httpx.Client, url: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(url).text)
    return found.group(1) if found else ""


def attacker(base: str, files: dict[str, Path], stop: threading.Event, statuses: collections.Counter[str],
             hostile: dict[str, list[float]]) -> None:
    with httpx.Client(base_url=base, timeout=200) as client:
        token = csrf(client, "/check")
        while not stop.is_set():
            for url, name in (("/check", "bomb.docx"), ("/check", "slow.docx"), ("/new/import", "bomb.pdf")):
                if stop.is_set():
                    break
                start = time.monotonic()
                try:
                    answer = client.post(url, data={"csrf": token},
                                         files={"file": (name, files[name].read_bytes())})
                    statuses[f"{url} {name} → {answer.status_code}"] += 1
                except httpx.HTTPError as exc:
                    statuses[f"{url} {name} → {type(exc).__name__}"] += 1
                hostile.setdefault(f"{url} {name}", []).append(time.monotonic() - start)


def user(base: str, rel: str, stop: threading.Event, times: dict[str, list[float]], errors: list[str]) -> None:
    real = REAL_DOCX.read_bytes()
    with httpx.Client(base_url=base, timeout=120) as client:
        token = csrf(client, "/check")
        while not stop.is_set():
            for method, url in (("GET", "/"), ("GET", f"/edit/{rel}"), ("GET", f"/download/docx/{rel}"),
                                ("POST", "/check")):
                start = time.monotonic()
                try:
                    if method == "GET":
                        answer = client.get(url)
                    else:
                        answer = client.post(url, data={"csrf": token}, files={"file": ("kh.docx", real)})
                    if answer.status_code != 200:
                        errors.append(f"{url}: {answer.status_code}")
                except httpx.HTTPError as exc:
                    errors.append(f"{url}: {type(exc).__name__}")
                times.setdefault(f"{method} {url.replace(rel, 'PLAN')}", []).append(time.monotonic() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--no-attacker", action="store_true",
                        help="the same users without the attacker: the baseline to compare the figures with")
    args = parser.parse_args()
    users, duration = min(args.users, 50), min(args.duration, 300.0)  # bounded
    work = Path(tempfile.mkdtemp(prefix="cchc-attack-load-"))
    data = work / "data"
    data.mkdir()
    for i in range(users):
        shutil.copy(PLAN, data / f"user{i:02d}.yaml")
    files = {"bomb.docx": work / "bomb.docx", "slow.docx": work / "slow.docx", "bomb.pdf": work / "bomb.pdf"}
    paragraph_bomb(files["bomb.docx"], 60)
    slow_docx(files["slow.docx"], 80_000)
    inflate_pdf(files["bomb.pdf"])
    print(f"machine: {os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f} at start")
    server, base = start_server(data)
    try:
        stop = threading.Event()
        statuses: collections.Counter[str] = collections.Counter()
        times: dict[str, list[float]] = {}
        hostile: dict[str, list[float]] = {}
        errors: list[str] = []
        threads = [] if args.no_attacker else [
            threading.Thread(target=attacker, args=(base, files, stop, statuses, hostile))]
        threads += [threading.Thread(target=user, args=(base, f"user{i:02d}.yaml", stop, times, errors))
                    for i in range(users)]
        for thread in threads:
            thread.start()
            time.sleep(0.05)
        time.sleep(duration)
        stop.set()
        for thread in threads:
            thread.join(240)
        every = [t for values in times.values() for t in values]
        beside = "without an attacker" if args.no_attacker else "beside one attacker"
        print(f"{users} users for {duration:g} s {beside}: {len(every)} requests, {len(errors)} errors")
        if every:
            print(f"  all ordinary requests  p50 {pct(every, 0.5):.2f} s  p95 {pct(every, 0.95):.2f} s  "
                  f"max {max(every):.2f} s")
        for what, values in sorted(times.items()):
            print(f"  {what:<28} ×{len(values):<4} p50 {pct(values, 0.5):.2f} s  p95 {pct(values, 0.95):.2f} s")
        for what, values in sorted(hostile.items()):
            print(f"  hostile {what:<28} ×{len(values):<3} each {min(values):.1f}–{max(values):.1f} s")
        for line in sorted(set(errors))[:10]:
            print(f"  error: {line}")
        print("attacker:", ", ".join(f"{k} ×{v}" for k, v in sorted(statuses.items())))
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        stopped = stop_server(server, signal.SIGTERM)
        print(f"server stopped {stopped:.1f} s after SIGTERM" if stopped is not None
              else "server ignored SIGTERM for 30 s (killed)")
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
