"""One test per input attack of issue #9; each fails if its guard is removed.

Inputs that would exhaust the machine without the guard run in a subprocess with a memory cap and a
timeout, so a regression fails the test instead of taking the machine down.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from helpers import STARTER, cli, template_with

from cchc_docgen import limits
from cchc_docgen.errors import InputError, TemplateProblem

# 377 bytes that expand to 9**9 = 387 million strings when every alias is walked as a copy
ALIAS_BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def _plan(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    assert len(ALIAS_BOMB.encode()) <= 400
    run = cli("validate", str(_plan(tmp_path, ALIAS_BOMB)), timeout=30, memory_mb=1024)
    assert run.code == 1, run.err
    assert "quá nhiều phần tử" in run.err and "bí danh" in run.err and "Traceback" not in run.err


def test_aliases_within_the_limit_still_work(tmp_path: Path) -> None:
    from cchc_docgen.loader import read_yaml

    result = read_yaml("x: &a [1, 2]\ny: *a\nz: {<<: {k: 1}, j: 2}\n", "t.yaml")
    assert result.problems == [] and result.data["y"] == [1, 2] and result.data["z"] == {"k": 1, "j": 2}
    assert result.lines[("y",)] == 2


def test_recursive_alias_is_refused() -> None:
    from cchc_docgen.loader import read_yaml

    result = read_yaml("a: &x [1, *x]\n", "t.yaml")
    assert result.data is None and "tự tham chiếu" in result.problems[0].message


@pytest.mark.parametrize("levels", [1_000, 50_000])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_a_user_error(tmp_path: Path, levels: int, style: str) -> None:
    flow = "title: " + "[" * levels + "]" * levels + "\n"
    block = "title:\n" + "- " * levels + "x\n"  # compact block sequences: one level per "- "
    text = flow if style == "flow" else block
    run = cli("render", str(_plan(tmp_path, text)), "-o", str(tmp_path / "out"), timeout=60, memory_mb=1024)
    assert run.code == 1, run.err
    assert f"quá {limits.MAX_DEPTH} tầng" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(("style", "levels"), [(style, levels) for style in ("flow", "block", "indented")
                                               for levels in (101, 1_000, 50_000)
                                               if style != "indented" or levels <= 1_000])  # text grows as n²
def test_deep_nesting_message_with_both_loaders(levels: int, style: str, pure: bool) -> None:
    from cchc_docgen.loader import read_yaml

    texts = {
        "flow": "title: " + "[" * levels + "]" * levels + "\n",
        "block": "title:\n" + "- " * levels + "x\n",
        "indented": "".join(" " * i + f"k{i}:\n" for i in range(levels)) + " " * levels + "x\n",
    }
    result = read_yaml(texts[style], "t.yaml", pure=pure)
    assert result.data is None
    assert [p.message for p in result.problems] == [
        f"dữ liệu lồng nhau quá {limits.MAX_DEPTH} tầng. Hãy kiểm tra thụt lề và các dấu ngoặc [ ] {{ }} chưa đóng."
    ]
    assert result.problems[0].line is not None and result.problems[0].line <= levels + 1


@pytest.mark.parametrize("failure", ["yaml-error", "recursion"])
def test_deep_nesting_message_whatever_the_library_raises(monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    """A YAML library that gives up on deep input in its own words (a future release) still gets our message."""
    import yaml

    from cchc_docgen.loader import yamlread

    def fail(text: str, file: str, loader_class: object) -> object:
        if failure == "recursion":
            raise RecursionError("maximum recursion depth exceeded")
        raise yaml.YAMLError("some new words for a depth limit")

    monkeypatch.setattr(yamlread, "_read", fail)
    deep = yamlread.read_yaml("title: " + "{a: " * 500 + "}" * 500 + "\n", "t.yaml")
    assert deep.problems[0].line == 1 and f"quá {limits.MAX_DEPTH} tầng" in deep.problems[0].message
    shallow_text = "title: [1, 2\n"
    if failure == "recursion":
        with pytest.raises(RecursionError):  # a real bug, not the user's nesting: exit 70 with --traceback
            yamlread.read_yaml(shallow_text, "t.yaml")
    else:
        shallow = yamlread.read_yaml(shallow_text, "t.yaml")
        assert "tầng" not in shallow.problems[0].message and "lỗi cú pháp YAML" in shallow.problems[0].message


def test_nesting_estimate_accepts_every_example_plan() -> None:
    from cchc_docgen.loader.depth import first_too_deep

    plans = sorted(STARTER.parent.glob("*.yaml"))
    assert plans
    for plan in plans:
        assert first_too_deep(plan.read_text(encoding="utf-8")) is None, plan


def test_huge_string_is_refused(tmp_path: Path) -> None:
    long_title = f"title: {'x' * (limits.MAX_STRING + 1)}\nold_title:"
    text = STARTER.read_text(encoding="utf-8").replace("title:", long_title, 1)
    run = cli("render", str(_plan(tmp_path, text)), "-o", str(tmp_path / "out"), timeout=60)
    assert run.code == 1 and "vượt giới hạn" in run.err and "ký tự" in run.err
    assert not (tmp_path / "out").exists()


def test_file_size_limit(tmp_path: Path) -> None:
    from cchc_docgen.loader import read_text

    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * limits.MAX_INPUT_BYTES + b"\n")
    with pytest.raises(limits.LimitExceeded, match="lớn hơn"):
        read_text(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_device_inputs_do_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "ke_hoach.yaml"
    os.mkfifo(fifo)
    for arg in (str(fifo), "/dev/zero"):
        run = cli("validate", arg, timeout=20, memory_mb=512)
        assert run.code == 1 and "không phải tệp thông thường" in run.err, run.err


def test_utf16_and_bom_files_are_read(tmp_path: Path) -> None:
    from cchc_docgen.loader import load_document

    text = STARTER.read_text(encoding="utf-8")
    variants = [text.encode("utf-16"), b"\xef\xbb\xbf" + text.encode(), text.replace("\n", "\r\n").encode()]
    for i, data in enumerate(variants):
        path = tmp_path / f"p{i}.yaml"
        path.write_bytes(data)
        assert load_document(path).title


# --- templates -----------------------------------------------------------------------------------------------


def _render_with(tmp_path: Path, template: Path, *extra: str) -> tuple[int, str, Path]:
    out = tmp_path / "out"
    run = cli("render", str(STARTER), "-o", str(out), "--template", str(template), *extra, timeout=120, memory_mb=1536)
    return run.code, run.err, out / "mau_ke_hoach.docx"


def test_zip_bomb_template(tmp_path: Path) -> None:
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(STARTER.parent.parent / "templates" / "ke_hoach.docx") as zin, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("word/media/padding.bin", b"\0" * (limits.MAX_TEMPLATE_UNZIPPED + 1))
    assert bomb.stat().st_size < 1_000_000  # small on disk, huge unzipped
    code, err, docx = _render_with(tmp_path, bomb)
    assert code == 1 and "khi giải nén quá lớn" in err and not docx.exists()


@pytest.mark.parametrize(
    "snippet, expected",
    [
        ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}", "range()"),
        ("{{ range(10**9)|length }}", "số quá lớn"),
        ("{{ 'a' * 10**9 }}", "nhân một chuỗi"),
        ("{{ 'a'|center(10**9) }}", "số quá lớn"),
        ("{{ 7 ** (10 ** 8) }}", "lũy thừa"),
    ],
)
def test_template_loops_and_sizes_are_bounded(tmp_path: Path, snippet: str, expected: str) -> None:
    code, err, docx = _render_with(tmp_path, template_with(tmp_path, f"<w:p><w:r><w:t>{snippet}</w:t></w:r></w:p>"))
    assert code == 1, err
    assert "vượt quá giới hạn" in err and expected in err and not docx.exists()


def test_template_render_time_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_docgen.pipeline import render_plan

    monkeypatch.setattr(limits, "MAX_RENDER_SECONDS", 1.0)
    endless = "{% set x = [1] %}{% for i in x %}{% if x.append(1) %}{% endif %}{% endfor %}"
    template = template_with(tmp_path, f"<w:p><w:r><w:t>{endless}</w:t></w:r></w:p>")
    with pytest.raises(TemplateProblem, match="quá 1 giây"):
        render_plan(STARTER, tmp_path / "out", template=template)
    assert not (tmp_path / "out" / "mau_ke_hoach.docx").exists()


def test_malformed_xml_from_a_template_is_not_recovered(tmp_path: Path) -> None:
    """docxtpl's recovering parser would drop everything after the broken tag and report success."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "mau_ke_hoach.docx").write_bytes(b"previous")
    template = template_with(tmp_path, "<w:p><w:r><w:t>{{ '&lt;w:p&gt;'|safe }}</w:t></w:r></w:p>")
    code, err, docx = _render_with(tmp_path, template, "--force")
    assert code == 1 and "không hợp lệ" in err
    assert docx.read_bytes() == b"previous"  # even with --force: nothing replaced by a broken document


