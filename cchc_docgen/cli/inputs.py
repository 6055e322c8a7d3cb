"""Expand the YAML arguments of a command: files, folders (their *.yaml) and glob patterns."""

from __future__ import annotations

import glob
from pathlib import Path

from cchc_docgen.errors import UsageError


def expand(args: list[str], suffixes: tuple[str, ...] = (".yaml", ".yml")) -> list[Path]:
    """Every input file, in the order given, each once; a missing file is a usage error (exit 2)."""
    out: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes and p.is_file())
            if not found:
                raise UsageError(f"thư mục '{arg}' không có tệp {'/'.join(suffixes)} nào.")
            out.extend(found)
        elif path.exists():
            out.append(path)
        elif glob.has_magic(arg):
            matches = sorted(Path(m) for m in glob.glob(arg))
            if not matches:
                raise UsageError(f"không có tệp nào khớp với mẫu '{arg}'.")
            out.extend(matches)
        else:
            raise UsageError(f"không tìm thấy tệp '{arg}'. Kiểm tra lại tên và thư mục của tệp.")
    unique: list[Path] = []
    for p in out:
        if p.resolve() not in {u.resolve() for u in unique}:
            unique.append(p)
    return unique
