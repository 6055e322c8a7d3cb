"""Periodic reports (báo cáo định kỳ) from a plan: skeleton, task statuses, computed summaries.

Public API (used by the CLI and the web page):

- ``make_report(plan, period, year=None, previous=None) -> Document``: the report skeleton (``build_report``
  also returns the warnings met, e.g. deadlines that could not be read);
- ``summary(report) -> Summary``: tasks per status and per lead unit, with percentages (``.as_dict()``);
- ``write_xlsx(report, path)`` / ``workbook_bytes(report)``: the task spreadsheet with drop-down status cells;
- ``read_xlsx(report, path) -> Document``: statuses read back; bad cells raise ``InputError`` naming sheet,
  row and column.
"""

from cchc_docgen.report.periods import PERIODS, Period, get_period
from cchc_docgen.report.skeleton import Skeleton, build_report, make_report
from cchc_docgen.report.summary import Counts, Summary, summary
from cchc_docgen.report.xlsx import apply_tasks_file, read_xlsx, workbook_bytes, write_xlsx

__all__ = [
    "PERIODS",
    "Counts",
    "Period",
    "Skeleton",
    "Summary",
    "apply_tasks_file",
    "build_report",
    "get_period",
    "make_report",
    "read_xlsx",
    "summary",
    "workbook_bytes",
    "write_xlsx",
]
