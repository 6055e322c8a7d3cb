"""``cchc-docgen import``: output path, no overwrite without --force, the report, bad input (exit 1, Vietnamese)."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest

from cchc_docgen.cli import main
from cchc_docgen.loader import load_document
from tests.importer.helpers import REALDOCS, SEEDS


def _seed(tmp_path: Path, stem: str = "004") -> Path:
    src = next(SEEDS.glob(f"{stem}_*.txt"))
    dest = tmp_path / "ke_hoach.txt"
    shutil.copy(src, dest)
    return dest


def test_default_output_beside_the_input_and_it_validates(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = _seed(tmp_path)
    assert main(["import", str(source)]) == 0
    out = tmp_path / "ke_hoach.yaml"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# Nhập từ 'ke_hoach.txt'" in text
    doc = load_document(out)
    assert doc.number == 7 and doc.issuer.abbreviation == "SGDĐT"
    assert "Đã nhập" in capsys.readouterr().out
    assert main(["validate", str(out)]) == 0


def test_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = _seed(tmp_path)
    out = tmp_path / "mine.yaml"
    out.write_text("# viết tay\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert "không ghi đè" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "# viết tay\n"
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_partial_recognition_exits_0_with_a_report(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = _seed(tmp_path, "002")  # the header block is missing from this extraction
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "chưa xếp được" in out
    assert "dòng" in out and "issuer.name" in out


def _image_only_pdf() -> bytes:
    """A one-page PDF whose page is a picture (a scan): no text layer."""
    pixels = zlib.compress(b"\x80" * 64)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length " + str(len(pixels)).encode() + b" >>\nstream\n" + pixels + b"\nendstream",
    ]
    content = b"q 500 0 0 700 40 70 cm /Im1 Do Q"
    objects.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


BAD = {
    "empty.txt": (b"", "rỗng"),
    "empty.docx": (b"", "rỗng"),
    "scan.pdf": (_image_only_pdf(), "không có lớp chữ"),
    "binary.bin": (bytes(range(256)) * 8, "nhị phân"),
    "locked.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000, "mật khẩu"),
    "broken.docx": (b"PK\x03\x04" + b"\x00" * 100, "hỏng"),
    "fake.pdf": (b"%PDF-1.4\n garbage", "PDF"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_in_vietnamese(name: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    data, words = BAD[name]
    source = tmp_path / name
    source.write_bytes(data)
    assert main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cchc-docgen: lỗi: ")
    assert words in err
    assert "Traceback" not in err
    assert not list(tmp_path.glob("*.yaml"))


def test_a_letter_is_not_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(REALDOCS / "cv_giao_3653_vpcp.docx"), "-o", str(tmp_path / "x.yaml")]) == 1
    err = capsys.readouterr().err
    assert "không phải kế hoạch" in err or "không nhận ra" in err
    assert not (tmp_path / "x.yaml").exists()


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(tmp_path / "khong_co.docx")]) == 2
    assert "không tìm thấy" in capsys.readouterr().err


def test_invisible_characters_of_the_source_are_dropped(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Word files and web copies carry zero-width spaces, bidi marks and stray controls: the import drops
    them (they print as nothing), so the YAML it writes validates instead of being refused by the loader."""
    source = _seed(tmp_path)
    lines = source.read_text(encoding="utf-8").splitlines()
    middle = len(lines) // 2
    lines[middle] = "\u200b" + lines[middle].replace(" ", " \u200b", 3) + "\u202c\x07"
    lines[-5] = "\ufeff" + lines[-5] + "\u200e"
    source.write_text("\n".join(lines), encoding="utf-8")
    assert main(["import", str(source)]) == 0
    out = tmp_path / "ke_hoach.yaml"
    text = out.read_text(encoding="utf-8")
    assert not any(ch in text for ch in "\u200b\u202c\x07\ufeff\u200e")
    assert main(["validate", str(out)]) == 0
    capsys.readouterr()
