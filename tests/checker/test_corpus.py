"""The broken-document corpus: each mutation of the good document yields exactly its rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from gooddoc import build_good, save_good
from mutations import CORPUS

from cchc_docgen.checker import MUST, check_docx


@pytest.fixture(scope="module")
def corpus_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    out = tmp_path_factory.mktemp("corpus")
    results = {}
    for name, mutate, _ in CORPUS:
        doc = build_good()
        mutate(doc)
        path = out / f"{len(results):02d}.docx"
        doc.save(str(path))
        results[name] = {f.rule_id for f in check_docx(path)}
    return results


def test_good_document_has_no_findings(tmp_path: Path) -> None:
    good_path = save_good(tmp_path)
    findings = check_docx(good_path)
    assert findings == [], "\n".join(f"{f.rule_id}: {f.message}" for f in findings)


def test_corpus_is_big_enough() -> None:
    assert len(CORPUS) >= 25
    covered = set().union(*(exp for _, _, exp in CORPUS))
    # every rule of spec §8 except R3 (BÁO CÁO only, tested separately) is exercised
    from cchc_docgen.checker import RULES

    assert set(RULES) - covered == {"R3"}


@pytest.mark.parametrize("name,expected", [(n, e) for n, _, e in CORPUS], ids=[n for n, _, _ in CORPUS])
def test_mutation_yields_exactly_its_rule(corpus_results: dict[str, set[str]], name: str, expected: set[str]) -> None:
    assert corpus_results[name] == expected


def test_precision_and_recall(corpus_results: dict[str, set[str]]) -> None:
    tp = fp = fn = 0
    for name, _, expected in CORPUS:
        got = corpus_results[name]
        tp += len(got & expected)
        fp += len(got - expected)
        fn += len(expected - got)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"\nNĐ30 checker corpus: {len(CORPUS)} broken documents, precision={precision:.3f}, recall={recall:.3f}")
    assert precision == 1.0
    assert recall == 1.0


def test_findings_carry_location_excerpt_and_vietnamese_fix(tmp_path: Path) -> None:
    from mutations import point_f

    doc = build_good()
    point_f(doc)
    doc.save(str(tmp_path / "f.docx"))
    (finding,) = check_docx(tmp_path / "f.docx")
    assert finding.rule_id == "B3" and finding.level == MUST
    assert finding.location.startswith("trang ~") and "đoạn" in finding.location
    assert finding.excerpt.startswith("f) Kết quả thực hiện")
    assert "“g)”" in finding.message and "Sửa thành" in finding.fix
