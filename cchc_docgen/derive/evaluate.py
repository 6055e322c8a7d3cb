"""Kept tasks measured against a hand-written expectation: precision and recall (benchmarks and tests).

An expected task is ``{under: first words of its section, task: first words of the task}``; an obtained task
matches it when both begin so (case, spaces and '*' emphasis ignored).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cchc_docgen.derive.tasks import Task


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFC", re.sub(r"[*_“”\"]", "", text)).lower()
    return re.sub(r"\s+", " ", text).strip()


def matches(task: Task, expected: dict[str, Any]) -> bool:
    return _plain(task.text).startswith(_plain(expected["task"])) and _plain(task.section).startswith(
        _plain(expected.get("under", ""))
    )


@dataclass
class Score:
    expected: list[str] = field(default_factory=list)
    obtained: list[str] = field(default_factory=list)
    #: expected and kept
    hits: list[str] = field(default_factory=list)
    #: expected, not kept
    missed: list[str] = field(default_factory=list)
    #: kept, not expected
    extra: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return len(self.hits) / len(self.obtained) if self.obtained else None

    @property
    def recall(self) -> float | None:
        return len(self.hits) / len(self.expected) if self.expected else None


def score(tasks: list[Task], entries: list[dict[str, Any]], unit: str) -> Score:
    """How the kept ``tasks`` of ``unit`` (a unit file's stem) compare with the expected ``entries``."""
    wanted = [e for e in entries if unit in e.get("keep", [])]
    result = Score(expected=[_short(e["task"]) for e in wanted])
    kept = [t for t in tasks if t.kept]
    result.obtained = [_short(t.text) for t in kept]
    used: set[int] = set()
    for entry in wanted:
        found = next((i for i, t in enumerate(kept) if i not in used and matches(t, entry)), None)
        if found is None:
            result.missed.append(_short(entry["task"]))
        else:
            used.add(found)
            result.hits.append(_short(entry["task"]))
    result.extra = [_short(t.text) for i, t in enumerate(kept) if i not in used]
    return result


def _short(text: str) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"[*_]", "", text)).strip()
    return text if len(text) <= 70 else text[:67] + "…"
