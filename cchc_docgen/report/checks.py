"""Warnings ``validate`` gives for a report: what is still left to fill in, and Biểu mẫu figures that disagree."""

from __future__ import annotations

from cchc_docgen.errors import DocgenError, Problem
from cchc_docgen.loader.messages import key_path, line_of
from cchc_docgen.models import Document, Node
from cchc_docgen.models.walk import located_texts
from cchc_docgen.report.outline_body import PLACEHOLDER

Lines = dict[tuple[object, ...], int]


def _has_summary(nodes: list[Node]) -> bool:
    return any(n.role == "summary" or _has_summary(n.items) for n in nodes)


def report_warnings(doc: Document, lines: Lines, file: str) -> list[Problem]:
    """Tasks without a status, '…' placeholders still in the text, no place for the computed summary."""
    if doc.report is None:
        return []
    found: list[Problem] = []

    def warn(path: tuple[object, ...], message: str) -> None:
        found.append(Problem(file, line_of(lines, path), key_path(path), message))

    empty = [i for i, t in enumerate(doc.report.tasks) if t.task and not t.status]
    if empty:
        where = " (trong tệp Excel ghi ở 'tasks_file')" if doc.report.tasks_file else ""
        warn(("report", "tasks", empty[0]), f"{len(empty)} nhiệm vụ chưa có trạng thái{where}; hãy điền 'status': "
                                            "hoàn thành, hoàn thành quá hạn, đang thực hiện hoặc chưa thực hiện.")
    gaps = [path for path, text in located_texts(doc.body, ("body",)) if text.rstrip().endswith(PLACEHOLDER)]
    if gaps:
        warn(gaps[0], f"còn {len(gaps)} chỗ '{PLACEHOLDER}' chưa viết nội dung; hãy viết vào hoặc xóa dòng đó.")
    for problem in _figure_problems(doc):
        warn(("report", "figures"), problem)
    if not _has_summary(doc.body):
        warn(("body",), "báo cáo chưa có mục 'role: summary' nên số liệu tổng hợp và biểu đồ trạng thái nhiệm vụ "
                        "sẽ không được in; hãy thêm 'role: summary' vào mục kết quả thực hiện nhiệm vụ.")
    return found


def _figure_problems(doc: Document) -> list[str]:
    """The §4.4 checks of the Biểu mẫu (x.2 ≤ x.1, 4.1 ≥ its parts, codes, formula rows typed by hand …)."""
    from cchc_docgen.context.report import report_figures  # context imports report: import late

    try:
        return report_figures(doc)[1].problems
    except DocgenError as exc:
        return [exc.message]
