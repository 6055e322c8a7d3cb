"""Report page save latency on a real-size report (loopback only, bounded).

    PYTHONPATH=. python benchmarks/report_save_bench.py [--saves 200] [--tasks 120]

Makes the quý I report of a generated plan with ``--tasks`` tasks (the web tests' long school plan) in a
throw-away data folder, serves it with uvicorn on 127.0.0.1 and a free port (no accounts: the local user), opens
the report page once, then sends ``--saves`` saves the way the page's script does (one box, its previous text
and the file version) to ``/report-save/``: in turn a task status, a Biểu mẫu figure and a narrative paragraph.
Each answer also carries the recomputed Biểu mẫu (sums, ratios, checks) and the progress sentence, so this is
the whole cost a clerk waits for. Prints p50/p95/max and the load average. The server always stops.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.stats import print_latency  # noqa: E402  (needs the repository on sys.path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--tasks", type=int, default=120)
    args = parser.parse_args()

    from cchc_docgen.loader import load_document
    from cchc_docgen.report import build_report
    from cchc_docgen.yamlio import dump_document
    from tests.web.bigdoc import write_long_plan
    from tests.web.server import running

    statuses = ["hoàn thành", "đang thực hiện", "chưa thực hiện", "hoàn thành quá hạn"]
    with tempfile.TemporaryDirectory(prefix="cchc-report-bench-") as tmp:
        data = Path(tmp) / "data"
        (data / "don-vi").mkdir(parents=True)
        plan = write_long_plan(data / "don-vi" / "ke-hoach.yaml", 4, 1, args.tasks)
        report = build_report(load_document(plan), "q1", None, None).report
        rel = "don-vi/bao-cao.yaml"
        (data / rel).write_text(dump_document(report, ["Báo cáo đo thời gian lưu."], schema=None), encoding="utf-8")
        with running(data, warm_converter=False) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
            page = client.get(f"/status/{rel}").text
            token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            version = re.search(r'name="version" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            status_names = re.findall(r'name="(s:report\.tasks\.\d+\.status)"', page)
            figure_names = [unescape(n) for n in re.findall(r'name="(n:report\.figures[^"]+)"', page)]
            text_names = re.findall(r'name="(l:body[^"]+\.paragraphs)"', page)
            boxes = len(re.findall(r'name="[a-z]:[^"]+"', page))
            values = client.post(f"/values/{rel}", data={"csrf": token, "names": "\n".join(
                status_names + figure_names + text_names)}).json()
            base = values["values"]
            time.sleep(1.0)  # the page parses the file in the background: let it finish
            times: list[float] = []
            for n in range(args.saves):
                kind = n % 3
                if kind == 0:
                    name = status_names[(n * 7) % len(status_names)]
                    value = statuses[(n // 3) % len(statuses)]
                elif kind == 1:
                    name = figure_names[(n * 5) % len(figure_names)]
                    value = str(n)
                else:
                    name = text_names[(n * 3) % len(text_names)]
                    value = f"Kết quả lần {n}."
                if value == base[name]:
                    value += " (lại)" if kind == 2 else "1"
                start = time.perf_counter()
                answer = client.post(f"/report-save/{rel}", data={"csrf": token, "name": name, "value": value,
                                                                  "base": base[name], "version": version})
                times.append(time.perf_counter() - start)
                body = answer.json()
                if answer.status_code != 200 or body["status"] != "saved" or "forms" not in body:
                    print(f"save {n} failed: {answer.status_code} {body}")
                    return 1
                version, base[name] = body["version"], body["value"]
            lines = len((data / rel).read_text(encoding="utf-8").splitlines())
    print(f"report page of a {args.tasks}-task plan ({boxes} boxes, {lines} YAML lines at the end), "
          f"{len(times)} saves on loopback (statuses, Biểu mẫu figures, narratives in turn)")
    print_latency(times)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
