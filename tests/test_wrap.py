"""Line wrapping of names and titles, and the rules sized from the lines as printed (NĐ30 §4.2, §4.5).

The rule under the issuing body's name and under the trích yếu is 1/3–1/2 of the longest line *as printed*:
a name that wraps in the header's left column is measured line by line, not as one long unwrapped text.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from support.long_names import LONG_NAMES, TITLE_PRINTED, long_name_plan

from cchc_docgen.context.rules import HEADER_COLS_MM, PORTRAIT_WIDTH_MM, cell_text_mm, name_lines, rule_under
from cchc_docgen.fontmetrics import text_width_mm, wrap_without_widow, wrap_words

COLUMN = cell_text_mm(HEADER_COLS_MM[0])  # the issuer's column, ≈ 68 mm


def _w(text: str, size: float = 13, bold: bool = True) -> float:
    return text_width_mm(text, size, bold)


def _is_greedy(lines: list[str], text: str, width: float, size: float, bold: bool) -> bool:
    """Every word kept, every line fits, and no line could take the next line's first word."""
    if " ".join(lines).split() != text.split():
        return False
    fits = all(_w(line, size, bold) <= width or " " not in line for line in lines)
    full = all(_w(f"{a} {b.split()[0]}", size, bold) > width for a, b in pairwise(lines))
    return fits and full


@pytest.mark.parametrize("text", [
    "TRƯỜNG TRUNG HỌC CƠ SỞ LẠC HỒNG",
    "TRUNG TÂM GIÁO DỤC NGHỀ NGHIỆP - GIÁO DỤC THƯỜNG XUYÊN HUYỆN VĂN LÂM",
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
])
def test_greedy_wrap_breaks_like_a_word_processor(text: str) -> None:
    lines = wrap_words(text, COLUMN, 13, True)
    assert len(lines) >= 2
    assert _is_greedy(lines, text, COLUMN, 13, True)


def test_greedy_wrap_known_lines() -> None:
    # as LibreOffice prints them in the 70 mm column of the default template (13 pt bold)
    assert wrap_words("TRƯỜNG TRUNG HỌC CƠ SỞ LẠC HỒNG", COLUMN, 13, True) == ["TRƯỜNG TRUNG HỌC CƠ SỞ", "LẠC HỒNG"]
    assert wrap_words("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", COLUMN, 13, True) == ["PHÒNG GIÁO DỤC VÀ ĐÀO", "TẠO"]
    assert wrap_words("SỞ GIÁO DỤC VÀ ĐÀO TẠO", COLUMN, 13, True) == ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    # spaces do not count, a word wider than the column stands alone, nothing gives no line
    assert wrap_words("  A   B  ", 50, 13, True) == ["A B"]
    assert wrap_words("X" * 80 + " Y", 50, 13, True) == ["X" * 80, "Y"]
    assert wrap_words("   ", 50, 13, True) == []


def test_one_word_last_line_takes_the_word_before_it() -> None:
    assert wrap_without_widow("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", COLUMN, 13, True) == ["PHÒNG GIÁO DỤC VÀ", "ĐÀO TẠO"]
    three = "TRƯỜNG TIỂU HỌC VÀ TRUNG HỌC CƠ SỞ NGUYỄN TRÃI"
    assert wrap_words(three, COLUMN, 13, True)[-1] == "TRÃI"
    assert wrap_without_widow(three, COLUMN, 13, True) == ["TRƯỜNG TIỂU HỌC VÀ", "TRUNG HỌC CƠ SỞ", "NGUYỄN TRÃI"]
    # a last line of two words or more, and a text on one line, stay as the greedy wrap has them
    for text in ("TRƯỜNG TRUNG HỌC CƠ SỞ LẠC HỒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"):
        assert wrap_without_widow(text, COLUMN, 13, True) == wrap_words(text, COLUMN, 13, True)
    # the line before keeps at least two words: "AAAA BBBB / C" in a narrow column is left alone
    narrow = _w("WWWW WWWW") + 1
    assert wrap_words("WWWW WWWW C", narrow, 13, True) == ["WWWW WWWW", "C"]
    assert wrap_without_widow("WWWW WWWW C", narrow, 13, True) == ["WWWW WWWW", "C"]


