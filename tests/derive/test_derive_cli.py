"""``cchc-docgen derive``: files written, bad input (missing unit fields, draft parent, existing output)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from derive_paths import PLAN_004, PLAN_005, UNITS

from cchc_docgen.cli import main
from cchc_docgen.derive import derive_file, derive_plan, load_unit
from cchc_docgen.errors import InputError
from cchc_docgen.loader import load_document


def test_writes_child_and_renders(tmp_path: Path, capsys) -> None:
    out = tmp_path / "truong.yaml"
    code = main(["derive", str(PLAN_004), "--unit", str(UNITS / "thpt_nguyen_trai.yaml"), "-o", str(out),
                 "--render"])
    assert code == 0
    assert load_document(out).issuer.abbreviation == "THPTNT"
    assert (tmp_path / "truong.docx").stat().st_size > 10_000
    printed = capsys.readouterr().out
    # the headline counts every task (body, organization, appendix), not only the 12 appendix rows
    assert "giữ 18 nhiệm vụ" in printed and "bỏ 2 nhiệm vụ" in printed


def test_output_exists_is_not_overwritten(tmp_path: Path, capsys) -> None:
    out = tmp_path / "truong.yaml"
    out.write_text("# bản của tôi\n", encoding="utf-8")
    code = main(["derive", str(PLAN_004), "--unit", str(UNITS / "thpt_nguyen_trai.yaml"), "-o", str(out)])
    assert code == 1
    assert out.read_text(encoding="utf-8") == "# bản của tôi\n"
    err = capsys.readouterr().err
    assert "cchc-docgen: lỗi:" in err and "không ghi đè" in err and "--force" in err and "Traceback" not in err
    assert main(["derive", str(PLAN_004), "--unit", str(UNITS / "thpt_nguyen_trai.yaml"), "-o", str(out),
                 "--force"]) == 0
    assert "THPTNT" in out.read_text(encoding="utf-8")


def test_unit_with_missing_fields(tmp_path: Path, capsys) -> None:
    unit = tmp_path / "don_vi.yaml"
    unit.write_text(
        "name: Trường THCS Nam Sơn\nplace: Văn Lâm\ncategory: trường cấp hai\nhead:\n  title: Hiệu trưởng\n",
        encoding="utf-8")
    out = tmp_path / "kq.yaml"
    code = main(["derive", str(PLAN_005), "--unit", str(unit), "-o", str(out)])
    assert code == 1 and not out.exists()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{unit}:" in err
    assert "loại đơn vị 'trường cấp hai' không rõ" in err


def test_unit_missing_required_keys_lists_each_with_line(tmp_path: Path, capsys) -> None:
    unit = tmp_path / "don_vi.yaml"
    unit.write_text("name: Trường THCS Nam Sơn\nplace: Văn Lâm\ncategory: THCS\nhead:\n  title: Hiệu trưởng\n",
                    encoding="utf-8")
    assert main(["derive", str(PLAN_005), "--unit", str(unit), "-o", str(tmp_path / "kq.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{unit}:1: [abbreviation] thiếu khóa bắt buộc 'abbreviation'" in err
    assert f"{unit}:4: [head.name] thiếu khóa bắt buộc 'name'" in err
    assert not (tmp_path / "kq.yaml").exists()


def test_draft_parent_explains_what_to_cite(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "ke_hoach_so.yaml"
    text = PLAN_004.read_text(encoding="utf-8").replace("number: 7\n", "").replace("date: 2022-01-04",
                                                                                     "date: {year: 2022, month: 1}")
    draft.write_text(text, encoding="utf-8")
    out = tmp_path / "kq.yaml"
    out.write_text("cũ\n", encoding="utf-8")
    code = main(["derive", str(draft), "--unit", str(UNITS / "thpt_nguyen_trai.yaml"), "-o", str(out), "--force"])
    assert code == 1 and out.read_text(encoding="utf-8") == "cũ\n"
    err = capsys.readouterr().err
    assert "còn là dự thảo" in err and "chưa có số ('number') và ngày ban hành" in err
    assert "Thực hiện Kế hoạch số" in err and "date: YYYY-MM-DD" in err
    with pytest.raises(InputError, match="dự thảo"):
        derive_plan(load_document(draft), load_unit(UNITS / "thpt_nguyen_trai.yaml"))


def test_units_list_one_plan_each_and_nothing_written_when_one_exists(tmp_path: Path, capsys) -> None:
    units = tmp_path / "units.yaml"
    units.write_text(
        "defaults:\n  parent: Phòng GD&ĐT huyện Văn Lâm\n  place: Văn Lâm\n"
        "units:\n"
        "  - {name: Trường Tiểu học Như Quỳnh, abbreviation: THNQ, category: tiểu học,"
        " head: {title: Hiệu trưởng, name: Bùi Văn Tâm}}\n"
        "  - {name: Trường THCS Chỉ Đạo, abbreviation: THCSCĐ, category: THCS,"
        " head: {title: Hiệu trưởng, name: Ngô Thị Hoa}}\n",
        encoding="utf-8")
    out = tmp_path / "out"
    assert main(["derive", str(PLAN_005), "--units", str(units), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["thcscd.yaml", "thnq.yaml"]
    assert load_document(out / "thnq.yaml").signer.name == "Bùi Văn Tâm"  # type: ignore[union-attr]
    (out / "thnq.yaml").unlink()
    before = (out / "thcscd.yaml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["derive", str(PLAN_005), "--units", str(units), "-o", str(out)]) == 1
    assert not (out / "thnq.yaml").exists()  # refused before writing anything
    assert (out / "thcscd.yaml").read_text(encoding="utf-8") == before
    assert "chưa ghi tệp nào" in capsys.readouterr().err


def test_units_list_reports_problems_of_every_unit(tmp_path: Path, capsys) -> None:
    units = tmp_path / "units.yaml"
    units.write_text(
        "units:\n"
        "  - name: Trường A\n    place: X\n    category: THCS\n    head: {title: Hiệu trưởng, name: A}\n"
        "  - name: Trường B\n    abbreviation: TB\n    place: X\n    category: lớp học\n"
        "    head: {title: Hiệu trưởng, name: B}\n",
        encoding="utf-8")
    assert main(["derive", str(PLAN_005), "--units", str(units), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert f"{units}:2: [units[1].abbreviation] thiếu khóa bắt buộc 'abbreviation'" in err
    assert f"{units}:6: [units[2]] loại đơn vị 'lớp học' không rõ" in err


def test_comments_of_copied_sections_are_kept(tmp_path: Path) -> None:
    parent = tmp_path / "cap_tren.yaml"
    text = PLAN_005.read_text(encoding="utf-8").replace(
        "      - title: Mục đích\n", "      - title: Mục đích   # giữ nguyên theo kế hoạch của huyện\n")
    parent.write_text(text, encoding="utf-8")
    result = derive_file(parent, load_unit(UNITS / "thcs_lac_hong.yaml"))
    assert "- title: Mục đích   # giữ nguyên theo kế hoạch của huyện" in result.yaml_text
    assert "Các đơn vị trực thuộc" not in result.yaml_text  # the copied section's wording was still turned


def test_every_plan_and_unit_round_trips(tmp_path: Path) -> None:
    """For every issued plan in plans/ and every example unit, the YAML text is exactly the derived model."""
    from support.paths import PLANS

    count = 0
    for plan in PLANS:
        doc = load_document(plan)
        if doc.kind != "ke_hoach" or doc.number is None or not (doc.date and doc.date.complete):
            continue
        for unit_file in sorted(UNITS.glob("*.yaml")):
            if unit_file.name == "cac_truong_van_lam.yaml":
                continue
            result = derive_file(plan, load_unit(unit_file))
            child = tmp_path / f"{plan.stem}_{unit_file.stem}.yaml"
            child.write_text(result.yaml_text, encoding="utf-8")
            assert load_document(child) == result.document, (plan.name, unit_file.name)
            count += 1
    assert count >= 12


def test_parent_copy_is_not_modified(tmp_path: Path) -> None:
    copy = tmp_path / "p.yaml"
    shutil.copy(PLAN_004, copy)
    derive_file(copy, load_unit(UNITS / "thpt_nguyen_trai.yaml"))
    assert copy.read_bytes() == PLAN_004.read_bytes()
