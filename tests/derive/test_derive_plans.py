"""Must show (#10): school plans derived from the Sở plan (004) and from a Phòng plan (005) render to documents
that pass ``check --strict``, cite the parent exactly, are signed by the school's head and hold only the
parent's tasks that concern schools (row by row)."""

from __future__ import annotations

from pathlib import Path

import pytest
from derive_paths import PLAN_004, PLAN_005, UNITS
from support.docxtext import paragraphs

from cchc_docgen.checker import check_docx
from cchc_docgen.derive import derive_file, load_unit
from cchc_docgen.loader import load_document
from cchc_docgen.pipeline import render_plan


def _cells(row, key: str) -> str:
    cell = row.cells().get(key)
    return " ".join(cell.paragraphs) if cell else ""


def _derive_and_render(tmp_path: Path, parent: Path, unit_file: str):
    unit = load_unit(UNITS / unit_file)
    result = derive_file(parent, unit)
    child = tmp_path / "child.yaml"
    child.write_text(result.yaml_text, encoding="utf-8")
    reread = load_document(child)
    assert reread == result.document  # the YAML written is exactly the derived model
    docx = render_plan(child, tmp_path)
    findings = check_docx(docx)
    assert findings == [], [f"{f.rule_id}: {f.message}" for f in findings]  # MUST and SHOULD: check --strict
    return unit, result, "\n".join(paragraphs(docx))


def test_school_plan_from_so_hung_yen(tmp_path: Path) -> None:
    parent = load_document(PLAN_004)
    _unit, result, text = _derive_and_render(tmp_path, PLAN_004, "thpt_nguyen_trai.yaml")
    child = result.document
    citation = (
        "Thực hiện Kế hoạch số 07/KH-SGDĐT ngày 04/01/2022 của Sở Giáo dục và Đào tạo Hưng Yên về tuyên truyền "
        "cải cách hành chính Sở Giáo dục và Đào tạo Hưng Yên năm 2022"
    )
    assert child.preamble.text and child.preamble.text.startswith(citation)
    assert citation in " ".join(text.split())
    assert child.signer is not None and (child.signer.authority, child.signer.title, child.signer.name) == (
        "none", "Hiệu trưởng", "Nguyễn Văn Hùng")
    assert "HIỆU TRƯỞNG" in text and "Nguyễn Văn Hùng" in text
    assert child.issuer.abbreviation == "THPTNT" and child.number is None
    assert [(r.name, r.note) for r in child.recipients] == [
        ("Sở Giáo dục và Đào tạo Hưng Yên", "b/c"), ("Cán bộ, giáo viên, nhân viên nhà trường", "t/h")]
    assert "Lưu: VT." in text

    # row by row: a parent row is kept exactly when its lead or partner names the Sở's own units (a THPT is one)
    parent_rows = parent.appendices[0].rows
    kept_tasks = [_cells(r, "task") for r in child.appendices[0].rows]
    expected = []
    for row in parent_rows:
        who = f"{_cells(row, 'lead')} | {_cells(row, 'partner')}".lower()
        if "trực thuộc" in who:
            expected.append(_cells(row, "task"))
        else:  # "Các phòng thuộc Sở" only, or no assignee at all
            assert who in ("văn phòng | các phòng thuộc sở", " | ")
    assert kept_tasks == expected and len(kept_tasks) == 12
    for row in child.appendices[0].rows:
        assert _cells(row, "lead") == "Phó Hiệu trưởng"  # the Sở's sections lead; the school supports
        assert _cells(row, "partner").startswith("Tổ Toán - Tin, Tổ Ngữ văn - Ngoại ngữ, Tổ Văn phòng")
    assert child.appendices[0].title == [
        "Kế hoạch triển khai các nhiệm vụ tuyên truyền cải cách hành chính", "Trường THPT Nguyễn Trãi năm 2022"]
    # the organization section is the school's own
    org = next(n for n in child.body if n.role == "organization")
    titles = [i.title for i in org.items]
    assert titles[:3] == ["Hiệu trưởng – đồng chí Nguyễn Văn Hùng", "Phó Hiệu trưởng – đồng chí Trần Thị Mai",
                          "Phó Hiệu trưởng – đồng chí Lê Quang Huy"]
    assert not any("Văn phòng – Sở" in (t or "") for t in titles)


