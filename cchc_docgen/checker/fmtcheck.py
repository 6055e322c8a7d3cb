"""Shared formatting checks: size, bold, italic, alignment, case of one segment."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_docgen.checker.docmodel import DocModel
from cchc_docgen.checker.model import Collector
from cchc_docgen.checker.segs import Rule, Seg


@dataclass(frozen=True)
class Expect:
    """What an element must look like; ``None`` means "not checked"."""

    sizes: tuple[float, float] | None = None
    bold: bool | None = None
    italic: bool | None = None
    center: bool = False
    caps: bool | None = None


def _pt(value: float) -> str:
    return f"{value:g}"


def problems(seg: Seg, exp: Expect) -> list[tuple[str, str]]:
    """(what is wrong, how to fix) pairs for ``seg`` against ``exp``."""
    out: list[tuple[str, str]] = []
    if exp.sizes:
        lo, hi = exp.sizes
        bad = [s for s in seg.sizes if not lo <= s <= hi]
        want = f"{_pt(lo)} pt" if lo == hi else f"{_pt(lo)}–{_pt(hi)} pt"
        if bad:
            out.append((f"cỡ chữ {', '.join(_pt(s) for s in bad)} pt (quy định {want})", f"đặt cỡ chữ {want}"))
    if exp.bold is True and not seg.bold:
        out.append(("chưa in đậm", "in đậm (Ctrl+B)"))
    if exp.bold is False and seg.any_bold:
        out.append(("đang in đậm (quy định không in đậm)", "bỏ in đậm"))
    if exp.italic is True and not seg.italic:
        out.append(("chưa in nghiêng", "in nghiêng (Ctrl+I)"))
    if exp.italic is False and seg.any_italic:
        out.append(("đang in nghiêng (quy định chữ đứng)", "bỏ in nghiêng"))
    if exp.center and seg.centered() is False:
        out.append(("chưa căn giữa", "căn giữa (Ctrl+E)"))
    if exp.caps is True and not seg.is_caps:
        out.append(("chưa viết IN HOA", "viết IN HOA toàn bộ"))
    if exp.caps is False and seg.is_caps and len([c for c in seg.display if c.isalpha()]) > 3:
        out.append(("đang viết IN HOA toàn bộ (quy định chữ in thường)", "viết chữ thường, chỉ viết hoa chữ đầu"))
    return out


def check_seg(
    col: Collector, doc: DocModel, rule: str, seg: Seg, name: str, exp: Expect, *, level: str | None = None
) -> bool:
    """Add one finding listing every problem of ``seg``; returns True when there was none."""
    found = problems(seg, exp)
    if not found:
        return True
    col.add(
        rule,
        seg.para.location(doc.rendered_pages),
        seg.display,
        f"{name}: " + "; ".join(p for p, _ in found) + ".",
        f"Chọn {name.lower()} rồi " + ", ".join(f for _, f in found) + ".",
        level=level,
    )
    return False


def check_rule(
    col: Collector,
    doc: DocModel,
    rule_id: str,
    seg: Seg,
    rule: Rule | None,
    name: str,
    lo_mm: float,
    hi_mm: float,
    what: str,
) -> None:
    """Check that ``rule`` exists under ``seg``, is solid, centred and ``lo_mm``–``hi_mm`` long."""
    loc = seg.para.location(doc.rendered_pages)
    if rule is None:
        col.add(
            rule_id,
            loc,
            seg.display,
            f"Thiếu đường kẻ ngang (nét liền) dưới {name}.",
            f"Thêm một đường kẻ ngang nét liền, căn giữa dưới {name}, dài {what} (khoảng {lo_mm:.0f}–{hi_mm:.0f} mm).",
        )
        return
    issues = []
    if not rule.solid:
        issues.append("không phải nét liền")
    if rule.centered is False:
        issues.append("chưa căn giữa")
    if not lo_mm <= rule.length_mm <= hi_mm:
        issues.append(
            f"dài khoảng {rule.length_mm:.0f} mm, trong khi phải dài {what} (khoảng {lo_mm:.0f}–{hi_mm:.0f} mm)"
        )
    if issues:
        col.add(
            rule_id,
            rule.para.location(doc.rendered_pages),
            seg.display,
            f"Đường kẻ dưới {name} " + "; ".join(issues) + ".",
            f"Sửa đường kẻ dưới {name}: nét liền, căn giữa, dài {what} (khoảng {lo_mm:.0f}–{hi_mm:.0f} mm).",
        )
