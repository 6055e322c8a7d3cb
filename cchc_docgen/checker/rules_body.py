"""B1 body paragraphs, B2 căn cứ, B3 numbering of mục / khoản / điểm, B4 "./."."""

from __future__ import annotations

import re

from cchc_docgen.checker.docmodel import DocModel, Para
from cchc_docgen.checker.locate import Elements
from cchc_docgen.checker.model import Collector
from cchc_docgen.checker.segs import Seg
from cchc_docgen.checker.tolerances import INDENT_TOLERANCE_TWIPS
from cchc_docgen.checker.vocab import fold
from cchc_docgen.fontmetrics import text_width_mm
from cchc_docgen.nd30words import POINT_LETTERS, roman, roman_value
from cchc_docgen.ooxml.names import w, wattr
from cchc_docgen.outline.words import CENTRED_HEAD

DEFAULT_TAB = 720  # Word's default tab stop, 1.27 cm
PREAMBLE = ("căn cứ", "thực hiện", "theo đề nghị", "xét đề nghị")
ITALIC_PREAMBLE = ("căn cứ", "theo đề nghị", "xét đề nghị")
ROMAN = re.compile(r"^([IVXLC]+)\.\s*(\S.*)$")
KHOAN = re.compile(r"^(\d+)\.\s+(\S.*)$")
DECIMAL = re.compile(r"^(\d+)\.(\d+)\.?\s+\S")
DIEM = re.compile(r"^([^\W\d_])\)\s*\S")
DIEU = re.compile(r"^Điều\s+(\d+)\s*\.")
DIEM_DOT = re.compile(r"^([a-zđ])\.\s+[A-ZĐÀ-Ỹ]")


def check(doc: DocModel, el: Elements, col: Collector) -> None:
    if not el.body:
        return
    enacted = el.kind.enacted
    _format(doc, el.body, col, enacted)
    # căn cứ ban hành (nd30.md §4.6, PL1 §II.6.a) belong to documents that issue something; a proposal (tờ
    # trình), a report or a công văn may cite documents in its first sentence without a căn cứ block
    if el.kind.code != "cong_van" and el.type_name not in ("TỜ TRÌNH", "BÁO CÁO"):
        _preamble(doc, el.body, col)
    _numbering(doc, el.body, col, enacted)
    last = el.body[-1]
    if not last.text.rstrip().endswith("./."):
        col.add(
            "B4",
            last.location(doc.rendered_pages),
            last.text[-70:],
            "Nội dung văn bản chưa kết thúc bằng “./.”.",
            "Thêm “./.” ngay sau câu cuối cùng của phần nội dung (trước phần Nơi nhận, chữ ký).",
        )


def _whole(p: Para) -> Seg:
    return Seg(p, 0, len(p.text), 0, 0, 1, False)


def _format(doc: DocModel, body: list[Para], col: Collector, enacted: bool = False) -> None:
    rendered = doc.rendered_pages
    prev: Para | None = None
    for p in body:
        loc, text, pp = p.location(rendered), p.text, p.props
        if CENTRED_HEAD.match(fold(text)) or (prev is not None and CENTRED_HEAD.match(fold(prev.text))):
            prev = p
            continue
        # justification shows only on a line that wraps: a left-aligned paragraph that fits on one line
        # renders exactly like a justified one (nd30.md §4.6 "justified (both margins)")
        one_line = "\n" not in text.strip() and text_width_mm(text.strip(), _size(p), False) * 56.7 <= p.avail - max(
            pp.first_line, 0
        )
        if pp.jc not in ("both", "distribute") and not (one_line and pp.jc in ("left", "start")):
            col.add(
                "B1",
                loc,
                text,
                "Đoạn nội dung chưa căn đều hai bên (justify).",
                "Chọn các đoạn nội dung và căn đều hai bên (Ctrl+J).",
                group="jc",
            )
        sizes = sorted(
            {
                r.props.size
                for r in p.runs
                if r.text.strip() and r.props.vert == "baseline" and not 13 <= r.props.size <= 14
            }
        )
        if sizes:
            col.add(
                "B1",
                loc,
                text,
                f"Chữ trong nội dung cỡ {', '.join(f'{s:g}' for s in sizes)} pt (quy định 13–14 pt).",
                "Đặt cỡ chữ 14 (hoặc 13) cho toàn bộ phần nội dung.",
                group="size",
            )
        seg = _whole(p)
        # the căn cứ block and the enacting sentence that closes it ("Chính phủ ban hành Nghị định …") are
        # italic (nd30.md §4.6, Mẫu 1.2 "Theo đề nghị của … ." in the same style); so is a note in brackets that
        # points to attached material ("(Số liệu chi tiết tại Phụ lục kèm theo)"), the practice nd30.md §4.5 shows
        # for the period line "(Từ ngày … đến ngày …)": a note, not body text
        enacting = enacted and " ban hành " in fold(text) and len(text) < 200
        note = text.strip().startswith("(")
        if seg.italic and not fold(text).startswith(PREAMBLE) and not enacting and not note:
            col.add(
                "B1",
                loc,
                text,
                "Đoạn nội dung in nghiêng toàn bộ (quy định chữ đứng).",
                "Bỏ in nghiêng (Ctrl+I) cho đoạn nội dung.",
                group="italic",
            )
        first = _first_indent(p, doc.pkg.default_tab)
        if not any(abs(first - v) <= INDENT_TOLERANCE_TWIPS for v in (567, 720)):
            col.add(
                "B1",
                loc,
                text,
                f"Thụt đầu dòng {first / 567:.2f} cm".replace(".", ",") + " (quy định 1 cm hoặc 1,27 cm).",
                "Vào Paragraph › Indentation › Special: First line, By: 1 cm.",
                group="indent",
            )
        if prev is not None and prev.index == p.index - 1:
            gap = _gap(prev, p)
            if gap < 118:
                col.add(
                    "B1",
                    loc,
                    text,
                    f"Khoảng cách giữa các đoạn {gap / 20:g} pt (quy định tối thiểu 6 pt).",
                    "Vào Paragraph › Spacing, đặt Before: 6 pt.",
                    group="gap",
                )
        size = max((r.props.size for r in p.runs), default=14.0)
        if not _line_ok(pp.line, pp.line_rule, size):
            col.add(
                "B1",
                loc,
                text,
                "Giãn dòng ngoài khoảng từ dòng đơn (single) đến 1,5 dòng.",
                "Vào Paragraph › Line spacing, chọn Single (hoặc Multiple 1,0–1,5).",
                group="line",
            )
        prev = p


