"""How deep a YAML text nests, read from the characters alone (no parser, no recursion).

The composer (``compose.py``) refuses input nested deeper than ``limits.MAX_DEPTH`` while it builds nodes.
But a YAML library may give up first, each in its own way: libyaml refuses deep flow collections with
its own "maximum nesting depth" error (PyYAML ≥ 6.0.4), the pure-Python parser may hit Python's
recursion limit, and a future release may do something else again. When the library fails, the loader
asks this module whether the text is nested beyond the limit; if so, the user gets the project's own
message with the line, whatever the library said.

The estimate counts flow brackets (``[`` ``{``) outside quotes and comments, plus the block levels of the
line (indentation steps and compact ``- `` entries). It is used only to explain a failure, so counting a
bracket inside an odd plain scalar can at worst word an already failing file's message differently.
"""

from __future__ import annotations

from cchc_docgen import limits


def _block_levels(line: str, indents: list[int]) -> int:
    """Block levels opened by ``line``: its indentation step plus the compact ``- `` entries it starts with."""
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    while indents and indents[-1] > indent:
        indents.pop()
    if not indents or indents[-1] < indent:
        indents.append(indent)
    compact = 0
    rest = stripped
    while rest.startswith("- ") or rest == "-":
        compact += 1
        rest = rest[2:].lstrip(" ")
    return len(indents) + compact


def first_too_deep(text: str, limit: int = limits.MAX_DEPTH) -> int | None:
    """The 1-based line where the nesting of ``text`` first exceeds ``limit`` levels, or ``None``."""
    indents: list[int] = []
    flow = 0
    quote = ""
    for number, line in enumerate(text.splitlines(), 1):
        if not quote and flow == 0:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            block = _block_levels(line, indents)
            if block > limit:
                return number
        else:
            block = len(indents)
        previous = " "
        for char in line:
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"" and previous in " \t[{,:":
                quote = char
            elif char == "#" and previous in " \t":
                break
            elif char in "[{":
                flow += 1
                if block + flow > limit:
                    return number
            elif char in "]}":
                flow = max(0, flow - 1)
            previous = char
    return None
