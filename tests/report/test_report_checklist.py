"""One test per MUST item of the checklist (spec bao-cao-cchc §7, BC1–BC35); each docstring names its item."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from report_cases import headings, plan_from, province_plan, render, rows_of, text_of, with_report
from report_data import PLAN_001, SMALL_PLAN

from cchc_docgen.loader import load_document
from cchc_docgen.models import Document
from cchc_docgen.models.report import OFFICIAL
from cchc_docgen.report import build_report, make_report
from cchc_docgen.report.forms import compute_forms, vi_figure
from cchc_docgen.report.outline import load_outline

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAIRS = {"q1": ("quý I năm 2024", "quý II năm 2024"), "6m": ("6 tháng đầu năm 2024", "6 tháng cuối năm 2024"),
         "q3": ("quý III năm 2024", "quý IV năm 2024"), "year": ("năm 2024", "năm 2025")}
PROVINCE = "Ủy ban nhân dân tỉnh Lâm Đồng"


@pytest.fixture()
def province(tmp_path: Path) -> Document:
    return province_plan(tmp_path)


@pytest.fixture(scope="module")
def office_q1(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Path]:
    """The Phòng's quý I report, rendered once for the appendix tests."""
    tmp = tmp_path_factory.mktemp("office")
    report = make_report(plan_from(SMALL_PLAN, tmp), "q1")
    return report, render(report, tmp)


@pytest.mark.parametrize("period", list(PAIRS))
def test_bc1_type_symbol_and_title_pair(province: Document, period: str) -> None:
    """BC1: BÁO CÁO, symbol BC, trích yếu "Công tác cải cách hành chính <kỳ> và phương hướng, nhiệm vụ <kỳ tới>"."""
    report = make_report(province, period)
    now, nxt = PAIRS[period]
    assert report.kind == "bao_cao"
    wording = " ".join(report.title.replace("|", " ").split())  # " | " only breaks lines (test_report_levels)
    assert wording == f"Công tác cải cách hành chính {now} và phương hướng, nhiệm vụ {nxt} của {PROVINCE}"
    assert report.title.startswith(f"Công tác cải cách hành chính {now} và | phương hướng")


@pytest.mark.parametrize("period", list(PAIRS))
def test_bc2_the_same_pair_in_opening_closing_and_iv(province: Document, period: str) -> None:
    """BC2: the <kỳ>/<kỳ tới> pair in the opening and closing; <kỳ tới> in the IV heading."""
    report = make_report(province, period)
    now, nxt = PAIRS[period]
    assert f"(CCHC) {now} và phương hướng, nhiệm vụ {nxt}, như sau:" in (report.preamble.text or "")
    assert report.closing[0].startswith(f"Trên đây là báo cáo công tác cải cách hành chính {now} và phương "
                                        f"hướng, nhiệm vụ {nxt} của {PROVINCE}")
    iv = report.body[3].title or ""
    assert iv == ("PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2025" if period == "year"
                  else f"PHƯƠNG HƯỚNG, NHIỆM VỤ CCHC {nxt.upper()}")


def test_bc2_bc18_appendix_title_and_symbol(office_q1: tuple[Document, Path]) -> None:
    """BC2, BC18: the appendix has PHỤ LỤC, the title with <kỳ>, the issuer, the Kèm theo line; symbol BC."""
    text = text_of(office_q1[1])
    assert "Số: /BC-PGDĐT" in text
    start = text.index("Phụ lục")
    assert text[start + 1:start + 3] == ["BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024",
                                         "CỦA PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"]
    assert text[start + 3].startswith("(Kèm theo Báo cáo số /BC-PGDĐT ngày tháng 3 năm 2024 của Phòng")


def test_bc3_opening_cites_without_inventing(province: Document, tmp_path: Path) -> None:
    """BC3: one "Thực hiện <văn bản>, <đơn vị> báo cáo … như sau:" paragraph; unknown number/date stay "…"."""
    text = make_report(province, "q1").preamble.text or ""
    assert text.startswith("Thực hiện Công văn số 4625/BNV-CCHC ngày 02/7/2025 của Bộ Nội vụ")
    assert f", {PROVINCE} báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) quý I" in text
    office = make_report(plan_from(SMALL_PLAN, tmp_path), "q1")
    assert office.preamble.text == (
        "Thực hiện văn bản số … ngày … của Ủy ban nhân dân huyện Đông Triều về báo cáo công tác cải cách hành "
        "chính, Phòng Giáo dục và Đào tạo báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) quý I năm "
        "2024 và phương hướng, nhiệm vụ quý II năm 2024, như sau:")
    assert not office.preamble.bases


