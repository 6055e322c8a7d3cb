"""What LibreOffice prints: rule lengths against their text, and task rows that do not break across pages.

Plans are rendered to DOCX, converted with LibreOffice, and measured in the PDF (pdfminer: drawn lines and
text lines). The DOCX geometry (cell width − cell margins − indents: where Word draws a paragraph border) is
compared with the same PDF figures, so Word and LibreOffice print the same lengths.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from support.geometry import Box, docx_rules, pdf_pages, rule_below
from support.paths import PLANS

from cchc_docgen.pdf import convert_one
from cchc_docgen.pipeline import render_plan

pytestmark = pytest.mark.slow

SENTENCE = ("rà soát, cập nhật, công khai thủ tục hành chính thuộc thẩm quyền giải quyết trên cổng dịch vụ công "
            "của tỉnh và hướng dẫn tổ chức, cá nhân thực hiện")
WORDS = SENTENCE.split(" ")

LONG_PLAN_HEAD = """\
issuer:
  parent: UBND tỉnh Hưng Yên
  name: Sở Giáo dục và Đào tạo | tỉnh Hưng Yên
  abbreviation: SGDĐT
  place: Hưng Yên
number: 12
date: 2024-03-16
title: Triển khai nhiệm vụ cải cách hành chính | của ngành Giáo dục và Đào tạo năm 2024
body:
  - title: Nhiệm vụ
    text: Chi tiết tại Phụ lục kèm theo.
signer: {authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Nguyễn Văn An}
recipients: [UBND tỉnh]
archive: VP
appendices:
  - title: [Nhiệm vụ cải cách hành chính năm 2024]
    orientation: landscape
    columns:
      - {key: tt, label: TT, width: 12, numbers: true}
      - {key: task, label: Nhiệm vụ, width: 130}
      - {key: lead, label: Chủ trì, width: 50}
      - {key: time, label: Thời gian, width: 60}
    rows:
"""


def _paragraph(row: int, part: int, words: int) -> str:
    body = " ".join(WORDS[(row * 7 + part * 3 + i) % len(WORDS)] for i in range(words))
    return f"Q{row:03d}{part} {body} Z{row:03d}{part}"


def long_plan(path: Path) -> Path:
    """A landscape appendix of 40 rows of 1–9 paragraphs, one row (950) over half a page, and one row (900)
    taller than a page."""
    lines = [LONG_PLAN_HEAD]
    for row in range(1, 41):
        parts = 1 + (row * 5) % 9
        paras = ", ".join(f'"{_paragraph(row, k, 8 + (row + k) % 14)}"' for k in range(parts))
        lines.append(f'      - {{task: [{paras}], lead: "Q{row:03d}L Văn phòng", time: "Q{row:03d}T Quý II"}}\n')
    near = ", ".join(f'"{_paragraph(950, k, 3)}"' for k in range(22))  # over half a landscape page
    lines.append(f'      - {{task: [{near}], lead: "Q950L Văn phòng"}}\n')
    tall = ", ".join(f'"{_paragraph(900, k, 30)}"' for k in range(40))
    lines.append(f'      - {{task: [{tall}], lead: "Q900L Văn phòng"}}\n')
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from cchc_docgen.pdf import find_soffice

    if find_soffice() is None:
        from pdf_helpers import skip_or_fail

        skip_or_fail("LibreOffice (soffice) is not installed")
    out = tmp_path_factory.mktemp("long")
    docx = render_plan(long_plan(out / "phu_luc_dai.yaml"), out)
    return docx, convert_one(docx)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from cchc_docgen.pdf import find_soffice

    if find_soffice() is None:
        from pdf_helpers import skip_or_fail

        skip_or_fail("LibreOffice (soffice) is not installed")
    out = tmp_path_factory.mktemp("sample")
    docx = render_plan(next(p for p in PLANS if p.stem == "mau_ke_hoach"), out)
    return docx, convert_one(docx)


def _block(texts: list[Box], wanted: list[str]) -> list[Box]:
    return [t for t in texts if t.text in wanted]


def _check_rules(docx: Path, pdf: Path, issuer: list[str], title: list[str]) -> None:
    lines, texts, _ = pdf_pages(pdf)[0]
    motto = _block(texts, ["Độc lập - Tự do - Hạnh phúc"])
    name = _block(texts, issuer)
    summary = _block(texts, title)
    assert len(motto) == 1 and len(name) == len(issuer) and len(summary) == len(title)
    measured = {}
    for label, block in (("motto", motto), ("issuer", name), ("title", summary)):
        rule = rule_below(block, lines)
        assert rule is not None, f"no rule drawn under the {label}"
        longest = max(t.width for t in block)
        measured[label] = (rule.width, longest)
    rule, text = measured["motto"]
    assert abs(rule - text) <= 0.10 * text, measured  # NĐ30: as long as the Tiêu ngữ
    for label in ("issuer", "title"):
        rule, text = measured[label]
        assert text / 3 <= rule <= text / 2, (label, measured)  # NĐ30: 1/3–1/2 of the line
    # the DOCX carries the same geometry: Word draws a paragraph border between the indents
    in_docx = docx_rules(docx)
    assert len(in_docx) >= 3
    for printed, label in zip([r.length_pt for r in in_docx[:3]], ("issuer", "motto", "title"), strict=True):
        assert abs(printed - measured[label][0]) <= 1.0, (label, printed, measured[label])


def test_rules_print_at_their_length_sample_plan(sample_pdf: tuple[Path, Path]) -> None:
    _check_rules(*sample_pdf, issuer=["TRƯỜNG TIỂU HỌC LẠC ĐẠO"],
                 title=["Tuyên truyền cải cách hành chính năm 2025"])


def test_rules_print_at_their_length_two_line_name_and_title(long_pdf: tuple[Path, Path]) -> None:
    _check_rules(*long_pdf, issuer=["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH HƯNG YÊN"],
                 title=["Triển khai nhiệm vụ cải cách hành chính", "của ngành Giáo dục và Đào tạo năm 2024"])


def _pages_text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"],
                         capture_output=True, check=True, text=True).stdout
    return out.split("\f")


def test_rows_shorter_than_a_page_never_break(long_pdf: tuple[Path, Path]) -> None:
    pages = _pages_text(long_pdf[1])
    where: dict[str, set[int]] = {}
    for number, text in enumerate(pages, 1):
        for marker in re.findall(r"\b[QZ](\d{3})", text):
            where.setdefault(marker, set()).add(number)
    assert len(pages) >= 6 and len(where) == 42  # every row printed, over many pages
    split = {row: sorted(p) for row, p in where.items() if len(p) > 1 and row != "900"}
    assert not split, f"rows broken across pages: {split}"
    # the row taller than a page does break (and is printed whole, not clipped)
    assert len(where["900"]) > 1
    text = "".join(pages)
    assert all(f"Q900{k}" in text and f"Z900{k}" in text for k in range(40))
