"""S1/S2 signature block, R1/R2 Nơi nhận, R3 Kính gửi."""

from __future__ import annotations

import re

from cchc_docgen.checker.docmodel import DocModel
from cchc_docgen.checker.fmtcheck import Expect, check_seg
from cchc_docgen.checker.locate import AUTHORITY, Elements
from cchc_docgen.checker.model import Collector
from cchc_docgen.checker.segs import Seg
from cchc_docgen.checker.tolerances import CENTRE_TOLERANCE_MM
from cchc_docgen.checker.vocab import fold
from cchc_docgen.outline.words import AUTHORITY_WELL_FORMED as PREFIX_OK

TITLES = re.compile(r"^(GS|PGS|TS|TSKH|ThS|Th\.S|CN|KS|BS|NGƯT|NGND|Gs|Ts|Pgs)\b\.?", re.UNICODE)
ENTRY = re.compile(r"^- \S.*;$")
#: "- Lưu: VT, <unit>[ (copies)]." (nd30.md §4.9), optionally followed by ô 12, the drafter's mark and the
#: number of copies, which Mẫu 1.4 places right after the Lưu entry ("- Lưu: VT, …⁹. …¹⁰."). Offices write that
#: mark in many ways (initials, a given name, copies in brackets), so only its place is judged, not its form.
LAST_ENTRY = re.compile(r"^- Lưu: VT(, [^.;]+)?\.(?P<mark>\s*[^\s;].{0,40})?$")
#: S2 (nd30.md §4.7, §8): at least four empty lines; the smallest a signature block may use is 13 pt, and a
#: single-spaced 13 pt line is 1.15 × 13 pt high: four of them are 21.1 mm
SIGN_SPACE_MM = 4 * 13 * 1.15 * 25.4 / 72
HAND_ALIGNED = ("left", "start", "both", "distribute")
#: a report addressed to a higher body names it after "báo cáo" in its lead-in or closing; such a report
#: carries "Kính gửi" and "- Như trên;" (nd30.md §4.9, PL1 §II.9.b)
UPWARD_TEXT = re.compile(
    r"\b(?:kính )?báo cáo (?:với |lên |gửi )?(?:bộ|ủy ban|ubnd|thủ tướng|chính phủ|văn phòng chính phủ|"
    r"tỉnh ủy|thành ủy|hội đồng nhân dân|hđnd|quốc hội|ban thường vụ|ban chỉ đạo trung ương|cấp trên)\b"
)


def check(doc: DocModel, el: Elements, col: Collector) -> None:
    _signature(doc, el, col)
    _recipients(doc, el, col)
    _kinh_gui(doc, el, col)


def _foot_loc(doc: DocModel, el: Elements) -> str:
    if el.body:
        return el.body[-1].location(doc.rendered_pages) + " (sau phần nội dung)"
    return "cuối văn bản"


