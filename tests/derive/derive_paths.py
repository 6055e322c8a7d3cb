"""Shared paths for the derive/rollover tests (plans/ and examples/units/ of the repository); never named conftest."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PLAN_004 = ROOT / "plans" / "004_hungyen_tuyen_truyen_2022.yaml"
PLAN_005 = ROOT / "plans" / "005_phong_van_lam_tuyen_truyen_2023.yaml"
UNITS = ROOT / "examples" / "units"
