"""Report, derive and check pages through HTTP (the browser tests cover the whole path)."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document as WordDocument

from cchc_docgen.loader import load_document
from tests.web.conftest import HERE, csrf, post_report


def test_check_lists_findings_with_where_and_how_to_fix(app_factory, data: Path, tmp_path: Path) -> None:
    from cchc_docgen.pipeline import render_plan

    client = app_factory()
    docx = render_plan(data / "th-lacdao" / "ke-hoach.yaml", tmp_path)
    word = WordDocument(str(docx))
    for paragraph in word.paragraphs[:12]:
        for run in paragraph.runs:
            run.font.name = "Arial"
    word.save(str(docx))
    response = client.post("/check", data={"csrf": csrf(client, "/check")},
                           files={"file": ("sai-phong.docx", docx.read_bytes())})
    assert response.status_code == 200
    assert "KHÔNG ĐẠT" in response.text and "F1" in response.text
    assert response.text.count("Ở đâu:") >= 1 and response.text.count("Cách sửa:") >= 1


def test_check_says_when_a_file_is_not_an_administrative_document(app_factory, tmp_path: Path) -> None:
    client = app_factory()
    plain = tmp_path / "plain.docx"
    word = WordDocument()
    word.add_paragraph("Danh sách lớp 5A")
    word.save(str(plain))
    response = client.post("/check", data={"csrf": csrf(client, "/check")},
                           files={"file": ("plain.docx", plain.read_bytes())})
    assert response.status_code == 200 and "KHÔNG THUỘC PHẠM VI" in response.text


def test_report_form_refuses_a_bad_year_and_other_units_plans(app_factory, data: Path) -> None:
    shutil.copy(HERE / "data" / "phong_plan.yaml", data / "pgd-vanlam" / "ke-hoach-phong.yaml")
    client = app_factory("pgd")
    response = post_report(client, year="20x3")
    assert response.status_code == 422 and "không hợp lệ" in response.text
    response = post_report(client, period="q2", year="2023")
    assert response.status_code == 303
    rel = response.headers["location"].removeprefix("/status/")
    report = load_document(data / rel)
    assert report.kind == "bao_cao" and report.report is not None and report.report.period == "q2"
    school = app_factory("ht.lacdao")
    assert school.get(response.headers["location"]).status_code == 403
    assert post_report(school).status_code == 403


def test_a_bad_status_is_refused_next_to_the_row(app_factory, data: Path) -> None:
    shutil.copy(HERE / "data" / "phong_plan.yaml", data / "pgd-vanlam" / "ke-hoach-phong.yaml")
    client = app_factory("pgd")
    token = csrf(client, "/new/report")
    location = post_report(client, period="year").headers["location"]
    page = client.get(location).text
    version = page.split('name="version" value="')[1].split('"')[0]
    index = page.split('name="s:report.tasks.')[1].split(".")[0]
    rel = location.removeprefix("/status/")
    response = client.post(f"/report-save/{rel}", data={"csrf": token, "version": version, "base": "",
                                                        "name": f"s:report.tasks.{index}.status", "value": "xong rồi"})
    assert response.status_code == 200  # saved as typed (nothing lost); the page shows the message at the row
    problems = response.json()["problems"]
    assert [p["message"] for p in problems if p["path"] == f"report.tasks.{index}.status"] == [
        "trạng thái 'xong rồi' không có trong danh sách; hãy ghi một trong: hoàn thành; hoàn thành quá hạn; "
        "đang thực hiện; chưa thực hiện (hoặc bỏ trống nếu chưa rõ)."]
    row = client.get(location).text.split(f'id="n-report.tasks.{index}"')[1].split("</tr>")[0]
    assert "trạng thái &#39;xong rồi&#39; không có trong danh sách" in row  # after a reload too


def test_derive_form_shows_unit_messages_next_to_fields(app_factory, data: Path) -> None:
    shutil.copy(HERE / "data" / "phong_plan.yaml", data / "pgd-vanlam" / "ke-hoach-phong.yaml")
    client = app_factory("ht.lacdao")
    form = client.get("/new/plan").text
    assert "pgd-vanlam/ke-hoach-phong.yaml" in form  # the Phòng's plan is offered to its school
    token = csrf(client, "/new/plan")
    response = client.post("/new/plan", data={"csrf": token, "parent": "pgd-vanlam/ke-hoach-phong.yaml",
                                              "u.name": "Trường TH A", "u.abbreviation": "TH A", "u.place": "Văn Lâm",
                                              "u.category": "tieu_hoc", "u.head.title": "Hiệu trưởng"})
    assert response.status_code == 422
    abbreviation = response.text.split('id="u-abbreviation"')[1].split("</div>")[0]
    assert "không đúng dạng" in abbreviation
    assert "chưa được điền" in response.text.split('id="u-head-name"')[1].split("</div>")[0]
    assert 'value="pgd-vanlam/ke-hoach-phong.yaml" selected' in response.text  # the chosen plan stays chosen
    assert list((data / "th-lacdao").glob("ke-hoach-*.yaml")) == []
    other = app_factory("ht.xa")  # a school of another Phòng cannot derive from this Phòng's plan
    token = csrf(other, "/new/plan")
    refused = other.post("/new/plan", data={"csrf": token, "parent": "pgd-vanlam/ke-hoach-phong.yaml",
                                            "u.name": "Trường TH B", "u.abbreviation": "THB", "u.place": "X",
                                            "u.category": "tieu_hoc", "u.head.title": "Hiệu trưởng",
                                            "u.head.name": "Lê Văn C"})
    assert refused.status_code == 403


def test_derive_from_an_uploaded_word_file(app_factory, data: Path, tmp_path: Path) -> None:
    """The parent plan can be uploaded as DOCX: read through ``import`` when this installation has it."""
    import importlib.util

    from cchc_docgen.pipeline import render_plan

    shutil.copy(HERE / "data" / "phong_plan.yaml", tmp_path / "phong.yaml")
    docx = render_plan(tmp_path / "phong.yaml", tmp_path / "out")
    client = app_factory("ht.lacdao")
    token = csrf(client, "/new/plan")
    unit = {"u.name": "Trường Tiểu học Lạc Đạo", "u.abbreviation": "THLĐ", "u.place": "Văn Lâm",
            "u.category": "tieu_hoc", "u.head.title": "Hiệu trưởng", "u.head.name": "Nguyễn Thị Hoa"}
    response = client.post("/new/plan", data={"csrf": token, **unit},
                           files={"parent_file": ("ke-hoach-phong.docx", docx.read_bytes())}, follow_redirects=False)
    if importlib.util.find_spec("cchc_docgen.importer") is None:
        assert response.status_code == 422
        assert "chưa đọc được kế hoạch từ Word/PDF" in response.text
        assert list((data / "th-lacdao").glob("ke-hoach-*.yaml")) == []
    else:
        assert response.status_code == 303, response.text[-2000:]
        rel = response.headers["location"].removeprefix("/edit/").split("?")[0]
        assert load_document(data / rel).issuer.name == "Trường Tiểu học Lạc Đạo"
    bad = client.post("/new/plan", data={"csrf": token, **unit},
                      files={"parent_file": ("ke-hoach.docx", b"this is not a word file")})
    assert bad.status_code == 400 and "không phải văn bản Word" in bad.text


def test_import_a_word_file_into_the_library(app_factory, data: Path, tmp_path: Path) -> None:
    from cchc_docgen.pipeline import render_plan

    docx = render_plan(data / "th-lacdao" / "ke-hoach.yaml", tmp_path)
    client = app_factory("ht.lacdao")
    token = csrf(client, "/new/import")
    response = client.post("/new/import", data={"csrf": token},
                           files={"file": ("Kế hoạch năm trước.docx", docx.read_bytes())}, follow_redirects=False)
    assert response.status_code == 303
    rel = response.headers["location"].removeprefix("/edit/").split("?")[0]
    assert rel == "th-lacdao/ke-hoach-nam-truoc.yaml"
    original, imported = load_document(data / "th-lacdao" / "ke-hoach.yaml"), load_document(data / rel)
    assert imported.title == original.title and imported.issuer.abbreviation == original.issuer.abbreviation
    assert client.get(response.headers["location"]).status_code == 200
    again = client.post("/new/import", data={"csrf": token},
                        files={"file": ("Kế hoạch năm trước.docx", docx.read_bytes())}, follow_redirects=False)
    assert again.headers["location"].startswith("/edit/th-lacdao/ke-hoach-nam-truoc-2.yaml")  # never overwrites
    bad = client.post("/new/import", data={"csrf": token}, files={"file": ("x.pdf", b"%PDF-1.4 broken")})
    assert bad.status_code in (415, 422) and "x.pdf" in bad.text


def test_status_page_warns_when_statuses_come_from_a_spreadsheet(app_factory, data: Path) -> None:
    shutil.copy(HERE / "data" / "phong_plan.yaml", data / "pgd-vanlam" / "ke-hoach-phong.yaml")
    client = app_factory("pgd")
    location = post_report(client).headers["location"]
    assert "tasks_file" not in client.get(location).text
    path = data / location.removeprefix("/status/")
    text = path.read_text(encoding="utf-8").replace("report:\n", "report:\n  tasks_file: trang-thai.xlsx\n", 1)
    path.write_text(text, encoding="utf-8")
    assert "lấy trạng thái nhiệm vụ từ tệp Excel" in client.get(location).text


def test_report_year_is_the_plans_year_and_another_year_is_refused(app_factory, data: Path) -> None:
    shutil.copy(HERE / "data" / "phong_plan.yaml", data / "pgd-vanlam" / "ke-hoach-phong.yaml")  # a 2023 plan
    client = app_factory("pgd")
    form = client.get("/new/report").text
    assert 'name="year" value=""' in form  # empty: the plan's year, not this calendar year
    before = sorted(p.name for p in (data / "pgd-vanlam").iterdir())
    refused = post_report(client, year="2026")
    assert refused.status_code == 422
    assert "kế hoạch năm 2023" in refused.text and "năm 2026" in refused.text
    assert sorted(p.name for p in (data / "pgd-vanlam").iterdir()) == before  # nothing written
    made = post_report(client)
    report = load_document(data / made.headers["location"].removeprefix("/status/"))
    assert report.year == 2023


def test_web_render_uses_the_cli_pipeline_step_with_the_status_spreadsheet(app_factory, data: Path) -> None:
    shutil.copy(HERE / "data" / "phong_plan.yaml", data / "pgd-vanlam" / "ke-hoach-phong.yaml")
    client = app_factory("pgd")
    location = post_report(client).headers["location"]
    rel = location.removeprefix("/status/")
    path = data / rel
    assert client.get(f"/download/docx/{rel}").status_code == 200
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("report:\n", "report:\n  tasks_file: trang-thai.xlsx\n", 1), encoding="utf-8")
    missing = client.get(f"/download/docx/{rel}")  # the pipeline reads the spreadsheet the report names
    assert missing.status_code == 409 and "không tìm thấy tệp Excel" in missing.text
    path.write_text(text.replace("report:\n", "report:\n  tasks_file: ../th-khac/trang-thai.xlsx\n", 1),
                    encoding="utf-8")
    outside = client.get(f"/download/docx/{rel}")
    assert outside.status_code == 409 and "cùng thư mục với báo cáo" in outside.text