def _signature(doc: DocModel, el: Elements, col: Collector) -> None:
    if not el.sign_titles:
        col.add(
            "S1",
            _foot_loc(doc, el),
            "",
            "Không tìm thấy quyền hạn, chức vụ người ký (ví dụ “KT. GIÁM ĐỐC”).",
            "Thêm chức vụ người ký ở cuối văn bản, bên phải: IN HOA, cỡ 13–14, đậm, căn giữa.",
        )
        return
    # title lines typed flush left in a narrow signature cell render as a block; judge where the block
    # renders: within CENTRE_TOLERANCE_MM of the cell's centre it reads as centred (segs.py gives the measurement)
    hand = [s for s in el.sign_titles if s.para.table is not None and s.para.props.jc in HAND_ALIGNED]
    block_ok = (
        bool(hand)
        and len(hand) == len(el.sign_titles)
        and all(s.para.centre_off_mm is None for s in hand)  # measured lines are judged as measured
        and max(s.off_centre_mm() for s in hand) <= CENTRE_TOLERANCE_MM
    )
    for seg in el.sign_titles:
        check_seg(
            col,
            doc,
            "S1",
            seg,
            "Chức vụ người ký",
            Expect(sizes=(13, 14), bold=True, italic=False, center=not block_ok, caps=True),
        )
        if AUTHORITY.match(seg.display) and not PREFIX_OK.match(seg.display):
            col.add(
                "S1",
                seg.para.location(doc.rendered_pages),
                seg.display,
                "Chữ viết tắt quyền hạn (TM., KT., Q., TL., TUQ.) phải có dấu chấm và một dấu cách sau nó.",
                "Viết ví dụ “KT. GIÁM ĐỐC”.",
            )
    name = el.sign_name
    if name is None:
        col.add(
            "S1",
            el.sign_titles[-1].para.location(doc.rendered_pages),
            el.sign_titles[-1].display,
            "Không tìm thấy họ tên người ký dưới chức vụ.",
            "Ghi họ và tên người ký (chữ thường, viết hoa chữ đầu), cỡ 13–14, đậm, căn giữa.",
        )
        return
    check_seg(
        col,
        doc,
        "S1",
        name,
        "Họ tên người ký",
        Expect(sizes=(13, 14), bold=True, italic=False, center=True, caps=False),
    )
    if TITLES.match(name.display):
        col.add(
            "S1",
            name.para.location(doc.rendered_pages),
            name.display,
            "Không ghi học hàm, học vị (GS., TS., ThS., …) trước họ tên người ký.",
            "Xóa học hàm, học vị, chỉ ghi họ và tên.",
        )
    if el.sign_gap_mm is not None:
        if el.sign_gap_mm < SIGN_SPACE_MM:
            col.add(
                "S2",
                name.para.location(doc.rendered_pages),
                name.display,
                f"Khoảng trống để ký giữa chức vụ và họ tên người ký chỉ khoảng {el.sign_gap_mm:.0f} mm "
                "trên trang in (nên khoảng 25 mm, tức ít nhất 4 dòng trống) để ký và đóng dấu.",
                "Thêm dòng trống giữa chức vụ và họ tên cho đủ 4 dòng trở lên.",
            )
    elif el.sign_gap < 4:
        col.add(
            "S2",
            name.para.location(doc.rendered_pages),
            name.display,
            f"Giữa chức vụ và họ tên người ký chỉ có {el.sign_gap} dòng trống "
            "(nên ít nhất 4 dòng, khoảng 25 mm) để ký và đóng dấu.",
            "Thêm dòng trống giữa chức vụ và họ tên cho đủ 4 dòng trở lên.",
        )


def _recipients(doc: DocModel, el: Elements, col: Collector) -> None:
    nn = el.nn
    if nn is None:
        col.add(
            "R1",
            _foot_loc(doc, el),
            "",
            "Không tìm thấy phần “Nơi nhận:”.",
            "Thêm “Nơi nhận:” ở góc dưới bên trái, ngang hàng với chức vụ người ký (cỡ 12, đậm, nghiêng).",
        )
        return
    loc = nn.para.location(doc.rendered_pages)
    if nn.display != "Nơi nhận:":
        col.add(
            "R1",
            loc,
            nn.display,
            "Tiêu đề phải viết đúng “Nơi nhận:” (có dấu hai chấm).",
            "Sửa thành “Nơi nhận:”.",
        )
    check_seg(col, doc, "R1", nn, "Chữ “Nơi nhận:”", Expect(sizes=(12, 12), bold=True, italic=True))
    pp = nn.para.props
    # one or two typed spaces or an indent of a few millimetres do not move it off the margin
    lead_spaces = len(nn.para.text[: nn.start]) - len(nn.para.text[: nn.start].lstrip(" \u00a0"))
    if (
        nn.lead
        or nn.col > 0
        or pp.jc in ("center", "right")
        or pp.left + max(pp.first_line, 0) > 200
        or lead_spaces > 3
    ):
        col.add(
            "R1",
            loc,
            nn.display,
            "“Nơi nhận:” phải sát lề trái.",
            "Căn trái, bỏ thụt lề cho dòng “Nơi nhận:”.",
        )
    level = el.nn_level if el.nn_level is not None else (not el.sign_titles or _level(doc, el))
    if el.sign_titles and not level:
        col.add(
            "R1",
            loc,
            nn.display,
            "“Nơi nhận:” không ngang hàng với dòng chức vụ đầu tiên của người ký.",
            "Đặt Nơi nhận và chữ ký trong một bảng 2 cột không viền, cùng một hàng, dòng đầu hai ô ngang nhau.",
        )
    entries = el.nn_entries
    if not entries:
        col.add(
            "R2",
            loc,
            nn.display,
            "Dưới “Nơi nhận:” không có nơi nhận nào.",
            "Liệt kê mỗi nơi nhận một dòng “- …;”, dòng cuối “- Lưu: VT, ….”.",
        )
        return
    # a long entry wrapped by hand continues on lines that do not start with "-": judge it whole
    texts: list[str] = []
    heads: list[Seg] = []
    for seg in entries:
        if texts and not seg.display.startswith(("-", "+", "–")):
            texts[-1] += " " + seg.display
        else:
            texts.append(seg.display)
            heads.append(seg)
    for i, (seg, text) in enumerate(zip(heads, texts, strict=True)):
        sloc = seg.para.location(doc.rendered_pages)
        last = i == len(heads) - 1
        if last and not LAST_ENTRY.match(text):
            msg = (
                "Dòng cuối của Nơi nhận phải theo mẫu “- Lưu: VT, ….”."
                if "lưu" in fold(text)
                else "Thiếu dòng lưu “- Lưu: VT, ….” ở cuối Nơi nhận."
            )
            col.add("R2", sloc, text, msg, "Thêm hoặc sửa dòng cuối thành “- Lưu: VT, VP.”.")
        elif not last and not ENTRY.match(text):
            col.add(
                "R2",
                sloc,
                text,
                "Mỗi nơi nhận phải bắt đầu bằng “- ” và kết thúc bằng “;”.",
                "Sửa dòng theo mẫu “- UBND tỉnh;”.",
                group="entry",
            )
        check_seg(col, doc, "R2", seg, "Dòng nơi nhận", Expect(sizes=(11, 11), bold=False, italic=False))


