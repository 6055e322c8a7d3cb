"""H1 Quốc hiệu, H2 Tiêu ngữ, H3 size pair, A1 issuing body, N1/N2 number and symbol, D1/D2 date."""

from __future__ import annotations

import datetime as dt
import re

from cchc_docgen.checker.docmodel import DocModel
from cchc_docgen.checker.fmtcheck import Expect, check_rule, check_seg
from cchc_docgen.checker.locate import Elements
from cchc_docgen.checker.model import Collector
from cchc_docgen.checker.tolerances import TN_RULE_TOLERANCE, WIDTH_VARIANCE
from cchc_docgen.checker.vocab import ALL_ABBR, TYPE_ABBR
from cchc_docgen.fontmetrics import text_width_mm

QH_TEXTS = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TN_TEXT = "Độc lập - Tự do - Hạnh phúc"
SO_RE = re.compile(r"^Số: (?P<num>\d+|\s*)/(?:(?P<year>\d{4})/)?(?P<sym>[0-9A-Za-zĐđ&]+(?:-[0-9A-Za-zĐđ&]+)+)$")
DATE_RE = re.compile(
    r"^(?P<place>[^,]+?)(?P<sp>\s*), ngày\s+(?P<d>\d+|[.…]*)\s*"
    r"tháng\s+(?P<m>\d+|[.…]*)\s*năm\s+(?P<y>\d+|[.…x]*)$"
)


def check(doc: DocModel, el: Elements, col: Collector) -> None:
    _quoc_hieu(doc, el, col)
    _tieu_ngu(doc, el, col)
    _size_pair(doc, el, col)
    _issuer(doc, el, col)
    _number(doc, el, col)
    _date(doc, el, col)


def _first_loc(doc: DocModel) -> str:
    return "trang 1, phần đầu văn bản"


def _quoc_hieu(doc: DocModel, el: Elements, col: Collector) -> None:
    if el.qh is None:
        col.add(
            "H1",
            _first_loc(doc),
            "",
            "Không tìm thấy Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.",
            "Thêm Quốc hiệu ở góc trên bên phải trang 1: IN HOA, cỡ 12–13, đứng, đậm.",
        )
        return
    if el.qh.display not in QH_TEXTS:
        col.add(
            "H1",
            el.qh.para.location(doc.rendered_pages),
            el.qh.display,
            "Quốc hiệu viết chưa đúng nguyên văn.",
            f"Sửa thành đúng “{QH_TEXTS[0]}”.",
        )
    check_seg(col, doc, "H1", el.qh, "Quốc hiệu", Expect(sizes=(12, 13), bold=True, italic=False, caps=True))


def _tieu_ngu(doc: DocModel, el: Elements, col: Collector) -> None:
    if el.tn is None:
        col.add(
            "H2",
            _first_loc(doc),
            "",
            "Không tìm thấy Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”.",
            "Thêm Tiêu ngữ ngay dưới Quốc hiệu: cỡ 13–14, đứng, đậm, căn giữa, gạch nối có cách chữ.",
        )
        return
    tn = el.tn
    if tn.text != TN_TEXT:
        what = (
            "dùng gạch ngang dài (– hoặc —) thay cho gạch nối (-)"
            if re.search("[–—‒−]", tn.text)
            else "sai chữ, khoảng cách hoặc dấu gạch nối"
        )
        col.add(
            "H2",
            tn.para.location(doc.rendered_pages),
            tn.text,
            f"Tiêu ngữ {what}.",
            f"Sửa thành đúng “{TN_TEXT}”: gạch nối (-) với đúng một dấu cách mỗi bên.",
        )
    check_seg(col, doc, "H2", tn, "Tiêu ngữ", Expect(sizes=(13, 14), bold=True, italic=False, center=True))
    width = text_width_mm(TN_TEXT, tn.size, True)
    check_rule(col, doc, "H2", tn, el.tn_rule, "Tiêu ngữ", width * (1 - TN_RULE_TOLERANCE),
               width * (1 + TN_RULE_TOLERANCE), "bằng dòng chữ Tiêu ngữ")


