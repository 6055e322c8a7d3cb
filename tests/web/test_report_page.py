"""The report page (issue 21 item 6, issue 18): narratives under the official headings, Biểu mẫu 1–7 with the
computed rows, task statuses; every box saved alone, figures checked, no whole-form POST."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from cchc_docgen.loader import load_document
from cchc_docgen.report.outline import load_outline
from cchc_docgen.web.figures import BadValue, figure, figure_text
from cchc_docgen.web.treeedit import EditError, parse_path
from tests.web.conftest import post_report

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "001_haiphong_cchc_2023.yaml"


def make_report(client: Any, data: Path) -> str:
    shutil.copy(PLAN, data / "th-lacdao" / "ke-hoach-001.yaml")
    made = post_report(client, "th-lacdao/ke-hoach-001.yaml")
    assert made.status_code == 303, made.text[-2000:]
    location = made.headers["location"]
    assert location.startswith("/status/")
    return str(location.removeprefix("/status/"))


class Page:
    """The report page of one client: its token and file version, and a save like the page's script."""

    def __init__(self, client: Any, rel: str) -> None:
        self.client, self.rel = client, rel
        self.text = client.get(f"/status/{rel}").text
        self.token = self.text.split('name="csrf" value="')[1].split('"')[0]
        self.version = self.text.split('name="version" value="')[1].split('"')[0]

    def save(self, name: str, value: str, base: str = "") -> Any:
        answer = self.client.post(f"/report-save/{self.rel}", data={"csrf": self.token, "name": name, "value": value,
                                                                   "base": base, "version": self.version})
        body = answer.json()
        self.version = body.get("version", self.version)
        body["http"] = answer.status_code
        return body


def fig(form: int, stt: str) -> str:
    return f"n:report.figures.bm{form}.'{stt}'"


@pytest.fixture()
def report(app_factory: Any, data: Path) -> tuple[Page, Path]:
    client = app_factory("ht.lacdao")
    rel = make_report(client, data)
    return Page(client, rel), data / rel


def test_every_form_row_with_its_name_and_unit_formula_rows_not_typed(report: tuple[Page, Path]) -> None:
    page, _ = report
    text = page.text
    outline = load_outline()
    rows = [(f, r) for f in outline.forms for r in f.rows]
    assert len(rows) == 123
    for form, row in rows:
        part = text.split(f'id="r-bm{form.number}:{row.stt}"')[1].split("</tr>")[0]
        assert str(escape(row.name)) in part and str(escape(" ".join(row.unit))) in part
        typed = f'name="{escape(fig(form.number, row.stt))}"' in part
        if row.kind in ("sum", "ratio", "group") or (form.number, row.stt) in ((1, "2.1"), (1, "2.2")):
            assert not typed, (form.number, row.stt)  # computed, or counted from the tasks: never typed
        else:
            assert typed, (form.number, row.stt)
    counted = text.split('id="r-bm1:2.1"')[1].split("</tr>")[0]
    assert "48" in counted and "Đếm từ các nhiệm vụ" in counted
    for label in ("I. CÔNG TÁC CHỈ ĐẠO", "II.1. Cải cách thể chế", "II.6. Xây dựng", "III. ĐÁNH GIÁ CHUNG",
                  "IV. PHƯƠNG HƯỚNG", "Biểu mẫu 1", "Biểu mẫu 7", "Nhiệm vụ trong kỳ"):
        assert f">{label}" in text.split('class="outline"')[1].split("</nav>")[0], label


def test_figures_save_alone_and_the_computed_rows_follow(report: tuple[Page, Path]) -> None:
    page, path = report
    assert page.save(fig(1, "3.3.1"), "8")["status"] == "saved"
    reply = page.save(fig(1, "3.3.2"), "3")
    expected = f"{3 / 8 * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",")  # 37,5: decimal comma, no %
    assert reply["forms"]["cells"]["bm1:3.3"] == expected
    for stt, value in (("1.4.1", "98"), ("1.4.2", "2"), ("1.4.3", "7")):
        reply = page.save(fig(3, stt), value)
    assert reply["forms"]["cells"]["bm3:1.4"] == str(98 + 2)  # cấp tỉnh + cấp xã; ngành dọc (1.4.3) is apart
    figures = load_document(path).report.figures  # type: ignore[union-attr]
    assert figures["bm1"]["3.3.1"] == 8 and figures["bm3"]["1.4.2"] == 2
    shown = Page(page.client, page.rel).text  # a reload shows the computed rows
    assert f'data-cell="bm1:3.3">{expected}<' in shown and 'data-cell="bm3:1.4">100<' in shown
    # a §4.4 check: more problems handled than found
    reply = page.save(fig(1, "3.3.2"), "10", base="3")
    assert any("lớn hơn dòng 3.3.1" in m for m in reply["forms"]["rows"]["bm1:3.3"])
    again = Page(page.client, page.rel).text.split('id="r-bm1:3.3"')[1].split("</tr>")[0]
    assert "lớn hơn dòng 3.3.1" in again


