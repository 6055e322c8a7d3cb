"""No module outside the shared recogniser (cchc_docgen/outline) finds Nơi nhận, Kính gửi, the signer's authority
line, an appendix heading or the type line by a pattern of its own (architecture.md §3: one NĐ30 outline
recogniser serves the checker and the importer)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cchc_docgen"
RECOGNISER = PACKAGE / "outline"
_REGEX_CALLS = {"compile", "match", "search", "fullmatch", "sub", "split", "findall", "finditer"}
_STR_CALLS = {"startswith", "endswith", "lstrip", "removeprefix"}
#: regex syntax dropped before the words are looked for
_SYNTAX = re.compile(r"\\[swbdSWBD][*+?]?|\(\?[:!=<]*|[()^$?*+|\[\]{}\\]")


def _words(text: str) -> str:
    return " ".join(_SYNTAX.sub(" ", text.lower()).split())


def _part_pattern(text: str) -> str | None:
    """The NĐ30 part ``text`` (a pattern or a literal) would find, or ``None``."""
    words = _words(text)
    if "nơi nhận" in words:
        return "Nơi nhận"
    if "kính gửi" in words:
        return "Kính gửi"
    if text.lstrip("^\\s*(?:W").lower().startswith(("phụ lục", "phụ\\s+lục")) and text.startswith("^"):
        return "dòng PHỤ LỤC"
    if "{authority}" in text.lower():
        return "quyền hạn ký (TM./KT./…)"
    return None


def _constants(node: ast.AST) -> list[str]:
    out = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            out.append(sub.value)
        elif isinstance(sub, ast.JoinedStr):
            out.append("".join(v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}"
                               for v in sub.values if isinstance(v, (ast.Constant, ast.FormattedValue))))
    return out


def offences(source: str) -> list[str]:
    """Where ``source`` matches a part of the outline by its own pattern."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        places: list[ast.AST] = []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            on_re = isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
            if (on_re and node.func.attr in _REGEX_CALLS) or node.func.attr in _STR_CALLS:
                places = node.args[:1]
        elif isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            places = [node.left]
        elif (isinstance(node, ast.ImportFrom) and node.module == "cchc_docgen.nd30words"
              and any(alias.name == "AUTHORITY" for alias in node.names)):
            found.append(f"dòng {node.lineno}: nhập AUTHORITY để tự dựng mẫu quyền hạn ký")
        for place in places:
            for text in _constants(place):
                part = _part_pattern(text)
                if part:
                    found.append(f"dòng {node.lineno}: {part} ({text[:50]!r})")
    return found


def test_the_check_catches_an_own_pattern() -> None:
    assert offences('import re\nX = re.compile(r"^\\W*Nơi nhận\\b", re.I)\n')
    assert offences('ok = line.lower().startswith("kính gửi")\n')
    assert offences('import re\nH = re.compile(r"^\\s*(PHỤ\\s+LỤC|Phụ\\s+lục)")\n')
    assert offences("from cchc_docgen.nd30words import AUTHORITY\n")
    assert offences('import re\nA = re.compile(rf"^{AUTHORITY}\\.\\s")\n')
    assert not offences('msg = "Không tìm thấy tiêu đề “Nơi nhận:”."\n')


def test_no_module_outside_the_recogniser_has_its_own_part_pattern() -> None:
    bad = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if RECOGNISER in path.parents:
            continue
        found = offences(path.read_text(encoding="utf-8"))
        if found:
            bad[str(path.relative_to(PACKAGE.parent))] = found
    assert not bad, bad
