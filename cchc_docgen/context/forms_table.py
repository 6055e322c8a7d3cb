"""Biểu mẫu 1–7 → WordprocessingML: each form on a new page, "Biểu mẫu n" and its title, then its table.

Every table has the two-row header of spec §4.1 (STT, Chỉ tiêu thống kê merged down; Kết quả thống kê merged
across Đơn vị tính / Số liệu; Ghi chú merged down), repeated on every page. Rows whose STT has one number are
bold. Values come already computed and formatted (``report/forms.py``).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from cchc_docgen.context.runs import paragraph_xml, rich
from cchc_docgen.context.tables import table_head
from cchc_docgen.report.forms import Computed, ComputedForm

MM_TO_TWIPS = 1440 / 25.4
_PAGE_BREAK = '<w:p><w:pPr><w:pStyle w:val="ND30Body"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>'


def _tc(width: int, body: str, extra: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}<w:vAlign w:val="center"/></w:tcPr>{body}</w:tc>'


def _p(text: str, align: str, bold: bool = False, italic: bool = False, style: str = "ND30TableText") -> str:
    return paragraph_xml(style, rich(text, bold=bold, italic=italic) if text else "", align)


def _header(widths: list[int], labels: dict[str, Any]) -> str:
    stt, name, unit, value, note = widths
    head = "ND30TableHeader"
    first = (
        _tc(stt, _p(labels["stt"], "center", True, style=head), '<w:vMerge w:val="restart"/>')
        + _tc(name, _p(labels["name"], "center", True, style=head) + _p(labels["name_note"], "center", False, True,
                                                                        style=head), '<w:vMerge w:val="restart"/>')
        + _tc(unit + value, _p(labels["result"], "center", True, style=head), '<w:gridSpan w:val="2"/>')
        + _tc(note, _p(labels["note"], "center", True, style=head), '<w:vMerge w:val="restart"/>')
    )
    second = (
        _tc(stt, _p("", "center", style=head), "<w:vMerge/>") + _tc(name, _p("", "center", style=head), "<w:vMerge/>")
        + _tc(unit, _p(labels["unit"], "center", True, style=head))
        + _tc(value, _p(labels["value"], "center", True, style=head))
        + _tc(note, _p("", "center", style=head), "<w:vMerge/>")
    )
    props = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
    return f"<w:tr>{props}{first}</w:tr><w:tr>{props}{second}</w:tr>"


def _name(text: str, top: bool) -> str:
    """A top row's name is bold, its parenthesised part italic (spec §4.1)."""
    if not top or "(" not in text:
        return rich(text, bold=top)
    head, _, tail = text.partition("(")
    space = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>'
    return Markup(rich(head.rstrip(), bold=True) + Markup(space) + rich("(" + tail, bold=True, italic=True))


def _row(widths: list[int], computed: ComputedForm, index: int) -> str:
    row = computed.form.rows[index]
    cell = computed.cells[row.stt]
    top = "." not in row.stt
    units = "".join(_p(u, "center") for u in row.unit) or _p("", "center")
    cells = (
        _tc(widths[0], _p(row.stt, "center", top))
        + _tc(widths[1], paragraph_xml("ND30TableText", _name(row.name, top), "both"))
        + _tc(widths[2], units)
        + _tc(widths[3], _p(cell.value, "center", top))
        + _tc(widths[4], _p(cell.note, "center"))
    )
    return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"


def forms_xml(computed: Computed, appendix: dict[str, Any], available_mm: float) -> Markup:
    """Seven forms, each starting on a new page, each a table whose header repeats on every page."""
    widths_mm = [float(w) for w in appendix["widths_mm"]]
    scale = min(1.0, available_mm / sum(widths_mm))
    widths = [round(w * scale * MM_TO_TWIPS) for w in widths_mm]
    head = table_head(widths)
    parts: list[str] = []
    for i, form in enumerate(computed.forms):
        if i:
            parts.append(_PAGE_BREAK)
        parts.append(_p(f"Biểu mẫu {form.form.number}", "center", True, style="ND30AppendixTitle"))
        parts.append(_p(form.form.title, "center", True, style="ND30AppendixTitle"))
        rows = "".join(_row(widths, form, r) for r in range(len(form.form.rows)))
        parts.append(f"<w:tbl>{head}{_header(widths, appendix['header'])}{rows}</w:tbl>")
    return Markup("".join(parts))

