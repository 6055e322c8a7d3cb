"""Issue #19, parsing budgets: every user file is read under a byte/node/cell budget, FIFOs and devices are
refused by every command, spreadsheets never turn text into formulas. Each test fails without its guard."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import cli

from cchc_docgen import limits
from cchc_docgen.errors import InputError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph_bomb(path: Path, megabytes: int) -> Path:
    """A small DOCX whose document.xml unzips to ``megabytes`` MB of empty paragraphs."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f"<w:document {W}><w:body>".encode())
            chunk = b"<w:p/>" * 100_000
            for _ in range(megabytes * 1024 * 1024 // len(chunk)):
                f.write(chunk)
            f.write(b"<w:sectPr/></w:body></w:document>")
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 60 MB declared: under the per-part size cap, so only the streamed node budget can stop it
    path = paragraph_bomb(tmp_path_factory.mktemp("bomb") / "bomb.docx", 60)
    assert path.stat().st_size < 1024 * 1024
    return path


def test_paragraph_bomb_is_refused_by_check(bomb: Path) -> None:
    run = cli("check", str(bomb), timeout=60, memory_mb=700)
    assert run.code == 1, run.err
    assert "vượt giới hạn" in run.err and "Traceback" not in run.err and "MemoryError" not in run.err


def test_paragraph_bomb_is_refused_by_import(bomb: Path, tmp_path: Path) -> None:
    run = cli("import", str(bomb), "-o", str(tmp_path / "x.yaml"), timeout=60, memory_mb=700)
    assert run.code == 1, run.err
    assert "vượt giới hạn" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "x.yaml").exists()


def test_budget_counts_streamed_nodes_and_bytes() -> None:
    from cchc_docgen.xmlbudget import Budget, parse_bytes

    xml = f"<w:document {W}><w:body>{'<w:p/>' * 50}</w:body></w:document>".encode()
    assert len(parse_bytes(xml, Budget("a.docx"), "word/document.xml")[0]) == 50
    with pytest.raises(limits.LimitExceeded, match=r"word/document\.xml"):
        parse_bytes(xml, Budget("a.docx", nodes_left=40), "word/document.xml")
    with pytest.raises(limits.LimitExceeded):
        parse_bytes(xml, Budget("a.docx", bytes_left=100), "word/document.xml")
    shared = Budget("a.docx", nodes_left=80)  # one budget for the whole package: two parts of 52 are too many
    parse_bytes(xml, shared, "word/document.xml")
    with pytest.raises(limits.LimitExceeded):
        parse_bytes(xml, shared, "word/footnotes.xml")