def test_name_lines_keep_the_users_breaks_and_mend_a_widow() -> None:
    assert name_lines(["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH HƯNG YÊN"], 13, True, COLUMN) == [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH HƯNG YÊN"]
    # a name that wraps evenly stays one paragraph (Word and LibreOffice wrap it the same)
    assert name_lines(["TRƯỜNG TRUNG HỌC CƠ SỞ LẠC HỒNG"], 13, True, COLUMN) == ["TRƯỜNG TRUNG HỌC CƠ SỞ LẠC HỒNG"]
    # a widow is mended by breaking the name by hand, each line well inside the column
    lines = name_lines(["UBND", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"], 13, True, COLUMN)
    assert lines == ["UBND", "PHÒNG GIÁO DỤC VÀ", "ĐÀO TẠO"]
    assert all(_w(line) <= COLUMN - 1 for line in lines)


@pytest.mark.parametrize(("parts", "printed"), [
    (["TRƯỜNG TRUNG HỌC CƠ SỞ LẠC HỒNG"], ["TRƯỜNG TRUNG HỌC CƠ SỞ", "LẠC HỒNG"]),
    (["PHÒNG GIÁO DỤC VÀ", "ĐÀO TẠO"], ["PHÒNG GIÁO DỤC VÀ", "ĐÀO TẠO"]),
    (["TRUNG TÂM GIÁO DỤC NGHỀ NGHIỆP - GIÁO DỤC THƯỜNG XUYÊN HUYỆN VĂN LÂM"],
     ["TRUNG TÂM GIÁO DỤC NGHỀ", "NGHIỆP - GIÁO DỤC THƯỜNG", "XUYÊN HUYỆN VĂN LÂM"]),
])
def test_issuer_rule_is_sized_from_the_printed_lines(parts: list[str], printed: list[str]) -> None:
    rule = rule_under(parts, 13, True, 0.42, COLUMN)
    longest = max(_w(line) for line in printed)
    assert rule.length_mm == pytest.approx(0.42 * longest)
    assert longest / 3 <= rule.length_mm <= longest / 2


def test_title_rule_is_sized_from_the_wrapped_title() -> None:
    title = ("Tuyên truyền, phổ biến, quán triệt các nội dung cải cách hành chính và chuyển đổi số trong toàn "
             "ngành giáo dục huyện năm 2025")
    lines = wrap_words(title, PORTRAIT_WIDTH_MM, 14, True)
    assert len(lines) == 2 and _is_greedy(lines, title, PORTRAIT_WIDTH_MM, 14, True)
    rule = rule_under([title], 14, True, 0.4, PORTRAIT_WIDTH_MM)
    longest = max(_w(line, 14) for line in lines)
    assert rule.length_mm == pytest.approx(0.4 * longest)
    # a short title is not wrapped: its rule follows its own width
    assert rule_under(["Tuyên truyền năm 2025"], 14, True, 0.4, PORTRAIT_WIDTH_MM).length_mm == pytest.approx(
        0.4 * _w("Tuyên truyền năm 2025", 14))


@pytest.mark.parametrize("name", list(LONG_NAMES))
def test_long_issuer_and_title_render_and_pass_the_strict_check(name: str, tmp_path: Path) -> None:
    from docx import Document
    from support.geometry import docx_rules

    from cchc_docgen.checker import check_docx
    from cchc_docgen.fontmetrics import PT_PER_MM
    from cchc_docgen.pipeline import render_plan

    docx = render_plan(long_name_plan(tmp_path / "ke_hoach.yaml", name), tmp_path)
    findings = check_docx(docx)
    assert findings == [], "\n".join(f"{f.rule_id} {f.location}: {f.message}" for f in findings)
    # the DOCX: issuer paragraphs hold the whole name; the rules are 1/3–1/2 of the lines as printed
    doc = Document(str(docx))
    left = doc.tables[0].rows[0].cells[0]
    paras = [p.text for p in left.paragraphs if p.style.name == "ND30 Agency Name"]
    assert " ".join(paras).split() == " ".join(LONG_NAMES[name]).split()
    issuer_rule, _, title_rule = docx_rules(docx)[:3]
    for rule, printed, size in ((issuer_rule, LONG_NAMES[name], 13), (title_rule, TITLE_PRINTED, 14)):
        longest = max(text_width_mm(line, size, True) for line in printed) * PT_PER_MM
        assert longest / 3 <= rule.length_pt <= longest / 2, (name, rule.length_pt, longest)