def _level(doc: DocModel, el: Elements) -> bool:
    """Whether "Nơi nhận:" stands level with the first authority line."""
    nn, title = el.nn, el.sign_titles[0]
    assert nn is not None
    if nn.para is title.para:
        return nn.line == title.line
    p, q = nn.para, title.para
    if p.table is None or p.table != q.table or p.row != q.row:
        return False

    def first_text(cell: object) -> int:
        return min(x.index for x in doc.paras if x.cell is cell and x.text.strip())

    return first_text(p.cell) == p.index and first_text(q.cell) == q.index


def _needs_kinh_gui(el: Elements) -> str:
    """Why this document must carry "Kính gửi" ("" when it need not)."""
    if el.kind.code == "cong_van":
        return "công văn"
    if el.kinh_gui:
        return "văn bản có Kính gửi"
    if el.type_name == "TỜ TRÌNH":
        return "tờ trình"
    if el.type_name != "BÁO CÁO":
        return ""
    if el.nn_entries and el.nn_entries[0].display.startswith("- Như trên"):
        return "báo cáo gửi cấp trên"
    lead = []
    for p in el.body:
        if re.match(r"^([IVX]+|\d+)\.\s", p.text.strip()):
            break
        lead.append(p)
    closing = el.body[-2:]
    if any(UPWARD_TEXT.search(fold(p.text)) for p in (*lead[:4], *closing)):
        return "báo cáo gửi cấp trên"
    return ""


def _kinh_gui(doc: DocModel, el: Elements, col: Collector) -> None:
    why = _needs_kinh_gui(el)
    if not why:
        return
    first = el.nn_entries[0].display if el.nn_entries else ""
    if not el.kinh_gui:
        anchor = el.summary[-1] if el.summary else (el.vv[-1] if el.vv else None)
        col.add(
            "R3",
            anchor.para.location(doc.rendered_pages) if anchor is not None else _foot_loc(doc, el),
            anchor.display if anchor is not None else "",
            f"Văn bản là {why} nhưng không có dòng “Kính gửi:” ghi cơ quan nhận.",
            "Thêm dòng “Kính gửi: …” ngay dưới trích yếu (cỡ 13–14, chữ đứng), và ghi “- Như trên;” "
            "làm dòng đầu của Nơi nhận.",
        )
        return
    kg = el.kinh_gui[0]
    check_seg(col, doc, "R3", kg, "Dòng “Kính gửi”", Expect(sizes=(13, 14), italic=False))
    if el.nn_entries and not first.startswith("- Như trên"):
        col.add(
            "R3",
            el.nn_entries[0].para.location(doc.rendered_pages),
            first,
            "Văn bản có “Kính gửi” thì nơi nhận đầu tiên phải là “- Như trên;”.",
            "Thêm “- Như trên;” làm dòng đầu tiên dưới “Nơi nhận:”.",
        )
