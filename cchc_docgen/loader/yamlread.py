"""YAML text → plain Python data plus the line of every key path.

Uses libyaml (``CSafeLoader``) when available. Problems found while reading (syntax errors, duplicate keys,
dates that do not exist) are returned as ``Problem``s instead of raised, so every problem is reported at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from cchc_docgen.errors import Problem
from cchc_docgen.loader.compose import TOO_DEEP, TooBig, compose
from cchc_docgen.loader.depth import first_too_deep
from cchc_docgen.loader.messages import syntax_problem

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[object, ...]


@dataclass(frozen=True)
class BadDate:
    """A date-looking scalar that is not on the calendar (``2022-02-30``)."""

    raw: str


@dataclass
class ReadResult:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class _DocLoader(_Loader):  # type: ignore[misc, valid-type]
    """Safe loader that turns impossible dates into ``BadDate`` instead of raising."""


def _construct_timestamp(loader: Any, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return BadDate(str(node.value))


_DocLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _index_lines(node: yaml.Node, path: Path, out: ReadResult, file: str, seen_nodes: set[int] | None = None) -> None:
    """Record the line of every key path; each node is walked once, even when aliases repeat it."""
    seen_nodes = set() if seen_nodes is None else seen_nodes
    out.lines[path] = node.start_mark.line + 1
    if id(node) in seen_nodes:
        return
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if isinstance(key, list):  # a list or mapping used as a key: reported by the schema check
                continue
            if key in seen:
                out.problems.append(
                    Problem(file, line, ".".join(map(str, path + (key,))),
                            f"khóa '{key}' bị viết hai lần (lần đầu ở dòng {seen[key]}); hãy xóa một lần.")
                )
            seen[key] = line
            out.lines[path + (key,)] = line
            _index_lines(value_node, path + (key,), out, file, seen_nodes)
            out.lines[path + (key,)] = line  # the key's own line wins over its value's
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, path + (i,), out, file, seen_nodes)


class _PureDocLoader(yaml.SafeLoader):
    """The same loader on PyYAML's pure-Python parser (where libyaml is missing)."""


_PureDocLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_yaml(text: str, file: str, *, pure: bool = False) -> ReadResult:
    """Parse ``text``; never raises for bad input (limits included).

    ``pure`` selects PyYAML's pure-Python parser instead of libyaml (tests use it to check both).
    A failure of the library on text nested beyond ``limits.MAX_DEPTH`` (libyaml's own depth limit, a
    ``RecursionError``) is reported with the project's nesting message, not the library's words.
    """
    try:
        return _read(text, file, _PureDocLoader if pure else _DocLoader)
    except (yaml.YAMLError, RecursionError) as exc:
        deep = first_too_deep(text)
        if deep is not None:
            return ReadResult(None, problems=[Problem(file, deep, "", TOO_DEEP)])
        if isinstance(exc, RecursionError):
            raise
        return ReadResult(None, problems=[syntax_problem(exc, file, text)])


def _read(text: str, file: str, loader_class: Any) -> ReadResult:
    try:
        loader = loader_class(text)
        try:
            node = compose(loader)
            if node is None:
                return ReadResult(None)
            result = ReadResult(None)
            _index_lines(node, (), result, file)
            result.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except TooBig as exc:
        return ReadResult(None, problems=[Problem(file, exc.line, "", exc.message)])
    result.problems.extend(_bad_dates(result.data, (), result, file))
    return result


def _bad_dates(value: Any, path: Path, result: ReadResult, file: str) -> list[Problem]:
    found: list[Problem] = []
    if isinstance(value, BadDate):
        found.append(
            Problem(file, result.lines.get(path), ".".join(map(str, path)),
                    f"ngày '{value.raw}' không có trên lịch; hãy sửa lại ngày, tháng (dạng YYYY-MM-DD).")
        )
    elif isinstance(value, dict):
        for key, item in value.items():
            found += _bad_dates(item, path + (key,), result, file)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _bad_dates(item, path + (i,), result, file)
    return found


def is_datetime(value: object) -> bool:
    return isinstance(value, dt.datetime)
