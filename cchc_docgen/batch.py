"""Render many plans: per-file errors never stop the rest; DOCX spread over the cores; PDF in batches."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from cchc_docgen.errors import DocgenError
from cchc_docgen.progress import Progress

#: Below this many plans a process pool costs more than it saves.
POOL_THRESHOLD = 4


@dataclass
class Failure:
    plan: Path
    lines: list[str]


@dataclass
class BatchReport:
    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    total: int = 0

    def summary(self) -> str:
        ok = self.total - len({f.plan for f in self.failures})
        return f"cchc-docgen: {ok}/{self.total} tệp thành công, {len(self.failures)} tệp lỗi."


def _render_one(plan: Path, out_dir: Path, template: Path | None, force: bool) -> tuple[Path | None, list[str]]:
    from cchc_docgen.pipeline import render_plan

    try:
        return render_plan(plan, out_dir, template=template, force=force), []
    except DocgenError as exc:
        return None, exc.lines()


def _render_all(plans: list[Path], out_dir: Path, template: Path | None, force: bool, jobs: int,
                bar: Progress) -> list[tuple[Path | None, list[str]]]:
    results: list[tuple[Path | None, list[str]]] = [(None, [])] * len(plans)
    if jobs <= 1 or len(plans) < POOL_THRESHOLD:
        for i, plan in enumerate(plans):
            results[i] = _render_one(plan, out_dir, template, force)
            bar.step()
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_render_one, p, out_dir, template, force): i for i, p in enumerate(plans)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            bar.step()
    return results


def render_many(plans: list[Path], out_dir: Path, *, template: Path | None = None, force: bool = False,
                pdf: bool = False, pdf_engine: str | None = None, jobs: int | None = None,
                progress: bool = False) -> BatchReport:
    """Render every plan (and convert to PDF); return what was written and what failed, in input order."""
    report = BatchReport(total=len(plans))
    jobs = jobs or min(len(plans), os.cpu_count() or 1)
    bar = Progress(len(plans), "Tạo DOCX", progress)
    results = _render_all(plans, out_dir, template, force, jobs, bar)
    bar.close()
    docx: list[Path] = []
    for plan, (out, lines) in zip(plans, results, strict=True):
        if out is None:
            report.failures.append(Failure(plan, lines))
        else:
            docx.append(out)
            report.written.append(out)
    if pdf and docx:
        from cchc_docgen import outputs
        from cchc_docgen.pdf import convert_many

        bar = Progress(len(docx), "Tạo PDF ", progress)
        for path in docx:  # a PDF the user edited is protected like a DOCX
            outputs.ensure_replaceable(path.with_suffix(".pdf"), force)
        for result in convert_many(docx, engine=pdf_engine, on_done=lambda *_: bar.step()):
            if result.pdf is None:
                report.failures.append(Failure(result.source, [f"{result.source}: {result.error}"]))
            else:
                outputs.remember(result.pdf)
                report.written.append(result.pdf)
        bar.close()
    return report
