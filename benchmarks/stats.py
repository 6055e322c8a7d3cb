"""Figures the benchmarks print: a percentile of measured times (no interpolation, the nearest measured value)."""

from __future__ import annotations

import os
import statistics


def pct(values: list[float], q: float) -> float:
    """The value at quantile ``q`` (0–1) of ``values``: the measured time nearest to that rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def print_latency(times: list[float], target_ms: float = 300) -> None:
    """The save latency lines of the editor benchmarks: p50, p95, max against the target, and the load."""
    load = os.getloadavg()
    print(f"latency: p50 {statistics.median(times) * 1000:.0f} ms, p95 {pct(times, 0.95) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms (target: p95 <= {target_ms:g} ms)")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs")
