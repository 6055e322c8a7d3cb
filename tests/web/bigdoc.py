"""Long documents for the editor tests, generated from the school plan: sections and table rows of plain text."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import HERE

TEXT = ("cán bộ giáo viên nhân viên nhà trường thực hiện tuyên truyền cải cách hành chính theo kế hoạch "
        "của Phòng Giáo dục và Đào tạo bảo đảm đúng tiến độ chất lượng hiệu quả")
WORDS = TEXT.split()


def sentence(n: int, length: int = 60) -> str:
    return " ".join(WORDS[(n + i) % len(WORDS)] for i in range(length)).capitalize() + "."


def long_plan(sections: int, paragraphs: int, rows: int) -> str:
    """A valid plan: ``sections`` top-level sections with two sub-sections each (every one with ``paragraphs``
    paragraphs of about 60 words), and one appendix table of ``rows`` task rows."""
    head = (HERE / "data" / "school_plan.yaml").read_text(encoding="utf-8").split("\nbody:", 1)[0]
    tail = (HERE / "data" / "school_plan.yaml").read_text(encoding="utf-8").split("\nsigner:", 1)[1]
    out = [head, "\nbody:"]
    n = 0
    for s in range(sections):
        out.append(f"  - title: Nội dung số {s + 1} của kế hoạch")
        out.append("    items:")
        for sub in range(2):
            out.append(f"      - title: Việc {sub + 1} của nội dung {s + 1}")
            out.append("        paragraphs:")
            for _ in range(paragraphs):
                n += 1
                out.append(f"          - {sentence(n)}")
    out.append("appendices:")
    out.append("  - title: [Nhiệm vụ cụ thể]")
    out.append("    columns:")
    out.append("      - {key: tt, label: TT, width: 12, numbers: true}")
    out.append("      - {key: task, label: Nhiệm vụ, width: 80}")
    out.append("      - {key: lead, label: Người phụ trách, width: 40}")
    out.append("      - {key: time, label: Thời gian, width: 33}")
    out.append("    rows:")
    for r in range(rows):
        out.append(f"      - {{task: Nhiệm vụ số {r + 1}, lead: Tổ chuyên môn {r % 7 + 1}, time: Tháng {r % 12 + 1}}}")
    out.append("\nsigner:" + tail)
    return "\n".join(out)


def write_long_plan(path: Path, sections: int, paragraphs: int, rows: int) -> Path:
    path.write_text(long_plan(sections, paragraphs, rows), encoding="utf-8")
    return path
