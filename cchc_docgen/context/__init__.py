"""Context: model → the exact strings templates place (every formatting decision lives here)."""

from cchc_docgen.context.build import build_context, plan_period, plan_year

__all__ = ["build_context", "plan_period", "plan_year"]