def test_bc4_bc5_bc6_bc9_sections_items_and_letters(province: Document) -> None:
    """BC4, BC5, BC6, BC9: I–IV in order; I has 6 items (5 run-in); II six fields with a–d, a–c, a–d, a–d, a–c,
    a–h; III exactly its two items."""
    body = make_report(province, "q1").body
    assert [n.title for n in body] == ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC",
                                       "ĐÁNH GIÁ CHUNG", "PHƯƠNG HƯỚNG, NHIỆM VỤ CCHC QUÝ II NĂM 2024"]
    first = body[0].items
    assert len(first) == 6 and first[4].text == "…"  # run-in: "5. …giao: …"
    assert first[4].title == ("Về tổng hợp, cập nhật tiến độ, kết quả thực hiện các nhiệm vụ Chính phủ, Thủ tướng "
                              "Chính phủ giao")
    assert [len(f.items) for f in body[1].items if f.title] == [4, 3, 4, 4, 3, 8]
    assert [n.title for n in body[2].items] == ["Mặt tích cực", "Những tồn tại, hạn chế, nguyên nhân"]


def test_bc5_bc6_rendered_labels(office_q1: tuple[Document, Path]) -> None:
    """BC5, BC6: the rendered labels: run-in I.5 ends in ":", II.6 lettered a b c d đ e g h."""
    text = text_of(office_q1[1])
    assert any(re.fullmatch(r"5\. Về tổng hợp, .* giao: …", t) for t in text)
    start = text.index("6. Xây dựng và phát triển chính quyền điện tử, chính quyền số")
    letters = [t[:2] for t in text[start:] if re.match(r"^[a-zđ]\) ", t)][:8]
    assert letters == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]


def test_bc8_appendix_reference_after_ii6h(office_q1: tuple[Document, Path], tmp_path: Path) -> None:
    """BC8: after II.6.h the line "(Số liệu cụ thể …)" when the appendix is attached, not otherwise."""
    line = "(Số liệu cụ thể ở các nội dung tại phụ lục kèm theo báo cáo)."
    text = text_of(office_q1[1])
    assert text.index(line) > text.index("h) Kết quả cung cấp dịch vụ công trực tuyến")
    assert text.index(line) < text.index("III. ĐÁNH GIÁ CHUNG")
    without = render(with_report(office_q1[0], appendix=False), tmp_path)
    assert line not in text_of(without) and "Biểu mẫu 1" not in text_of(without)


def test_bc12_closing_names_every_addressee() -> None:
    """BC12: the closing sentence names every recipient of Kính gửi."""
    plan = load_document(next(PLAN_001.parent.glob("005_*.yaml")))
    report = make_report(plan, "6m")
    assert report.addressees == ["Sở Giáo dục và Đào tạo Hưng Yên", "Ủy ban nhân dân huyện Văn Lâm"]
    assert report.closing[0].endswith(
        "kính gửi Sở Giáo dục và Đào tạo Hưng Yên và Ủy ban nhân dân huyện Văn Lâm để tổng hợp")


def test_bc13_pattern_b_by_default_and_a_on_request(tmp_path: Path) -> None:
    """BC13: B (Kính gửi + "- Như trên;") by default; A: no Kính gửi, the recipient first; the closing agrees."""
    plan = plan_from(SMALL_PLAN, tmp_path)
    b = make_report(plan, "q1")
    assert b.addressees == ["Ủy ban nhân dân huyện Đông Triều"] and b.recipients[0].name == "Như trên"
    a = make_report(plan, "q1", pattern="A")
    assert a.addressees == [] and a.recipients[0].name == "Ủy ban nhân dân huyện Đông Triều"
    assert a.report is not None and a.report.addressing == "A"
    for report in (a, b):
        assert "kính gửi Ủy ban nhân dân huyện Đông Triều để tổng hợp" in report.closing[0]


@pytest.mark.parametrize(("period", "due"), [("q1", dt.date(2024, 3, 20)), ("6m", dt.date(2024, 6, 20)),
                                             ("q3", dt.date(2024, 9, 20)), ("year", dt.date(2024, 12, 20))])
def test_bc15_province_due_on_the_20th(province: Document, period: str, due: dt.date) -> None:
    """BC15: UBND tỉnh → Bộ Nội vụ: the 20th of the period's last month."""
    report = make_report(province, period)
    assert report.report is not None and report.report.due == due


