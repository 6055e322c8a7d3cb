"""Output bookkeeping: regenerate our own files freely, never clobber a file the user changed.

A small state file in the output folder remembers the SHA-256 of every file we wrote. An existing output
is overwritten only when it is still exactly what we wrote (or with ``--force``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from cchc_docgen.errors import OutputExists

STATE_FILE = ".cchc-docgen.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _state(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def ensure_replaceable(path: Path, force: bool = False) -> None:
    """Raise ``OutputExists`` when ``path`` exists and was not written by us as it is now."""
    if force or not path.exists():
        return
    if _state(path.parent).get(path.name) == _digest(path):
        return
    raise OutputExists(
        f"tệp '{path}' đã có sẵn và đã được sửa sau lần tạo trước (hoặc không do cchc-docgen tạo), "
        "nên chương trình không ghi đè để khỏi mất phần bạn đã sửa. Hãy đổi tên tệp đó, chọn thư mục khác "
        "bằng -o, hoặc chạy lại với --force nếu chắc chắn muốn ghi đè."
    )


def remember(path: Path) -> None:
    """Record the file we just wrote."""
    state = _state(path.parent)
    state[path.name] = _digest(path)
    with contextlib.suppress(OSError):
        (path.parent / STATE_FILE).write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
