"""Where the default templates are: inside the installed package, or ``templates/`` of a checkout."""

from __future__ import annotations

from pathlib import Path

from cchc_docgen.models.kinds import KINDS


def templates_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def default_template(kind: str) -> Path:
    return templates_dir() / KINDS[kind].template
