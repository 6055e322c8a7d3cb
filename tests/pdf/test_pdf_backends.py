"""Choosing the converter, with fakes for PATH, the OS and docx2pdf (no real conversion)."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest
from pdf_helpers import skip_or_fail

from cchc_docgen.errors import DocgenError
from cchc_docgen.pdf import PdfError, backends, convert_many, select_engine

WIN_SOFFICE = r"C:\Program Files\LibreOffice\program\soffice.exe"
MAC_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def fake_machine(
    monkeypatch: pytest.MonkeyPatch,
    *,
    platform: str = "linux",
    on_path: dict[str, str] | None = None,
    files: tuple[str, ...] = (),
    dirs: tuple[str, ...] = (),
    modules: tuple[str, ...] = (),
    word_registered: bool = False,
) -> None:
    """Pretend to be a machine with these programs, files and importable modules."""
    on_path = on_path or {}
    monkeypatch.setattr(backends, "_platform", lambda: platform)
    monkeypatch.setattr(backends.shutil, "which", lambda name: on_path.get(name))
    monkeypatch.setattr(backends.os.path, "isfile", lambda p: str(p) in files)
    monkeypatch.setattr(backends.os.path, "isdir", lambda p: str(p) in dirs)
    monkeypatch.setattr(backends, "_module_available", lambda name: name in modules)
    if platform == "win32":
        monkeypatch.setattr(backends, "_word_installed", lambda: word_registered)
    for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"):
        monkeypatch.delenv(var, raising=False)


def assert_install_hint(error: PdfError) -> None:
    assert isinstance(error, DocgenError)
    assert error.exit_code == 1
    assert "Không tạo được PDF" in error.message
    assert "libreoffice.org" in error.message
    assert "apt-get install libreoffice-writer-nogui" in error.message
    assert 'pip install "cchc-docgen[word]"' in error.message
    assert "Microsoft Word" in error.message


def test_nothing_installed_raises_pdf_error_with_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="linux", modules=("docx2pdf",))
    with pytest.raises(PdfError) as caught:
        select_engine()
    assert_install_hint(caught.value)
    assert "LibreOffice hay Microsoft Word" in caught.value.message


def test_nothing_installed_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="win32", modules=("docx2pdf",), word_registered=False)
    with pytest.raises(PdfError) as caught:
        select_engine()
    assert_install_hint(caught.value)


def test_convert_many_raises_before_touching_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_machine(monkeypatch)
    with pytest.raises(PdfError):
        convert_many([tmp_path / "a.docx"])
    assert list(tmp_path.iterdir()) == []


def test_libreoffice_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, on_path={"soffice": "/usr/bin/soffice"})
    assert select_engine() == backends.Engine("libreoffice", "/usr/bin/soffice")


def test_libreoffice_command_name_also_found(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, on_path={"libreoffice": "/usr/local/bin/libreoffice"})
    assert select_engine().soffice == "/usr/local/bin/libreoffice"


def test_libreoffice_default_location_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="win32", files=(WIN_SOFFICE,))
    assert select_engine() == backends.Engine("libreoffice", WIN_SOFFICE)


def test_libreoffice_x86_location_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    x86 = r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"
    fake_machine(monkeypatch, platform="win32", files=(x86,))
    assert select_engine().soffice == x86


def test_libreoffice_default_location_on_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="darwin", files=(MAC_SOFFICE,))
    assert select_engine() == backends.Engine("libreoffice", MAC_SOFFICE)


def test_windows_location_not_used_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="linux", files=(WIN_SOFFICE, MAC_SOFFICE))
    assert backends.find_soffice() is None


def test_both_present_prefers_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(
        monkeypatch,
        platform="darwin",
        files=(MAC_SOFFICE,),
        dirs=(backends.MACOS_WORD,),
        modules=("docx2pdf",),
    )
    assert select_engine().name == "libreoffice"
    assert select_engine("libreoffice").name == "libreoffice"
    assert select_engine("word") == backends.Engine("word")


def test_only_word_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="win32", modules=("docx2pdf",), word_registered=True)
    assert select_engine() == backends.Engine("word")
    assert select_engine("word") == backends.Engine("word")


def test_only_word_on_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="darwin", dirs=(backends.MACOS_WORD,), modules=("docx2pdf",))
    assert select_engine().name == "word"


def test_word_without_docx2pdf_is_not_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="darwin", dirs=(backends.MACOS_WORD,))
    assert not backends.word_available()
    with pytest.raises(PdfError) as caught:
        select_engine("word")
    assert "docx2pdf" in caught.value.message
    assert_install_hint(caught.value)


def test_docx2pdf_on_linux_is_not_word(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="linux", modules=("docx2pdf",))
    assert not backends.word_available()


def test_forced_libreoffice_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="darwin", dirs=(backends.MACOS_WORD,), modules=("docx2pdf",))
    with pytest.raises(PdfError) as caught:
        select_engine("libreoffice")
    assert "LibreOffice" in caught.value.message
    assert_install_hint(caught.value)


def test_forced_word_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, on_path={"soffice": "/usr/bin/soffice"})
    with pytest.raises(PdfError):
        select_engine("word")


def test_unknown_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, on_path={"soffice": "/usr/bin/soffice"})
    with pytest.raises(ValueError, match="unknown PDF engine"):
        select_engine("pandoc")


def test_word_detection_does_not_import_docx2pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_machine(monkeypatch, platform="darwin", dirs=(backends.MACOS_WORD,), modules=("docx2pdf",))
    monkeypatch.delitem(sys.modules, "docx2pdf", raising=False)
    backends.word_available()
    assert "docx2pdf" not in sys.modules


def test_package_import_is_light() -> None:
    code = (
        "import sys, cchc_docgen.pdf\n"
        "heavy = [m for m in ('docx', 'docx2pdf', 'lxml', 'cchc_docgen.pdf.libreoffice', "
        "'cchc_docgen.pdf.word', 'concurrent.futures') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- the Word backend, with a fake docx2pdf module ---------------------------------------


def install_fake_docx2pdf(monkeypatch: pytest.MonkeyPatch, convert: object) -> list[tuple[str, str, bool]]:
    calls: list[tuple[str, str, bool]] = []

    def recording_convert(src: str, out: str, keep_active: bool = False) -> None:
        calls.append((src, out, keep_active))
        convert(src, out)  # type: ignore[operator]

    module = types.ModuleType("docx2pdf")
    module.convert = recording_convert  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "docx2pdf", module)
    monkeypatch.setattr(backends, "word_available", lambda: True)
    monkeypatch.setattr(backends, "find_soffice", lambda: None)
    return calls


def test_word_backend_writes_pdfs_and_keeps_word_open_between_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def convert(src: str, out: str) -> None:
        print("progress bar noise", file=sys.stderr)
        Path(out).write_bytes(b"%PDF-1.7\n" + Path(src).name.encode() + b"\n%%EOF\n")

    calls = install_fake_docx2pdf(monkeypatch, convert)
    docs = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for doc in docs:
        doc.write_bytes(b"")  # not checked: the fake converts anything
    monkeypatch.setattr("cchc_docgen.pdf.check_source", lambda src: None)
    results = convert_many(docs)
    assert [r.pdf for r in results] == [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF-")
    assert [keep for _, _, keep in calls] == [True, False]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf", "b.docx", "b.pdf"]


def test_word_failure_keeps_existing_pdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def convert(src: str, out: str) -> None:
        raise RuntimeError("Word crashed")

    install_fake_docx2pdf(monkeypatch, convert)
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"")
    (tmp_path / "a.pdf").write_bytes(b"OLD")
    monkeypatch.setattr("cchc_docgen.pdf.check_source", lambda src: None)
    [result] = convert_many([doc], engine="word")
    assert result.pdf is None and result.error is not None
    assert "Microsoft Word không chuyển được tệp a.docx" in result.error
    assert (tmp_path / "a.pdf").read_bytes() == b"OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf"]


def test_docx2pdf_on_unsupported_os_is_a_pdf_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def convert(src: str, out: str) -> None:
        raise NotImplementedError("docx2pdf is not implemented for linux")

    install_fake_docx2pdf(monkeypatch, convert)
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"")
    monkeypatch.setattr("cchc_docgen.pdf.check_source", lambda src: None)
    with pytest.raises(PdfError, match="Windows và macOS"):
        convert_many([doc], engine="word")


def test_missing_libreoffice_skips_locally_but_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must convert"):
        skip_or_fail("LibreOffice (soffice) is not installed")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        skip_or_fail("LibreOffice (soffice) is not installed")