def test_bc15_other_levels_never_default_to_the_20th(tmp_path: Path) -> None:
    """BC15: a lower level's due date comes from its plan's rule or the user, never the 20th by default."""
    office = build_report(plan_from(SMALL_PLAN, tmp_path), "q1")
    assert office.report.report is not None and office.report.report.due is None
    assert any("chưa biết hạn gửi báo cáo" in w for w in office.warnings)
    given = make_report(plan_from(SMALL_PLAN, tmp_path), "q1", due=dt.date(2024, 3, 5))
    assert given.report is not None and given.report.due == dt.date(2024, 3, 5)
    sở = make_report(load_document(PLAN_001), "q3")  # its plan's 08 is for the units reporting to the Sở
    assert sở.report is not None and sở.report.due is None


def test_bc19_bc20_forms_on_new_pages_with_two_row_repeated_header(office_q1: tuple[Document, Path]) -> None:
    """BC19, BC20: seven forms in order, each on a new page, titled; two header rows, merged, repeated."""
    with zipfile.ZipFile(office_q1[1]) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(f"{W}body")
    assert body is not None
    blocks = list(body)
    outline = load_outline()
    for form in outline.forms:
        at = next(i for i, b in enumerate(blocks) if "".join(b.itertext()) == f"Biểu mẫu {form.number}")
        assert "".join(blocks[at + 1].itertext()) == form.title
        assert blocks[at + 2].tag == f"{W}tbl"
        if form.number > 1:
            assert blocks[at - 1].find(f".//{W}br[@{W}type='page']") is not None
        head = blocks[at + 2].findall(f"{W}tr")[:2]
        assert all(r.find(f"{W}trPr/{W}tblHeader") is not None for r in head)
        first = head[0].findall(f"{W}tc")
        assert [c.find(f".//{W}gridSpan") is not None for c in first] == [False, False, True, False]
        assert len(head[1].findall(f".//{W}vMerge")) == 3
        assert ["".join(c.itertext()) for c in first] == [
            "STT", "Chỉ tiêu thống kê(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)", "Kết quả thống kê",
            "Ghi chú"]


def test_bc21_all_123_rows_in_every_period(tmp_path: Path, office_q1: tuple[Document, Path]) -> None:
    """BC21: all 123 rows, in order, exact STT and names, in a quarter report (and the forms are per version)."""
    outline = load_outline()
    want = [(r.stt, r.name) for f in outline.forms for r in f.rows]
    got = [(r[0], r[1]) for r in rows_of(office_q1[1]) if r[0] not in ("", "STT")]
    assert got == want and len(got) == 123


def test_bc22_formula_rows_computed_and_checks_reported() -> None:
    """BC22: formula rows come from their components; ≤, ≥-sum and typed-formula problems are reported."""
    outline = load_outline()
    done = compute_forms(outline, {"bm3": {"3.1.1": 200, "3.1.2": 150, "1.4.1": 10, "1.4.2": 5}}, {})
    assert (done.text(3, "3.1"), done.text(3, "1.4")) == ("75", "15")
    bad = compute_forms(outline, {"bm3": {"3.2.1": 10, "3.2.2": 12, "3.1": 50},
                                  "bm1": {"4.1": 5, "4.1.1": 3, "4.1.2": 2, "4.1.3": 1}}, {})
    text = " ".join(bad.problems)
    assert "Biểu mẫu 3, dòng 3.2" in text and "dòng 3.2.2 (12) lớn hơn dòng 3.2.1 (10)" in text
    assert "Biểu mẫu 3, dòng 3.1" in text and "dòng này do chương trình tính" in text
    assert "Biểu mẫu 1, dòng 4.1" in text and "nhỏ hơn tổng các dòng 4.1.1, 4.1.2, 4.1.3 (6)" in text


def test_bc22_validate_reports_a_failed_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """BC22: a failed check reaches the user through ``validate``."""
    from cchc_docgen.cli import main
    from cchc_docgen.yamlio import dump_document

    report = with_report(make_report(plan_from(SMALL_PLAN, tmp_path), "q1"),
                         figures={"bm7": {"4.3.1": 100, "4.3.2": 130}})
    path = tmp_path / "bc.yaml"
    path.write_text(dump_document(report), encoding="utf-8")
    main(["validate", str(path)])
    assert "Biểu mẫu 7, dòng 4.3" in capsys.readouterr().err


def test_bc23_zero_denominator_is_a_dash_with_a_note() -> None:
    """BC23: 0/0 prints "-" with Ghi chú "Không phát sinh"; a value the user enters there is kept."""
    outline = load_outline()
    forms = compute_forms(outline, {"bm2": {"2.2.1": 0, "2.2.2": 0, "3.2.1": 0, "3.2.2": 0, "3.2": 100}}, {})
    cell = forms.forms[1].cells["2.2"]
    assert (cell.value, cell.note) == ("-", "Không phát sinh")
    assert forms.text(2, "3.2") == "100"


