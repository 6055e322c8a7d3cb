"""T1: type name (KẾ HOẠCH, BÁO CÁO …), summary line(s) and the rule under them."""

from __future__ import annotations

from cchc_docgen.checker.docmodel import DocModel
from cchc_docgen.checker.fmtcheck import Expect, check_rule, check_seg
from cchc_docgen.checker.locate import Elements
from cchc_docgen.checker.model import Collector
from cchc_docgen.checker.tolerances import WIDTH_VARIANCE


def check(doc: DocModel, el: Elements, col: Collector) -> None:
    if el.kind.code == "cong_van":
        _cong_van(doc, el, col)
        return
    if el.type_seg is None:
        col.add(
            "T1",
            "trang 1, dưới phần đầu văn bản",
            "",
            "Không tìm thấy tên loại văn bản (KẾ HOẠCH, BÁO CÁO, …) trên một dòng riêng.",
            "Ghi tên loại văn bản trên một dòng riêng: IN HOA, cỡ 13–14, đậm, căn giữa.",
        )
        return
    check_seg(
        col,
        doc,
        "T1",
        el.type_seg,
        "Tên loại văn bản",
        Expect(sizes=(13, 14), bold=True, italic=False, center=True, caps=True),
    )
    if not el.summary:
        col.add(
            "T1",
            el.type_seg.para.location(doc.rendered_pages),
            el.type_seg.display,
            "Thiếu trích yếu nội dung ngay dưới tên loại văn bản.",
            "Thêm trích yếu (chữ thường, cỡ 13–14, đậm, căn giữa) ngay dưới tên loại.",
        )
        return
    for seg in el.summary:
        check_seg(col, doc, "T1", seg, "Trích yếu", Expect(sizes=(13, 14), bold=True, italic=False, center=True))
    if all(s.is_caps for s in el.summary) and sum(c.isalpha() for s in el.summary for c in s.display) > 3:
        col.add(
            "T1",
            el.summary[0].para.location(doc.rendered_pages),
            el.summary[0].display,
            "Trích yếu đang viết IN HOA toàn bộ; trích yếu viết chữ thường (viết hoa chữ đầu).",
            "Viết lại trích yếu bằng chữ thường, chỉ viết hoa chữ cái đầu và tên riêng.",
        )
    longest = max(min(s.width_mm(), s.para.avail / 56.7) for s in el.summary)
    check_rule(
        col,
        doc,
        "T1",
        el.summary[-1],
        el.summary_rule,
        "trích yếu",
        longest / 3 * (1 - WIDTH_VARIANCE),
        longest / 2 * (1 + WIDTH_VARIANCE),
        "từ 1/3 đến 1/2 dòng trích yếu",
    )


def _cong_van(doc: DocModel, el: Elements, col: Collector) -> None:
    """Mẫu 1.5: the summary of a công văn is "V/v …" under the number, 12–13 pt, upright, centred."""
    if not el.vv:
        where = el.so.para.location(doc.rendered_pages) if el.so is not None else "trang 1, phần đầu văn bản"
        col.add(
            "T1",
            where,
            el.so.display if el.so is not None else "",
            "Công văn thiếu trích yếu “V/v …” dưới số, ký hiệu.",
            "Thêm dòng “V/v <nội dung>” ngay dưới dòng “Số: …” (chữ thường, cỡ 12–13, đứng, căn giữa).",
        )
        return
    for seg in el.vv:
        check_seg(
            col, doc, "T1", seg, "Trích yếu công văn", Expect(sizes=(12, 13), bold=False, italic=False, center=True)
        )
