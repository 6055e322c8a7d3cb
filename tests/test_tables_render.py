"""Tables beyond one task table per appendix: a table in the body, a two-row header with merged cells, and one
appendix holding several titled tables (Biểu mẫu 1–2) — rendered as Word tables and passing the NĐ30 checker."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pydantic import ValidationError
from support.structure import structure

from cchc_docgen.checker import check_docx
from cchc_docgen.loader import load_document
from cchc_docgen.models import Table
from cchc_docgen.pipeline import render_plan

PLAN = Path(__file__).parent / "data" / "tables" / "bang_bieu.yaml"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_plan(PLAN, tmp_path_factory.mktemp("out"))


def test_body_table_merged_header_and_several_appendix_tables(rendered: Path) -> None:
    found = structure(rendered)
    # body table: header + 3 rows, a cell merged down 2 rows; Biểu mẫu 1: two header rows (TT and Nhiệm vụ merged
    # down, "Đơn vị thực hiện" across 2 columns) + 2 rows; Biểu mẫu 2: header + 2 rows
    assert found.tables == ["4×4 m1", "4×4 m3", "3×3"]
    xml = zipfile.ZipFile(rendered).read("word/document.xml").decode()
    assert xml.count("<w:tblHeader/>") == 1 + 2 + 1  # every header row repeats on each page
    assert "Biểu mẫu 2: Số liệu về thủ tục hành chính" in xml and "Số liệu tính đến ngày 30/11/2025." in xml


def test_the_document_passes_the_nd30_checker(rendered: Path) -> None:
    assert check_docx(rendered) == []


def test_a_header_that_does_not_cover_the_columns_is_refused() -> None:
    columns = [{"key": "a", "label": "A", "width": 20}, {"key": "b", "label": "B", "width": 20}]
    with pytest.raises(ValidationError, match="dòng tiêu đề 1"):
        Table.model_validate({"columns": columns, "header": [["A"]]})
    with pytest.raises(ValidationError, match="gộp xuống quá"):
        Table.model_validate({"columns": columns, "header": [[{"text": "A", "rows": 2}, "B"]]})
    assert Table.model_validate({"columns": columns, "header": [[{"text": "Cả hai", "span": 2}], ["A", "B"]]})


def test_the_plan_loads() -> None:
    doc = load_document(PLAN)
    assert doc.body[1].items[0].table is not None and len(doc.appendices[0].more_tables) == 1
