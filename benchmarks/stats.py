"""Figures the benchmarks print: a percentile of measured times (no interpolation, the nearest measured value)."""

from __future__ import annotations


def pct(values: list[float], q: float) -> float:
    """The value at quantile ``q`` (0–1) of ``values``: the measured time nearest to that rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]
