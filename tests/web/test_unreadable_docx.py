"""Corrupt, truncated, encrypted and zip-bomb DOCX files: `check`, `import` and the web upload pages all
report them with the one reader's Vietnamese reason (exit 1 / HTTP 400, never a traceback or a 500)."""

from __future__ import annotations

import html
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from support.broken_docx import bad_deflate

from cchc_docgen import limits
from cchc_docgen.cli import main
from cchc_docgen.ooxml.package import UnreadablePackage, open_package
from tests.web.conftest import csrf

REALDOC = Path(__file__).resolve().parents[1] / "data" / "realdocs" / "ttr_xa_khong_matuy.docx"


def _truncated(path: Path) -> None:
    """A real document cut in half, as an interrupted download leaves it."""
    data = REALDOC.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _encrypted(path: Path) -> None:
    """Word's password protection stores the package inside an OLE compound file."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)


def _zip_bomb(path: Path) -> None:
    """A few kilobytes that inflate to 4 MB, four times the part budget set by the ``small_budget`` fixture."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (4 * 1024 * 1024) + b"</w:document>")


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "corrupt-zlib": (bad_deflate, "bị hỏng"),
    "truncated": (_truncated, "không trọn vẹn"),
    "encrypted": (_encrypted, "mật khẩu"),
    "zip-bomb": (_zip_bomb, "quá lớn"),
}


@pytest.fixture(autouse=True)
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOCX_PART_BYTES", 1024 * 1024)


def _make(tmp_path: Path, case: str) -> tuple[Path, str]:
    make, words = CASES[case]
    path = tmp_path / f"{case}.docx"
    make(path)
    with pytest.raises(UnreadablePackage) as caught:
        open_package(path)
    assert words in caught.value.reason
    assert path.stat().st_size < 64 * 1024 or case == "truncated"  # a bomb is small until inflated
    return path, caught.value.reason


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_and_import_report_the_same_reason(case: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path, reason = _make(tmp_path, case)
    for command in (["check", str(path)], ["import", str(path), "-o", str(tmp_path / "out.yaml")]):
        assert main(command) == 1, command
        err = capsys.readouterr().err
        assert err.startswith("cchc-docgen: lỗi: ") and reason in err and "Traceback" not in err, (command, err)
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize("case", sorted(CASES))
def test_web_check_and_import_answer_400_with_the_same_reason(case: str, tmp_path: Path, app_factory) -> None:
    path, reason = _make(tmp_path, case)
    client = app_factory()
    for url in ("/check", "/new/import"):
        token = csrf(client, url)
        response = client.post(url, data={"csrf": token}, files={"file": ("van-ban.docx", path.read_bytes())})
        assert response.status_code == 400, (url, response.status_code)
        assert reason in html.unescape(response.text) and "Không đọc được tệp “van-ban.docx”" in response.text, url