@pytest.mark.parametrize(("value", "text"), [(15 / 48 * 100, "31,25"), (95.525, "95,53"), (2 / 3 * 100, "66,67"),
                                             (100.0, "100"), (12.5, "12,5"), (125712, "125.712"), (0.005, "0,01")])
def test_bc24_decimal_comma_round_half_up_no_percent(value: float, text: str) -> None:
    """BC24: decimal comma, round half up, at most 2 decimals, no "%", integers without ",00"."""
    assert vi_figure(value) == text


def test_bc25_bc27_body_and_form_share_one_field(tmp_path: Path) -> None:
    """BC25, BC27: I.2's X/Y (Z%) and Biểu mẫu 1 rows 2.2, 2.1, 2 are the same figures; Y overridable."""
    report = make_report(load_document(PLAN_001), "q1")
    assert report.report is not None
    tasks = [t.model_copy(update={"status": "hoàn thành"}) if t.task and i < 6 else t
             for i, t in enumerate(report.report.tasks)]
    report = with_report(report, tasks=tasks)
    docx = render(report, tmp_path)
    text = text_of(docx)
    done = sum(1 for t in tasks if t.task and t.status)
    sentence = next(t for t in text if "nhiệm vụ kế hoạch đề ra" in t)
    rate = vi_figure(done / 48 * 100)
    assert f"hoàn thành {done}/48 nhiệm vụ kế hoạch đề ra (đạt {rate}% kế hoạch)." in sentence
    rows = {r[0]: r[3] for r in rows_of(docx)[:12]}
    assert (rows["2"], rows["2.1"], rows["2.2"]) == (rate, "48", str(done))
    override = render(with_report(report, plan_tasks_total=50), tmp_path, "bc50")
    assert any(f"{done}/50 nhiệm vụ" in t for t in text_of(override))


def test_bc27_cumulative_from_the_start_of_the_year(tmp_path: Path) -> None:
    """BC27: X counts tasks done in earlier periods of the same year (carried by --from), Y every task."""
    plan = plan_from(SMALL_PLAN, tmp_path)
    q1 = make_report(plan, "q1")
    assert q1.report is not None
    done = [t.model_copy(update={"status": "hoàn thành"}) if t.task == "Ban hành kế hoạch" else t
            for t in q1.report.tasks]
    q3 = make_report(plan, "q3", previous=with_report(q1, tasks=done))
    sentence = next(t for t in text_of(render(q3, tmp_path)) if "nhiệm vụ kế hoạch đề ra" in t)
    assert "hoàn thành 1/6 nhiệm vụ kế hoạch đề ra (đạt 16,67% kế hoạch)" in sentence


def test_bc28_official_wordings_and_overdue_flagged(tmp_path: Path) -> None:
    """BC28: only the four official wordings are printed; a task past its deadline and not done is counted and
    flagged."""
    report = make_report(plan_from(SMALL_PLAN, tmp_path), "6m")
    assert report.report is not None
    statuses = {"Ban hành kế hoạch": "hoàn thành", "Kiểm tra giữa năm": "đang thực hiện",
                "Cập nhật cổng thông tin": "đang thực hiện", "Hội thi tìm hiểu CCHC": "chưa thực hiện",
                "Tổng kết năm": "chưa thực hiện", "Báo cáo theo yêu cầu": "hoàn thành quá hạn"}
    tasks = [t.model_copy(update={"status": statuses[t.task]}) if t.task else t for t in report.report.tasks]
    text = text_of(render(with_report(report, tasks=tasks, task_table=True), tmp_path))
    assert ("Trong đó: 01 nhiệm vụ hoàn thành đúng hạn; 01 nhiệm vụ hoàn thành nhưng quá hạn; 00 nhiệm vụ quá hạn "
            "nhưng chưa hoàn thành; 04 nhiệm vụ chưa hoàn thành còn trong hạn (chi tiết tại Phụ lục II kèm theo Báo "
            "cáo này).") in text  # 6m data window ends 14/6: "Trước ngày 15/6" is not yet overdue
    year = make_report(plan_from(SMALL_PLAN, tmp_path), "year")
    assert year.report is not None
    tasks = [t.model_copy(update={"status": statuses[t.task]}) if t.task else t for t in year.report.tasks]
    text = text_of(render(with_report(year, tasks=tasks, task_table=True), tmp_path, "year"))
    assert "Các nhiệm vụ quá hạn nhưng chưa hoàn thành (02), cần khẩn trương thực hiện:" in text
    assert "- Kiểm tra giữa năm (Thanh tra, thời hạn: Trước ngày 15/6);" in text
    table = text[text.index("Phụ lục II"):]
    printed = {t for t in table if t.lower() in {s.lower() for s in OFFICIAL}}
    assert printed == {"Hoàn thành đúng hạn", "Hoàn thành nhưng quá hạn", "Quá hạn nhưng chưa hoàn thành",
                       "Chưa hoàn thành còn trong hạn"}
    assert not {"Hoàn thành", "Đang thực hiện", "Chưa thực hiện"} & set(table)


