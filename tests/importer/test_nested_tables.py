"""Tables inside table cells (issue 20, item 2): flattened where they are layout (the header, the signature
block), kept as tables where they are content (a data table in a one-cell frame, a schedule inside a cell).

The documents are built here with python-docx. No document of tests/data/realdocs (nor of the shared real
documents) has a table inside a table, so these fixtures are the whole of the evidence.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.table import _Cell

from cchc_docgen.importer import ImportResult, import_file
from cchc_docgen.loader import load_document
from cchc_docgen.models import Node
from tests.importer.helpers import nodes

HEADER_LEFT = ["UBND TỈNH HƯNG YÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 12/KH-SGDĐT"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Hưng Yên, ngày 04 tháng 3 năm 2024"]
RECIPIENTS = ["Nơi nhận:", "- Sở Nội vụ (để b/c);", "- Các phòng thuộc Sở;", "- Lưu: VT, VP."]
SIGNATURE = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Nguyễn Văn An"]
SCHEDULE = [["Thời gian", "Nội dung", "Đơn vị thực hiện"],
            ["Tháng 3/2024", "Hội nghị triển khai kế hoạch", "Văn phòng Sở"],
            ["Tháng 6/2024", "Thi tìm hiểu cải cách hành chính", "Các phòng thuộc Sở"]]

Build = Callable[[docx.document.Document], None]


def _fill(cell: _Cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _grid(container: docx.document.Document | _Cell, rows: list[list[str]]) -> None:
    table = container.add_table(rows=len(rows), cols=len(rows[0]))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text


def _flat_header(doc: docx.document.Document) -> None:
    table = doc.add_table(rows=1, cols=2)
    _fill(table.cell(0, 0), HEADER_LEFT)
    _fill(table.cell(0, 1), HEADER_RIGHT)


def _flat_footer(doc: docx.document.Document) -> None:
    table = doc.add_table(rows=1, cols=2)
    _fill(table.cell(0, 0), RECIPIENTS)
    _fill(table.cell(0, 1), SIGNATURE)


def _plan(path: Path, header: Build = _flat_header, schedule: Build | None = None,
          footer: Build = _flat_footer) -> Path:
    doc = docx.Document()
    header(doc)
    doc.add_paragraph().add_run("KẾ HOẠCH").bold = True
    doc.add_paragraph().add_run("Tuyên truyền cải cách hành chính năm 2024").bold = True
    doc.add_paragraph("Căn cứ Kế hoạch số 5/KH-UBND ngày 10/01/2024 của UBND tỉnh Hưng Yên;")
    doc.add_paragraph("Sở Giáo dục và Đào tạo xây dựng Kế hoạch tuyên truyền như sau:")
    doc.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    doc.add_paragraph("1. Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.")
    doc.add_paragraph().add_run("II. NỘI DUNG").bold = True
    doc.add_paragraph("1. Lịch tuyên truyền trong năm như sau:")
    if schedule is not None:
        schedule(doc)
    doc.add_paragraph("2. Đăng tin trên cổng thông tin điện tử của Sở.")
    doc.add_paragraph("Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2024 của Sở./.")
    footer(doc)
    doc.save(str(path))
    return path


def _imported(path: Path) -> ImportResult:
    """The import, whose YAML must load again (validate) and equal the model."""
    result = import_file(path)
    again = path.with_suffix(".yaml")
    again.write_text(result.yaml_text, encoding="utf-8")
    assert load_document(again) == result.document
    return result


def _tables(body: list[Node]) -> list[dict]:
    return [node.table.model_dump() for node in nodes(body) if node.table is not None]


def _texts(body: list[Node]) -> list[str]:
    return [t for node in nodes(body) for t in (node.title, node.text, *node.paragraphs) if t]


def _holds(table: dict, rows: list[list[str]]) -> bool:
    dumped = json.dumps(table, ensure_ascii=False)
    return all(text in dumped for row in rows for text in row)


# --- content nesting: kept as a table -------------------------------------------------------------------


def _framed(doc: docx.document.Document) -> None:
    frame = doc.add_table(rows=1, cols=1)
    _grid(frame.cell(0, 0), SCHEDULE)


def test_a_body_table_in_a_one_cell_frame_is_unwrapped_to_its_table(tmp_path: Path) -> None:
    result = _imported(_plan(tmp_path / "framed.docx", schedule=_framed))
    tables = _tables(result.document.body)
    assert len(tables) == 1
    assert len(tables[0]["columns"]) == 3
    assert [c["label"] for c in tables[0]["columns"]] == SCHEDULE[0]
    assert len(tables[0]["rows"]) == 2
    assert _holds(tables[0], SCHEDULE[1:])
    assert not any("Hội nghị triển khai" in t for t in _texts(result.document.body))  # not pasted as text


def _inside_a_cell(doc: docx.document.Document) -> None:
    outer = doc.add_table(rows=3, cols=2)
    for r, (number, task) in enumerate([("TT", "Nhiệm vụ"), ("1", "Tổ chức tuyên truyền theo lịch:"),
                                        ("2", "Tổng kết, báo cáo kết quả")]):
        outer.cell(r, 0).text = number
        outer.cell(r, 1).text = task
    _grid(outer.cell(1, 1), SCHEDULE)


def test_a_data_table_inside_a_cell_becomes_a_table_after_its_row(tmp_path: Path) -> None:
    result = _imported(_plan(tmp_path / "inside.docx", schedule=_inside_a_cell))
    tables = _tables(result.document.body)
    assert len(tables) == 2
    outer, inner = tables
    assert len(outer["columns"]) == 2
    assert "Tổ chức tuyên truyền theo lịch:" in json.dumps(outer, ensure_ascii=False)
    assert not _holds(outer, [["Hội nghị triển khai kế hoạch"]])  # the inner table's text is not in the cell
    assert [c["label"] for c in inner["columns"]] == SCHEDULE[0]
    assert _holds(inner, SCHEDULE[1:])
    notes = " ".join(u.text for u in result.unplaced)
    assert "bảng lồng" in notes  # the clerk is told that a table was taken out of a cell


# --- layout nesting: header and signature read right ------------------------------------------------------


def _wrapped_header(doc: docx.document.Document) -> None:
    frame = doc.add_table(rows=1, cols=1)
    inner = frame.cell(0, 0).add_table(rows=1, cols=2)
    _fill(inner.cell(0, 0), HEADER_LEFT)
    _fill(inner.cell(0, 1), HEADER_RIGHT)


def _header_in_left_cell(doc: docx.document.Document) -> None:
    table = doc.add_table(rows=1, cols=2)
    inner = table.cell(0, 0).add_table(rows=len(HEADER_LEFT), cols=1)
    for r, line in enumerate(HEADER_LEFT):
        inner.cell(r, 0).text = line
    _fill(table.cell(0, 1), HEADER_RIGHT)


@pytest.mark.parametrize("header", [_wrapped_header, _header_in_left_cell], ids=["wrapped", "left-cell"])
def test_a_header_in_nested_tables_is_read_as_the_header(header: Build, tmp_path: Path) -> None:
    doc = _imported(_plan(tmp_path / "header.docx", header=header)).document
    assert doc.issuer.name.upper() == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert doc.issuer.parent is not None and doc.issuer.parent.upper() == "UBND TỈNH HƯNG YÊN"
    assert doc.number == 12
    assert doc.date is not None and (doc.date.day, doc.date.month, doc.date.year) == (4, 3, 2024)
    assert doc.title.startswith("Tuyên truyền cải cách hành chính")


def _signature_nested_right(doc: docx.document.Document) -> None:
    table = doc.add_table(rows=1, cols=2)
    _fill(table.cell(0, 0), RECIPIENTS)
    inner = table.cell(0, 1).add_table(rows=len(SIGNATURE), cols=1)
    for r, line in enumerate(SIGNATURE):
        inner.cell(r, 0).text = line


def _footer_wrapped(doc: docx.document.Document) -> None:
    frame = doc.add_table(rows=1, cols=1)
    inner = frame.cell(0, 0).add_table(rows=1, cols=2)
    _fill(inner.cell(0, 0), RECIPIENTS)
    _fill(inner.cell(0, 1), SIGNATURE)


def _footer_in_first_cell(doc: docx.document.Document) -> None:
    table = doc.add_table(rows=1, cols=2)
    inner = table.cell(0, 0).add_table(rows=1, cols=2)
    _fill(inner.cell(0, 0), RECIPIENTS)
    _fill(inner.cell(0, 1), SIGNATURE)


@pytest.mark.parametrize("footer", [_signature_nested_right, _footer_wrapped, _footer_in_first_cell],
                         ids=["signature-nested-right", "wrapped", "in-first-cell"])
def test_a_signature_block_in_nested_tables_is_never_read_as_recipients(footer: Build, tmp_path: Path) -> None:
    doc = _imported(_plan(tmp_path / "footer.docx", footer=footer)).document
    assert doc.signer is not None
    assert (doc.signer.authority, doc.signer.head_title, doc.signer.title, doc.signer.name) == \
        ("KT", "Giám đốc", "Phó Giám đốc", "Nguyễn Văn An")
    names = [r if isinstance(r, str) else r.name for r in doc.recipients]
    assert names == ["Sở Nội vụ", "Các phòng thuộc Sở"]
    assert doc.archive.units == ["VP"]


# --- content nesting in an appendix ---------------------------------------------------------------------------

TASKS = [["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
         ["1", "Tổ chức tuyên truyền theo lịch:", "Văn phòng Sở", "Cả năm"],
         ["2", "Tổng kết, báo cáo kết quả tuyên truyền", "Văn phòng Sở", "Tháng 12/2024"]]


def _with_appendix(doc: docx.document.Document) -> None:
    _flat_footer(doc)
    doc.add_page_break()
    doc.add_paragraph().add_run("PHỤ LỤC").bold = True
    doc.add_paragraph().add_run("NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024").bold = True
    doc.add_paragraph("(Kèm theo Kế hoạch số 12/KH-SGDĐT ngày 04/3/2024 của Sở Giáo dục và Đào tạo)")
    table = doc.add_table(rows=len(TASKS), cols=len(TASKS[0]))
    for r, texts in enumerate(TASKS):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    _grid(table.cell(1, 1), SCHEDULE)


def test_a_data_table_inside_an_appendix_cell_becomes_a_table_of_that_appendix(tmp_path: Path) -> None:
    result = _imported(_plan(tmp_path / "appendix.docx", footer=_with_appendix))
    apps = result.document.appendices
    assert len(apps) == 1
    outer = apps[0].model_dump()
    assert [c["label"] for c in outer["columns"]][1:] == TASKS[0][1:]
    assert _holds(outer | {"more_tables": []}, [TASKS[1][1:], TASKS[2][1:]])
    assert not _holds(outer | {"more_tables": []}, [["Hội nghị triển khai kế hoạch"]])  # not pasted into the cell
    assert len(apps[0].more_tables) == 1
    inner = apps[0].more_tables[0].model_dump()
    assert [c["label"] for c in inner["columns"]] == SCHEDULE[0]
    assert _holds(inner, SCHEDULE[1:])
    assert "bảng lồng" in " ".join(u.text for u in result.unplaced)
