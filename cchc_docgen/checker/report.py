"""Text and JSON renderings of check results (the CLI prints them)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from cchc_docgen.checker.model import MUST, RULES, SHOULD, Finding


@dataclass
class FileResult:
    """Findings for one file, or the error that stopped it being checked."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    #: document kind ("typed", "cong_van", "appendix", "outside"), its Vietnamese name, and for a
    #: document outside NĐ30 why it is not checked
    kind: str = "typed"
    kind_label: str = ""
    note: str = ""

    @property
    def must(self) -> int:
        return sum(f.level == MUST for f in self.findings)

    @property
    def should(self) -> int:
        return sum(f.level == SHOULD for f in self.findings)

    def failed(self, strict: bool) -> bool:
        return self.error is not None or self.must > 0 or (strict and self.should > 0)


def exit_code(results: list[FileResult], strict: bool) -> int:
    """0 when no file fails, else 1 (a MUST finding, a SHOULD one with ``strict``, or an unreadable file)."""
    return 1 if any(r.failed(strict) for r in results) else 0


def render_text(results: list[FileResult], strict: bool) -> str:
    lines: list[str] = []
    for res in results:
        if res.error is not None:
            lines.append(f"{res.file}: KHÔNG KIỂM TRA ĐƯỢC — {res.error}")
            continue
        if res.kind == "outside":
            lines.append(
                f"{res.file}: KHÔNG THUỘC PHẠM VI — không phải văn bản hành chính theo Nghị định 30/2020/NĐ-CP "
                f"({res.note}); không kiểm tra thể thức."
            )
            continue
        kind = f" [{res.kind_label}]" if res.kind_label else ""
        if not res.findings:
            lines.append(f"{res.file}{kind}: ĐẠT — không phát hiện lỗi thể thức theo Nghị định 30/2020/NĐ-CP.")
            continue
        verdict = "KHÔNG ĐẠT" if res.failed(strict) else "ĐẠT (còn khuyến nghị)"
        lines.append(f"{res.file}{kind}: {verdict} — {res.must} lỗi bắt buộc (MUST), {res.should} khuyến nghị (SHOULD)")
        for f in res.findings:
            lines.append(f"  [{f.level}] {f.rule_id} {RULES[f.rule_id][1]} — {f.location}")
            if f.excerpt:
                lines.append(f"      Đoạn chữ: «{f.excerpt}»")
            lines.append(f"      Lỗi: {f.message}")
            lines.append(f"      Cách sửa: {f.fix}")
        lines.append("")
    if len(results) > 1:
        bad = sum(r.failed(strict) for r in results)
        outside = sum(r.kind == "outside" and r.error is None for r in results)
        extra = f", {outside} tệp ngoài phạm vi Nghị định 30 (không kiểm tra)" if outside else ""
        lines.append(f"Tổng cộng: {len(results)} tệp, {bad} tệp không đạt{extra}.")
    return "\n".join(lines).rstrip() + "\n"


def render_json(results: list[FileResult], strict: bool) -> str:
    payload = {
        "strict": strict,
        "exit_code": exit_code(results, strict),
        "files": [
            {
                "file": r.file,
                "kind": r.kind,
                "note": r.note,
                "ok": not r.failed(strict),
                "error": r.error,
                "must": r.must,
                "should": r.should,
                "findings": [f.to_dict() for f in r.findings],
            }
            for r in results
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
