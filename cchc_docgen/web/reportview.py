"""What the report page shows: the outline headings with a box per paragraph or item, the task rows, the outline.

The headings of the official outline are labels (they are fixed); what the clerk writes under them, the
Biểu mẫu figures and the task statuses are boxes, each saved on its own like the editor's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cchc_docgen.nd30words import point_letter, roman
from cchc_docgen.web.reportforms import FormView, form_views
from cchc_docgen.web.store import Loaded
from cchc_docgen.web.treeedit import shown
from cchc_docgen.web.wording import plain

#: label style by depth below the sections I–IV: 1., a), -
_STYLES = ("roman", "decimal", "letter", "dash")


@dataclass
class Box:
    name: str  # "l:body.0.items.1.paragraphs"
    label: str
    value: str
    long: bool = True

    @property
    def path(self) -> str:
        return self.name.partition(":")[2]


@dataclass
class Heading:
    anchor: str  # "n-body.1.items.0"
    label: str
    depth: int
    boxes: list[Box] = field(default_factory=list)
    children: list[Heading] = field(default_factory=list)
    summary: bool = False  # I.2: the program writes the progress figures after the clerk's paragraphs
    titled: bool = False

    @property
    def folds(self) -> bool:
        """A section, or a titled item with sub-items (II.1 … II.6), is a folded part the outline opens."""
        return self.depth == 0 or (self.depth == 1 and self.titled and bool(self.children))


def _clean(text: Any) -> str:
    return " ".join(str(text or "").replace("|", " ").replace("*", "").split())


def _number(style: str, index: int) -> str:
    if style == "roman":
        return f"{roman(index)}."
    if style == "decimal":
        return f"{index}."
    if style == "letter":
        return f"{point_letter(index)})"
    return "-"


def _heading(node: Any, path: str, depth: int, number: str) -> Heading:
    if not isinstance(node, dict):  # a bare paragraph (Section IV's numbered lines)
        return Heading(f"n-{path}", number or "Đoạn", depth, [Box(f"s:{path}.text", "Nội dung", shown("s", node))])
    title = _clean(node.get("title"))
    style = str(node.get("numbering") or "")
    mark = "" if style == "none" else "-" if style == "dash" else number
    label = f"{mark} {title}".strip() if title else (mark if mark not in ("", "-") else "")
    head = Heading(f"n-{path}", label or ("Ý gạch đầu dòng" if mark == "-" else "Đoạn"), depth,
                   summary=node.get("role") == "summary", titled=bool(title))
    items = node.get("items")
    children: list[Any] = items if isinstance(items, list) else []
    if "text" in node or not title:
        head.boxes.append(Box(f"s:{path}.text", "Nội dung" if title else "Nội dung đoạn", shown("s", node.get("text"))))
    if "paragraphs" in node or (title and not children and "text" not in node):
        label = "Các đoạn viết thêm (mỗi dòng một đoạn)" if head.summary else "Nội dung (mỗi dòng một đoạn)"
        head.boxes.append(Box(f"l:{path}.paragraphs", label, shown("l", node.get("paragraphs"))))
    style = _STYLES[min(depth + 1, len(_STYLES) - 1)]
    count = 0
    for i, child in enumerate(children):
        numbered = not (isinstance(child, dict) and child.get("numbering") in ("none", "dash"))
        count += numbered
        head.children.append(_heading(child, f"{path}.items.{i}", depth + 1, _number(style, count) if numbered else ""))
    return head


class ReportView:
    """Bound to one loaded report; the templates walk ``sections``, ``forms`` and ``tasks``."""

    def __init__(self, rel: str, loaded: Loaded) -> None:
        self.rel = rel
        self.loaded = loaded
        self.tree: Any = loaded.tree if isinstance(loaded.tree, dict) else {}
        nodes = self.tree.get("body")
        body: list[Any] = nodes if isinstance(nodes, list) else []
        self.sections = [_heading(n, f"body.{i}", 0, _number("roman", i + 1)) for i, n in enumerate(body)]
        self.forms: list[FormView] = form_views(loaded.document, self.tree)
        report = self.tree.get("report")
        self.info: dict[str, Any] = report if isinstance(report, dict) else {}
        self.tasks = [(i, t) for i, t in enumerate(self.info.get("tasks") or []) if isinstance(t, dict)]

    @property
    def version(self) -> str:
        return self.loaded.version

    @property
    def task_count(self) -> int:
        return sum(1 for _, t in self.tasks if not t.get("group"))

    @property
    def title(self) -> str:
        return _clean(self.tree.get("title")) or "Báo cáo chưa có trích yếu"

    @property
    def problems(self) -> list[str]:
        return [plain(p.message) for p in self.loaded.problems]

    def outline(self) -> list[tuple[str, str]]:
        """``(anchor, label)``: I, II.1 … II.6, III, IV, Biểu mẫu 1–7, Nhiệm vụ."""
        out: list[tuple[str, str]] = []
        for n, section in enumerate(self.sections, start=1):
            out.append((section.anchor, _short(section.label)))
            out += [(c.anchor, _short(f"{roman(n)}.{c.label}")) for c in section.children if c.folds]
        out += [(f"n-bm{f.number}", f"Biểu mẫu {f.number}") for f in self.forms]
        if self.tasks:
            out.append(("n-tasks", "Nhiệm vụ trong kỳ"))
        return out

    def opens(self, heading: Heading) -> bool:
        """Only the first section starts unfolded: the rest of a long report opens from the outline."""
        return bool(self.sections) and heading is self.sections[0]

    def messages(self, path: str) -> list[str]:
        """The loader's messages about the field at ``path`` (``report.tasks.3.status``)."""
        from cchc_docgen.web.fieldsave import dotted

        return [plain(p.message) for p in self.loaded.problems if p.key and dotted(p.key) == path]

    @staticmethod
    def plain(message: str) -> str:
        return plain(message)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
