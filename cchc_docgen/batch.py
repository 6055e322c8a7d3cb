"""Render many plans: one outcome per plan, in input order; one bad plan never stops the others.

Before anything is written:
- plans that would write the same output (``a/ke_hoach.yaml`` and ``b/ke_hoach.yaml``) are refused, each
  naming the other;
- with ``--pdf``, a plan whose PDF the user changed is refused, so no new DOCX lands beside a stale PDF;
- temporary files that a killed earlier run left in the output folder are removed.

DOCX are spread over at most as many processes as there are cores. A plan that crashes its worker (a
segfault, memory exhaustion) is found by re-running the unfinished plans one by one, each in a fresh
process, and is reported by name; the rest still render. On Ctrl+C or SIGTERM the workers are stopped at
once and their temporary files removed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from cchc_docgen import atomic, limits
from cchc_docgen.errors import DocgenError
from cchc_docgen.progress import Progress

#: Below this many plans a process pool costs more than it saves.
POOL_THRESHOLD = 4


@dataclass
class Outcome:
    """What became of one plan: the files written, or the error lines (each naming the plan)."""

    plan: Path
    written: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    internal: bool = False  # a bug, not the input

    @property
    def ok(self) -> bool:
        return not self.lines


@dataclass
class Failure:
    plan: Path
    lines: list[str]


@dataclass
class BatchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    jobs: int = 1
    jobs_asked: int | None = None

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def written(self) -> list[Path]:
        return [p for o in self.outcomes for p in o.written]

    @property
    def failures(self) -> list[Failure]:
        return [Failure(o.plan, o.lines) for o in self.outcomes if not o.ok]

    @property
    def internal(self) -> bool:
        return any(o.internal for o in self.outcomes)

    def summary(self) -> str:
        failed = sum(not o.ok for o in self.outcomes)
        return f"cchc-docgen: {self.total - failed}/{self.total} tệp thành công, {failed} tệp lỗi."


def _named(plan: Path, lines: list[str]) -> list[str]:
    """Error lines that all name the plan (messages about outputs or templates may not)."""
    return [line if line.startswith(str(plan)) else f"{plan}: {line}" for line in lines]


def _render_one(plan: Path, out_dir: Path, template: Path | None, force: bool, reraise: bool = False) -> Outcome:
    from cchc_docgen.pipeline import render_plan

    try:
        return Outcome(plan, [render_plan(plan, out_dir, template=template, force=force)])
    except DocgenError as exc:
        return Outcome(plan, lines=_named(plan, exc.lines()))
    except OSError as exc:
        from cchc_docgen.oserrors import os_problem

        return Outcome(plan, lines=_named(plan, os_problem(exc).lines()))
    except (MemoryError, RecursionError):
        return Outcome(plan, lines=[f"{plan}: tệp quá lớn hoặc lồng nhau quá sâu, máy không đủ bộ nhớ để xử lý. "
                                    "Hãy chia kế hoạch thành nhiều tệp nhỏ hơn."])
    except Exception as exc:  # a bug: name the plan, keep going with the others
        if reraise:
            raise
        return Outcome(plan, lines=[f"{plan}: lỗi nội bộ của chương trình ({type(exc).__name__}: {exc}). Đây là "
                                    "lỗi phần mềm; hãy chạy lại tệp này với --traceback và gửi kết quả cho nhóm "
                                    "phát triển."], internal=True)


def _crashed(plan: Path) -> Outcome:
    return Outcome(plan, lines=[f"{plan}: chương trình bị dừng đột ngột khi xử lý tệp này (có thể do hết bộ nhớ). "
                                "Tệp này không được tạo; các tệp khác vẫn được xử lý. Hãy kiểm tra lại tệp, hoặc "
                                "chia thành nhiều tệp nhỏ hơn."], internal=True)


def _worker_init(parent: int) -> None:
    """In each pool worker: leave Ctrl+C to the parent, and exit when the parent is gone (even if killed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops us with SIGTERM: just end

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop every worker of ``pool`` now (no waiting for the plans they are on)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.terminate()
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()


def _pooled(plans: list[Path], run: Callable[..., Outcome], args: tuple[object, ...], jobs: int,
            step: Callable[[], None]) -> dict[int, Outcome]:
    done: dict[int, Outcome] = {}
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))
    try:
        futures: dict[Future[Outcome], int] = {pool.submit(run, p, *args): i for i, p in enumerate(plans)}
        for future in as_completed(futures):
            with contextlib.suppress(BrokenProcessPool):
                done[futures[future]] = future.result()
                step()
    finally:
        _stop(pool)
    return done


