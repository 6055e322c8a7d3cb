"""``check`` does work linear in document size (issue #9: a 50 MB document.xml took 326 s).

No timing: the test counts how many paragraphs the rules visit (every iteration over, or slice of,
the document's paragraph list) for a document and for one four times its size. Linear work grows
as much; a rule that scans every paragraph once per appendix (the old ``rules_appendix._section``)
makes it grow more than twice as fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gooddoc import _appendix, _roman, build_good

from cchc_docgen.checker import check_docx, docmodel
from cchc_docgen.ooxml.package import open_package


class CountingList(list):  # type: ignore[type-arg]
    """A list that counts the items handed out by iteration and slicing."""

    visits = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            CountingList.visits += 1
            yield item

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        got = super().__getitem__(key)
        if isinstance(key, slice):
            CountingList.visits += len(got)
        return got


def _document(folder: Path, appendices: int) -> Path:
    doc = build_good()
    for i in range(appendices):
        _appendix(doc, _roman(i + 3), f"BIỂU MẪU SỐ {i + 1}", False, 8)
    path = folder / f"doc_{appendices}.docx"
    doc.save(str(path))
    return path


def _visits(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    real = docmodel.build_model

    def counting(pkg):  # type: ignore[no-untyped-def]
        model = real(pkg)
        model.paras = CountingList(model.paras)
        return model

    monkeypatch.setattr(docmodel, "build_model", counting)
    CountingList.visits = 0
    check_docx(path)
    return CountingList.visits


def test_paragraph_visits_grow_linearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _document(tmp_path, 10), _document(tmp_path, 44)
    sizes = [len(docmodel.build_model(open_package(p)).paras) for p in (small, large)]
    n, n4 = _visits(small, monkeypatch), _visits(large, monkeypatch)
    growth, work = sizes[1] / sizes[0], n4 / n
    print(f"\nparagraph visits: {n} for {sizes[0]} paragraphs, {n4} for {sizes[1]} ({growth:.1f}×): {work:.2f}×")
    assert growth >= 3.5
    assert work < 1.5 * growth, f"check is not linear: {growth:.1f}× the paragraphs cost {work:.1f}× the visits"
