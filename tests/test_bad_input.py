"""Bad input: exit 1 (2 for a missing file), a Vietnamese message with file, line and key; never a traceback;
no output written and no existing output touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_docgen.cli import main

GOOD = """\
issuer:
  name: Sở Giáo dục và Đào tạo
  abbreviation: SGDĐT
  place: Hưng Yên
number: 7
date: 2022-01-04
title: Tuyên truyền cải cách hành chính năm 2022
body:
  - title: Mục đích
    items:
      - Nâng cao nhận thức
signer: {title: Giám đốc, name: Nguyễn Văn A}
"""

CASES = {
    "malformed": (GOOD.replace("  abbreviation: SGDĐT", "  abbreviation: [SGDĐT"), 4, "", "bắt đầu từ dòng 3"),
    "missing_key": (GOOD.replace("title: Tuyên truyền cải cách hành chính năm 2022\n", ""), 1, "[title]",
                    "thiếu khóa bắt buộc 'title'"),
    "misspelled_key": (GOOD.replace("  place:", "  plase:"), 4, "[issuer.plase]", "Có phải bạn muốn viết 'place'"),
    "impossible_date": (GOOD.replace("2022-01-04", "2022-02-30"), 6, "[date]", "không có trên lịch"),
    "wrong_type": (GOOD.replace("number: 7", "number: bảy"), 5, "[number]", "phải là một số nguyên"),
    "nested_wrong_type": (GOOD.replace("      - Nâng cao nhận thức", "      - {text: [1, 2]}"), 11,
                          "[body[1].items[1].text]", "phải là một dòng chữ"),
    "duplicate_key": (GOOD + "title: Lần hai năm 2022\n", 13, "[title]", "bị viết hai lần"),
    "colon_in_text": (GOOD.replace("  - title: Mục đích", "  - title: Mục đích như sau: a"), 9, "", "ngoặc kép"),
    "signer_form": (GOOD.replace("signer: {title: Giám đốc, name: Nguyễn Văn A}", "signer: {authority: KT, name: A}"),
                    12, "[signer]", "head_title, title"),
}


def _run(tmp_path: Path, text: str | bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, Path]:
    plan = tmp_path / "ke_hoach.yaml"
    if isinstance(text, bytes):
        plan.write_bytes(text)
    else:
        plan.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["render", str(plan), "-o", str(out)])
    return code, capsys.readouterr().err, out


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_with_file_line_and_key(case: str, tmp_path: Path, capsys) -> None:
    text, line, key, words = CASES[case]
    code, err, out = _run(tmp_path, text, capsys)
    assert code == 1
    assert "Traceback" not in err
    assert f"cchc-docgen: lỗi: {tmp_path / 'ke_hoach.yaml'}:{line}:" in err
    assert key in err
    assert words in err
    assert not (out / "ke_hoach.docx").exists()


def test_every_problem_is_reported_at_once(tmp_path: Path, capsys) -> None:
    text = GOOD.replace("  place:", "  plase:").replace("number: 7", "number: bảy").replace("2022-01-04", "2022-13-01")
    code, err, _ = _run(tmp_path, text, capsys)
    assert code == 1
    assert err.count("cchc-docgen: lỗi:") >= 4  # missing place, unknown plase, number, date


def test_empty_file(tmp_path: Path, capsys) -> None:
    code, err, _ = _run(tmp_path, "", capsys)
    assert code == 1 and "tệp trống" in err and "Traceback" not in err


def test_not_utf8(tmp_path: Path, capsys) -> None:
    code, err, _ = _run(tmp_path, GOOD.encode("cp1258", errors="replace"), capsys)
    assert code == 1 and "UTF-8" in err and "ke_hoach.yaml:" in err


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    code = main(["render", str(tmp_path / "khong_co.yaml")])
    err = capsys.readouterr().err
    assert code == 2 and "không tìm thấy tệp" in err


def test_existing_output_is_untouched_by_a_failed_render(tmp_path: Path, capsys) -> None:
    code, _, out = _run(tmp_path, GOOD, capsys)
    assert code == 0
    before = (out / "ke_hoach.docx").read_bytes()
    code, _err, _ = _run(tmp_path, GOOD.replace("number: 7", "number: bảy"), capsys)
    assert code == 1
    assert (out / "ke_hoach.docx").read_bytes() == before
    assert not [p for p in out.iterdir() if p.suffix == ".tmp"]


def test_hand_edited_output_is_not_overwritten(tmp_path: Path, capsys) -> None:
    code, _, out = _run(tmp_path, GOOD, capsys)
    assert code == 0
    docx = out / "ke_hoach.docx"
    docx.write_bytes(docx.read_bytes() + b"edited in Word")
    edited = docx.read_bytes()
    code, err, _ = _run(tmp_path, GOOD, capsys)
    assert code == 1 and "--force" in err and docx.read_bytes() == edited
    assert main(["render", str(tmp_path / "ke_hoach.yaml"), "-o", str(out), "--force"]) == 0
    assert docx.read_bytes() != edited


def test_regenerating_our_own_output_is_allowed(tmp_path: Path, capsys) -> None:
    assert _run(tmp_path, GOOD, capsys)[0] == 0
    assert _run(tmp_path, GOOD.replace("Nâng cao", "Tiếp tục nâng cao"), capsys)[0] == 0


def test_internal_errors_exit_70_without_traceback(monkeypatch, tmp_path: Path, capsys) -> None:
    import cchc_docgen.pipeline as pipeline

    def boom(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(pipeline, "build_context", boom)
    plan = tmp_path / "x.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    assert main(["render", str(plan), "-o", str(tmp_path), "-j", "1"]) == 70
    err = capsys.readouterr().err
    assert "lỗi nội bộ" in err and "Traceback" not in err
    with pytest.raises(RuntimeError):
        main(["--traceback", "render", str(plan), "-o", str(tmp_path), "-j", "1"])


def test_usage_error_exit_2(capsys) -> None:
    assert main(["render"]) == 2
    assert main(["khong-co-lenh"]) == 2
    assert "lỗi" in capsys.readouterr().err


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x07", "\x1b", "\x7f"])
def test_control_character_is_reported_with_its_line(char: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 19: control characters and NUL were reported without a line number."""
    plan = tmp_path / "x.yaml"
    plan.write_text(f"title: abc\n\n# ghi chú\nx: ab{char}c\n", encoding="utf-8")
    assert main(["validate", str(plan)]) == 1
    err = capsys.readouterr().err
    assert f"{plan}:4:" in err and f"U+{ord(char):04X}" in err and "Traceback" not in err
