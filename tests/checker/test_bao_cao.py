"""R3: a BÁO CÁO sent upward needs “Kính gửi:” and “- Như trên;” as the first recipient."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.shared import Pt
from gooddoc import CAPTION, build_good, clone_after, find_p, paragraphs, set_runs, set_text

from cchc_docgen.checker import check_docx
from cchc_docgen.ooxml.names import w


def _bao_cao(*, kinh_gui: bool = True, nhu_tren: bool = True) -> DocxDocument:
    doc = build_good()
    set_text(find_p(doc, "KẾ HOẠCH"), "BÁO CÁO")
    set_text(find_p(doc, "Số:"), "Số: 07/BC-SGDĐT")
    for p in paragraphs(doc):
        if "".join(t.text or "" for t in p.iter(w("t"))).startswith("(Kèm theo"):
            set_text(p, CAPTION.replace("Kế hoạch số 07/KH-", "Báo cáo số 07/BC-"))
    if kinh_gui:
        new = doc.add_paragraph()
        new.add_run("Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.").font.size = Pt(14)
        find_p(doc, "_" * 25, exact=True).addnext(new._p)
    if nhu_tren:
        set_text(clone_after(find_p(doc, "Nơi nhận")), "- Như trên;")
        set_runs(find_p(doc, "- Như trên"), b=0, i=0, sz=22)
    return doc


def _rules(doc: DocxDocument, tmp_path: Path) -> set[str]:
    path = tmp_path / "bc.docx"
    doc.save(str(path))
    return {f.rule_id for f in check_docx(path)}


def test_report_sent_upward_is_clean(tmp_path: Path) -> None:
    assert _rules(_bao_cao(), tmp_path) == set()


def test_kinh_gui_without_nhu_tren(tmp_path: Path) -> None:
    assert _rules(_bao_cao(nhu_tren=False), tmp_path) == {"R3"}


def test_nhu_tren_without_kinh_gui(tmp_path: Path) -> None:
    assert _rules(_bao_cao(kinh_gui=False), tmp_path) == {"R3"}


def test_kinh_gui_must_be_upright(tmp_path: Path) -> None:
    doc = _bao_cao()
    set_runs(find_p(doc, "Kính gửi"), i=1)
    assert _rules(doc, tmp_path) == {"R3"}


def test_type_abbreviation_follows_the_type(tmp_path: Path) -> None:
    doc = _bao_cao()
    set_text(find_p(doc, "Số:"), "Số: 07/KH-SGDĐT")
    for p in paragraphs(doc):
        if "".join(t.text or "" for t in p.iter(w("t"))).startswith("(Kèm theo"):
            set_text(p, CAPTION.replace("Kế hoạch", "Báo cáo"))
    assert _rules(doc, tmp_path) == {"N2"}
