"""The status chart of a report as a native Word chart: DrawingML ``c:chartSpace`` with cached values.

Word shows the chart from the cached values and opens the embedded workbook for "Edit Data"; LibreOffice
renders the same cache into the PDF. No picture is drawn by us, so the chart stays editable in Word.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EMU_PER_MM = 36000
FONT = "Times New Roman"
SHEET = "Sheet1"


@dataclass(frozen=True)
class Bar:
    """One category of the chart: its label, value and fill colour (RRGGBB)."""

    label: str
    value: int
    colour: str


def _run_props(size: int, bold: bool = False) -> str:
    b = ' b="1"' if bold else ' b="0"'
    return (f'<a:defRPr sz="{size * 100}"{b}><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:defRPr>')


def _tx_pr(size: int, bold: bool = False) -> str:
    return (f"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{_run_props(size, bold)}</a:pPr>"
            '<a:endParaRPr lang="vi-VN"/></a:p></c:txPr>')


def chart_xml(title: str, bars: list[Bar], series_name: str = "Số nhiệm vụ") -> str:
    """A clustered column chart, one colour per bar, values shown on the bars."""
    n = len(bars)
    cats = "".join(f'<c:pt idx="{i}"><c:v>{escape(b.label)}</c:v></c:pt>' for i, b in enumerate(bars))
    vals = "".join(f'<c:pt idx="{i}"><c:v>{b.value}</c:v></c:pt>' for i, b in enumerate(bars))
    points = "".join(
        f'<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
        f'<c:spPr><a:solidFill><a:srgbClr val="{b.colour}"/></a:solidFill></c:spPr></c:dPt>'
        for i, b in enumerate(bars)
    )
    top = max([b.value for b in bars] + [1])
    unit = max(1, -(-top // 5))
    title_xml = (
        f"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{_run_props(12, True)}</a:pPr>"
        f'<a:r><a:rPr lang="vi-VN" sz="1200" b="1"><a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:rPr>'
        f"<a:t>{escape(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
    )
    series = (
        '<c:ser><c:idx val="0"/><c:order val="0"/>'
        f'<c:tx><c:strRef><c:f>{SHEET}!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0">'
        f"<c:v>{escape(series_name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>"
        '<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
        f"{points}"
        '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        f'{_tx_pr(11, True)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
        "</c:dLbls>"
        f'<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${n + 1}</c:f><c:strCache><c:ptCount val="{n}"/>{cats}'
        "</c:strCache></c:strRef></c:cat>"
        f'<c:val><c:numRef><c:f>{SHEET}!$B$2:$B${n + 1}</c:f><c:numCache><c:formatCode>General</c:formatCode>'
        f'<c:ptCount val="{n}"/>{vals}</c:numCache></c:numRef></c:val></c:ser>'
    )
    axes = (
        '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>'
        f'{_tx_pr(11)}<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/>'
        '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln>'
        '</c:spPr></c:majorGridlines><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>'
        f'{_tx_pr(10)}<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>'
        f'<c:majorUnit val="{unit}"/></c:valAx>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
        '<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>'
        f'<c:chart>{title_xml}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="1"/>'
        f'{series}<c:gapWidth val="70"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>'
        f"{axes}</c:plotArea>"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        f"{_tx_pr(11)}"
        '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )


def chart_workbook(bars: list[Bar], series_name: str = "Số nhiệm vụ", header: str = "Trạng thái") -> bytes:
    """The workbook Word opens for "Edit Data": categories in A, values in B (the ranges the chart cites)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([header, series_name])
    for bar in bars:
        sheet.append([bar.label, bar.value])
    sheet.column_dimensions["A"].width = 28
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def inline_run(rid: str, number: int, width_mm: float, height_mm: float, name: str) -> str:
    """The ``<w:r>`` that shows chart relationship ``rid`` in a paragraph, ``width_mm`` × ``height_mm``."""
    cx, cy = round(width_mm * EMU_PER_MM), round(height_mm * EMU_PER_MM)
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{WP_NS}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{5000 + number}" name="{escape(name)}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}">'
        f'<c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{rid}"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )
