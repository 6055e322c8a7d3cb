"""Test data for the report tests (a uniquely named module, importable from test files); kept in
``support.report_plans`` so that other test folders use the same plans."""

from __future__ import annotations

from support.report_plans import PLAN_001, PLAN_005, SMALL_PLAN, report_with_sheet

__all__ = ["PLAN_001", "PLAN_005", "SMALL_PLAN", "report_with_sheet"]
