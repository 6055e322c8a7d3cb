"""NĐ30 properties asserted on every document generated from plans/ (spec §8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from support.effective import para_effective
from support.paths import PLANS

STEMS = [p.stem for p in PLANS]
NUMBER = re.compile(r"^Số: ((0[1-9]|[1-9][0-9]+)|\u00a0+)/(KH|BC)-[A-Za-zĐđ0-9&]+(-[A-Za-zĐđ0-9&]+)*$")
DATE = re.compile(r"^[^,]+, ngày ((0[1-9]|[12][0-9]|3[01])|\u00a0+) tháng ((01|02|[3-9]|1[0-2])|\u00a0+) năm \d{4}$")


@pytest.fixture(params=STEMS)
def doc(request, rendered):
    return Document(str(rendered[request.param]))


def _mm(length) -> float:
    return length / Mm(1)


def test_page_setup(doc) -> None:
    for section in doc.sections:
        portrait = section.page_width < section.page_height
        w, h = sorted((_mm(section.page_width), _mm(section.page_height)))
        assert abs(w - 210) <= 1 and abs(h - 297) <= 1
        assert 20 - 0.5 <= _mm(section.top_margin) <= 25 + 0.5
        assert 20 - 0.5 <= _mm(section.bottom_margin) <= 25 + 0.5
        assert 30 - 0.5 <= _mm(section.left_margin) <= 35 + 0.5
        assert 15 - 0.5 <= _mm(section.right_margin) <= 20 + 0.5
        assert section.different_first_page_header_footer  # no page number on page 1
        if portrait or section is doc.sections[0]:
            assert portrait
    assert doc.sections[0].page_width < doc.sections[0].page_height


def test_times_new_roman_everywhere(doc) -> None:
    xml = doc.element.xml + doc.styles.element.xml
    fonts = set()
    for tag in re.findall(r"<w:rFonts [^>]*>", xml):
        fonts |= set(re.findall(r'w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"', tag))
    assert fonts == {"Times New Roman"}
    assert "asciiTheme" not in xml and "hAnsiTheme" not in xml


def _header_cells(doc):
    table = doc.tables[0]
    return table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)


def test_national_title_and_motto(doc) -> None:
    _, right, _, _ = _header_cells(doc)
    paras = [p for p in right.paragraphs if p.text.strip()]
    assert paras[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert paras[1].text == "Độc lập - Tự do - Hạnh phúc"
    assert "\u2013" not in paras[1].text and "\u2014" not in paras[1].text
    assert para_effective(doc, paras[0], "bold") == {True} and para_effective(doc, paras[0], "size") == {13}
    assert para_effective(doc, paras[1], "bold") == {True} and para_effective(doc, paras[1], "size") == {14}
    assert para_effective(doc, paras[0], "italic") == {False}
    rule = right.paragraphs[-1]
    assert rule.style.name == "ND30 Rule" and not rule.text  # a drawn line (bottom border), not underscores


def test_agency_block(doc) -> None:
    left, _, number_cell, date_cell = _header_cells(doc)
    paras = [p for p in left.paragraphs if p.text.strip()]
    names = [p for p in paras if p.style.name == "ND30 Agency Name"]
    assert names and all(p.text == p.text.upper() for p in names)
    assert all(para_effective(doc, p, "bold") == {True} and para_effective(doc, p, "size") == {13} for p in names)
    for parent in (p for p in paras if p.style.name == "ND30 Agency Parent"):
        assert parent.text == parent.text.upper() and para_effective(doc, parent, "bold") == {False}
    assert left.paragraphs[-1].style.name == "ND30 Rule" and not left.paragraphs[-1].text
    number = number_cell.paragraphs[0]
    assert NUMBER.match(number.text), number.text
    assert para_effective(doc, number, "size") == {13} and para_effective(doc, number, "bold") == {False}
    date = date_cell.paragraphs[0]
    assert DATE.match(date.text), date.text
    assert para_effective(doc, date, "italic") == {True} and para_effective(doc, date, "size") == {14}


def _body(doc):
    names = ("ND30 Heading 1", "ND30 Heading 2", "ND30 Heading 3", "ND30 Body", "ND30 Closing")
    return [p for p in doc.paragraphs if p.text.strip() and p.style.name in names]


LETTERS = "abcdđeghiklmnopqrstuvxy"


def _roman(n: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1]


def test_consecutive_numbering_at_every_level(doc) -> None:
    romans, decimals, letters = 0, 0, 0
    for p in _body(doc):
        text = p.text
        if m := re.match(r"^([IVX]+)\. ", text):
            romans += 1
            assert m.group(1) == _roman(romans), text
            assert p.style.name == "ND30 Heading 1" and text == text.upper()
            decimals = letters = 0
        elif m := re.match(r"^(\d+)\. ", text):
            decimals += 1
            assert int(m.group(1)) == decimals, text
            letters = 0
        elif m := re.match(r"^([a-zđ])\) ", text):
            letters += 1
            assert m.group(1) == LETTERS[letters - 1], text
    assert romans >= 2


def test_body_paragraph_format(doc) -> None:
    for p in _body(doc):
        fmt = p.style.paragraph_format
        base = p.style.base_style.paragraph_format if p.style.base_style else fmt
        indent = fmt.first_line_indent or base.first_line_indent
        assert indent is not None and abs(indent.cm - 1.0) < 0.05
        before = fmt.space_before if fmt.space_before is not None else base.space_before
        assert before.pt >= 6
        assert para_effective(doc, p, "size") <= {13, 14}
    assert _body(doc)[-1].text.endswith("./.")


def test_recipients_and_signature(doc) -> None:
    table = doc.tables[1]
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    assert heading.text == "Nơi nhận:"
    assert para_effective(doc, heading, "size") == {12}
    assert para_effective(doc, heading, "bold") == {True} and para_effective(doc, heading, "italic") == {True}
    entries = [p for p in left.paragraphs[1:] if p.text.strip()]
    assert all(re.match(r"^- .+;$", p.text) for p in entries[:-1])
    assert re.match(r"^- Lưu: VT(, .+)?\.$", entries[-1].text)
    assert all(para_effective(doc, p, "size") == {11} and para_effective(doc, p, "bold") == {False} for p in entries)
    lines = [p for p in right.paragraphs if p.text.strip()]
    assert all(p.text == p.text.upper() and para_effective(doc, p, "bold") == {True} for p in lines[:-1])
    assert para_effective(doc, lines[-1], "bold") == {True}  # the name
    assert len([p for p in right.paragraphs if not p.text.strip()]) >= 4  # room for signature and seal
    assert table.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") \
        is not None


def test_appendix_caption_agrees_with_header(doc) -> None:
    captions = [p.text for p in doc.paragraphs if p.style.name == "ND30 Appendix Caption"]
    if not captions:
        pytest.skip("kế hoạch này không có phụ lục")
    number = doc.tables[0].cell(1, 0).paragraphs[0].text.removeprefix("Số: ")
    date = doc.tables[0].cell(1, 1).paragraphs[0].text.split(", ", 1)[1]
    kind = "Báo cáo" if "/BC-" in number else "Kế hoạch"
    for caption in captions:
        assert caption.startswith(f"(Kèm theo {kind} số {number} {date} của ")
        assert caption.endswith(")")
    headings = [p.text for p in doc.paragraphs if p.style.name == "ND30 Appendix Heading"]
    assert headings == (["Phụ lục"] if len(headings) == 1 else [f"Phụ lục {_roman(i)}" for i in
                                                                range(1, len(headings) + 1)])
    body = " ".join(p.text for p in _body(doc)).lower()
    assert "phụ lục" in body


def test_appendix_tables_repeat_their_header_row(doc) -> None:
    for table in doc.tables[2:]:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None


def test_example_plans_exist() -> None:
    assert {p.name[:3] for p in PLANS} >= {"000", "001", "002", "004"}
    assert any(not p.name[:3].isdigit() for p in PLANS)  # the starter plan


def test_seed_002_footnote_is_a_real_word_footnote(rendered) -> None:
    import zipfile

    path = rendered.get("002_mn_sao_mai_tuyen_truyen_2024")
    if path is None:
        pytest.fail("plans/002_mn_sao_mai_tuyen_truyen_2024.yaml is missing")
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
        notes = z.read("word/footnotes.xml").decode()
    assert body.count("<w:footnoteReference") == 1
    assert "Nghị quyết 05-NQ/TU" in notes and "Nghị quyết 05-NQ/TU" not in body


SEED_FILES = {"000": "000_5ee54547841c9a15.txt", "001": "001_80ed9cb34f2daa17.txt",
              "002": "002_75cb36e9ee7485a3.txt", "004": "004_7d38cbae06243cec.txt"}


@pytest.mark.parametrize("seed", sorted(SEED_FILES))
def test_seed_text_similarity(seed: str, rendered) -> None:
    from support.docxtext import similarity
    from support.paths import SEEDS

    stem = next((s for s in rendered if s.startswith(seed)), None)
    assert stem, f"no plan for seed {seed}"
    score = similarity(rendered[stem], SEEDS / SEED_FILES[seed])
    print(f"seed {seed}: word similarity {score:.3f}")
    assert score >= 0.95


@pytest.mark.parametrize("stem", STEMS)
def test_golden_text(stem: str, rendered, update_golden: bool) -> None:
    from support.docxtext import paragraphs

    golden = Path(__file__).parent / "golden" / f"{stem}.txt"
    text = "\n".join(paragraphs(rendered[stem])) + "\n"
    if update_golden or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"golden file {golden.name} was missing and has been written; review and commit it")
    assert text == golden.read_text(encoding="utf-8"), "output changed: review, then run pytest --update-golden"



@pytest.mark.parametrize("stem", STEMS)
def test_rules_are_drawn_lines_of_nd30_length(stem: str, rendered) -> None:
    """Rule geometry in the DOCX (where Word draws each border): Tiêu ngữ ±10 %, issuer and trích yếu 1/3–1/2."""
    from support.geometry import docx_rules

    from cchc_docgen.fontmetrics import PT_PER_MM, text_width_mm

    path = rendered[stem]
    issuer_rule, motto_rule, title_rule = docx_rules(path)[:3]
    doc = Document(str(path))
    left, right, _, _ = _header_cells(doc)

    def width_pt(paras) -> float:
        return max(text_width_mm(p.text, 13 if p.style.name.startswith("ND30 Agency") else 14, True) for p in paras)

    motto = width_pt([right.paragraphs[1]]) * PT_PER_MM
    assert abs(motto_rule.length_pt - motto) <= 0.10 * motto
    name = width_pt([p for p in left.paragraphs if p.style.name == "ND30 Agency Name"]) * PT_PER_MM
    assert name / 3 <= issuer_rule.length_pt <= name / 2
    title = width_pt([p for p in doc.paragraphs if p.style.name == "ND30 Title" and p.text]) * PT_PER_MM
    assert title / 3 <= title_rule.length_pt <= title / 2
