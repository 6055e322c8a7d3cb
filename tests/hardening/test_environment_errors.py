"""Environment errors are user errors (exit 1, advice in Vietnamese), and outputs follow the umask."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import STARTER, cli, copies, temp_files
from support.paths import ROOT

from cchc_docgen import outputs


@contextlib.contextmanager
def small_fs(where: Path, size_kb: int, readonly: bool = False) -> Iterator[bool]:
    """Mount a small tmpfs at ``where`` when allowed (root with CAP_SYS_ADMIN); yields whether it worked."""
    where.mkdir(parents=True, exist_ok=True)
    opts = f"size={size_kb}k" + (",ro" if readonly else "")
    mounted = shutil.which("mount") is not None and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(where)], capture_output=True).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _render(plan: Path, out: Path, *extra: str, preexec=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cchc_docgen", "render", str(plan), "-o", str(out), *extra],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          preexec_fn=preexec)


def _changed_plan(tmp_path: Path) -> Path:
    plan = copies(STARTER, tmp_path / "plans", 1)[0]
    return plan


def test_disk_full_keeps_the_old_output_and_state(tmp_path: Path) -> None:
    plan = _changed_plan(tmp_path)
    out = tmp_path / "disk"
    with small_fs(out, 400) as mounted:
        first = _render(plan, out)
        assert first.returncode == 0, first.stderr
        old_docx, old_state = (out / "kh000.docx").read_bytes(), (out / outputs.STATE_FILE).read_bytes()
        plan.write_text(STARTER.read_text(encoding="utf-8").replace("archive:", "# đổi\narchive:"), encoding="utf-8")
        if mounted:  # fill the small filesystem, leaving less than a document
            free = shutil.disk_usage(out).free
            (out / "filler.bin").write_bytes(b"\0" * max(0, free - 8 * 1024))
            run = _render(plan, out, "--force")
        else:  # no mount allowed: the same failure through a file-size limit
            def cap() -> None:
                import resource

                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))

            run = _render(plan, out, "--force", preexec=cap)
        assert run.returncode == 1, run.stderr
        assert "ổ đĩa đã đầy" in run.stderr or "kích thước tối đa" in run.stderr
        assert "Traceback" not in run.stderr and "lỗi nội bộ" not in run.stderr
        assert (out / "kh000.docx").read_bytes() == old_docx
        assert (out / outputs.STATE_FILE).read_bytes() == old_state and json.loads(old_state)
        assert temp_files(out) == []


def test_read_only_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _changed_plan(tmp_path)
    out = tmp_path / "ro"
    with small_fs(out, 64, readonly=True) as mounted:
        if mounted or os.geteuid() != 0:
            if not mounted:
                out.chmod(0o555)
            run = cli("render", str(plan), "-o", str(out))
            out.chmod(0o755) if not mounted else None
            assert run.code == 1, run.err
            assert "chỉ cho đọc" in run.err or "không có quyền" in run.err
            assert "Traceback" not in run.err and "lỗi nội bộ" not in run.err
            return
    # root without mount rights: simulate the kernel's answer
    from cchc_docgen.cli import main

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(out))

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["render", str(plan), "-o", str(tmp_path / "o2")]) == 1


@pytest.mark.parametrize("err, words", [(errno.EACCES, "không có quyền"), (errno.EROFS, "chỉ cho đọc"),
                                        (errno.ENOSPC, "ổ đĩa đã đầy")])
def test_os_errors_anywhere_are_user_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys,
                                            err: int, words: str) -> None:
    from cchc_docgen.cli import main

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err), "x")

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["render", str(_changed_plan(tmp_path)), "-o", str(tmp_path / "out")]) == 1
    text = capsys.readouterr().err
    assert words in text and "lỗi nội bộ" not in text
    assert temp_files(tmp_path / "out") == []


def test_output_folder_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("một tệp", encoding="utf-8")
    for out in (target, target / "sub"):
        run = cli("render", str(_changed_plan(tmp_path)), "-o", str(out))
        assert run.code == 1 and ("là tệp" in run.err or "trùng tên" in run.err), run.err
        assert "lỗi nội bộ" not in run.err
    assert target.read_text(encoding="utf-8") == "một tệp"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("umask, mode", [(0o002, 0o664), (0o022, 0o644), (0o077, 0o600)])
def test_outputs_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    out = tmp_path / "out"
    run = _render(_changed_plan(tmp_path), out, preexec=lambda: os.umask(umask))
    assert run.returncode == 0, run.stderr
    assert (out / "kh000.docx").stat().st_mode & 0o777 == mode
    assert (out / outputs.STATE_FILE).stat().st_mode & 0o777 == mode


def test_schema_output_is_atomic_and_never_follows_a_link(tmp_path: Path) -> None:
    """Issue 19: 'schema -o' on a full disk truncated the old file, and wrote through a symbolic link."""
    target = tmp_path / "schema.json"
    assert cli("schema", "-o", str(target)).code == 0
    old = target.read_bytes()
    assert json.loads(old)["title"]

    def cap() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4 * 1024, 4 * 1024))

    full = subprocess.run([sys.executable, "-m", "cchc_docgen", "schema", "-o", str(target)], capture_output=True,
                          text=True, preexec_fn=cap, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert full.returncode == 1, full.stderr
    assert "Traceback" not in full.stderr and "lỗi nội bộ" not in full.stderr
    assert target.read_bytes() == old and temp_files(tmp_path) == []
    secret = tmp_path / "secret.txt"
    secret.write_text("không được ghi đè", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(secret)
    run = cli("schema", "-o", str(link))
    assert run.code == 1 and "liên kết" in run.err
    assert secret.read_text(encoding="utf-8") == "không được ghi đè" and link.is_symlink()
