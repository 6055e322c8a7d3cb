# mypy: disable-error-code="arg-type"
# (the PyYAML stubs type marks from libyaml and from the pure-Python parser as different classes)
"""YAML events → node graph, without recursion and within the limits.

PyYAML's composers recurse once per nesting level (deep input: ``RecursionError``, or a crash of the C
loader) and let aliases multiply a tiny file into billions of nodes for whoever walks the result. This
composer reads the parser's events in a loop, and while it builds the nodes it counts

- the nesting depth (``MAX_DEPTH``),
- the nodes, each alias counted as a full copy of the node it repeats (``MAX_NODES``),
- the length of every text value (``MAX_STRING``),

and stops with ``TooBig`` (a Vietnamese message and a line) as soon as one is exceeded. An alias that
refers to a node still being built (a cycle) is refused too: no later step could walk it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    MappingStartEvent,
    ScalarEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cchc_docgen import limits

#: Characters a Word document (XML 1.0) cannot hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


#: The message for input nested deeper than the limit, whoever notices it (this composer or the YAML library).
TOO_DEEP = (f"dữ liệu lồng nhau quá {limits.MAX_DEPTH} tầng. Hãy kiểm tra thụt lề "
            "và các dấu ngoặc [ ] { } chưa đóng.")


class TooBig(Exception):
    """The input is refused while being read (a limit, a cycle, a character Word cannot hold)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


@dataclass
class _Open:
    node: Node
    size: int = 1
    key: Node | None = None
    children: list[Any] = field(default_factory=list)


def _line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def compose(loader: Any) -> Node | None:
    """The single document of ``loader``'s stream as a node graph (``None`` for an empty stream)."""
    if loader.check_event(StreamStartEvent):
        loader.get_event()
    if loader.check_event(StreamEndEvent):
        loader.get_event()
        return None
    loader.get_event()  # DocumentStartEvent
    root = _compose_document(loader)
    loader.get_event()  # DocumentEndEvent
    if not loader.check_event(StreamEndEvent):
        event = loader.peek_event()
        raise TooBig(_line(event), "tệp chỉ được chứa một văn bản; hãy xóa dòng '---' hoặc '...' thứ hai.")
    return root


def _compose_document(loader: Any) -> Node:
    anchors: dict[str, Node] = {}
    sizes: dict[int, int] = {}
    stack: list[_Open] = []
    total = 0
    root: Node | None = None
    while not loader.check_event(DocumentEndEvent):
        event: Any = loader.get_event()
        if isinstance(event, AliasEvent):
            node = anchors.get(event.anchor)
            if node is None:
                raise TooBig(_line(event), f"bí danh '*{event.anchor}' chưa được khai báo bằng '&{event.anchor}'.")
            if id(node) not in sizes:
                raise TooBig(_line(event), f"bí danh '*{event.anchor}' tự tham chiếu vào chính nó; hãy bỏ bí danh này.")
            size = added = sizes[id(node)]
        elif isinstance(event, ScalarEvent):
            if len(event.value) > limits.MAX_STRING:
                raise TooBig(_line(event), f"đoạn văn bản dài {len(event.value):,} ký tự, vượt giới hạn "
                                           f"{limits.MAX_STRING:,} ký tự. Hãy chia thành nhiều đoạn ngắn hơn.")
            bad = _NOT_XML.search(event.value)
            if bad:
                raise TooBig(_line(event), f"văn bản có ký tự điều khiển không in được (U+{ord(bad.group()):04X}), "
                                           "thường do chép từ phần mềm khác. Hãy xóa ký tự đó (gõ lại đoạn văn bản).")
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(ScalarNode, event.value, event.implicit)
            node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            size = added = 1
            if event.anchor is not None:
                anchors[event.anchor] = node
                sizes[id(node)] = 1
        elif isinstance(event, CollectionStartEvent):
            if len(stack) >= limits.MAX_DEPTH:
                raise TooBig(_line(event), TOO_DEEP)
            kind = MappingNode if isinstance(event, MappingStartEvent) else SequenceNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(kind, None, event.implicit)
            opened = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if event.anchor is not None:
                anchors[event.anchor] = opened
            stack.append(_Open(opened))
            total += 1
            continue
        else:  # SequenceEndEvent / MappingEndEvent
            done = stack.pop()
            node, size, added = done.node, done.size, 0  # its nodes were counted as they were built
            node.end_mark = event.end_mark
            sizes[id(node)] = size
        total += added
        if total > limits.MAX_NODES:
            raise TooBig(_line(event), f"tệp có quá nhiều phần tử (hơn {limits.MAX_NODES:,}, tính cả các bí danh "
                                       "'*tên' lặp lại). Hãy bỏ bớt bí danh hoặc chia thành nhiều tệp.")
        if not stack:
            root = node
            continue
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.node, SequenceNode):
            parent.node.value.append(node)
        elif parent.key is None:
            parent.key = node
        else:
            parent.node.value.append((parent.key, node))
            parent.key = None
    assert root is not None
    return root