def _uniform(seg) -> float | None:  # type: ignore[no-untyped-def]
    if seg is None or len(seg.sizes) != 1:
        return None
    return float(seg.sizes[0])


def _size_pair(doc: DocModel, el: Elements, col: Collector) -> None:
    qh, tn, date = _uniform(el.qh), _uniform(el.tn), _uniform(el.date)
    if None in (qh, tn, date):
        return
    if (qh, tn, date) not in ((13, 14, 14), (12, 13, 13)):
        assert el.qh is not None
        col.add(
            "H3",
            el.qh.para.location(doc.rendered_pages),
            el.qh.display,
            f"Cỡ chữ Quốc hiệu / Tiêu ngữ / ngày tháng là {qh:g} / {tn:g} / {date:g}, không theo một bộ thống nhất.",
            "Dùng bộ 13 / 14 / 14 (thông dụng) hoặc 12 / 13 / 13.",
        )


def _issuer(doc: DocModel, el: Elements, col: Collector) -> None:
    if not el.issuer:
        col.add(
            "A1",
            _first_loc(doc),
            "",
            "Không tìm thấy tên cơ quan ban hành (IN HOA, đậm) ở góc trên bên trái.",
            "Ghi tên chính thức, đầy đủ của cơ quan ban hành: IN HOA, cỡ 12–13, đứng, đậm, căn giữa.",
        )
        return
    for seg in el.parent:
        check_seg(
            col,
            doc,
            "A1",
            seg,
            "Tên cơ quan chủ quản",
            Expect(sizes=(12, 13), bold=False, caps=True, center=True),
        )
    for seg in el.issuer:
        check_seg(
            col,
            doc,
            "A1",
            seg,
            "Tên cơ quan ban hành",
            Expect(sizes=(12, 13), bold=True, italic=False, caps=True, center=True),
        )
    longest = max(el.issuer, key=lambda s: s.width_mm())
    width = min(longest.width_mm(), longest.para.avail / 56.7)
    check_rule(
        col,
        doc,
        "A1",
        el.issuer[-1],
        el.issuer_rule,
        "tên cơ quan ban hành",
        width / 3 * (1 - WIDTH_VARIANCE),
        width / 2 * (1 + WIDTH_VARIANCE),
        "từ 1/3 đến 1/2 dòng chữ",
    )


def _number(doc: DocModel, el: Elements, col: Collector) -> None:
    so = el.so
    if so is None:
        col.add(
            "N1",
            _first_loc(doc),
            "",
            "Không tìm thấy số, ký hiệu văn bản (dòng “Số: …/…”).",
            "Thêm dòng “Số: 07/KH-SGDĐT” dưới tên cơ quan ban hành (cỡ 13, đứng, căn giữa).",
        )
        return
    loc = so.para.location(doc.rendered_pages)
    m = SO_RE.match(so.text)
    if m and m.group("year") and not el.kind.legal:
        col.add(
            "N1",
            loc,
            so.text,
            "Văn bản hành chính không ghi năm trong số, ký hiệu (chỉ văn bản quy phạm pháp luật mới có năm).",
            f"Bỏ “{m.group('year')}/” khỏi số, ký hiệu.",
        )
    if not m:
        col.add(
            "N1",
            loc,
            so.text,
            "Số, ký hiệu viết sai mẫu “Số: 07/KH-SGDĐT” (chữ “Số:” một dấu cách, "
            "“/” và “-” viết liền, không có dấu cách).",
            "Sửa theo mẫu “Số: 07/KH-SGDĐT”.",
        )
    else:
        num = m.group("num").strip()
        if num and (len(num) < 2 or (len(num) > 2 and num.startswith("0"))):
            col.add(
                "N1",
                loc,
                so.text,
                f"Số văn bản “{num}” sai cách ghi: số nhỏ hơn 10 phải có số 0 đứng trước và không thêm số 0 thừa.",
                f"Ghi “{int(num):02d}”.",
            )
        _abbr(doc, el, col, m.group("sym"), loc, so.text)
    check_seg(col, doc, "N1", so, "Số, ký hiệu", Expect(sizes=(13, 13), bold=False, italic=False, center=True))


