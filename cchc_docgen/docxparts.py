"""Extra package parts a rendered document needs: native Word charts (with their embedded workbooks).

The context gives each chart as ``{"rid", "number", "xml", "workbook"}``; the paragraph showing it already
refers to ``rid``. This module only adds the parts and relationships; it knows nothing about reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def add_charts(document: Any, charts: list[Mapping[str, Any]]) -> None:
    """Add ``word/charts/chartN.xml`` (and ``word/embeddings/…xlsx``) related to the main document part."""
    main = document.part
    package = main.package
    for chart in charts:
        n = int(chart["number"])
        part = Part(PackURI(f"/word/charts/chart{n}.xml"), CHART_CT, str(chart["xml"]).encode("utf-8"), package)
        workbook = chart.get("workbook")
        if workbook:
            sheet = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"), XLSX_CT, workbook, package)
            rid = part.relate_to(sheet, RT.PACKAGE)
            if rid != "rId1":  # the chart XML cites its workbook as rId1
                raise RuntimeError(f"unexpected relationship id {rid} for the chart workbook")
        main.rels.add_relationship(RT.CHART, part, str(chart["rid"]))
