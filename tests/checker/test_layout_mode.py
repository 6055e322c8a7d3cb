"""``check --layout``: pages, centring, signing space and levels measured on a rendered PDF.

The PDF is made by LibreOffice (skipped without it, a failure in CI); the fast XML-only mode stays
the default and is used when no PDF can be made.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from gooddoc import build_good, remove

from cchc_docgen.checker import check_document
from cchc_docgen.checker import layout as layout_mod
from cchc_docgen.checker.layout import read_layout, render_layouts
from cchc_docgen.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from support.paths import soffice_or_skip

DATA = Path(__file__).resolve().parents[1] / "data" / "realdocs"


@pytest.fixture(scope="module")
def realdoc_layouts() -> dict:  # type: ignore[type-arg]
    soffice_or_skip()
    names = ("qd_sapnhap_golf", "bc_quanly_hoi_2025", "kh_pcmt_2030", "cv_ykien_dieule_hoi")
    layouts, note = render_layouts([DATA / f"{n}.docx" for n in names])
    assert note is None and len(layouts) == len(names)
    return layouts


@pytest.mark.slow
def test_pages_are_the_rendered_ones(realdoc_layouts: dict) -> None:  # type: ignore[type-arg]
    path = DATA / "qd_sapnhap_golf.docx"
    fast, measured = check_document(path), check_document(path, realdoc_layouts[path])
    assert any("trang ~" in f.location for f in fast.findings)  # estimated from the XML
    assert measured.pages == 1
    assert {f.rule_id for f in measured.findings} == {f.rule_id for f in fast.findings}
    assert not any("trang ~" in f.location for f in measured.findings if f.location.startswith("trang"))


@pytest.mark.slow
def test_signer_block_and_noi_nhan_measured(realdoc_layouts: dict) -> None:  # type: ignore[type-arg]
    pcmt = DATA / "kh_pcmt_2030.docx"
    res = check_document(pcmt, realdoc_layouts[pcmt])
    assert {f.excerpt for f in res.findings if f.rule_id == "S1"} == {"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}
    ykien = DATA / "cv_ykien_dieule_hoi.docx"  # "Nơi nhận:" 12 pt beside "CHỦ TỊCH" 14 pt: level
    assert "R1" not in {f.rule_id for f in check_document(ykien, realdoc_layouts[ykien]).findings}


@pytest.mark.slow
def test_signing_space_is_measured_in_mm(tmp_path: Path) -> None:
    soffice_or_skip()
    doc = build_good()
    right = doc.tables[1].cell(0, 1)  # the signature column: 2 title lines, 4 empty lines, the name
    for p in [p for p in right.paragraphs if not p.text][:3]:
        remove(p._p)
    path = tmp_path / "short_gap.docx"
    doc.save(str(path))
    layouts, _ = render_layouts([path])
    (s2,) = [f for f in check_document(path, layouts[path]).findings if f.rule_id == "S2"]
    assert "mm" in s2.message and "trên trang in" in s2.message


@pytest.mark.slow
def test_cli_layout_flag(capsys: pytest.CaptureFixture[str]) -> None:
    soffice_or_skip()
    code = main(["check", "--layout", str(DATA / "cv_giao_3653_vpcp.docx")])
    out = capsys.readouterr().out
    assert "[công văn]" in out and code == (1 if "[MUST]" in out else 0)


def test_without_a_pdf_converter_the_fast_mode_is_used(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from cchc_docgen import pdf

    def no_converter(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise pdf.PdfError("không tìm thấy LibreOffice hay Microsoft Word")

    monkeypatch.setattr(pdf, "convert_many", no_converter)
    path = DATA / "cv_giao_3653_vpcp.docx"
    code = main(["check", "--layout", str(path)])
    captured = capsys.readouterr()
    assert "chế độ nhanh" in captured.err and "[công văn]" in captured.out
    assert code == (1 if "[MUST]" in captured.out else 0)


@pytest.mark.slow
def test_pdfminer_reads_the_layout_when_poppler_is_missing(
    realdoc_layouts: dict,  # type: ignore[type-arg]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    soffice_or_skip()
    from cchc_docgen.pdf import convert_one

    src = tmp_path / "golf.docx"
    shutil.copyfile(DATA / "qd_sapnhap_golf.docx", src)
    pdf_path = convert_one(src)
    with_poppler = read_layout(pdf_path)
    monkeypatch.setattr(layout_mod.shutil, "which", lambda name: None)
    with_pdfminer = read_layout(pdf_path)
    assert with_poppler is not None and with_pdfminer is not None
    assert with_pdfminer.page_count == with_poppler.page_count == 1
    assert any("QUYẾT ĐỊNH" in line.text for line in with_pdfminer.lines)
