"""A lower level's report made from a real imported plan (tests/data/derive_real): who compiles it, and a
level that does not match the issuer (spec §2.5, §2.6, BC14)."""

from __future__ import annotations

from pathlib import Path

from report_cases import plan_from
from report_data import SMALL_PLAN
from support.paths import ROOT

from cchc_docgen.loader import load_document
from cchc_docgen.report import build_report, make_report

REAL = ROOT / "tests" / "data" / "derive_real" / "kh_tuyentruyen_cchc_2026.yaml"  # UBND tỉnh Lâm Đồng, imported


def test_the_compiling_body_of_a_lower_level_is_never_the_ministry() -> None:
    """The real plan lists "Bộ Nội vụ" in Nơi nhận: a Sở's report is compiled by Sở Nội vụ, not the Ministry."""
    report = make_report(load_document(REAL), "q1", level="department")
    compiling = [r.name for r in report.recipients if r.note == "để tổng hợp"]
    assert compiling == ["Sở Nội vụ"]
    assert "Bộ Nội vụ" not in [r.name for r in report.recipients]


def test_a_province_report_does_not_list_its_drafter() -> None:
    """Sở Nội vụ drafts the provincial report: it is not in that report's Nơi nhận (spec §2.6)."""
    plan = load_document(REAL)
    with_drafter = plan.model_copy(update={"recipients": [
        plan.recipients[0].model_copy(update={"note": "b/c"}), *plan.recipients[1:],
        plan.recipients[0].model_copy(update={"name": "Sở Nội vụ", "note": None})]})
    report = make_report(with_drafter, "q1", level="province", pattern="A")
    names = [r.name for r in report.recipients]
    assert names[0] == "Bộ Nội vụ" and "Sở Nội vụ" not in names


def test_a_level_that_does_not_match_the_issuer_is_warned(tmp_path: Path) -> None:
    """A UBND tỉnh plan reported as a school: the report still speaks for the issuer, so the user is told."""
    skeleton = build_report(load_document(REAL), "q1", level="school")
    warning = next((str(w) for w in skeleton.warnings if "không khớp" in str(w)), None)
    assert warning is not None and "Ủy ban nhân dân tỉnh Lâm Đồng" in warning and "derive" in warning
    assert not [w for w in build_report(load_document(REAL), "q1").warnings if "không khớp" in str(w)]
    phong = plan_from(SMALL_PLAN, tmp_path)
    assert not [w for w in build_report(phong, "q1", level="office").warnings if "không khớp" in str(w)]


def test_a_sở_plan_reported_as_a_school_is_warned() -> None:
    """Plan 001 is a Sở's (its name starts with "Sở"): reporting it as a school speaks for the Sở."""
    from report_data import PLAN_001

    warnings = [str(w) for w in build_report(load_document(PLAN_001), "6m", level="school").warnings]
    assert any("không khớp" in w and "Sở Giáo dục và Đào tạo" in w for w in warnings)
    assert not [w for w in build_report(load_document(PLAN_001), "6m", level="department").warnings
                if "không khớp" in str(w)]


def test_section_iv_lines_have_no_stray_period_before_the_deadline(tmp_path: Path) -> None:
    """Plan 001's q3 IV read "… của Ủy ban nhân dân thành phố. (thời gian: Cả năm 2023);": the task's own full
    stop stays out of the line."""
    from report_data import PLAN_001

    def lines(report) -> list[str]:  # type: ignore[no-untyped-def]
        section = next(s for s in report.body if s.role == "directions")
        return [i.text or "" for p in section.items for i in p.items]

    sở = lines(make_report(load_document(PLAN_001), "q3", level="department"))
    assert len(sở) > 20 and any("Ủy ban nhân dân thành phố (thời gian: Cả năm 2023);" in t for t in sở)
    small = plan_from(SMALL_PLAN.replace("{task: Tổng kết năm,", "{task: Tổng kết năm.,"), tmp_path)
    assert "Tổng kết năm (thời gian: Tháng 12/2024)." in lines(make_report(small, "q3"))
    for text in sở:
        assert ". (" not in text and not text.endswith((".;", ";.", "..")), text


def test_a_long_unit_name_goes_to_its_own_title_line(tmp_path: Path) -> None:
    """"… 6 tháng cuối năm 2026 của Trường THPT Bùi Thị / Xuân" wrapped one word alone (seen in the PDF): when
    "phương hướng, nhiệm vụ <kỳ tới> của <đơn vị>" does not fit a line, "của <đơn vị>" is a line of its own."""
    from report_data import PLAN_001

    from cchc_docgen.context.rules import PORTRAIT_WIDTH_MM
    from cchc_docgen.fontmetrics import text_width_mm

    school = plan_from(SMALL_PLAN, tmp_path, issuer={"parent": "Sở GD&ĐT Lâm Đồng", "name": "Trường THPT Bùi Thị Xuân",
                                                      "abbreviation": "THPTBTX", "place": "Đà Lạt"})
    parts = [p.strip() for p in make_report(school, "6m").title.split("|")]
    assert parts == ["Công tác cải cách hành chính 6 tháng đầu năm 2024 và",
                     "phương hướng, nhiệm vụ 6 tháng cuối năm 2024", "của Trường THPT Bùi Thị Xuân"]
    assert all(text_width_mm(p, 14, True) <= PORTRAIT_WIDTH_MM for p in parts)
    sở = [p.strip() for p in make_report(load_document(PLAN_001), "q3").title.split("|")]
    assert sở[1] == "phương hướng, nhiệm vụ quý IV năm 2023 của Sở Giáo dục và Đào tạo"  # fits: two lines
    assert text_width_mm(sở[1], 14, True) <= PORTRAIT_WIDTH_MM


def test_the_superior_is_addressed_by_its_full_name(tmp_path: Path) -> None:
    """"Kính gửi: Sở GD&ĐT Lâm Đồng." (the parent line's short form) → the name written out, as in the opening."""
    school = plan_from(SMALL_PLAN, tmp_path, issuer={"parent": "Sở GD&ĐT Lâm Đồng", "name": "Trường THPT Bùi Thị Xuân",
                                                      "abbreviation": "THPTBTX", "place": "Đà Lạt"}, recipients=[])
    report = make_report(school, "q1")
    assert report.addressees == ["Sở Giáo dục và Đào tạo Lâm Đồng"]
    opening = report.preamble.text if report.preamble else ""
    assert "của Sở Giáo dục và Đào tạo Lâm Đồng về báo cáo" in (opening or "")


def test_a_formula_row_of_out_of_scope_rows_carries_their_note(tmp_path: Path) -> None:
    """A school's Biểu mẫu 2 printed "-" with no Ghi chú in rows 1, 2.2, 3.2 (sum and ratios of rows marked
    "Không thuộc phạm vi"): the formula row carries the note its components share (BC23, BC26, BC32)."""
    from cchc_docgen.report.forms import compute_forms
    from cchc_docgen.report.outline import load_outline

    school = plan_from(SMALL_PLAN, tmp_path, issuer={"parent": "Sở GD&ĐT Lâm Đồng", "name": "Trường THPT Bùi Thị Xuân",
                                                      "abbreviation": "THPTBTX", "place": "Đà Lạt"})
    info = make_report(school, "6m").report
    assert info is not None and info.level == "school"
    outline = load_outline(info.outline)
    note = str(outline.out_of_scope["note"])
    form = compute_forms(outline, info.figures, info.notes).forms[1]
    for stt in ("1", "2.2", "3.2"):
        assert (form.cells[stt].value, form.cells[stt].note) == ("-", note), stt
