"""The filled example report in plans/: computed summaries, the native chart (in the DOCX and drawn in the
PDF), NĐ30 conformance."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from report_data import PLAN_001
from support.docxtext import paragraphs
from support.paths import soffice_or_skip

from cchc_docgen.checker import check_docx
from cchc_docgen.loader import load_document
from cchc_docgen.report.summary import summary

EXAMPLE = PLAN_001.with_name(PLAN_001.stem + "_bc_6m.yaml")
PROGRESS = ("Thực hiện Kế hoạch số 15/KH-SGDĐT ngày 16/01/2023 của Sở Giáo dục và Đào tạo về công tác cải cách hành "
            "chính nhà nước năm 2023, đến nay đã triển khai thực hiện hoàn thành 13/48 nhiệm vụ kế hoạch đề ra (đạt "
            "27,08% kế hoạch).")
SPLIT = ("Trong đó: 10 nhiệm vụ hoàn thành đúng hạn; 03 nhiệm vụ hoàn thành nhưng quá hạn; 01 nhiệm vụ quá hạn nhưng "
         "chưa hoàn thành; 34 nhiệm vụ chưa hoàn thành còn trong hạn (chi tiết tại Phụ lục II kèm theo Báo cáo này).")
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture(scope="module")
def docx(rendered: dict[str, Path]) -> Path:
    return rendered[EXAMPLE.stem]


def test_summary_counts() -> None:
    figures = summary(load_document(EXAMPLE))
    assert figures.overall.total == 48
    assert figures.overall.by_status == {"hoàn thành": 10, "hoàn thành quá hạn": 3, "đang thực hiện": 30,
                                         "chưa thực hiện": 5, "chưa cập nhật": 0}
    assert round(figures.overall.percent("hoàn thành"), 1) == 20.8
    office = figures.by_lead["Văn phòng"]
    assert (office.total, office.by_status["hoàn thành"], office.by_status["đang thực hiện"]) == (15, 4, 9)


def test_rendered_progress_and_overdue(docx: Path) -> None:
    """I.2 states X/Y cumulative over the whole year plan (BC27), four official wordings, overdue flagged (BC28)."""
    text = paragraphs(docx)
    assert PROGRESS in text and SPLIT in text
    overdue = ("Ban hành Quyết định công bố các văn bản quy phạm pháp luật hết hiệu lực (Thanh tra, thời hạn: "
               "Quý I/2023).")
    assert f"- {overdue}" in text
    assert "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng." in text
    assert "- Như trên;" in text and "- Sở Nội vụ (để tổng hợp);" in text
    assert "(Số liệu cụ thể ở các nội dung tại Phụ lục I kèm theo báo cáo)." in text
    appendix = text.index("Phụ lục II")
    assert text[appendix:appendix + 3] == ["Phụ lục II", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA KẾ HOẠCH",
                                           "(6 THÁNG ĐẦU NĂM 2023)"]
    assert text.count("Quá hạn nhưng chưa hoàn thành") == 1  # status column of Phụ lục II


def test_forms_carry_the_same_figures_as_the_body(docx: Path) -> None:
    """BC25/BC27: Biểu mẫu 1 rows 2.1, 2.2 and 2 are the numbers of the I.2 sentence; formula rows computed."""
    from support.docxtext import table_rows

    rows = [r for r in table_rows(docx) if len(r) == 5]

    def value(stt: str, name: str) -> str:
        return next(r[3] for r in rows if r[0] == stt and r[1].startswith(name))

    assert value("2.1", "Số nhiệm vụ đề ra trong kế hoạch") == "48"
    assert value("2.2", "Số nhiệm vụ đã hoàn thành") == "13"
    assert value("2", "Tỷ lệ hoàn thành Kế hoạch CCHC năm") == "27,08"
    assert value("3.1", "Tỷ lệ hồ sơ TTHC do các sở, ngành") == "99,46"
    assert value("1", "Tỷ lệ thực hiện Kế hoạch giải ngân") == "39"
    assert value("2.1", "Tổng số ĐVSN công lập tại địa phương") == "63"
    assert value("4.4", "Tỷ lệ hồ sơ trực tuyến một phần") == "86,25"
    assert value("3.3", "Tỷ lệ xử lý các vấn đề phát hiện") == "-"  # 0/0


def test_native_chart_part_with_cached_values_and_workbook(docx: Path) -> None:
    with zipfile.ZipFile(docx) as z:
        chart = etree.fromstring(z.read("word/charts/chart1.xml"))
        document = z.read("word/document.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
        workbook = z.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx")
    cats = [v.text for v in chart.iter(f"{C}cat") for v in v.iter(f"{C}v")]
    vals = [v.text for v in chart.iter(f"{C}val") for v in v.iter(f"{C}v")]
    assert cats == ["Hoàn thành đúng hạn", "Hoàn thành nhưng quá hạn", "Quá hạn nhưng chưa hoàn thành",
                    "Chưa hoàn thành còn trong hạn"]
    assert vals == ["10", "3", "1", "34"]
    assert 'r:id="rIdCchcChart1"' in document and "drawingml/2006/chart" in document
    assert 'Id="rIdCchcChart1"' in rels and "/chart1.xml" in rels
    assert "drawingml.chart+xml" in types
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(workbook)).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Trạng thái", "Số nhiệm vụ"], ["Hoàn thành đúng hạn", 10], ["Hoàn thành nhưng quá hạn", 3],
        ["Quá hạn nhưng chưa hoàn thành", 1], ["Chưa hoàn thành còn trong hạn", 34]]


def test_passes_the_strict_nd30_check(docx: Path) -> None:
    assert [f"{f.rule_id}: {f.message}" for f in check_docx(docx)] == []


def _ppm_pixels(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6" and parts[3] == b"255"
    return int(parts[1]), int(parts[2]), parts[4]


def _count(pixels: bytes, colour: str, tolerance: int = 40) -> int:
    r0, g0, b0 = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return sum(1 for i in range(0, len(pixels), 3)
               if abs(pixels[i] - r0) + abs(pixels[i + 1] - g0) + abs(pixels[i + 2] - b0) < tolerance)


@pytest.mark.slow
def test_chart_is_drawn_in_the_pdf(docx: Path, tmp_path: Path) -> None:
    soffice_or_skip()
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils (pdftoppm) chưa được cài")
    from cchc_docgen.pdf import convert_one

    pdf = convert_one(shutil.copy(docx, tmp_path / "bc.docx"))
    subprocess.run(["pdftoppm", "-r", "40", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "p")], check=True)
    page = next(tmp_path.glob("p*.ppm"))
    _, _, pixels = _ppm_pixels(page)
    bars = {name: _count(pixels, colour) for name, colour in
            (("done", "2E7D32"), ("late", "F9A825"), ("pending", "1565C0"), ("overdue", "C62828"))}
    assert all(n > 20 for k, n in bars.items() if k != "overdue"), bars
    # bar areas follow the values 10 : 3 : 1 : 34 (same width, height ∝ value)
    assert 34 / 10 * 0.8 < bars["pending"] / bars["done"] < 34 / 10 * 1.25, bars
    assert bars["overdue"] < bars["late"] < bars["done"], bars


def test_check_cli_strict_passes(docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cchc_docgen.cli import main

    assert main(["check", "--strict", str(docx)]) == 0, capsys.readouterr().out
    assert "ĐẠT" in capsys.readouterr().out
