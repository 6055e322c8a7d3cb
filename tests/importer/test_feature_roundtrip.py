"""One plan that uses every feature the importer must read back (merged cells, groups, per-group numbers,
sub-rows, multi-paragraph cells, TM+KT signer, recipients with notes, Lưu with copies, footnotes, bold and
italic, Kính gửi, decimal 2.1. numbering, dash items under a section), rendered to DOCX and PDF, imported back."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support.paths import soffice_or_skip

from cchc_docgen.importer import import_file
from cchc_docgen.loader import load_document
from cchc_docgen.pipeline import render_plan
from tests.importer.roundtrip import normal_form

PLAN = """\
kind: bao_cao
issuer:
  parent: UBND tỉnh Hưng Yên
  name: Sở Giáo dục và Đào tạo
  abbreviation: SGDĐT
  place: Hưng Yên
number: 45
date: 2024-07-05
title: Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024
period_note: (Từ ngày 15/12/2023 đến ngày 14/6/2024)
addressees: [Ủy ban nhân dân tỉnh Hưng Yên]
preamble:
  bases:
    - Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư
    - Căn cứ Kế hoạch số 07/KH-SGDĐT ngày 04/01/2024 của Sở Giáo dục và Đào tạo
  lead_in: "Sở Giáo dục và Đào tạo báo cáo kết quả như sau:"
body:
  - title: Kết quả đạt được
    items:
      - title: Công tác chỉ đạo
        items_numbering: nested
        items:
          - title: Ban hành văn bản
            text: Sở đã ban hành **12 văn bản** chỉ đạo về cải cách hành chính[^vb].
          - text: Tổ chức *kiểm tra* tại 20 đơn vị.
      - title: Cải cách thủ tục hành chính
        items:
          - Rà soát 45 thủ tục hành chính.
          - Công khai đầy đủ thủ tục trên Cổng dịch vụ công.
  - title: Tồn tại, hạn chế
    items_numbering: dash
    items:
      - Một số đơn vị chưa cập nhật kịp thời.
      - Tỷ lệ hồ sơ trực tuyến còn thấp.
  - title: Phương hướng, nhiệm vụ
    items:
      - Tiếp tục rà soát, đơn giản hóa thủ tục hành chính.
closing: ["Trên đây là báo cáo kết quả cải cách hành chính 6 tháng đầu năm 2024 của Sở Giáo dục và Đào tạo."]
footnotes:
  vb: ["Gồm 5 kế hoạch, 7 công văn hướng dẫn."]
appendices:
  - title: [Kết quả thực hiện nhiệm vụ, 6 tháng đầu năm 2024]
    numbering: per_group
    columns:
      - {key: tt, label: TT, width: 12, numbers: true}
      - {key: task, label: Nhiệm vụ, width: 90}
      - {key: lead, label: Đơn vị chủ trì, width: 40}
      - {key: result, label: Kết quả, width: 60}
    rows:
      - group: Cải cách thể chế
      - task: Rà soát văn bản quy phạm pháp luật
        lead: {text: Văn phòng, rows: 2}
        result: Hoàn thành
      - task: Kiểm tra công tác văn thư
        result: ["Đã kiểm tra 10 đơn vị", "- Còn 2 đơn vị chưa đạt"]
      - group: Cải cách thủ tục hành chính
      - task: Ban hành kế hoạch kiểm soát thủ tục
        lead: Phòng Tổ chức cán bộ
        result: Hoàn thành
        subrows:
          - {task: Cấp Sở, lead: Văn phòng, result: Tháng 1}
          - {task: Cấp trường, lead: Các trường, result: Tháng 2}
      - {task: Nhiệm vụ phát sinh, lead: Văn phòng, result: Đang thực hiện, number: false}
signer:
  authority: TM+KT
  collective: Ban Giám đốc
  head_title: Giám đốc
  title: Phó Giám đốc
  name: Nguyễn Văn An
recipients:
  - {name: Sở Nội vụ, note: để b/c}
  - Các phòng thuộc Sở
archive: {units: [VP], copies: 2}
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("features")
    plan = folder / "bao_cao_day_du.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    return plan, render_plan(plan, folder / "out", force=True)


def test_every_feature_comes_back_from_docx(rendered: tuple[Path, Path]) -> None:
    plan, docx = rendered
    original, back = normal_form(load_document(plan)), normal_form(import_file(docx).document)
    for key in original:
        assert back[key] == original[key], key
    doc = import_file(docx).document
    assert doc.appendices[0].numbering == "per_group"
    rows = doc.appendices[0].rows
    assert rows[1].cells()["lead"].rows == 2 and "lead" not in rows[2].cells()
    assert [s.cells()["task"].paragraphs for s in rows[4].subrows] == [["Cấp Sở"], ["Cấp trường"]]
    assert rows[5].number is False
    assert doc.body[0].items[0].items_numbering == "nested"
    assert doc.body[1].items_numbering == "dash" and doc.body[1].role == "limitations"


def test_every_feature_comes_back_from_pdf(rendered: tuple[Path, Path], tmp_path: Path) -> None:
    plan, docx = rendered
    exe = soffice_or_skip()
    subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / f"{docx.stem}.pdf"
    original, back = normal_form(load_document(plan), True), normal_form(import_file(pdf).document, True)
    for key in original:
        assert back[key] == original[key], key