def test_output_is_verified_against_the_context(tmp_path: Path) -> None:
    """A template that hides the signer (here: behind an always-false test) is caught before writing."""
    from cchc_docgen.pipeline import render_plan

    src = zipfile.ZipFile(STARTER.parent.parent / "templates" / "ke_hoach.docx").read("word/document.xml").decode()
    assert "{{ signer.name }}" in src
    template = tmp_path / "hidden.docx"
    with zipfile.ZipFile(STARTER.parent.parent / "templates" / "ke_hoach.docx") as zin, \
            zipfile.ZipFile(template, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = src.replace("{{ signer.name }}", "{{ '' if signer else signer.name }}").encode()
            zout.writestr(info, data)
    with pytest.raises(TemplateProblem, match="người ký"):
        render_plan(STARTER, tmp_path / "out", template=template)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.docx"))


def test_verify_checks_recipients_appendices_and_sections() -> None:
    from lxml import etree

    from cchc_docgen.docx_guard import verify

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = etree.fromstring(f'<w:body xmlns:w="{w}"><w:p><w:r><w:t>- Sở Nội vụ;</w:t></w:r></w:p>'
                            '<w:sectPr><w:pgSz/><w:pgMar/></w:sectPr></w:body>')
    verify(body, {"recipients": ["- Sở Nội vụ;"]}, "recipients", "t.docx")
    with pytest.raises(TemplateProblem, match="nơi nhận"):
        verify(body, {"recipients": ["- Sở Nội vụ;", "- Lưu: VT."]}, "recipients", "t.docx")
    with pytest.raises(TemplateProblem, match="phụ lục"):
        verify(body, {"appendices": [{"heading": "Phụ lục"}]}, "appendices", "t.docx")
    bare = etree.fromstring(f'<w:body xmlns:w="{w}"><w:sectPr><w:pgSz/></w:sectPr></w:body>')
    with pytest.raises(TemplateProblem, match="thiết lập trang"):
        verify(bare, {}, "", "t.docx")


def test_corrupt_template_is_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    code, err, docx = _render_with(tmp_path, bad)
    assert code == 1 and "Traceback" not in err and "lỗi nội bộ" not in err and not docx.exists()
    broken = tmp_path / "thieu.docx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<w:document")
    code, err, docx = _render_with(tmp_path, broken)
    assert code == 1 and "Traceback" not in err and "lỗi nội bộ" not in err, err


def test_input_error_is_input_error() -> None:
    assert issubclass(limits.LimitExceeded, InputError)
