"""Real office documents with hand-written expected findings, in two sets of different issuers.

``labels.yaml`` is the development set (the checker was tuned on it); ``labels_test.yaml`` is the test set,
judged from the XML and the rendered page before the checker was run on it. Both scores are printed; the
README quotes the test set's. Each document's kind (typed, công văn, appendix, outside NĐ30) must be recognised.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from cchc_docgen.checker import CheckResult, Finding, check_document

DATA = Path(__file__).resolve().parents[1] / "data" / "realdocs"
DEV: dict = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))
TEST: dict = yaml.safe_load((DATA / "labels_test.yaml").read_text(encoding="utf-8"))
LABELS: dict = {**DEV, **TEST}
#: what each set must reach (development: the documents the rules were written against; test: unseen issuers)
TARGET = {"development": (0.95, 0.90), "test": (0.90, 0.85)}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _match(findings: list[Finding], expected: list[list[str]]) -> tuple[int, list, list]:
    """(true positives, unmatched findings, unmatched labels); each finding and label is used once."""
    left = list(findings)
    missed = []
    for rule, where, _reason in expected:
        hit = next((f for f in left if f.rule_id == rule and _nfc(where) in _nfc(f"{f.location} {f.excerpt}")), None)
        if hit is None:
            missed.append((rule, where))
        else:
            left.remove(hit)
    return len(expected) - len(missed), left, missed


@pytest.fixture(scope="module")
def results() -> dict[str, CheckResult]:
    return {name: check_document(DATA / f"{name}.docx") for name in LABELS}


def test_every_document_is_labelled_in_exactly_one_set() -> None:
    assert not set(DEV) & set(TEST)
    assert {p.stem for p in DATA.glob("*.docx")} == set(LABELS)
    for name, entry in LABELS.items():
        for item in entry["findings"]:
            assert len(item) == 3 and item[2].strip(), f"{name}: each label needs rule, where, reason"


@pytest.mark.parametrize("name", sorted(LABELS))
def test_kind_is_recognised(results: dict[str, CheckResult], name: str) -> None:
    assert results[name].kind == LABELS[name]["kind"]
    if results[name].kind == "outside":
        assert results[name].findings == [] and results[name].note


def score(labels: dict, results: dict[str, CheckResult]) -> tuple[float, float, list[str]]:
    """(precision, recall, lines naming each false positive and false negative) of ``results`` on ``labels``."""
    tp = fp = fn = 0
    report = []
    for name, entry in labels.items():
        hits, extra, missed = _match(results[name].findings, entry["findings"])
        tp, fp, fn = tp + hits, fp + len(extra), fn + len(missed)
        report += [f"  FP {name}: {f.rule_id} {f.location} «{f.excerpt}» {f.message}" for f in extra]
        report += [f"  FN {name}: {rule} {where}" for rule, where in missed]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    report.insert(0, f"{len(labels)} documents, findings expected {tp + fn}, reported {tp + fp}, "
                     f"precision={precision:.3f}, recall={recall:.3f}")
    return precision, recall, report


@pytest.mark.parametrize("which", ["development", "test"])
def test_precision_and_recall_on_real_documents(results: dict[str, CheckResult], which: str) -> None:
    precision, recall, report = score(DEV if which == "development" else TEST, results)
    print(f"\n{which} set: " + "\n".join(report))
    want_p, want_r = TARGET[which]
    assert precision >= want_p and recall >= want_r, "\n".join(report)


@pytest.mark.slow
def test_precision_and_recall_in_layout_mode() -> None:
    """The same labels judged with positions from LibreOffice's PDF (``check --layout``)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from support.paths import soffice_or_skip

    from cchc_docgen.checker.layout import render_layouts

    soffice_or_skip()
    paths = [DATA / f"{name}.docx" for name in LABELS]
    layouts, note = render_layouts(paths)
    assert note is None, note
    results = {name: check_document(DATA / f"{name}.docx", layouts[DATA / f"{name}.docx"]) for name in LABELS}
    for which, labels in (("development", DEV), ("test", TEST)):
        precision, recall, report = score(labels, results)
        print(f"\nlayout mode, {which} set: " + "\n".join(report))
        want_p, want_r = TARGET[which]
        assert precision >= want_p and recall >= want_r, "\n".join(report)


def test_every_finding_says_where_and_how_to_fix_in_vietnamese(results: dict[str, CheckResult]) -> None:
    vietnamese = set("ăâđêôơưáàảãạếềểễệóòỏõọốồổỗộớờởỡợúùủũụứừửữự")
    for name, res in results.items():
        for f in res.findings:
            assert f.location.startswith(("trang ", "section ")), (name, f.location)
            where = ("đoạn", "bảng", "phần đầu", "sau phần nội dung", "section")
            assert any(k in f.location for k in where), (name, f.location)
            assert f.message and f.fix and set(f.fix.lower()) & vietnamese, (name, f.fix)
