"""Issue #19, web jobs: user files are parsed in capped worker processes, killed and reported past their limits,
with per-user fairness; the server answers 4xx/503 in Vietnamese, never 500, and stops on SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal
import subprocess
import threading
import time
import zipfile
from pathlib import Path

import httpx
import pytest
from support.server import start_server, stop_server
from test_attacks_parsing import paragraph_bomb

from cchc_docgen.web.jobs import JobFailed, Jobs, Limits


def test_job_past_its_memory_cap_is_killed_and_reported() -> None:
    jobs = Jobs(Limits(slots=2, memory_mb=700, seconds=60))
    with pytest.raises(JobFailed) as err:
        asyncio.run(jobs.run("a", bytearray, 3 * 1024 ** 3))
    assert err.value.status == 422 and "bộ nhớ" in err.value.message and not jobs._procs


def test_job_past_its_wall_clock_is_killed_and_reported() -> None:
    jobs = Jobs(Limits(slots=2, seconds=1))
    with pytest.raises(JobFailed) as err:
        asyncio.run(jobs.run("a", time.sleep, 120))
    assert err.value.status == 503 and "giây" in err.value.message and not jobs._procs


def test_results_and_user_errors_come_back_unchanged(tmp_path: Path) -> None:
    from cchc_docgen.checker import check_document
    from cchc_docgen.errors import InputError

    jobs = Jobs(Limits(slots=2))
    assert asyncio.run(jobs.run("a", sorted, [3, 1, 2])) == [1, 2, 3]
    bomb = paragraph_bomb(tmp_path / "b.docx", 20)
    with pytest.raises(InputError, match="vượt giới hạn"):
        asyncio.run(jobs.run("a", check_document, bomb))


def test_one_user_never_holds_every_slot() -> None:
    finished: list[str] = []

    async def scenario() -> None:
        jobs = Jobs(Limits(slots=2, seconds=60))

        async def job(user: str, name: str, seconds: float) -> None:
            await jobs.run(user, time.sleep, seconds)
            finished.append(name)

        first = asyncio.create_task(job("heavy", "heavy-1", 3))
        await asyncio.sleep(0)
        second = asyncio.create_task(job("heavy", "heavy-2", 0))
        await asyncio.sleep(0)
        other = asyncio.create_task(job("light", "light", 0))
        await asyncio.gather(first, second, other)

    asyncio.run(scenario())
    # heavy-2 had to wait for heavy-1 (one user holds at most slots - 1); light went straight to the free slot
    assert finished.index("light") < finished.index("heavy-2")
    assert finished.index("heavy-1") < finished.index("heavy-2")


def test_close_kills_running_jobs_at_once() -> None:
    async def scenario() -> JobFailed:
        jobs = Jobs(Limits(slots=2, seconds=300))
        task = asyncio.create_task(jobs.run("a", time.sleep, 300))
        while not jobs._procs:
            await asyncio.sleep(0.05)
        jobs.close()
        try:
            await task
        except JobFailed as exc:
            return exc
        raise AssertionError("the job was not stopped")

    failed = asyncio.run(scenario())
    assert failed.status == 503 and "đang dừng" in failed.message


def slow_docx(path: Path, paragraphs: int) -> Path:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>Đoạn {i} nội dung</w:t></w:r></w:p>'
                   for i in range(paragraphs))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{body}<w:sectPr/></w:body></w:document>")
    return path


def _post_quietly(base: str, token: str, cookies: httpx.Cookies, path: Path) -> None:
    with contextlib.suppress(httpx.HTTPError):
        httpx.post(base + "/check", data={"csrf": token}, files={"file": ("slow.docx", path.read_bytes())},
                   cookies=cookies, timeout=60)


def _csrf(client: httpx.Client, url: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(url).text)
    assert found
    return found.group(1)


def test_server_answers_a_bomb_upload_in_vietnamese_and_stops_on_sigterm(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    bomb = paragraph_bomb(tmp_path / "bomb.docx", 60)  # under the declared-size cap: the streamed budget stops it
    server, base = start_server(data, stderr=subprocess.PIPE)
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            token = _csrf(client, "/check")
            answer = client.post("/check", data={"csrf": token}, files={"file": ("bomb.docx", bomb.read_bytes())})
            assert answer.status_code == 400  # main's rule: a file we cannot read is the uploader's problem
            assert "vượt giới hạn" in answer.text and "/tmp" not in answer.text and str(tmp_path) not in answer.text
            assert client.get("/").status_code == 200  # the server is still up
            token = _csrf(client, "/check")
        slow = slow_docx(tmp_path / "slow.docx", 80_000)  # within the budget, but long to check
        background = threading.Thread(target=_post_quietly, args=(base, token, client.cookies, slow), daemon=True)
        background.start()
        time.sleep(4)  # the check is running in a worker now
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)  # not the 20+ s the check would take: the worker is killed
    finally:
        if server.poll() is None:
            stop_server(server, signal.SIGKILL)
    assert "Traceback" not in (server.stderr.read().decode() if server.stderr else "")
