"""The library: every plan and report a user may see, with kind, year, issuer, status and last change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cchc_docgen.models import KINDS, Document
from cchc_docgen.web import store
from cchc_docgen.web.accounts import User
from cchc_docgen.web.paths import rel_of, unit_of
from cchc_docgen.web.settings import STATE_DIR


@dataclass(frozen=True)
class Entry:
    rel: str
    unit: str | None
    kind: str
    title: str
    year: str
    issuer: str
    status: str  # "issued" | "draft" | "error"
    changed: dt.datetime
    problems: int

    @property
    def kind_name(self) -> str:
        return KINDS[self.kind].in_text if self.kind in KINDS else "?"

    @property
    def status_label(self) -> str:
        return {"issued": "Đã ban hành", "draft": "Dự thảo", "error": "Cần sửa lỗi"}[self.status]


def document_files(data: Path, units: list[str] | None) -> list[Path]:
    """YAML files at the top of ``data`` (all units) or in the given unit folders."""
    files: list[Path] = []
    if units is None:
        files += [p for p in data.glob("*.y*ml")]
        folders = [p for p in data.iterdir() if _real_dir(p) and not p.name.startswith(".") and p.name != STATE_DIR]
    else:
        folders = [data / u for u in units]
    for folder in folders:
        if _real_dir(folder):
            files += list(folder.glob("*.y*ml"))
    return sorted(p for p in files if p.suffix in (".yaml", ".yml") and _real_file(p) and not p.name.startswith("."))


def _real_file(path: Path) -> bool:
    """A regular file, not a symlink (a link could show another unit's or an outside file's title)."""
    return not path.is_symlink() and path.is_file()


def _real_dir(path: Path) -> bool:
    return not path.is_symlink() and path.is_dir()


def status_of(doc: Document) -> str:
    return "issued" if doc.number and doc.date and doc.date.complete else "draft"


_cache: dict[Path, tuple[tuple[int, int], Entry]] = {}


def entry(data: Path, path: Path) -> Entry:
    """The library line of one file (read and validated again only when the file changed)."""
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    made = _entry(data, path)
    _cache[path] = (stamp, made)
    return made


def _entry(data: Path, path: Path) -> Entry:
    loaded = store.load(path)
    doc = loaded.document
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    rel = rel_of(data, path)
    if doc is None:
        tree = loaded.tree if isinstance(loaded.tree, dict) else {}
        issuer = tree.get("issuer")
        issuer = issuer if isinstance(issuer, dict) else {}
        return Entry(rel, unit_of(rel), str(tree.get("kind", "ke_hoach")), str(tree.get("title", path.stem)),
                     str(tree.get("year", "")), str(issuer.get("name", "")), "error", changed, len(loaded.problems))
    year = doc.year or (doc.date.year if doc.date else "")
    return Entry(rel, unit_of(rel), doc.kind, doc.title, str(year), doc.issuer.name.replace(" | ", " "),
                 status_of(doc), changed, 0)


def entries(data: Path, user: User) -> list[Entry]:
    items = []
    for path in document_files(data, user.units):
        try:
            items.append(entry(data, path))
        except OSError:  # removed, or replaced by a link or a pipe, since it was listed
            continue
    return sorted(items, key=lambda e: e.changed, reverse=True)
