"""Authoring: the author's punctuation kept, the Lưu line with a drafter mark, warnings that can be answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from cchc_docgen.checker import check_docx
from cchc_docgen.cli import main
from cchc_docgen.context import build_context, plan_period
from cchc_docgen.loader import load_document
from cchc_docgen.pipeline import render_plan

PLAN = """\
issuer: {name: Sở Giáo dục và Đào tạo, abbreviation: SGDĐT, place: Hưng Yên}
number: 12
date: 2024-03-16
title: Tuyên truyền cải cách hành chính năm 2024
preamble:
  bases:
    - Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư
    - Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND tỉnh về cải cách hành chính năm 2024,
  lead_in: "Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:"
body:
  - Nội dung (chi tiết tại Phụ lục).
signer: {authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Nguyễn Văn An}
recipients: [UBND tỉnh, Sở Nội vụ]
archive: {units: [KGVX], drafter: Thg(10)}
"""


def _write(tmp_path: Path, text: str) -> Path:
    plan = tmp_path / "p.yaml"
    plan.write_text(text, encoding="utf-8")
    return plan


def _preamble(tmp_path: Path, text: str) -> list[str]:
    return [str(p["text"]) for p in build_context(load_document(_write(tmp_path, text)))["preamble"]]


def test_last_basis_keeps_the_authors_comma_into_the_lead_in(tmp_path: Path) -> None:
    paras = _preamble(tmp_path, PLAN)
    assert paras[0].endswith("về công tác văn thư;</w:t></w:r>")
    assert paras[1].endswith("cải cách hành chính năm 2024,</w:t></w:r>")
    assert paras[2].endswith("như sau:</w:t></w:r>")


@pytest.mark.parametrize(
    ("change", "end"),
    [
        (("năm 2024,\n", "năm 2024\n"), "năm 2024.</w:t></w:r>"),  # no mark typed: "." as before
        (("năm 2024,\n", "năm 2024;\n"), "năm 2024.</w:t></w:r>"),
        # a "," with nothing after it to lead into becomes "."
        (('  lead_in: "Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:"\n', ""), "năm 2024.</w:t></w:r>"),
    ],
)
def test_last_basis_otherwise_ends_with_a_period(tmp_path: Path, change: tuple[str, str], end: str) -> None:
    assert _preamble(tmp_path, PLAN.replace(*change))[1].endswith(end)


def test_drafter_mark_ends_the_luu_line_and_the_checker_accepts_it(tmp_path: Path) -> None:
    docx = render_plan(_write(tmp_path, PLAN), tmp_path / "out")
    lines = [p.text for p in Document(str(docx)).tables[-1].cell(0, 0).paragraphs if p.text]
    assert lines[-1] == "- Lưu: VT, KGVX, Thg(10)."
    assert not [f for f in check_docx(docx) if f.rule_id == "R2"]


# warnings that can be answered

PERIOD = PLAN.replace("title: Tuyên truyền cải cách hành chính năm 2024",
                      "title: Cải cách hành chính giai đoạn 2021-2025, định hướng đến năm 2045")


def test_a_horizon_year_is_not_the_documents_year(tmp_path: Path, capsys) -> None:
    doc = load_document(_write(tmp_path, PERIOD.replace("2024-03-16", "2021-03-16")))
    assert plan_period(doc) == (2021, 2025)
    assert main(["validate", "--strict", str(tmp_path / "p.yaml")]) == 0
    assert "cảnh báo" not in capsys.readouterr().err


def _warnings(tmp_path: Path, capsys, text: str, strict: bool = True) -> tuple[int, list[str]]:
    plan = _write(tmp_path, text)
    code = main(["validate", *(["--strict"] if strict else []), str(plan)])
    return code, [ln.replace(str(plan), "p.yaml") for ln in capsys.readouterr().err.splitlines()]


def test_year_warning_names_the_year_key(tmp_path: Path, capsys) -> None:
    code, err = _warnings(tmp_path, capsys, PERIOD.replace("2024-03-16", "2019-12-30"))
    assert code == 1
    assert err == [
        "cchc-docgen: cảnh báo: p.yaml:3: [date] năm ban hành (2019) không khớp với năm 2021-2025 của văn bản (theo "
        "trích yếu); nếu văn bản là của năm khác năm ghi trong trích yếu, ghi rõ năm đó bằng khóa 'year' (ví dụ "
        "'year: 2019'); nếu nhầm thì sửa 'date' hoặc 'title'. [mã: nam-ban-hanh@date; nếu đúng như vậy, ghi mã "
        "này vào 'accept_warnings']"
    ]
    # following the advice silences it
    assert _warnings(tmp_path, capsys, PERIOD.replace("2024-03-16", "2019-12-30") + "year: 2019\n")[0] == 0


STALE = PLAN.replace("  - Nội dung (chi tiết tại Phụ lục).",
                     "  - Tiếp tục thực hiện Kế hoạch cải cách hành chính năm 2023.\n"
                     "  - Hoàn thành trong năm 2022 (chi tiết tại Phụ lục).")


def test_accepting_a_specific_warning_makes_strict_pass(tmp_path: Path, capsys) -> None:
    code, err = _warnings(tmp_path, capsys, STALE)
    assert code == 1 and len(err) == 2
    assert err[0].endswith("[mã: nam-cu@body[1]; nếu đúng như vậy, ghi mã này vào 'accept_warnings']")
    assert "[mã: nam-cu@body[2];" in err[1]
    # one warning accepted: the other is still reported
    code, err = _warnings(tmp_path, capsys, STALE + "accept_warnings:\n  - nam-cu@body[1]\n")
    assert code == 1 and len(err) == 1 and "nam-cu@body[2]" in err[0]
    # both accepted, one by one or by code
    both = STALE + "accept_warnings:\n  - nam-cu@body[1]\n  - nam-cu@body[2]\n"
    assert _warnings(tmp_path, capsys, both) == (0, [])
    assert _warnings(tmp_path, capsys, STALE + "accept_warnings: [nam-cu]\n") == (0, [])


def test_an_acceptance_that_matches_nothing_is_reported(tmp_path: Path, capsys) -> None:
    code, err = _warnings(tmp_path, capsys, PLAN + "accept_warnings: [phu-luc]\n")
    assert code == 1
    assert err == ["cchc-docgen: cảnh báo: p.yaml:15: [accept_warnings[1]] 'phu-luc' không còn khớp cảnh báo nào; "
                   "hãy xóa dòng này khỏi 'accept_warnings'."]


def test_an_unknown_warning_code_is_an_error(tmp_path: Path, capsys) -> None:
    code, err = _warnings(tmp_path, capsys, PLAN + "accept_warnings: [nam_cu]\n", strict=False)
    assert code == 1
    assert err == ["cchc-docgen: lỗi: p.yaml:15: [accept_warnings] mã cảnh báo 'nam_cu' không có. Các mã cảnh báo: "
                   "nam-ban-hanh, nam-cu, phu-luc, noi-nhan-trung, hinh-thuc-ky, bao-cao."]
