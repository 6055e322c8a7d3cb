"""Property-based and fuzz suite (issue #9) over the loader, the CLI and ``check``.

Every input runs through the real CLI in a sandbox child process (memory cap, per-input timeout; see
``fuzz_sandbox``). For every input the suite asserts: no traceback, no exit 70 (internal error), no hang,
no crash, no memory exhaustion; for ``render`` also no temporary file left, and either a complete new DOCX
(every part parses strictly; the signer is in it) or the previous DOCX byte for byte (nothing lost).

The figures (inputs per category and outcomes) are printed at the end of the pytest run. Examples are
derandomized so CI is reproducible; set ``CCHC_FUZZ_RANDOM=1`` to explore new inputs, and
``CCHC_FUZZ_SCALE=4`` to try four times as many.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import unicodedata
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from fuzz_sandbox import FIGURES, Result, Sandbox
from helpers import STARTER, temp_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from support.paths import PLANS

from cchc_docgen import limits

SCALE = float(os.environ.get("CCHC_FUZZ_SCALE", "1"))
SETTINGS = {"deadline": None, "derandomize": not os.environ.get("CCHC_FUZZ_RANDOM"), "database": None,
            "suppress_health_check": list(HealthCheck)}
BASES = [p.read_text(encoding="utf-8") for p in PLANS]
KEY_LINE = re.compile(r"^(\s*(?:- )?)([A-Za-z_]+):", re.M)


def examples(n: int) -> Any:
    return settings(max_examples=max(1, int(n * SCALE)), **SETTINGS)


@cache
def base_output() -> Path:
    """A good earlier output (``plan.docx`` and its state file), copied into every render's output folder."""
    from cchc_docgen.pipeline import render_plan

    folder = Path(tempfile.mkdtemp(prefix="cchc-fuzz-base-"))
    shutil.copy(STARTER, folder / "plan.yaml")
    render_plan(folder / "plan.yaml", folder / "out")
    return folder / "out"


def _sane(result: Result, what: str) -> None:
    text = result.err + result.out
    assert result.status == "ok", f"{what}: {result.status}"
    assert result.code in (0, 1, 2), f"{what}: exit {result.code}\n{text[-3000:]}"
    assert "Traceback" not in text and "lỗi nội bộ" not in text, f"{what}:\n{text[-3000:]}"
    assert "không đủ bộ nhớ" not in text, f"{what}: memory exhausted"


def _record(category: str, command: str, result: Result) -> None:
    FIGURES[category][f"{command} exit {result.code}" if result.status == "ok" else result.status] += 1


def _strict_text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name), etree.XMLParser(huge_tree=True))
        root = etree.fromstring(z.read("word/document.xml"), etree.XMLParser(huge_tree=True))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return "\n".join("".join(t.text or "" for t in p.iter(f"{w}t")) for p in root.iter(f"{w}p"))


def exercise(sandbox: Sandbox, category: str, data: bytes, commands: tuple[str, ...] = ("validate", "render")) -> None:
    FIGURES[category]["inputs"] += 1
    with tempfile.TemporaryDirectory(prefix="cchc-fuzz-") as tmp:
        folder = Path(tmp)
        plan, out = folder / "plan.yaml", folder / "out"
        plan.write_bytes(data)
        shutil.copytree(base_output(), out)
        before = (out / "plan.docx").read_bytes()
        for command in commands:
            argv = [command, str(plan), *(["-o", str(out), "-j", "1"] if command == "render" else [])]
            result = sandbox.run(argv, folder)
            _record(category, command, result)
            _sane(result, f"{category}/{command} on {data[:300]!r}")
            if command != "render":
                continue
            assert temp_files(out) == [], "temporary file left behind"
            if result.code != 0:
                assert (out / "plan.docx").read_bytes() == before, "a failed run changed the earlier output"
                continue
            text = _strict_text(out / "plan.docx")
            from cchc_docgen.loader import load_document

            doc = load_document(plan)
            if doc.signer is not None and doc.signer.name.strip():
                assert " ".join(doc.signer.name.split()) in text, "signer missing from a successful render"


# --- strategies ------------------------------------------------------------------------------------------------

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**20), st.floats(allow_nan=True),
                    st.text(max_size=60), st.dates().map(str), st.sampled_from(["~", "yes", "no", "2022-02-30",
                                                                                "0x1F", ".inf", "&a", "*b", "!!str"]))
VALUES = st.recursive(SCALARS, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=12), kids,
                                                                                           max_size=4), max_leaves=12)
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=80)
KEYS = ["kind", "issuer", "number", "date", "title", "preamble", "body", "closing", "appendices", "signer",
        "recipients", "archive", "footnotes", "addressees", "period_note", "year"]


