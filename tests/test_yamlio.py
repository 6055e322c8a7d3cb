"""The shared YAML writer: what it writes loads back to the same document and never clobbers a file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.paths import PLANS

from cchc_docgen.errors import OutputExists
from cchc_docgen.loader import load_document
from cchc_docgen.yamlio import dump_document, dump_roundtrip, load_roundtrip, write_yaml


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_dump_loads_back_to_the_same_document(plan: Path, tmp_path: Path) -> None:
    doc = load_document(plan)
    text = dump_document(doc, header=["Nhập từ: thử nghiệm"])
    out = write_yaml(tmp_path / "again.yaml", text)
    assert load_document(out) == doc
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# Nhập từ: thử nghiệm" in text
    # block style, no line longer than the fold width plus indentation, no defaults written out
    assert all(len(line) <= 140 for line in text.splitlines()), max(text.splitlines(), key=len)
    assert "numbering: auto" not in text and "kind: ke_hoach" not in text


def test_short_forms_are_used(tmp_path: Path) -> None:
    doc = load_document(next(p for p in PLANS if p.stem.startswith("001")))
    text = dump_document(doc)
    assert "\ndate: {year: 2023, month: 1}\n" in text
    assert "\n  - title:" in text or "\n- title:" in text
    assert "paragraphs: []" not in text and ": null" not in text


def test_write_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ke_hoach.yaml"
    target.write_text("# của tôi\n", encoding="utf-8")
    with pytest.raises(OutputExists, match="không ghi đè"):
        write_yaml(target, "title: x\n")
    assert target.read_text(encoding="utf-8") == "# của tôi\n"
    write_yaml(target, "title: x\n", force=True)
    assert target.read_text(encoding="utf-8") == "title: x\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("umask, mode", [(0o002, 0o664), (0o022, 0o644), (0o077, 0o600)])
def test_written_file_follows_umask(tmp_path: Path, umask: int, mode: int) -> None:
    """The process umask (read once at start, never changed while writing) decides the mode, as for open()."""
    import subprocess
    import sys

    target = tmp_path / "a.yaml"
    code = f"from cchc_docgen.yamlio import write_yaml; write_yaml({str(target)!r}, 'title: x\\n')"
    subprocess.run([sys.executable, "-c", code], check=True, preexec_fn=lambda: os.umask(umask))
    assert target.stat().st_mode & 0o777 == mode


def test_roundtrip_keeps_comments_and_order(tmp_path: Path) -> None:
    src = tmp_path / "x.yaml"
    src.write_text("# đầu tệp\nb: 1   # chú thích\na:\n  - x\n  - y\n", encoding="utf-8")
    tree = load_roundtrip(src)
    tree["b"] = 2
    assert dump_roundtrip(tree) == "# đầu tệp\nb: 2   # chú thích\na:\n  - x\n  - y\n"


def test_yaml_writes_never_touch_the_process_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16.4: the web server writes from threads; flipping the umask there would make other files 0666."""
    import os
    import threading

    from cchc_docgen.atomic import file_mode
    from cchc_docgen.yamlio import write_yaml

    def no_umask(mask: int) -> int:
        raise AssertionError("os.umask called while writing")

    monkeypatch.setattr(os, "umask", no_umask)
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            for j in range(20):
                write_yaml(tmp_path / f"f{i}-{j}.yaml", f"a: {i}\n")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    written = sorted(tmp_path.glob("*.yaml"))
    assert len(written) == 80
    assert {p.stat().st_mode & 0o777 for p in written} == {file_mode()}