def test_import_refuses_files_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_docgen.importer.read import read_blocks

    big = tmp_path / "big.txt"
    big.write_text("Kế hoạch\n" * 2000, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_IMPORT_BYTES", 1000)
    with pytest.raises(limits.LimitExceeded, match="quá giới hạn"):
        read_blocks(big)


@pytest.mark.parametrize("command", ["check", "import", "derive"])
def test_fifo_and_device_refused_by_every_command(command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    unit = tmp_path / "unit.yaml"
    unit.write_text("name: Trường A\n", encoding="utf-8")
    for source in (str(fifo), "/dev/zero"):
        args = {"check": ["check", source], "import": ["import", source, "-o", str(tmp_path / "o.yaml")],
                "derive": ["derive", source, "--unit", str(unit), "-o", str(tmp_path / "d.yaml")]}[command]
        run = cli(*args, timeout=30, memory_mb=700)
        assert run.code == 1, (source, run.err)
        assert "không phải tệp thông thường" in run.err and "không tìm thấy" not in run.err


@pytest.fixture()
def report_sheet(tmp_path: Path) -> tuple[Path, Path]:
    from support.report_plans import report_with_sheet

    return report_with_sheet(tmp_path, "year")


def test_sheet_is_read_by_used_cells_not_declared_size(report_sheet: tuple[Path, Path]) -> None:
    from openpyxl import load_workbook

    report, sheet_path = report_sheet
    book = load_workbook(sheet_path)
    book["Nhiệm vụ"]["G1048576"] = "ghi chú lạc"
    book.save(sheet_path)
    assert sheet_path.stat().st_size < 100_000  # small on disk (the workbook now holds the report forms too)
    run = cli("validate", str(report), timeout=60, memory_mb=700)
    assert run.code == 0, run.err


def test_text_starting_with_equals_is_written_as_text_and_read_back(report_sheet: tuple[Path, Path]) -> None:
    from openpyxl import load_workbook

    from cchc_docgen.loader import load_document
    from cchc_docgen.report.xlsx import read_xlsx, workbook_bytes

    report, sheet_path = report_sheet
    doc = load_document(report)
    assert doc.report is not None
    evil = "=cmd|' /C calc'!A0"
    tasks = [t.model_copy(update={"result": evil}) if t.task else t for t in doc.report.tasks]
    doc = doc.model_copy(update={"report": doc.report.model_copy(update={"tasks": tasks})})
    sheet_path.write_bytes(workbook_bytes(doc))
    sheet = load_workbook(sheet_path)["Nhiệm vụ"]
    results = [c for c in sheet["F"] if c.value == evil]
    assert results and all(c.data_type == "s" and c.quotePrefix for c in results)
    back = read_xlsx(doc, sheet_path)
    assert back.report is not None
    assert [t.result for t in back.report.tasks if t.task] == [evil] * len(results)


def test_formula_in_an_input_cell_is_reported(report_sheet: tuple[Path, Path]) -> None:
    from openpyxl import load_workbook

    from cchc_docgen.loader import load_document
    from cchc_docgen.report.xlsx import read_xlsx

    report, sheet_path = report_sheet
    book = load_workbook(sheet_path)
    book["Nhiệm vụ"]["F5"] = "=A1&B1"
    book.save(sheet_path)
    with pytest.raises(InputError) as err:
        read_xlsx(load_document(report), sheet_path)
    (line,) = err.value.lines()
    assert "dòng 5, cột F" in line and "công thức" in line


def _pdf(objects: list[bytes]) -> bytes:
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def _stream(data: bytes) -> bytes:
    import zlib

    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


def _one_page(content: bytes) -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", _stream(content)])


@pytest.mark.parametrize("kind", ["inflated", "pages", "operators"])
def test_pdf_budget_refuses_before_any_reader(kind: str, tmp_path: Path) -> None:
    if kind == "inflated":
        data = _one_page(b"BT (x) Tj ET\n" + b" " * (200 * 1024 * 1024))
    elif kind == "pages":
        pages = 2000
        kids = b" ".join(b"%d 0 R" % (i + 4) for i in range(pages))
        data = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
                     _stream(b"BT (x) Tj ET")]
                    + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages)
    else:
        data = _one_page(b"BT /F1 1 Tf " + b"1 0 Td (a) Tj\n" * 1_100_000 + b"ET")
    assert len(data) < 2 * 1024 * 1024
    path = tmp_path / "bomb.pdf"
    path.write_bytes(data)
    run = cli("import", str(path), "-o", str(tmp_path / "x.yaml"), timeout=120, memory_mb=700)
    assert run.code == 1, run.err
    assert "quá giới hạn" in run.err or "vượt giới hạn" in run.err
    assert "Traceback" not in run.err and not (tmp_path / "x.yaml").exists()


def test_pdf_budget_lets_an_ordinary_pdf_through(tmp_path: Path) -> None:
    from cchc_docgen.pdfbudget import check_pdf

    path = tmp_path / "ok.pdf"
    path.write_bytes(_one_page(b"BT /F1 12 Tf 72 700 Td (Ke hoach) Tj ET\n" * 200))
    check_pdf(path)  # raises when a limit is passed


@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\uffa0", "\u2800", "\u034f"])
def test_blank_looking_letters_are_invisible_characters(char: str) -> None:
    from cchc_docgen.models.base import invisible_char, strip_invisible

    text = f"Kế hoạch{char} số 07"
    assert invisible_char(text) == len("Kế hoạch")
    assert strip_invisible(text) == "Kế hoạch số 07"