EXPECTED_005 = {
    # unit file → (task, role) kept, in order; every other row of the Phòng's table is dropped
    "thcs_lac_hong.yaml": [
        ("Xây dựng, ban hành Kế hoạch tuyên truyền CCHC năm 2023 của đơn vị", "lead"),  # Các trường MN, TH, THCS
        ("Đăng tải tin, bài về CCHC trên trang thông tin điện tử; cập nhật chuyên mục \"Cải cách hành chính\"",
         "support"),  # Các trường học trực thuộc
        ("Tổ chức, tham gia cuộc thi tìm hiểu CCHC do huyện phát động", "support"),  # Các đơn vị trực thuộc
        ("Tuyên truyền tuyển sinh lớp 1 và lớp 6 trực tuyến trên Cổng dịch vụ công", "lead"),  # Các trường TH, THCS
        ("Hướng dẫn sử dụng học bạ số, cấp bản sao văn bằng, chứng chỉ qua dịch vụ công trực tuyến",
         "support"),  # lead "Bộ phận THCS" is the Phòng's own section; partner "Các trường THCS"
        ("Báo cáo kết quả tuyên truyền CCHC 6 tháng, năm", "lead"),  # Các cơ sở giáo dục
    ],
    "mn_hoa_sen.yaml": [
        ("Xây dựng, ban hành Kế hoạch tuyên truyền CCHC năm 2023 của đơn vị", "lead"),
        ("Đăng tải tin, bài về CCHC trên trang thông tin điện tử; cập nhật chuyên mục \"Cải cách hành chính\"",
         "support"),
        ("Tổ chức, tham gia cuộc thi tìm hiểu CCHC do huyện phát động", "support"),
        ("Tuyên truyền tới cha mẹ trẻ về thủ tục tuyển sinh mầm non trực tuyến", "lead"),
        ("Báo cáo kết quả tuyên truyền CCHC 6 tháng, năm", "lead"),
    ],
}


@pytest.mark.parametrize("unit_file", sorted(EXPECTED_005))
def test_school_plans_from_phong(tmp_path: Path, unit_file: str) -> None:
    unit, result, text = _derive_and_render(tmp_path, PLAN_005, unit_file)
    child = result.document
    citation = ("Thực hiện Kế hoạch số 15/KH-PGDĐT ngày 06/02/2023 của Phòng Giáo dục và Đào tạo huyện Văn Lâm về "
                "tuyên truyền cải cách hành chính năm 2023")
    assert child.preamble.text and child.preamble.text.startswith(citation)
    assert citation in " ".join(text.split())
    rows = [r for r in child.appendices[0].rows if not r.group]
    got = [(_cells(r, "task"), "lead" if _cells(r, "lead") == unit.head.title else "support") for r in rows]
    assert got == EXPECTED_005[unit_file]
    assert [(k.task, k.role) for k in result.derived.kept_tasks] == EXPECTED_005[unit_file]
    assert result.derived.dropped_tasks == 10 - len(rows)
    groups = [r.group for r in child.appendices[0].rows if r.group]
    assert groups == ["Tuyên truyền chung", "Tuyên truyền theo cấp học", "Báo cáo"]
    signer = child.signer
    assert signer is not None
    if unit.signs == "deputy":
        assert (signer.authority, signer.head_title, signer.title, signer.name) == (
            "KT", "Hiệu trưởng", "Phó Hiệu trưởng", "Vũ Thị Hạnh")
        assert "KT. HIỆU TRƯỞNG" in text and "PHÓ HIỆU TRƯỞNG" in text
    else:
        assert (signer.authority, signer.title, signer.name) == ("none", "Hiệu trưởng", unit.head.name)
        # no deputy in the unit file: a clear blank where the name goes
        assert any("……" in (i.title or "") for n in child.body if n.role == "organization" for i in n.items)
    # the Phòng's duties for the schools are carried into the head's assignments, turned to the school
    org = next(n for n in child.body if n.role == "organization")
    duties = [d.text for d in org.items[0].items[1].items]
    assert duties[1].startswith("Hiệu trưởng chịu trách nhiệm về công tác tuyên truyền CCHC tại đơn vị")
    assert "các đơn vị trực thuộc" not in " ".join(str(n) for n in child.body).lower()
