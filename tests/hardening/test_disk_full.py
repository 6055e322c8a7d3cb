"""Issue #19: a full disk, for every command that writes: a Vietnamese message that says to free space (exit 1),
no traceback, the user's existing files untouched, nothing half-written left behind.

The disk is filled by fault injection (``support.fulldisk``: writes under the output folder fail with ENOSPC
after ``free`` bytes), so the tests run anywhere; ``test_environment_errors`` also uses a real small tmpfs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import temp_files
from support.fulldisk import full_disk
from support.paths import ROOT, soffice_or_skip
from test_environment_errors import small_fs

from cchc_docgen.cli import main

PLAN = ROOT / "plans" / "005_phong_van_lam_tuyen_truyen_2023.yaml"
DOCX = ROOT / "tests" / "data" / "realdocs" / "kh_tuyentruyen_cchc_2026.docx"
UNIT = ROOT / "examples" / "units" / "thcs_lac_hong.yaml"
UNITS = ROOT / "examples" / "units" / "cac_truong_van_lam.yaml"
OLD = b"OLD CONTENT: the user's own file\n"

#: command (``{out}``: the full folder) → the existing file it would replace
COMMANDS = {
    "render": (["render", str(PLAN), "-o", "{out}", "--force"], "005_phong_van_lam_tuyen_truyen_2023.docx"),
    "import": (["import", str(DOCX), "-o", "{out}/plan.yaml", "--force"], "plan.yaml"),
    "report": (["report", str(PLAN), "--period", "q1", "-o", "{out}/bc.yaml", "--force"], "bc.yaml"),
    "rollover": (["rollover", str(PLAN), "--year", "2024", "-o", "{out}/next.yaml", "--force"], "next.yaml"),
    "derive": (["derive", str(PLAN), "--unit", str(UNIT), "-o", "{out}/child.yaml", "--force"], "child.yaml"),
    "derive-units": (["derive", str(PLAN), "--units", str(UNITS), "-o", "{out}", "--force"], "mnnq.yaml"),
    "schema": (["schema", "-o", "{out}/schema.json"], "schema.json"),
}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("free", [0, 3000])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_full_disk_is_a_clear_error_and_keeps_the_users_files(name: str, free: int, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    args, existing = COMMANDS[name]
    out = tmp_path / "disk"
    out.mkdir()
    (out / existing).write_bytes(OLD)
    before = _files(out)
    full_disk(monkeypatch, out, free)
    code = main([a.replace("{out}", str(out)) for a in args])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "ổ đĩa đã đầy" in err and "rồi chạy lại" in err
    assert "Traceback" not in err and "lỗi nội bộ" not in err
    assert _files(out) == before  # the old file as it was; nothing half-written, no temporary file left


@pytest.mark.parametrize("name", ["render", "rollover", "schema"])
def test_the_same_commands_succeed_with_room_left(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The injected disk itself is sound: with room left, the commands above write their files."""
    args, existing = COMMANDS[name]
    out = tmp_path / "disk"
    out.mkdir()
    full_disk(monkeypatch, out, 10 * 1024 * 1024)
    assert main([a.replace("{out}", str(out)) for a in args]) == 0
    assert (out / existing).stat().st_size > 1000 and temp_files(out) == []


@pytest.mark.slow
def test_full_disk_while_placing_the_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The DOCX fits but the PDF does not: the message is about the disk (not 'a file open elsewhere')."""
    soffice_or_skip()
    out = tmp_path / "disk"
    out.mkdir()
    (out / "005_phong_van_lam_tuyen_truyen_2023.pdf").write_bytes(OLD)
    before = _files(out)["005_phong_van_lam_tuyen_truyen_2023.pdf"]
    full_disk(monkeypatch, out, 45_000)  # room for the DOCX (about 31 KB), not for the PDF (about 66 KB)
    code = main(["render", str(PLAN), "--pdf", "-o", str(out), "--force"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "ổ đĩa đã đầy" in err and "đang mở trong chương trình khác" not in err and "Traceback" not in err
    assert _files(out)["005_phong_van_lam_tuyen_truyen_2023.pdf"] == before
    assert temp_files(out) == []


@pytest.mark.slow
def test_libreoffice_on_a_full_temporary_disk_is_not_called_a_broken_file(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          capsys) -> None:
    """LibreOffice cannot make its profile on a full temporary folder (exit 77): say so, not 'file broken'."""
    soffice_or_skip()
    scratch = tmp_path / "small-tmp"
    with small_fs(scratch, 64) as mounted:
        if not mounted:
            pytest.skip("needs a small tmpfs (mount rights)")
        monkeypatch.setattr(tempfile, "tempdir", str(scratch))
        (scratch / "filler").write_bytes(b"\0" * max(0, shutil.disk_usage(scratch).free - 4096))
        code = main(["render", str(PLAN), "--pdf", "-o", str(tmp_path / "out")])
        err = capsys.readouterr().err
    assert code == 1, err
    assert "ổ đĩa chứa thư mục tạm" in err and "đã đầy" in err and "bị hỏng" not in err, err
    assert "Traceback" not in err