def test_a_bad_figure_is_refused_with_a_message_and_nothing_is_written(report: tuple[Page, Path]) -> None:
    page, path = report
    page.save(fig(1, "1"), "5")
    before = path.read_bytes()
    for value, words in (("abc", "không phải là số"), ("-4", "không được âm"), ("12%", "không ghi dấu %")):
        reply = page.save(fig(1, "3.1"), value)
        assert reply["http"] == 422 and reply["invalid"] and words in reply["message"], reply
    assert path.read_bytes() == before
    assert page.save(fig(1, "3.1"), "1.234")["value"] == "1234"  # thousands dot, as Vietnamese writes
    assert page.save(fig(1, "3.2"), "2,5")["value"] == "2,5"
    figures = load_document(path).report.figures["bm1"]  # type: ignore[union-attr]
    assert (figures["1"], figures["3.1"], figures["3.2"]) == (5, 1234, 2.5)


def test_a_status_saves_alone_and_updates_the_counted_rows(report: tuple[Page, Path]) -> None:
    page, path = report
    doc = load_document(path)
    tasks = [i for i, t in enumerate(doc.report.tasks) if t.task]  # type: ignore[union-attr]
    reply = page.save(f"s:report.tasks.{tasks[0]}.status", "hoàn thành")
    assert reply["status"] == "saved"
    assert f"Tổng số {len(tasks)} nhiệm vụ: đã hoàn thành 1 (" in reply["sentence"]
    cells = reply["forms"]["cells"]
    assert cells["bm1:2.1"] == str(len(tasks)) and cells["bm1:2.2"] == "1"
    assert cells["bm1:2"] == f"{100 / len(tasks):.2f}".rstrip("0").replace(".", ",")
    assert load_document(path).report.tasks[tasks[0]].status == "hoàn thành"  # type: ignore[union-attr]
    summary = Page(page.client, page.rel).text.split('id="n-body.0.items.1"')[1].split('id="n-body.0.items.2"')[0]
    assert f"Tổng số {len(tasks)} nhiệm vụ: đã hoàn thành 1 (" in summary  # I.2 says what the program adds
    bad = page.save(f"s:report.tasks.{tasks[1]}.status", "xong rồi")  # a hand-made page: the loader's message
    assert any(p["path"] == f"report.tasks.{tasks[1]}.status" and "không có trong danh sách" in p["message"]
               for p in bad["problems"])


def test_a_narrative_box_saves_alone(report: tuple[Page, Path]) -> None:
    page, path = report
    name = "l:body.1.items.1.items.0.paragraphs"  # II.2.a
    assert f'name="{escape(name)}"' in page.text
    reply = page.save(name, "Rà soát 12 thủ tục.\nĐề nghị cắt giảm 3 thủ tục.", base="…")
    assert reply["status"] == "saved"
    assert load_document(path).body[1].items[1].items[0].paragraphs == ["Rà soát 12 thủ tục.",
                                                                        "Đề nghị cắt giảm 3 thủ tục."]
    assert "Đề nghị cắt giảm 3 thủ tục." in Page(page.client, page.rel).text


def test_the_whole_form_is_never_posted(report: tuple[Page, Path]) -> None:
    page, path = report
    before = path.read_bytes()
    whole = page.client.post(f"/status/{page.rel}", data={"csrf": page.token, "version": page.version,
                                                          "s:report.tasks.1.status": "hoàn thành"})
    assert whole.status_code == 405 and path.read_bytes() == before
    assert 'hx-post' not in page.text and f'data-save="/report-save/{page.rel}"' in page.text


def test_figures_read_as_vietnamese_writes_them() -> None:
    assert [figure(t) for t in ("12", "2.450", "95,5", "1.234,5", "-", " ", "15 480")] == \
        [12, 2450, 95.5, 1234.5, "-", None, 15480]
    assert [figure_text(v) for v in (2450, 95.5, "-", None, 3.0)] == ["2450", "95,5", "-", "", "3"]
    for bad in ("abc", "-3", "1,2,3", "5%"):
        with pytest.raises(BadValue):
            figure(bad)
    assert parse_path("report.figures.bm1.'3.1'") == ["report", "figures", "bm1", "3.1"]
    assert parse_path("report.notes.bm2.'1'") == ["report", "notes", "bm2", "1"]  # an STT stays text
    with pytest.raises(EditError):
        parse_path("report.figures.bm1.'3.1")
