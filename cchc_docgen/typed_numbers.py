"""``validate`` warnings for numbers typed by hand at the start of a text ("2.1.", "a)", "- ", "III.").

The renderer numbers every item itself, so a typed number either doubles the printed one ("a) a) Nâng cao …")
or stands where a ``numbering`` / ``items_numbering`` setting should be. Each warning names that setting.
"""

from __future__ import annotations

from collections.abc import Iterator

from cchc_docgen.errors import Problem
from cchc_docgen.loader.messages import key_path, line_of
from cchc_docgen.models import Document, Node

#: typed marker kind → the ``numbering`` value that prints it
SETTING = {"roman": "roman", "decimal": "decimal", "letter": "letter", "dash": "dash", "plus": "plus",
           "nested1": "nested", "nested2": "nested", "nested3": "nested"}


def _typed(text: str) -> tuple[str, str] | None:
    from cchc_docgen.importer.patterns import marker

    found = marker(text.replace("**", "", 2) if text.startswith("**") else text)
    return (SETTING[found[0]], found[1]) if found else None


def _nodes(items: list[Node], path: tuple[object, ...]) -> Iterator[tuple[tuple[object, ...], Node]]:
    for i, node in enumerate(items):
        yield (*path, i), node
        yield from _nodes(node.items, (*path, i, "items"))


def typed_number_warnings(doc: Document, lines: dict[tuple[object, ...], int], file: str) -> list[Problem]:
    found: list[Problem] = []

    def warn(path: tuple[object, ...], message: str) -> None:
        found.append(Problem(file, line_of(lines, path), key_path(path), message))

    for path, node in _nodes(list(doc.body), ("body",)):
        key = "title" if node.title else "text"
        first = node.title or node.text or ""
        typed = _typed(first)
        if typed:
            setting, label = typed
            if node.numbering == "none":
                warn((*path, key), f"'{label}' được gõ tay ở đầu mục; hãy xóa nó và ghi 'numbering: {setting}' "
                                   f"cho mục này (hoặc 'items_numbering: {setting}' ở mục cha) để chương trình "
                                   "tự đánh số.")
            else:
                warn((*path, key), f"'{label}' được gõ tay ở đầu mục nhưng chương trình đã tự đánh số mục này, "
                                   f"nên số sẽ in hai lần; hãy xóa '{label}' (muốn kiểu số này thì ghi "
                                   f"'numbering: {setting}').")
        for j, para in enumerate(node.paragraphs):
            typed = _typed(para)
            if typed:
                setting, label = typed
                warn((*path, "paragraphs", j),
                     f"đoạn văn bắt đầu bằng '{label}' gõ tay; hãy chuyển nó thành một mục con trong 'items' và "
                     f"ghi 'items_numbering: {setting}' ở mục này để chương trình tự đánh số.")
    return found
