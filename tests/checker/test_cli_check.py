"""``cchc-docgen check``: exit codes, text and JSON output, unreadable files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from gooddoc import build_good, save_good
from mutations import month_zero_padded, qh_not_bold
from support.broken_docx import bad_deflate

from cchc_docgen.cli import main


def _save(tmp_path: Path, mutate, name: str) -> Path:  # type: ignore[no-untyped-def]
    doc = build_good()
    mutate(doc)
    path = tmp_path / name
    doc.save(str(path))
    return path


def test_good_document_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good_path = save_good(tmp_path)
    assert main(["check", str(good_path)]) == 0
    assert "ĐẠT" in capsys.readouterr().out


def test_must_finding_exits_1_with_rule_and_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path, qh_not_bold, "qh.docx")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "KHÔNG ĐẠT" in out and "[MUST] H1 Quốc hiệu" in out and "Cách sửa:" in out and "in đậm" in out


def test_should_only_fails_with_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path, month_zero_padded, "d2.docx")
    assert main(["check", str(path)]) == 0
    assert "[SHOULD] D2" in capsys.readouterr().out
    assert main(["check", "--strict", str(path)]) == 1


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good_path = save_good(tmp_path)
    bad = _save(tmp_path, qh_not_bold, "qh.docx")
    assert main(["check", "--format", "json", str(good_path), str(bad)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["exit_code"] == 1
    first, second = data["files"]
    assert first["ok"] is True and first["findings"] == []
    assert second["ok"] is False and second["must"] == 1
    assert set(second["findings"][0]) == {"rule_id", "level", "location", "excerpt", "message", "fix"}
    assert second["findings"][0]["rule_id"] == "H1"


def _ole(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)


def _corrupt_zip(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 50)


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")


def _broken_xml(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><w:body>")


@pytest.mark.parametrize(
    "make,words",
    [
        (lambda p: p.write_bytes(b""), "tệp rỗng"),
        (lambda p: p.write_text("Kế hoạch số 07", encoding="utf-8"), "không phải văn bản Word"),
        (_ole, "mật khẩu"),
        (_corrupt_zip, "bị hỏng"),
        (_zip_without_document, "thiếu word/document.xml"),
        (_broken_xml, "bị hỏng"),
        (bad_deflate, "x.docx: phần “word/document.xml” của tệp .docx bị hỏng"),
    ],
    ids=["empty", "text", "encrypted", "corrupt-zip", "not-word-zip", "broken-xml", "bad-deflate"],
)
def test_unreadable_files_exit_1_without_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make,
    words: str,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "x.docx"
    make(path)
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    assert "cchc-docgen: lỗi:" in captured.err and words in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_missing_file_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "khong_co.docx")]) == 2
    err = capsys.readouterr().err
    assert "cchc-docgen: lỗi:" in err and "không tìm thấy tệp" in err


def test_check_docx_raises_input_error(tmp_path: Path) -> None:
    from cchc_docgen.checker import check_docx
    from cchc_docgen.errors import InputError, UsageError

    (tmp_path / "e.docx").write_bytes(b"")
    with pytest.raises(InputError):
        check_docx(tmp_path / "e.docx")
    with pytest.raises(UsageError):
        check_docx(tmp_path / "missing.docx")


REALDOCS = Path(__file__).resolve().parents[1] / "data" / "realdocs"


def test_document_outside_nd30_gets_one_line_and_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    speech = REALDOCS / "ext_bo_tuphap.docx"  # a conference speech ("THAM LUẬN")
    assert main(["check", "--strict", str(speech)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "KHÔNG THUỘC PHẠM VI" in out[0] and "THAM LUẬN" in out[0]
    assert main(["check", "--format", "json", str(speech)]) == 0
    data = json.loads(capsys.readouterr().out)["files"][0]
    assert data["kind"] == "outside" and data["findings"] == [] and data["note"]


def test_kind_is_named_in_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(REALDOCS / "cv_giao_3653_vpcp.docx")])
    out = capsys.readouterr().out
    assert "[công văn]" in out and code == (1 if "[MUST]" in out else 0)
    assert main(["check", str(REALDOCS / "odd_phuluc_bc_cchc.docx")]) == 1
    out = capsys.readouterr().out
    assert "[phụ lục (tệp riêng)]" in out and "H1" not in out and "R1" not in out
