"""Web page benchmark (loopback only, bounded): preview latency and 20 concurrent users editing and previewing.

    PYTHONPATH=. python benchmarks/web_bench.py [--previews 30] [--users 20] [--duration 60]

Starts ``cchc-docgen serve`` as its own process on 127.0.0.1 with a free port and a throw-away data folder,
waits for the warm LibreOffice, then:

1. preview latency: each round changes the plan's title (so nothing is served from the cache: a real render,
   PDF conversion and page count) and times ``GET /preview/…`` and the first page image; p50/p95/max;
2. concurrency: ``--users`` clients, each on its own copy of the plan, loop for ``--duration`` seconds over
   open editor → save a change → preview → first page image; every answer must be 200/303.

Prints figures only; the README quotes them. The server is always stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.stats import pct  # noqa: E402  (needs the repository on sys.path)
from tests.support.server import start_server, stop_server  # noqa: E402

PLAN = ROOT / "plans" / "005_phong_van_lam_tuyen_truyen_2023.yaml"


def five_page_plan(target: Path) -> None:
    """The Phòng's 4-page plan with its content section repeated once: five pages."""
    from cchc_docgen.yamlio import dump_roundtrip, load_roundtrip

    tree = load_roundtrip(PLAN)
    tree["body"].insert(2, tree["body"][1])
    target.write_text(dump_roundtrip(tree), encoding="utf-8")


def state(client: httpx.Client, rel: str) -> tuple[str, str]:
    page = client.get(f"/edit/{rel}").text
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    version = re.search(r'name="version" value="([^"]+)"', page)
    assert token and version, "editor page without form"
    return token.group(1), version.group(1)


def edit(client: httpx.Client, rel: str, n: int) -> int:
    token, version = state(client, rel)
    r = client.post(f"/edit/{rel}", data={"csrf": token, "version": version,
                                          "s:title": f"Tuyên truyền cải cách hành chính năm 2023 (bản {n})"})
    return r.status_code


def preview(client: httpx.Client, rel: str) -> tuple[float, float, int]:
    """Seconds for the preview page, seconds until its first page image, number of pages."""
    start = time.perf_counter()
    r = client.get(f"/preview/{rel}")
    page_done = time.perf_counter()
    assert r.status_code == 200, (r.status_code, r.text[:300])
    images = re.findall(r'<img src="(/page/[^"]+)"', r.text)
    img = client.get(images[0])
    assert img.status_code == 200 and img.content[:4] == b"\x89PNG"
    return page_done - start, time.perf_counter() - start, len(images)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--previews", type=int, default=30)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0)
    args = parser.parse_args()
    args.duration = min(args.duration, 300.0)  # bounded
    args.users = min(args.users, 50)
    work = Path(tempfile.mkdtemp(prefix="cchc-web-bench-"))
    data = work / "data"
    data.mkdir()
    five_page_plan(data / "plan.yaml")
    for i in range(args.users):
        shutil.copy(data / "plan.yaml", data / f"user{i:02d}.yaml")
    print(f"machine: {os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f} at start")
    server, base = start_server(data)
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            first = preview(client, "plan.yaml")  # includes waiting for the warm converter to be ready
            print(f"first preview (LibreOffice warming up): {first[0]:.2f} s, {first[2]} pages")
            pages, first_image = [], []
            for n in range(args.previews):
                assert edit(client, "plan.yaml", n) in (200, 303)
                seconds, image, _ = preview(client, "plan.yaml")
                pages.append(seconds)
                first_image.append(image)
            print(f"preview of a {first[2]}-page plan after an edit, {args.previews} rounds, warm converter:")
            print(f"  preview page  p50 {statistics.median(pages):.2f} s  p95 {pct(pages, 0.95):.2f} s  "
                  f"max {max(pages):.2f} s")
            print(f"  + first image p50 {statistics.median(first_image):.2f} s  p95 {pct(first_image, 0.95):.2f} s")
        concurrent(base, args.users, args.duration)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        stop_server(server, signal.SIGINT)
        shutil.rmtree(work, ignore_errors=True)
    return 0


def concurrent(base: str, users: int, duration: float) -> None:
    errors: list[str] = []
    timings: dict[str, list[float]] = {"edit": [], "preview": []}
    lock = threading.Lock()
    stop = time.monotonic() + duration
    rounds = [0]

    def user(i: int) -> None:
        rel = f"user{i:02d}.yaml"
        with httpx.Client(base_url=base, timeout=180) as client:
            n = 0
            while time.monotonic() < stop:
                try:
                    t0 = time.perf_counter()
                    code = edit(client, rel, n)
                    t1 = time.perf_counter()
                    if code not in (200, 303):
                        raise AssertionError(f"edit answered {code}")
                    seconds, _, _ = preview(client, rel)
                    with lock:
                        timings["edit"].append(t1 - t0)
                        timings["preview"].append(seconds)
                        rounds[0] += 1
                except Exception as exc:  # every failure is counted and shown
                    with lock:
                        errors.append(f"user {i}: {type(exc).__name__}: {exc}"[:200])
                n += 1

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{users} concurrent users for {duration:.0f} s (each: open editor, save a change, preview, first page):")
    print(f"  {rounds[0]} rounds, {len(errors)} errors")
    if timings["edit"]:
        print(f"  save      p50 {statistics.median(timings['edit']):.2f} s  p95 {pct(timings['edit'], 0.95):.2f} s")
        print(f"  preview   p50 {statistics.median(timings['preview']):.2f} s  "
              f"p95 {pct(timings['preview'], 0.95):.2f} s")
    for line in errors[:10]:
        print("  ", line)


if __name__ == "__main__":
    sys.exit(main())
