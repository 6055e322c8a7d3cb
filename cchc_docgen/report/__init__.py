"""Periodic reports (báo cáo định kỳ) from a plan: skeleton, task statuses, computed summaries.

Public API (used by the CLI and the web page): ``make_report``, ``summary``, ``write_xlsx``, ``read_xlsx``.
"""

from cchc_docgen.report.periods import PERIODS, Period, get_period
from cchc_docgen.report.skeleton import build_report, make_report

__all__ = ["PERIODS", "Period", "build_report", "get_period", "make_report"]