def test_bc29_year_report_never_lists_tasks_of_the_closed_year(tmp_path: Path) -> None:
    """BC29: the year report's IV: generic priorities for the next year, or the next year's plan's tasks."""
    plan = plan_from(SMALL_PLAN, tmp_path)
    report = make_report(plan, "year")
    iv = report.body[3]
    assert len(iv.items) == 7 and not any(i.items for i in iv.items)
    assert "Kế hoạch cải cách hành chính năm 2025" in (iv.items[0].text or "")
    nxt = plan_from(SMALL_PLAN.replace("2024", "2025").replace("Hội thi tìm hiểu CCHC", "Hội thi CCHC 2025"),
                    tmp_path, "kh2025.yaml")
    listed = [d.text or "" for i in make_report(plan, "year", next_plan=nxt).body[3].items for d in i.items]
    assert any(t.startswith("Hội thi CCHC 2025") for t in listed)
    assert not any("Hội thi tìm hiểu CCHC" in t for t in listed)


def test_bc30_plan_without_task_table_gives_a_full_skeleton() -> None:
    """BC30: a plan without a task table (a school's tuyên truyền plan) still yields every heading; rows 2.1/2.2
    are left for the user."""
    plan = load_document(next(PLAN_001.parent.glob("002_*.yaml")))
    skeleton = build_report(plan, "q1")
    assert len(headings(skeleton.report.body)) == 44
    assert any("kế hoạch không có bảng nhiệm vụ" in w for w in skeleton.warnings)
    forms = compute_forms(load_outline(), {}, {})
    assert forms.text(1, "2.1") == forms.text(1, "2.2") == ""


def test_bc32_lower_levels_keep_every_heading(province: Document) -> None:
    """BC32: a school keeps every field and lettered sub-item; those that do not apply say "Không phát sinh"."""
    school = make_report(load_document(next(PLAN_001.parent.glob("002_*.yaml"))), "q1")
    assert school.report is not None and school.report.level == "school"
    top = make_report(province, "q1")
    assert len(headings(school.body)) == len(headings(top.body)) == 44
    points = {n.title: n for f in school.body[1].items for n in f.items}
    assert points["Kết quả xây dựng, ban hành văn bản quy phạm pháp luật (QPPL)"].paragraphs == [
        "Đơn vị không có thẩm quyền ban hành văn bản QPPL."]
    assert points["Kết quả cung cấp dịch vụ công trực tuyến"].paragraphs == ["Không phát sinh."]
    assert school.body[0].items[4].text == "Không phát sinh."
    assert "Chi bộ, Ban Giám hiệu" in (school.body[0].items[0].title or "")


def test_bc32_out_of_scope_rows_are_a_dash_with_a_note(tmp_path: Path, province: Document) -> None:
    """BC32 (§6.3): a lower level's rows of provincial scope carry "-" and Ghi chú "Không thuộc phạm vi"; the
    province's do not; a total or ratio over such rows prints "-"."""
    sở = make_report(load_document(PLAN_001), "q1")
    assert sở.report is not None and sở.report.level == "department"
    assert sở.report.figures["bm2"] == {"1.1": "-", "1.2": "-"}
    assert sở.report.notes["bm7"]["3.1.1"] == "Không thuộc phạm vi"
    top = make_report(province, "q1")
    assert top.report is not None and top.report.figures == {} and top.report.notes == {}
    rows = rows_of(render(sở, tmp_path))

    def cells(stt: str, name: str) -> tuple[str, str]:
        return next((r[3], r[4]) for r in rows if r[0] == stt and r[1] == name)

    assert cells("1", "Tổng số VBQPPL do địa phương ban hành") == ("-", "Không thuộc phạm vi")
    assert cells("1.1", "Số VBQPPL do cấp tỉnh ban hành") == ("-", "Không thuộc phạm vi")
    school = make_report(load_document(next(PLAN_001.parent.glob("002_*.yaml"))), "q1")
    assert school.report is not None
    assert "3.1.1" in school.report.figures["bm3"] and "3.1" not in school.report.figures["bm4"]
