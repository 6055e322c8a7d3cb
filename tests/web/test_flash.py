"""Issue 19: an import report of 35 tables made an 11 KB cookie that the browser dropped, with the session."""

from __future__ import annotations

import json

from cchc_docgen.web.flash import BUDGET, set_flash


def test_many_long_lines_fit_a_cookie_and_say_how_many_were_left_out() -> None:
    session: dict[str, object] = {}
    lines = [f"bảng {i}: " + "nội dung ô rất dài " * 30 for i in range(35)]
    set_flash(session, lines, " cần xem lại")
    kept = session["flash"]
    assert isinstance(kept, list) and 1 < len(kept) < 35
    assert len(json.dumps(kept, ensure_ascii=False).encode("utf-8")) <= BUDGET
    assert kept[-1] == f"… và {35 - (len(kept) - 1)} chỗ nữa cần xem lại."
    assert kept[0].startswith("bảng 0: ") and kept[0].endswith("…")


def test_short_lists_are_kept_whole() -> None:
    session: dict[str, object] = {}
    set_flash(session, ["dòng 1", "dòng 2"])
    assert session["flash"] == ["dòng 1", "dòng 2"]
