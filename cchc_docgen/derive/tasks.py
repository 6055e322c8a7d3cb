"""The parent's body sorted for one unit: the tasks that fall to it are kept, the others' are dropped, each noted.

A task is a duty the plan gives to somebody: an item or paragraph under a heading that names who does it
("Các sở, ban, ngành, địa phương", "Sở Nội vụ:", "Đề nghị Viện Kiểm sát …"), or a sentence that begins with who
does it ("Giao Công an tỉnh …", "Sở Nội vụ chủ trì, phối hợp …"). Text that names nobody (purpose, content,
forms …) is not a task and is kept as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_docgen.derive.assign import Reader, Verdict, subject
from cchc_docgen.models import Node


@dataclass(frozen=True)
class Task:
    """One task of the parent plan and what the unit does with it."""

    #: the nearest section title above it (or the organization part's heading)
    section: str
    text: str
    verdict: Verdict
    #: 'body', 'organization' or 'appendix'
    where: str = "body"

    @property
    def kept(self) -> bool:
        return self.verdict.kept


Who = tuple[str, str]


def _own(node: Node) -> Who | None:
    if node.unit:
        return node.unit, ""
    head = node.title or node.text
    return subject(head) if head else None


class Sorter:
    """Walks body nodes for one unit, collecting every task's verdict in ``tasks``."""

    def __init__(self, reader: Reader, where: str = "body") -> None:
        self.reader, self.where = reader, where
        self.tasks: list[Task] = []

    def nodes(self, nodes: list[Node], who: Who | None = None, section: str = "") -> list[Node]:
        out = [self.node(n, who, section) for n in nodes]
        return [n for n in out if n is not None]

    def node(self, node: Node, who: Who | None = None, section: str = "") -> Node | None:
        """``node`` with the others' tasks taken out; ``None`` when nothing of it is left for the unit."""
        own = _own(node)
        who = own or who
        here = node.title or (node.text if node.items else None) or section
        if not node.items and not node.paragraphs:
            text = node.text or node.title or ""
            return node if self._leaf(text, who, node.title or section, bool(own)) else None
        paragraphs = [p for p in node.paragraphs if self._leaf(p, who, here)]
        items = self.nodes(node.items, who, here)
        if (node.paragraphs or node.items) and not (paragraphs or items):
            return None
        if len(paragraphs) == len(node.paragraphs) and len(items) == len(node.items) and all(
            a is b for a, b in zip(items, node.items, strict=True)
        ):
            return node
        return node.model_copy(update={"paragraphs": paragraphs, "items": items})

    def _leaf(self, text: str, who: Who | None, section: str, own_known: bool = False) -> bool:
        """Is the leaf ``text`` kept (a task that falls to the unit, or no task at all)?"""
        mine = None if own_known else subject(text)
        who = mine or who
        if who is None:
            return True
        verdict = self.reader.decide(who[0], who[1], task=f"{section} {text}")
        self.tasks.append(Task(section, text, verdict, self.where))
        return verdict.kept
