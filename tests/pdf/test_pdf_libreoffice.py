"""Real conversions with LibreOffice (slow; skipped without LibreOffice, except in CI)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pdf_helpers import NATIONAL_MOTTO, make_broken_docx, make_docx, pdf_text
from support.procs import alive_processes

from cchc_docgen.pdf import convert_many, convert_one

pytestmark = pytest.mark.slow


def wait_until_gone(marker: str, seconds: float = 3.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while (alive := alive_processes(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def test_converts_vietnamese_documents_in_several_directories(
    soffice: str, tmp_path: Path, private_tmp: Path
) -> None:
    sources = [
        make_docx(tmp_path / "so" / "ke-hoach.docx", "KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2024"),
        make_docx(tmp_path / "so" / "bao-cao.docx", "BÁO CÁO Kết quả thực hiện 6 tháng đầu năm"),
        make_docx(tmp_path / "truong" / "ke-hoach.docx", "Trường Mầm non Sơn Ca: đẩy mạnh ứng dụng CNTT"),
        make_docx(tmp_path / "truong" / "báo cáo quý 1.docx", "Báo cáo quý I"),
    ]
    done: list[Path] = []
    results = convert_many(sources, on_done=lambda src, pdf, err: done.append(src))
    assert [r.error for r in results] == [None] * 4
    assert sorted(done) == sorted(sources)
    for source, result in zip(sources, results, strict=True):
        assert result.pdf == source.with_suffix(".pdf")
        text = pdf_text(result.pdf)
        assert NATIONAL_MOTTO in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2024" in pdf_text(tmp_path / "so" / "ke-hoach.pdf")
    assert "Trường Mầm non Sơn Ca" in pdf_text(tmp_path / "truong" / "ke-hoach.pdf")
    assert "Báo cáo quý I" in pdf_text(tmp_path / "truong" / "báo cáo quý 1.pdf")
    # no stray LibreOffice, no leftover profile or temporary file
    assert wait_until_gone(str(private_tmp)) == []
    assert list(private_tmp.iterdir()) == []
    assert sorted(p.name for p in (tmp_path / "so").iterdir()) == [
        "bao-cao.docx",
        "bao-cao.pdf",
        "ke-hoach.docx",
        "ke-hoach.pdf",
    ]


def test_corrupt_docx_is_a_per_file_failure(soffice: str, tmp_path: Path, private_tmp: Path) -> None:
    good = make_docx(tmp_path / "tot.docx", "Văn bản hợp lệ")
    broken = make_broken_docx(tmp_path / "hong.docx")
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.4 the PDF the user already has")
    after = make_docx(tmp_path / "sau.docx", "Văn bản sau tệp hỏng")
    results = convert_many([good, broken, after], workers=1)
    assert results[0].ok and results[2].ok
    assert results[1].pdf is None
    assert results[1].error is not None and "LibreOffice không chuyển được tệp hong.docx" in results[1].error
    assert (tmp_path / "hong.pdf").read_bytes() == b"%PDF-1.4 the PDF the user already has"
    assert "Văn bản sau tệp hỏng" in pdf_text(tmp_path / "sau.pdf")
    assert wait_until_gone(str(private_tmp)) == []


def test_timeout_kills_real_libreoffice(soffice: str, tmp_path: Path, private_tmp: Path) -> None:
    sources = [make_docx(tmp_path / f"{i}.docx", "Nội dung") for i in range(3)]
    (tmp_path / "0.pdf").write_bytes(b"OLD")
    results = convert_many(sources, workers=1, timeout=0.2)  # far too short for a start-up
    assert all(r.pdf is None and r.error and "không phản hồi" in r.error for r in results)
    assert (tmp_path / "0.pdf").read_bytes() == b"OLD"
    assert wait_until_gone(str(private_tmp)) == []
    assert list(private_tmp.iterdir()) == []


def test_convert_one_overwrites_an_old_pdf(soffice: str, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "ke-hoach.docx", "Phiên bản mới")
    (tmp_path / "ke-hoach.pdf").write_bytes(b"%PDF-1.4 old version\n%%EOF\n")
    pdf = convert_one(source, engine="libreoffice")
    assert pdf == tmp_path / "ke-hoach.pdf"
    assert "Phiên bản mới" in pdf_text(pdf)