@st.composite
def random_plans(draw: Any) -> dict[str, Any]:
    plan: dict[str, Any] = {
        "issuer": {"parent": draw(TEXT), "name": draw(TEXT), "abbreviation": draw(TEXT), "place": draw(TEXT)},
        "title": draw(TEXT),
        "body": draw(st.lists(st.fixed_dictionaries({"title": TEXT, "items": st.lists(TEXT, max_size=3)}),
                              min_size=1, max_size=3)),
        "signer": {"title": draw(TEXT), "name": draw(TEXT)},
        "recipients": draw(st.lists(TEXT, max_size=3)),
    }
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=4)):
        plan[key] = draw(VALUES)
    for _ in range(draw(st.integers(0, 2))):
        plan[draw(st.text(max_size=10))] = draw(VALUES)
    return plan


def _dump(plan: Any) -> bytes:
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def mutated(draw: Any) -> bytes:
    lines = draw(st.sampled_from(BASES)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "insert", "truncate", "chars"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif op == "insert":
            lines.insert(i, draw(st.text(max_size=40)) + "\n")
        elif op == "truncate":
            lines = lines[:i]
        else:
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(st.text(min_size=1, max_size=5)) + lines[i][pos:]
    return "".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def key_changes(draw: Any) -> bytes:
    text = draw(st.sampled_from(BASES))
    keys = list(KEY_LINE.finditer(text))
    for _ in range(draw(st.integers(1, 3))):
        m = draw(st.sampled_from(keys))
        key = m.group(2)
        how = draw(st.sampled_from(["duplicate", "typo", "rename", "case", "accent"]))
        if how == "duplicate":
            end = text.index("\n", m.end()) + 1 if "\n" in text[m.end():] else len(text)
            text = text[:end] + text[m.start():end] + text[end:]
            break
        new = {"typo": key[:-1] + key[-1] * 2 if len(key) > 1 else key + "x",
               "rename": draw(st.text(st.characters(whitelist_categories=["Ll", "Lu"]), min_size=1, max_size=10)),
               "case": key.upper(), "accent": key.replace("a", "á", 1) if "a" in key else key + "ề"}[how]
        text = text[: m.start(2)] + new + text[m.end(2):]
        keys = list(KEY_LINE.finditer(text))
    return text.encode("utf-8", "surrogatepass")


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*path, i))
    return found


@st.composite
def wrong_types(draw: Any) -> bytes:
    plan = yaml.safe_load(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(plan)[1:]))
        parent = plan
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = draw(VALUES)
    return _dump(plan)


@st.composite
def encodings(draw: Any) -> bytes:
    text = draw(st.sampled_from(BASES))
    how = draw(st.sampled_from(["utf16", "utf16-le-nobom", "utf16-be", "bom", "crlf", "cr", "nfd", "invalid-utf8",
                                "control", "emoji", "latin1", "zero-width", "line-separator", "nul"]))
    if how == "utf16":
        return text.encode("utf-16")
    if how == "utf16-le-nobom":
        return text.encode("utf-16-le")
    if how == "utf16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if how == "bom":
        return b"\xef\xbb\xbf" + text.encode()
    if how == "crlf":
        return text.replace("\n", "\r\n").encode()
    if how == "cr":
        return text.replace("\n", "\r").encode()
    if how == "nfd":
        return unicodedata.normalize("NFD", text).encode()
    if how == "latin1":
        return text.encode("latin-1", "replace")
    data = text.encode()
    pos = draw(st.integers(0, len(data)))
    insert = {"invalid-utf8": draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"])),
              "control": chr(draw(st.sampled_from([*range(1, 9), 11, 12, *range(14, 32), 127, 0x85]))).encode(),
              "emoji": draw(st.sampled_from(["😀", "👨‍👩‍👧", "🇻🇳", "\U0001f9d1\u200d\U0001f4bb"])).encode(),
              "zero-width": "\u200b\ufeff\u200d".encode(), "line-separator": "\u2028".encode(), "nul": b"\0"}[how]
    if how == "emoji":  # into a value, so that it reaches the document
        m = draw(st.sampled_from(list(re.finditer(rb"title: ", data))))
        pos = m.end()
    return data[:pos] + insert + data[pos:]


@st.composite
def oversized(draw: Any) -> bytes:
    kind = draw(st.sampled_from(["alias", "deep-flow", "deep-block", "deep-map", "string", "file", "many"]))
    if kind == "alias":
        width, depth = draw(st.integers(2, 12)), draw(st.integers(2, 10))
        lines = ["a0: &a0 [" + ", ".join(['"x"'] * width) + "]"]
        lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, depth)]
        return ("\n".join(lines) + "\n").encode()
    levels = draw(st.sampled_from([50, 99, 100, 101, 1000, 50_000, 200_000]))
    if kind == "deep-flow":
        return ("title: " + "[" * levels + "]" * levels + "\n").encode()
    if kind == "deep-block":
        return ("title:\n" + "- " * levels + "x\n").encode()
    if kind == "deep-map":
        return ("title: " + "{a: " * min(levels, 20_000) + "1" + "}" * min(levels, 20_000) + "\n").encode()
    if kind == "string":
        n = draw(st.sampled_from([limits.MAX_STRING - 1, limits.MAX_STRING + 1, 3 * limits.MAX_STRING]))
        return STARTER.read_text(encoding="utf-8").replace("title:", f"title: {'ă' * n}\nx_title:", 1).encode()
    if kind == "file":
        return b"# " + b"x" * (limits.MAX_INPUT_BYTES + draw(st.integers(-10, 10))) + b"\n"
    return ("\n".join(f"k{i}: {i}" for i in range(draw(st.sampled_from([1000, 100_000])))) + "\n").encode()


