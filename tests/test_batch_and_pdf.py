"""Batch rendering (issue #4) and real PDF output of every example plan, checked with poppler."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support.paths import PLANS, soffice_or_skip

from cchc_docgen.cli import main
from cchc_docgen.progress import Progress

BROKEN = "issuer: {name: X}\n"


def test_batch_continues_after_a_failure(tmp_path: Path, capsys) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for plan in PLANS[:3]:
        shutil.copy(plan, plans / plan.name)
    (plans / "zz_hong.yaml").write_text(BROKEN, encoding="utf-8")
    code = main(["render", str(plans), "-o", str(tmp_path / "out"), "-j", "2"])
    captured = capsys.readouterr()
    assert code == 1
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3
    assert "3/4 tệp thành công, 1 tệp lỗi" in captured.err
    assert "zz_hong.yaml:1:" in captured.err


def test_glob_arguments_and_duplicates(tmp_path: Path, capsys) -> None:
    pattern = str(PLANS[0].parent / "00*.yaml")
    code = main(["render", pattern, str(PLANS[0]), "-o", str(tmp_path)])
    assert code == 0
    written = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert written == sorted(f"{p.stem}.docx" for p in PLANS if p.name.startswith("00"))


def test_progress_bar_draws_only_when_enabled() -> None:
    stream = io.StringIO()
    bar = Progress(3, "Tạo DOCX", True, stream)
    for _ in range(3):
        bar.step()
    bar.close()
    assert "3/3" in stream.getvalue() and "\r" in stream.getvalue()
    quiet = io.StringIO()
    silent = Progress(3, "Tạo DOCX", False, quiet)
    silent.step()
    silent.close()
    assert quiet.getvalue() == ""


def test_template_is_compiled_once_per_process(tmp_path: Path) -> None:
    from cchc_docgen import template_cache
    from cchc_docgen.pipeline import render_plan

    template_cache.COMPILED.clear()
    for plan in PLANS:
        render_plan(plan, tmp_path / "a")
    first = template_cache.COMPILED.misses
    for plan in PLANS:
        render_plan(plan, tmp_path / "b")
    from cchc_docgen.loader import load_document

    templates = len({load_document(plan).kind for plan in PLANS})  # one per kind (plans and the example report)
    assert templates <= first <= 4 * templates  # body (+ a header or footnotes with tags) per template
    assert template_cache.COMPILED.misses == first  # the second batch compiled nothing


def _pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, yMin, page width, word) from ``pdftotext -bbox``."""
    html = _pdftotext(pdf, "-bbox")
    out: list[tuple[int, float, float, float, str]] = []
    for page, (width, body) in enumerate(re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', html, re.S), 1):
        for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', body):
            out.append((page, float(x), float(y), float(width), word))
    return out


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    soffice_or_skip()
    out = tmp_path_factory.mktemp("pdf")
    assert main(["render", *map(str, PLANS), "-o", str(out), "--pdf"]) == 0
    return {p.stem: out / f"{p.stem}.pdf" for p in PLANS}


@pytest.mark.slow
@pytest.mark.parametrize("stem", [p.stem for p in PLANS])
def test_pdf_has_the_text_and_the_layout(stem: str, pdfs: dict[str, Path]) -> None:
    import yaml

    plan = yaml.safe_load(next(p for p in PLANS if p.stem == stem).read_text(encoding="utf-8"))
    pdf = pdfs[stem]
    text = " ".join(re.sub(r"_{3,}", " ", _pdftotext(pdf)).split())  # rules may interleave with text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    first_title_line = plan["title"].split("|")[0].strip()
    assert " ".join(first_title_line.split()) in text
    assert plan["signer"]["name"] in text

    words = _words(pdf)
    page1 = [w for w in words if w[0] == 1]
    cong = next(w for w in page1 if w[4] == "CỘNG")
    assert cong[1] > cong[3] * 0.4  # Quốc hiệu in the right column
    agency = next(w for w in page1 if w[4] in ("UBND", "SỞ", "PHÒNG", "TRƯỜNG") and w[1] < cong[3] * 0.45)
    assert abs(agency[2] - cong[2]) < 3  # agency block level with the Quốc hiệu: the header is not split
    so = next(w for w in page1 if w[4] == "Số:")
    date_word = next(w for w in page1 if w[4] == "ngày" and w[1] > cong[3] * 0.4)
    assert abs(so[2] - date_word[2]) < 4  # Số and the date on the same line

    noi = next(w for w in words if w[4] == "Nơi")
    signer_first = plan["signer"].get("authority", "none")
    first_word = {"KT": "KT.", "TM": "TM.", "TM+KT": "TM.", "Q": "Q.", "TL": "TL.", "TUQ": "TUQ."}.get(
        signer_first, plan["signer"]["title"].split()[0].upper())
    title_word = next(w for w in words if w[0] == noi[0] and w[4] == first_word and w[1] > noi[3] * 0.4)
    assert abs(title_word[2] - noi[2]) < 6  # Nơi nhận level with the first signature line
    name_first = plan["signer"]["name"].split()[0]
    name = next(w for w in words if w[4] == name_first and w[2] > title_word[2] and w[0] == noi[0])
    assert name[2] - title_word[2] > 60  # room for signature and seal, on the same page
    above = [w for w in words if w[0] == noi[0] and w[2] < noi[2] - 10]
    assert len(above) > 10  # the signature block is not alone on its page
