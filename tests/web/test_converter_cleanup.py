"""Stopping the server never leaves LibreOffice running (it was orphaned when the UNO worker was killed)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from support.paths import soffice_or_skip
from support.procs import alive_pids

from cchc_docgen.web.converter import Converter, uno_python


def _running_with(marker: str) -> list[int]:
    return alive_pids(marker, "soffice")


def _gone(marker: str, seconds: float = 10) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not _running_with(marker):
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir() or os.name != "posix", reason="needs /proc")
@pytest.mark.parametrize("how", ["kill", "close"])
def test_stopping_the_converter_stops_libreoffice(how: str) -> None:
    soffice_or_skip()
    if uno_python() is None:
        if os.environ.get("CI"):
            pytest.fail("python3-uno is missing in CI")
        pytest.skip("no Python with LibreOffice's uno module")
    converter = Converter()
    assert converter.warm_up()
    profile = str(converter._profile)
    assert _running_with(profile), "LibreOffice did not start"
    converter.kill() if how == "kill" else converter.close()
    assert _gone(profile), f"LibreOffice still running after {how}()"