def _abbr(doc: DocModel, el: Elements, col: Collector, sym: str, loc: str, text: str) -> None:
    if not el.type_name:
        return
    first = sym.split("-")[0]
    want = TYPE_ABBR.get(el.type_name)
    if want is None or first == want:
        return
    known = "" if first in ALL_ABBR else f" “{first}” không có trong bảng chữ viết tắt (Phụ lục III);"
    col.add(
        "N2",
        loc,
        text,
        f"Ký hiệu bắt đầu bằng “{first}” nhưng văn bản là {el.type_name};{known} phải dùng “{want}”.",
        f"Sửa ký hiệu thành “{want}-{'-'.join(sym.split('-')[1:])}”.",
    )


def _date(doc: DocModel, el: Elements, col: Collector) -> None:
    d = el.date
    if d is None:
        col.add(
            "D1",
            _first_loc(doc),
            "",
            "Không tìm thấy địa danh và ngày, tháng, năm ban hành.",
            "Thêm dòng “Hưng Yên, ngày 04 tháng 01 năm 2022” (cỡ 13–14, nghiêng, căn giữa dưới Tiêu ngữ).",
        )
        return
    loc = d.para.location(doc.rendered_pages)
    m = DATE_RE.match(d.text)
    fix = "Viết theo mẫu “Hưng Yên, ngày 04 tháng 01 năm 2022” (ngày < 10 và tháng 1, 2 có số 0 đứng trước)."
    if not m or m.group("sp"):
        col.add(
            "D1",
            loc,
            d.text,
            "Dòng địa danh, ngày tháng năm sai mẫu “<Địa danh>, ngày DD tháng MM năm YYYY”.",
            fix,
        )
    else:
        errs = _date_errors(m.group("d").strip(" .…"), m.group("m").strip(" .…"), m.group("y").strip(" .…"))
        if errs:
            col.add("D1", loc, d.text, "Ngày tháng năm viết sai: " + "; ".join(errs) + ".", fix)
        month = m.group("m").strip()
        if month.isdigit() and len(month) == 2 and month.startswith("0") and int(month) >= 3:
            col.add(
                "D2",
                loc,
                d.text,
                f"Tháng {int(month)} không cần số 0 đứng trước (chỉ tháng 1, 2 viết 01, 02).",
                f"Viết “tháng {int(month)}”.",
            )
    check_seg(
        col,
        doc,
        "D1",
        d,
        "Dòng địa danh, ngày tháng",
        Expect(sizes=(13, 14), italic=True, bold=False, center=True),
    )
    if el.so is not None and not _same_line(el):
        col.add(
            "D1",
            loc,
            d.text,
            "Ngày tháng không nằm cùng dòng với số, ký hiệu.",
            "Đặt “Số: …” và dòng ngày tháng trên cùng một hàng (cùng hàng bảng hoặc cùng dòng).",
        )


def _same_line(el: Elements) -> bool:
    so, d = el.so, el.date
    assert so is not None and d is not None
    if so.para is d.para:
        return so.line == d.line
    if so.para.table is not None and so.para.table == d.para.table:
        return so.para.row == d.para.row
    return False


def _date_errors(day: str, month: str, year: str) -> list[str]:
    errs = []
    if day and not (len(day) == 2 and day.isdigit() and 1 <= int(day) <= 31):
        errs.append(f"ngày “{day}” phải có 2 chữ số (01–31)")
    if month:
        if not month.isdigit() or not 1 <= int(month) <= 12:
            errs.append(f"tháng “{month}” không hợp lệ")
        elif int(month) <= 2 and len(month) != 2:
            errs.append(f"tháng {int(month)} phải viết “0{int(month)}”")
    if year and not (year.isdigit() and len(year) == 4):
        errs.append(f"năm “{year}” phải có 4 chữ số")
    if not errs and day and month and year.isdigit():
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            errs.append("ngày không tồn tại")
    return errs