# --- properties ----------------------------------------------------------------------------------------------


@examples(40)
@given(random_plans())
def test_random_plans(sandbox: Sandbox, plan: dict[str, Any]) -> None:
    exercise(sandbox, "random plans", _dump(plan))


@examples(80)
@given(mutated())
def test_mutated_plans(sandbox: Sandbox, data: bytes) -> None:
    exercise(sandbox, "mutated plans", data)


@examples(40)
@given(key_changes())
def test_duplicated_and_renamed_keys(sandbox: Sandbox, data: bytes) -> None:
    exercise(sandbox, "duplicated/renamed keys", data)


@examples(40)
@given(wrong_types())
def test_wrong_types(sandbox: Sandbox, data: bytes) -> None:
    exercise(sandbox, "wrong types", data)


@examples(60)
@given(encodings())
def test_encodings_and_characters(sandbox: Sandbox, data: bytes) -> None:
    exercise(sandbox, "encodings", data)


@examples(30)
@given(oversized())
def test_limits(sandbox: Sandbox, data: bytes) -> None:
    exercise(sandbox, "limits", data)


TOKENS = ["render", "validate", "check", "schema", "-o", "--pdf-engine", "word", "libreoffice", "--template",
          "--force", "-j", "0", "-1", "100", "2", "abc", "--strict", "--format", "json", "text", "--traceback-x",
          "--help", "--version", "{plan}", "{missing}", "{folder}", "{docx}", "{glob}", "{out}", "{file}", "", "-"]


@examples(60)
@given(st.sampled_from(TOKENS[:4]), st.lists(st.sampled_from(TOKENS), max_size=7))
def test_cli_arguments(sandbox: Sandbox, command: str, tokens: list[str]) -> None:
    FIGURES["cli arguments"]["inputs"] += 1
    with tempfile.TemporaryDirectory(prefix="cchc-fuzz-") as tmp:
        folder = Path(tmp)
        shutil.copy(STARTER, folder / "plan.yaml")
        shutil.copy(base_output() / "plan.docx", folder / "van_ban.docx")
        (folder / "a_file").write_text("x")
        names = {"{plan}": "plan.yaml", "{missing}": "khong_co.yaml", "{folder}": ".", "{docx}": "van_ban.docx",
                 "{glob}": "*.yaml", "{out}": "out", "{file}": "a_file"}
        argv = [command, *(names.get(t, t) for t in tokens)]
        result = sandbox.run(argv, folder)
        _record("cli arguments", command, result)
        _sane(result, f"cli {argv}")
        assert temp_files(folder) == [] and temp_files(folder / "out") == []


@st.composite
def broken_docx(draw: Any) -> bytes:
    original = (base_output() / "plan.docx").read_bytes()
    how = draw(st.sampled_from(["flip", "truncate", "xml-cut", "xml-garbage", "drop-part", "deep-xml", "huge-text"]))
    if how == "flip":
        data = bytearray(original)
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if how == "truncate":
        return original[: draw(st.integers(0, len(original)))]
    parts = {}
    with zipfile.ZipFile(io.BytesIO(original)) as z:
        for name in z.namelist():
            parts[name] = z.read(name)
    doc = parts["word/document.xml"]
    if how == "xml-cut":
        a, b = sorted(draw(st.lists(st.integers(0, len(doc)), min_size=2, max_size=2)))
        parts["word/document.xml"] = doc[:a] + doc[b:]
    elif how == "xml-garbage":
        pos = draw(st.integers(0, len(doc)))
        parts["word/document.xml"] = doc[:pos] + draw(st.binary(min_size=1, max_size=30)) + doc[pos:]
    elif how == "drop-part":
        del parts[draw(st.sampled_from(sorted(parts)))]
    elif how == "deep-xml":
        n = draw(st.sampled_from([100, 300, 3000]))
        body = b"<w:body>" + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 0
        nested = b"<w:sdt><w:sdtContent>" * n + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * n
        parts["word/document.xml"] = doc.replace(body, body + nested, 1)
    else:
        parts["word/document.xml"] = doc.replace(b"<w:t>", b"<w:t>" + b"a" * 3_000_000, 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


@examples(50)
@given(broken_docx(), st.sampled_from([[], ["--format", "json"], ["--strict"]]))
def test_check_on_broken_documents(sandbox: Sandbox, data: bytes, extra: list[str]) -> None:
    FIGURES["check docx"]["inputs"] += 1
    with tempfile.TemporaryDirectory(prefix="cchc-fuzz-") as tmp:
        docx = Path(tmp) / "van_ban.docx"
        docx.write_bytes(data)
        result = sandbox.run(["check", str(docx), *extra], Path(tmp))
        _record("check docx", "check", result)
        _sane(result, f"check {extra}")
        assert result.code in (0, 1)
