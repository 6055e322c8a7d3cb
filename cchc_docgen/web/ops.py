"""Structural edits the editor's buttons ask for: add, remove, move, indent and outdent list items.

An operation is ``verb|path`` where ``path`` names a list item (``body.0.items.2``) or, for ``append``, a list
(``body``, ``appendices.0.rows``, ``recipients``). Items keep their comments when they move.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc_docgen.web.treeedit import NEW_TEXT, EditError, Path, _container, get, parse_path

VERBS = ("up", "down", "remove", "after", "child", "indent", "outdent", "append", "group_after")


def new_item(tree: Any, list_path: Path, group: bool = False) -> Any:
    """A fresh, valid item for the list at ``list_path``."""
    owner = list_path[-1]
    if owner in ("body", "items"):
        return NEW_TEXT
    if owner in ("rows", "subrows"):
        appendix = get(tree, list_path[:2]) or {}
        if group:
            return CommentedMap([("group", "Nhóm nhiệm vụ mới")])
        columns = [c for c in appendix.get("columns", []) if isinstance(c, dict) and not c.get("numbers")]
        key = columns[0]["key"] if columns else "task"
        return CommentedMap([(key, "Nhiệm vụ mới")])
    if owner == "appendices":
        return new_appendix()
    if owner == "recipients":
        return "Nơi nhận mới"
    if owner == "addressees":
        return "Cơ quan nhận"
    return NEW_TEXT


def new_appendix() -> CommentedMap:
    """A task-table appendix with the columns plans use most, and one row to fill in."""
    columns = CommentedSeq()
    for key, label, width, extra in (("tt", "TT", 12, {"numbers": True, "align": "center"}),
                                     ("task", "Nội dung nhiệm vụ", 90, {}), ("lead", "Đơn vị chủ trì", 40, {}),
                                     ("time", "Thời gian thực hiện", 34, {"align": "center"}),
                                     ("product", "Sản phẩm", 30, {})):
        column = CommentedMap([("key", key), ("label", label), ("width", width), *extra.items()])
        column.fa.set_flow_style()
        columns.append(column)
    return CommentedMap([("title", CommentedSeq(["Các nhiệm vụ cụ thể"])), ("columns", columns),
                         ("rows", CommentedSeq([CommentedMap([("task", "Nhiệm vụ mới")])]))])


def apply_op(tree: Any, op: str) -> str | None:
    """Carry out ``op``; returns the path to scroll to afterwards (``None`` if nothing to show)."""
    verb, _, dotted = op.partition("|")
    if verb not in VERBS:
        raise EditError(op)
    path = parse_path(dotted)
    if verb == "append":
        seq = get(tree, path)
        if seq is None:
            holder = _container(tree, [*path, 0]) if len(path) > 1 else tree
            seq = holder.setdefault(path[-1], CommentedSeq()) if isinstance(holder, dict) else None
        if not isinstance(seq, list):
            raise EditError(op)
        seq.append(new_item(tree, path))
        return ".".join(map(str, [*path, len(seq) - 1]))
    index = path[-1]
    seq = get(tree, path[:-1])
    if not isinstance(index, int) or not isinstance(seq, list) or not 0 <= index < len(seq):
        raise EditError(op)
    parent = path[:-1]
    here = ".".join(map(str, path))
    if verb == "remove":
        del seq[index]
        return ".".join(map(str, parent))
    if verb in ("up", "down"):
        other = index - 1 if verb == "up" else index + 1
        if 0 <= other < len(seq):
            seq[index], seq[other] = seq[other], seq[index]
            return ".".join(map(str, [*parent, other]))
        return here
    if verb in ("after", "group_after"):
        seq.insert(index + 1, new_item(tree, parent, group=verb == "group_after"))
        return ".".join(map(str, [*parent, index + 1]))
    if verb == "child":
        node = _container(tree, [*path, "items"])
        items = node.setdefault("items", CommentedSeq())
        items.append(new_item(tree, [*path, "items"]))
        return ".".join(map(str, [*path, "items", len(items) - 1]))
    if verb == "indent":
        if index == 0:
            return here  # nothing before it to go under
        previous = _container(tree, [*parent, index - 1, "items"])
        items = previous.setdefault("items", CommentedSeq())
        items.append(seq.pop(index))
        return ".".join(map(str, [*parent, index - 1, "items", len(items) - 1]))
    # outdent: from X.items.k to just after X in X's list
    if len(path) < 4 or path[-2] != "items":
        return here
    owner_path = path[:-2]
    owner_index = owner_path[-1]
    owner_seq = get(tree, owner_path[:-1])
    if not isinstance(owner_index, int) or not isinstance(owner_seq, list):
        raise EditError(op)
    item = seq.pop(index)
    owner_seq.insert(owner_index + 1, item)
    return ".".join(map(str, [*owner_path[:-1], owner_index + 1]))