def _size(p: Para) -> float:
    return max((r.props.size for r in p.runs if r.text.strip()), default=p.mark_size)


def _first_indent(p: Para, default_tab: int = DEFAULT_TAB) -> int:
    """Where the first line's text starts, in twips: the indent, or the tab stop a leading TAB jumps to."""
    pp = p.props
    start = pp.left + pp.first_line
    lead = p.text[: len(p.text) - len(p.text.lstrip(" \t"))]
    for _tab in lead.replace(" ", ""):  # each leading TAB moves to the next tab stop
        stops = sorted(
            int(float(wattr(t, "pos") or 0))
            for t in p.el.findall(f"{w('pPr')}/{w('tabs')}/{w('tab')}")
            if wattr(t, "val") not in ("clear", "bar")
        )
        nxt = next((s for s in stops if s > start), None)
        tab = default_tab or DEFAULT_TAB
        start = nxt if nxt is not None else (start // tab + 1) * tab
    return start


def _gap(prev: Para, p: Para) -> int:
    after = 280 if prev.props.after_auto else prev.props.after
    before = 280 if p.props.before_auto else p.props.before
    if p.props.contextual and prev.props.contextual and p.props.style_id == prev.props.style_id:
        return 0
    return after + before


def _line_ok(line: int | None, rule: str, size: float) -> bool:
    if line is None:
        return True
    if rule == "auto":
        return 238 <= line <= 362
    pt = line / 20
    if rule == "atLeast":
        return pt <= size * 1.75
    return size * 1.1 <= pt <= size * 1.75


def _preamble(doc: DocModel, body: list[Para], col: Collector) -> None:
    block = []
    for p in body:
        if not fold(p.text).startswith(PREAMBLE):
            break
        block.append(p)
    for i, p in enumerate(block):
        folded = fold(p.text)
        if not folded.startswith(ITALIC_PREAMBLE):
            continue
        loc = p.location(doc.rendered_pages)
        if not _whole(p).italic:
            col.add(
                "B2",
                loc,
                p.text,
                "Dòng căn cứ chưa in nghiêng.",
                "In nghiêng (Ctrl+I) toàn bộ các dòng căn cứ.",
            )
        last = i == len(block) - 1
        end = p.text.rstrip()[-1:]
        # where an enacting sentence ("Chính phủ ban hành Nghị định …") closes the block, that sentence
        # carries the final "." and the căn cứ before it end with ";" (nd30.md §4.6, Mẫu 1.2; the decree)
        if last and end != "." and not (end == ";" and _enacting_follows(body, p)):
            col.add(
                "B2",
                loc,
                p.text,
                "Dòng căn cứ cuối cùng phải kết thúc bằng dấu chấm “.”.",
                "Thay dấu cuối dòng căn cứ cuối cùng bằng “.”.",
            )
        elif not last and end != ";":
            col.add(
                "B2",
                loc,
                p.text,
                "Mỗi dòng căn cứ (trừ dòng cuối) phải kết thúc bằng dấu chấm phẩy “;”.",
                "Thêm hoặc sửa dấu cuối dòng thành “;”.",
            )


def _enacting_follows(body: list[Para], p: Para) -> bool:
    """Whether the paragraph after ``p`` is an enacting sentence: "… ban hành …" ending with "."."""
    nxt = next((q for q in body if q.index > p.index and q.text.strip()), None)
    return nxt is not None and " ban hành " in fold(nxt.text) and nxt.text.rstrip().endswith((".", ":"))


class _Seq:
    """Expected next value of one numbering level."""

    def __init__(self, kind: str, show) -> None:  # type: ignore[no-untyped-def]
        self.kind, self.show, self.prev = kind, show, 0

    def see(self, value: int) -> str | None:
        prev, self.prev = self.prev, value
        if value == prev + 1:
            return None
        kind, show = self.kind, self.show
        if value == prev:
            self.prev = prev + 1  # most likely a mistyped next number: keep counting from there
            nxt = show(prev + 1)
            return f"{kind} {show(value)} bị lặp lại (trùng với {kind.lower()} ngay trước; phải là {nxt})."
        if prev == 0 and value > 1:
            return f"{kind} đầu tiên phải là {show(1)}, không phải {show(value)}."
        if value > prev + 1:
            missing = ", ".join(show(v) for v in range(prev + 1, value))
            return f"Đánh số bị bỏ sót: sau {kind.lower()} {show(prev)} là {show(value)}, thiếu {missing}."
        return f"{kind} {show(value)} sai thứ tự: sau {show(prev)} phải là {show(prev + 1)}."


def _letter(v: int) -> str:
    return f"{POINT_LETTERS[v - 1]})" if 1 <= v <= len(POINT_LETTERS) else ""


def _numbering(doc: DocModel, body: list[Para], col: Collector, enacted: bool = False) -> None:
    muc = _Seq("Mục", lambda v: f"{roman(v)}." if v else "")
    khoan = _Seq("Khoản", lambda v: f"{v}." if v else "")
    sub = _Seq("Khoản", lambda v: f"{khoan.prev}.{v}." if v else "")
    diem = _Seq("Điểm", _letter)
    dieu = _Seq("Điều", lambda v: f"Điều {v}." if v else "")
    fix = "Đánh lại số thứ tự cho liên tục, không lặp, không bỏ sót (I, II, III…; 1, 2, 3…; a, b, c, d, đ, e, g…)."

    def add(p: Para, msg: str | None, fixing: str = fix) -> None:
        if msg:
            col.add("B3", p.location(doc.rendered_pages), p.text, msg, fixing)

    for p in body:
        if p.numbered:
            continue
        text = " ".join(p.text.split())
        if re.match(r"^phần\s", fold(text)):
            muc.prev = khoan.prev = diem.prev = 0
        elif m := DIEU.match(text):
            add(p, dieu.see(int(m.group(1))))
            khoan.prev = diem.prev = sub.prev = 0
        elif (m := ROMAN.match(text)) and roman_value(m.group(1)):
            add(p, muc.see(roman_value(m.group(1)) or 0))
            khoan.prev = diem.prev = sub.prev = 0
            seg = _whole(p)
            head = Seg(p, 0, p.text.find(":") if ":" in p.text else len(p.text), 0, 0, 1, False)
            if not head.is_caps or not seg.any_bold:
                add(
                    p,
                    f"Tiêu đề mục “{m.group(1)}.” phải viết IN HOA và in đậm.",
                    "Viết tiêu đề mục (I., II., …) bằng chữ IN HOA, in đậm.",
                )
        elif m := DECIMAL.match(text):
            if int(m.group(1)) != khoan.prev:
                add(p, f"Khoản “{m.group(1)}.{m.group(2)}.” không thuộc khoản {khoan.prev}. đứng trước.")
            add(p, sub.see(int(m.group(2))))
            diem.prev = 0
        elif m := KHOAN.match(text):
            add(p, khoan.see(int(m.group(1))))
            diem.prev = sub.prev = 0
            rest = m.group(2)
            titled = len(rest) < 100 and rest[-1] not in ".;:,)" and ":" not in rest
            if titled and not enacted and not _whole(p).any_bold:
                add(
                    p,
                    f"Khoản có tiêu đề “{text[:40]}” phải in đậm.",
                    "In đậm (Ctrl+B) dòng tiêu đề của khoản.",
                )
        elif m := DIEM.match(text):
            letter = m.group(1)
            if letter not in POINT_LETTERS:
                expect = _letter(diem.prev + 1) or "?"
                add(
                    p,
                    f"Điểm “{letter})” dùng chữ không có trong thứ tự chữ cái tiếng Việt dùng đánh số điểm "
                    f"(a, b, c, d, đ, e, g, h, i, k, …; không có f, j, w, z); ở đây phải là “{expect}”.",
                    f"Sửa thành “{expect}”.",
                )
                diem.prev += 1
            else:
                add(p, diem.see(POINT_LETTERS.index(letter) + 1))
        elif m := DIEM_DOT.match(text):
            add(
                p,
                f"Điểm “{m.group(1)}.” phải viết với dấu ngoặc đơn: “{m.group(1)})”.",
                f"Sửa “{m.group(1)}.” thành “{m.group(1)})”.",
            )
