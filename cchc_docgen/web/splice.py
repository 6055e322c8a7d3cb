"""Fast re-writing of a round-trip YAML tree after a one-field change: only the changed part is dumped again.

Dumping a whole 30-page document with ruamel takes about half a second; a field save must not. The text of a
parsed file is cut into nested *chunks* along the tree (one per mapping key and per list item, found from
ruamel's line numbers). After a field changes, only the smallest chunk holding it is dumped again (inside a
wrapper that reproduces its indentation) and put back in place. A chunk is used only after a dump of its
unchanged value gave exactly its text; otherwise its parent is tried, and at the top the whole tree is dumped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc_docgen.yamlio import dump_roundtrip

Key = str | int


@dataclass
class Chunk:
    """The text of the tree node at ``path``: either ``text`` (a leaf) or ``parts`` (raw text and sub-chunks).

    ``col`` is the column where the node starts on its first line; what stands before it on that line
    (indentation, a list dash) never changes with the node's value and is kept from the file.
    """

    path: tuple[Key, ...]
    col: int
    text: str = ""
    parts: list[str | Chunk] | None = None
    checked: bool = False

    def render(self) -> str:
        if self.parts is None:
            return self.text
        return "".join(p if isinstance(p, str) else p.render() for p in self.parts)


def _block(node: Any) -> bool:
    """A block mapping or list (flow ones like ``{year: 2025}`` are dumped as a whole)."""
    if not isinstance(node, (CommentedMap, CommentedSeq)) or not len(node):
        return False
    return not node.fa.flow_style()


def _starts(node: Any) -> list[tuple[Key, int, int]]:
    """``(key, line, col)`` of each key or item of a block collection."""
    if isinstance(node, CommentedMap):
        return [(k, *node.lc.key(k)) for k in node]
    return [(i, *node.lc.item(i)) for i in range(len(node))]


def build(tree: Any, text: str) -> Chunk:
    """The chunks of ``text``, which ``tree`` was parsed from."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    root = Chunk((), 0)
    root.parts = _split(tree, (), text, offsets, 0, len(lines), 0)
    return root


def _split(node: Any, path: tuple[Key, ...], text: str, offsets: list[int], first: int, end: int,
           col: int) -> list[str | Chunk]:
    """Parts of lines ``first``..``end`` holding ``node``: the text before its first key, then a chunk per key."""
    starts = _starts(node)
    lines = [line for _, line, _ in starts]
    if not starts or lines != sorted(lines) or lines[0] < first or lines[-1] >= end or len(set(lines)) != len(lines):
        raise ValueError("unexpected layout")
    parts: list[str | Chunk] = [text[offsets[first]:offsets[lines[0]]]] if lines[0] > first else []
    for n, (key, line, kcol) in enumerate(starts):
        stop = lines[n + 1] if n + 1 < len(lines) else end
        value = node[key]
        chunk = Chunk((*path, key), kcol)
        inner = _inner_start(value, line)
        if _block(value) and inner is not None and inner < stop:
            try:
                chunk.parts = _split(value, chunk.path, text, offsets, line, stop, kcol)
            except ValueError:
                chunk.parts = None
        if chunk.parts is None:
            chunk.text = text[offsets[line]:offsets[stop]]
        parts.append(chunk)
    return parts


def _inner_start(value: Any, line: int) -> int | None:
    if not _block(value):
        return None
    starts = _starts(value)
    return starts[0][1] if starts else None


def _wrapper(tree: Any, path: tuple[Key, ...]) -> tuple[Any, int]:
    """A tree holding only the node at ``path`` at the same depth, and how many lines come before it."""
    node: Any = tree
    chain: list[tuple[Any, Key]] = []
    for key in path:
        chain.append((node, key))
        node = node[key]
    inner: Any = node
    prefix = 0
    for holder, key in reversed(chain):
        if isinstance(holder, CommentedSeq):
            outer: Any = CommentedSeq([inner])
            if key in holder.ca.items:
                outer.ca.items[0] = holder.ca.items[key]
        else:
            outer = CommentedMap([(key, inner)])
            if key in holder.ca.items:
                outer.ca.items[key] = holder.ca.items[key]
            prefix += 1
        inner = outer
    if path and isinstance(path[-1], str):
        prefix -= 1  # a key's own line is the first line of its chunk
    return inner, prefix


def _dumped(tree: Any, chunk: Chunk, first_line: str) -> str | None:
    """The chunk's text as the dumper writes it now (``None`` when the wrapper is not like the file)."""
    wrapper, prefix = _wrapper(tree, chunk.path)
    lines = dump_roundtrip(wrapper).splitlines(keepends=True)[prefix:]
    if not lines or len(lines[0]) < chunk.col:
        return None
    lines[0] = first_line[: chunk.col] + lines[0][chunk.col :]
    return "".join(lines)


@dataclass
class Spliced:
    """A chunked text that follows one round-trip tree through field edits."""

    tree: Any
    root: Chunk
    full_dumps: int = field(default=0)

    @classmethod
    def of(cls, tree: Any, text: str) -> Spliced:
        try:
            return cls(tree, build(tree, text))
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls(tree, Chunk((), 0, text=text, checked=True))

    def holder(self, path: list[Key]) -> list[Chunk]:
        """The chain of chunks from the root down to the deepest one holding ``path``."""
        chain = [self.root]
        while chain[-1].parts is not None:
            nxt = next((p for p in chain[-1].parts if isinstance(p, Chunk)
                        and tuple(path[: len(p.path)]) == p.path), None)
            if nxt is None:
                break
            chain.append(nxt)
        return chain

    def prepare(self, path: list[Key]) -> Chunk:
        """Before changing ``path``: the deepest chunk holding it whose dump is known to match its text."""
        for chunk in reversed(self.holder(path)):
            if not chunk.path:
                return chunk
            if chunk.checked:
                return chunk
            text = chunk.render()
            try:
                same = _dumped(self.tree, chunk, text) == text
            except (KeyError, IndexError, TypeError):
                same = False
            if same:
                chunk.checked = True
                return chunk
        return self.root

    def redo(self, chunk: Chunk) -> str:
        """After the change: dump ``chunk`` again and return the whole new text."""
        if not chunk.path:
            self.root = Chunk((), 0, text=dump_roundtrip(self.tree), checked=True)
            self.full_dumps += 1
            return self.root.text
        first = chunk.render()
        try:
            new = _dumped(self.tree, chunk, first)
        except (KeyError, IndexError, TypeError):  # the node is gone: write everything again
            new = None
        if new is None:
            return self.redo(self.root)
        chunk.text, chunk.parts, chunk.checked = new, None, True
        return self.root.render()
