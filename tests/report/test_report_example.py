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
TOTAL = ("Tổng số 47 nhiệm vụ: đã hoàn thành 11 (23,4%), hoàn thành quá hạn 3 (6,4%), đang thực hiện 29 (61,7%), "
         "chưa thực hiện 4 (8,5%).")
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture(scope="module")
def docx(rendered: dict[str, Path]) -> Path:
    return rendered[EXAMPLE.stem]


def test_summary_counts() -> None:
    figures = summary(load_document(EXAMPLE))
    assert figures.overall.total == 47
    assert figures.overall.by_status == {"hoàn thành": 11, "hoàn thành quá hạn": 3, "đang thực hiện": 29,
                                         "chưa thực hiện": 4, "chưa cập nhật": 0}
    assert round(figures.overall.percent("hoàn thành"), 1) == 23.4
    office = figures.by_lead["Văn phòng"]
    assert (office.total, office.by_status["hoàn thành"], office.by_status["đang thực hiện"]) == (15, 4, 9)


def test_rendered_summary_sentences(docx: Path) -> None:
    text = paragraphs(docx)
    assert TOTAL in text
    assert ("- Văn phòng: 15 nhiệm vụ, đã hoàn thành 4 (26,7%), hoàn thành quá hạn 1 (6,7%), đang thực hiện 9 "
            "(60%), chưa thực hiện 1 (6,7%);") in text
    assert ("- Thanh tra: 8 nhiệm vụ, đã hoàn thành 4 (50%), hoàn thành quá hạn 1 (12,5%), đang thực hiện 2 (25%), "
            "chưa thực hiện 1 (12,5%);") in text
    assert "Kết quả theo đơn vị chủ trì (chi tiết tại Phụ lục kèm theo Báo cáo này):" in text
    assert "Kính gửi: Ủy ban nhân dân thành phố." in text
    assert "- Như trên;" in text
    appendix = text.index("KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    assert text[appendix:appendix + 3] == ["KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
                                           "CỦA KẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC", "6 THÁNG ĐẦU NĂM 2023"]
    assert text.count("Hoàn thành quá hạn") == 3  # status column of the appendix


def test_native_chart_part_with_cached_values_and_workbook(docx: Path) -> None:
    with zipfile.ZipFile(docx) as z:
        chart = etree.fromstring(z.read("word/charts/chart1.xml"))
        document = z.read("word/document.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
        workbook = z.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx")
    cats = [v.text for v in chart.iter(f"{C}cat") for v in v.iter(f"{C}v")]
    vals = [v.text for v in chart.iter(f"{C}val") for v in v.iter(f"{C}v")]
    assert cats == ["Hoàn thành", "Hoàn thành quá hạn", "Đang thực hiện", "Chưa thực hiện"]
    assert vals == ["11", "3", "29", "4"]
    assert 'r:id="rIdCchcChart1"' in document and "drawingml/2006/chart" in document
    assert 'Id="rIdCchcChart1"' in rels and "/chart1.xml" in rels
    assert "drawingml.chart+xml" in types
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(workbook)).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Trạng thái", "Số nhiệm vụ"], ["Hoàn thành", 11], ["Hoàn thành quá hạn", 3], ["Đang thực hiện", 29],
        ["Chưa thực hiện", 4]]


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
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    page = next(tmp_path.glob("p*.ppm"))
    _, _, pixels = _ppm_pixels(page)
    bars = {name: _count(pixels, colour) for name, colour in
            (("done", "2E7D32"), ("late", "F9A825"), ("ongoing", "1565C0"), ("not", "C62828"))}
    assert all(n > 20 for n in bars.values()), bars
    # bar areas follow the values 11 : 3 : 29 : 4 (same width, height ∝ value)
    assert 29 / 11 * 0.8 < bars["ongoing"] / bars["done"] < 29 / 11 * 1.25, bars
    assert 4 / 3 * 0.7 < bars["not"] / bars["late"] < 4 / 3 * 1.4, bars


def test_check_cli_strict_passes(docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cchc_docgen.cli import main

    assert main(["check", "--strict", str(docx)]) == 0, capsys.readouterr().out
    assert "ĐẠT" in capsys.readouterr().out