def _render_all(plans: list[Path], args: tuple[object, ...], jobs: int, step: Callable[[], None]) -> list[Outcome]:
    if jobs <= 1 or len(plans) < POOL_THRESHOLD:
        results = []
        for plan in plans:
            results.append(_render_one(plan, *args))  # type: ignore[arg-type]
            step()
        return results
    done = _pooled(plans, _render_one, args, jobs, step)
    for i, plan in enumerate(plans):  # a worker crashed: retry the unfinished plans alone, to find the culprit
        if i not in done:
            done[i] = _pooled([plan], _render_one, args, 1, step).get(0) or _crashed(plan)
    return [done[i] for i in range(len(plans))]


def _same_outputs(plans: list[Path], out_dir: Path) -> dict[int, str]:
    """Plans whose output name (case-insensitively) another plan of the batch also writes."""
    by_stem: dict[str, list[int]] = {}
    for i, plan in enumerate(plans):
        by_stem.setdefault(plan.stem.casefold(), []).append(i)
    clashes: dict[int, str] = {}
    for group in by_stem.values():
        if len(group) > 1:
            for i in group:
                others = ", ".join(f"'{plans[j]}'" for j in group if j != i)
                clashes[i] = (f"{plans[i]}: tệp này và {others} cùng tên nên sẽ ghi đè lên cùng một tệp kết quả "
                              f"'{out_dir / plans[i].stem}.docx'. Không tệp nào trong số này được tạo. Hãy đổi tên "
                              "một tệp, hoặc chạy riêng từng thư mục với -o khác nhau.")
    return clashes


def _stale_pdfs(plans: list[Path], out_dir: Path, force: bool) -> dict[int, list[str]]:
    from cchc_docgen import outputs
    from cchc_docgen.pipeline import output_path

    refused: dict[int, list[str]] = {}
    for i, plan in enumerate(plans):
        try:
            outputs.ensure_replaceable(output_path(plan, out_dir, ".pdf"), force)
        except DocgenError as exc:
            refused[i] = _named(plan, exc.lines())
    return refused


def render_many(plans: list[Path], out_dir: Path, *, template: Path | None = None, force: bool = False,
                pdf: bool = False, pdf_engine: str | None = None, jobs: int | None = None,
                progress: bool = False, reraise: bool = False) -> BatchReport:
    """Render every plan (and convert to PDF); one ``Outcome`` per plan, in input order.

    ``reraise``: let an internal error (a bug) propagate with its traceback instead of reporting it.
    """
    usable = min(max(1, jobs or limits.max_jobs()), limits.max_jobs())
    report = BatchReport(jobs=min(usable, max(1, len(plans))), jobs_asked=jobs)
    from cchc_docgen.pdf.libreoffice import stop_leftovers

    atomic.clean_scratch(stop_leftovers)  # a killed run's scratch folders (and its LibreOffice, if still there)
    atomic.clean_stale(out_dir)
    refused = {i: [line] for i, line in _same_outputs(plans, out_dir).items()}
    if pdf:
        refused.update({i: lines for i, lines in _stale_pdfs(plans, out_dir, force).items() if i not in refused})
    todo = [p for i, p in enumerate(plans) if i not in refused]
    bar = Progress(len(todo), "Tạo DOCX", progress)
    try:
        rendered = iter(_render_all(todo, (out_dir, template, force, reraise), report.jobs, bar.step))
    finally:
        bar.close()
        atomic.clean_stale(out_dir)  # temp files of workers stopped by Ctrl+C / SIGTERM
    report.outcomes = [Outcome(p, lines=refused[i]) if i in refused else next(rendered) for i, p in enumerate(plans)]
    if pdf:
        _convert(report, pdf_engine, progress)
    return report


def _convert(report: BatchReport, engine: str | None, progress: bool) -> None:
    from cchc_docgen import outputs
    from cchc_docgen.pdf import convert_many

    docx = {o.written[0]: o for o in report.outcomes if o.ok and o.written}
    if not docx:
        return
    bar = Progress(len(docx), "Tạo PDF ", progress)

    def done(source: Path, pdf: Path | None, error: str | None) -> None:
        # Each PDF is recorded as ours the moment it is in place, so a batch stopped half-way (Ctrl+C,
        # SIGTERM, kill -9) leaves no PDF the next run refuses as "edited by hand".
        if pdf is not None:
            outputs.remember(pdf)
        bar.step()

    try:
        results = convert_many(list(docx), engine=engine, on_done=done)
    finally:
        bar.close()
    for result in results:
        outcome = docx[result.source]
        if result.pdf is None:
            outcome.lines.append(f"{outcome.plan}: {result.source}: {result.error}")
        else:
            outcome.written.append(result.pdf)
