"""The checker and the importer get their NĐ30 parts from the one recogniser, and the same parts.

- both call :func:`cchc_docgen.outline.recognise` (a spy sees ``check`` and ``import`` use it);
- for every DOCX in tests/data, the parts found through the checker's lines (Word paragraphs) and through the
  importer's lines (its reading stream) are the same;
- for the documents of ``tests/data/outline_boundaries.yaml`` (written by hand before the recogniser ran on
  them) the parts are the ones written there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cchc_docgen import outline as nd30outline
from cchc_docgen.checker import check_document
from cchc_docgen.checker.docmodel import build_model
from cchc_docgen.checker.outline_lines import lines_of as checker_lines
from cchc_docgen.importer import import_file
from cchc_docgen.importer.outline_lines import lines_of as importer_lines
from cchc_docgen.importer.read import read_blocks
from cchc_docgen.ooxml.package import open_package
from cchc_docgen.outline import Line, Outline, recognise
from cchc_docgen.outline.words import fold

DATA = Path(__file__).resolve().parents[1] / "data"
DOCX = sorted(DATA.rglob("*.docx"))
HAND: dict = yaml.safe_load((DATA / "outline_boundaries.yaml").read_text(encoding="utf-8"))
PARTS = ("kind", "type", "title", "kinh_gui", "body", "footer", "noi_nhan", "signer", "appendix")


def _first_text(lines: list[Line], start: int, end: int) -> str | None:
    """The first printed line of the range (a cell paragraph with line breaks is one checker line but one importer
    line per printed line)."""
    return next((lines[i].pieces[0] for i in range(start, min(end, len(lines))) if not lines[i].empty), None)


def parts(lines: list[Line], ol: Outline) -> dict[str, str | None]:
    """Each part named by the text of its first line (as the hand-written table names it)."""

    def piece(pos: tuple[int, int] | None) -> str | None:
        return None if pos is None else lines[pos[0]].pieces[pos[1]]

    title = lines[ol.title[0]].text if ol.title else piece(ol.vv[0]) if ol.vv else None
    return {
        "kind": ol.kind,
        "type": ol.type_name if ol.kind == "typed" else None,
        "title": title,
        "kinh_gui": lines[ol.kinh_gui[0]].text if ol.kinh_gui else None,
        "body": _first_text(lines, ol.body_start, ol.footer_start),
        "footer": _first_text(lines, ol.footer_start, ol.appendix_start),
        "noi_nhan": piece(ol.noi_nhan),
        "signer": piece(ol.signer),
        "appendix": lines[ol.appendices[0].heading].text if ol.appendices else None,
    }


def _key(text: str | None) -> str | None:
    """Comparable start of a line (both readers keep the words; spaces and case may differ)."""
    return None if text is None else fold(text).replace("*", "")[:30].strip()


def _by_checker(path: Path) -> dict[str, str | None]:
    lines = checker_lines(build_model(open_package(path)))
    return parts(lines, recognise(lines))


def _by_importer(path: Path) -> dict[str, str | None]:
    lines, _owner = importer_lines(read_blocks(path))
    return parts(lines, recognise(lines))


def test_the_corpus_is_there() -> None:
    assert len(DOCX) >= 15 and set(HAND) <= {p.stem for p in DOCX}


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.stem)
def test_checker_and_importer_see_the_same_parts(path: Path) -> None:
    by_checker = {k: _key(v) for k, v in _by_checker(path).items()}
    by_importer = {k: _key(v) for k, v in _by_importer(path).items()}
    assert by_checker == by_importer


@pytest.mark.parametrize("name", sorted(HAND))
def test_parts_are_the_hand_written_ones(name: str) -> None:
    path = next(p for p in DOCX if p.stem == name)
    hand = HAND[name]
    for found in (_by_checker(path), _by_importer(path)):
        assert (found["kind"], found["type"]) == (hand["kind"], hand["type"])
        for part in PARTS[2:]:
            want = _key(hand[part])
            got = _key(found[part])
            # the hand-written line is the start of the found one (the table gives a line's first words)
            assert (got if got is None or want is None else got[: len(want)]) == want, part


def test_check_and_import_both_call_the_one_recogniser(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def spy(lines: list[Line]) -> Outline:
        calls.append(len(lines))
        return recognise(lines)

    monkeypatch.setattr(nd30outline, "recognise", spy)
    doc = DATA / "realdocs" / "kh_tuyentruyen_cchc_2026.docx"
    check_document(doc)
    assert len(calls) == 1
    import_file(doc)
    assert len(calls) == 2


def test_a_recogniser_that_finds_nothing_changes_both(monkeypatch: pytest.MonkeyPatch) -> None:
    """The callers have no locating code of their own left: blind the recogniser and both see no parts."""
    monkeypatch.setattr(nd30outline, "recognise", lambda lines: Outline(body_start=len(lines),
                                                                       footer_start=len(lines),
                                                                       appendix_start=len(lines)))
    doc = DATA / "realdocs" / "kh_tuyentruyen_cchc_2026.docx"
    assert check_document(doc).kind == "outside"
    with pytest.raises(Exception, match="không nhận ra"):
        import_file(doc)
