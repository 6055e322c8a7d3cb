"""Render many plans: per-file errors never stop the rest; DOCX spread over the cores; PDF in batches."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cchc_docgen.errors import DocgenError


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
        ok = self.total - len(self.failures)
        return f"cchc-docgen: {ok}/{self.total} tệp thành công, {len(self.failures)} tệp lỗi."


def _render_one(plan: Path, out_dir: Path, template: Path | None, force: bool) -> tuple[Path | None, list[str]]:
    from cchc_docgen.pipeline import render_plan

    try:
        return render_plan(plan, out_dir, template=template, force=force), []
    except DocgenError as exc:
        return None, exc.lines()


def render_many(plans: list[Path], out_dir: Path, *, template: Path | None = None, force: bool = False,
                pdf: bool = False, pdf_engine: str | None = None, jobs: int | None = None,
                progress: bool = False) -> BatchReport:
    """Render every plan; return what was written and what failed (with Vietnamese messages)."""
    report = BatchReport(total=len(plans))
    jobs = jobs or min(len(plans), os.cpu_count() or 1)
    results: list[tuple[Path, Path | None, list[str]]] = []
    if jobs > 1 and len(plans) > 2:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_render_one, p, out_dir, template, force) for p in plans]
            results = [(p, *f.result()) for p, f in zip(plans, futures, strict=True)]
    else:
        results = [(p, *_render_one(p, out_dir, template, force)) for p in plans]
    docx: list[Path] = []
    for plan, out, lines in results:
        if out is None:
            report.failures.append(Failure(plan, lines))
        else:
            docx.append(out)
            report.written.append(out)
    if pdf and docx:
        from cchc_docgen.pdf import convert_many

        for result in convert_many(docx, engine=pdf_engine):
            if result.pdf is None:
                report.failures.append(Failure(result.source, [f"{result.source}: {result.error}"]))
            else:
                report.written.append(result.pdf)
    return report
