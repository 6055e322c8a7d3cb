"""Messages shown once on the next page, kept in the session cookie within what a browser accepts.

A browser drops a cookie over about 4 KB, and with it the whole session (the user seems logged out and the
message never shows). The lines are cut and counted so that the cookie stays well under that, and the last
line says how many were left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

#: Bytes of JSON the messages may take in the cookie (the signed cookie grows by about a third on top).
BUDGET = 1800
#: Characters kept of one line.
LINE = 200


def set_flash(session: dict[str, Any], lines: Iterable[str], more_hint: str = "") -> None:
    """Keep as many of ``lines`` as fit the budget, then one line telling how many more there were."""
    kept: list[str] = []
    all_lines = [str(line) for line in lines]
    for line in all_lines:
        short = line if len(line) <= LINE else line[: LINE - 1] + "…"
        if len(json.dumps([*kept, short, "x" * 80], ensure_ascii=False).encode("utf-8")) > BUDGET:
            break
        kept.append(short)
    left = len(all_lines) - len(kept)
    if left:
        kept.append(f"… và {left} chỗ nữa{more_hint}.")
    session["flash"] = kept
