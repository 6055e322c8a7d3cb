"""The one DOCX reader (cchc_docgen.ooxml): parts through relationships, effective properties, the typed
stream, and the importer and checker both reading through it."""

from __future__ import annotations

import ast
import zipfile
from pathlib import Path

import pytest

from cchc_docgen import limits
from cchc_docgen.importer.blocks import Para, Table
from cchc_docgen.importer.docx_reader import read_docx
from cchc_docgen.ooxml.names import on_value, toggle, w
from cchc_docgen.ooxml.package import UnreadablePackage, open_package
from cchc_docgen.ooxml.stream import Paragraph, Stream, footnote_texts
from cchc_docgen.ooxml.stream import Table as OoxmlTable
from cchc_docgen.ooxml.styles import Styles

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SRC = Path(__file__).resolve().parents[2] / "cchc_docgen"

STYLES = (
    f'<w:styles {W}>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Head"><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>'
    '</w:styles>'
)


def _docx(path: Path, body: str, parts: dict[str, str] | None = None, rels: dict[str, str] | None = None) -> Path:
    """A package; ``rels`` maps relationship type (last word) → target beside document.xml."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"/>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="r1" Type="{REL}/officeDocument" '
                                  'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<w:document {W}><w:body>{body}</w:body></w:document>')
        for name, xml in (parts or {}).items():
            z.writestr(name, xml)
        if rels is not None:
            items = "".join(f'<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{target}"/>'
                            for i, (kind, target) in enumerate(rels.items()))
            z.writestr("word/_rels/document.xml.rels", f'<Relationships xmlns="{PKG}">{items}</Relationships>')
    return path


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_on_off_values_follow_the_standard() -> None:
    assert [on_value(v) for v in ("1", "true", "on", "0", "false", "off", "none", None)] == [
        True, True, True, False, False, False, False, True]
    assert on_value(None, absent=False) is False
    from lxml import etree

    assert toggle(None) is None and toggle(etree.Element(w("b"))) is True


def test_parts_are_found_through_relationships_not_by_name(tmp_path: Path) -> None:
    body = f'<w:p><w:pPr><w:pStyle w:val="Head"/></w:pPr>{_run("KẾ HOẠCH")}</w:p>'
    path = _docx(tmp_path / "x.docx", body, {"word/custom-styles.xml": STYLES}, {"styles": "custom-styles.xml"})
    blocks = read_docx(path)
    assert isinstance(blocks[0], Para) and blocks[0].bold and blocks[0].center


def test_style_toggles_hidden_text_and_footnotes_are_read_once_for_both(tmp_path: Path) -> None:
    """Bold from the paragraph style and again from a character style toggles off (ISO 29500 §17.7.3);
    hidden text is not read; a footnote mark stands where its reference is."""
    strong, hidden = '<w:rStyle w:val="Strong"/>', '<w:rStyle w:val="Hidden"/>'
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Head"/></w:pPr>'
        + _run("Mục tiêu ") + _run("chung", strong) + _run("ẩn", hidden)
        + '<w:r><w:footnoteReference w:id="2"/></w:r>' + _run(" năm 2026") + "</w:p>"
    )
    notes = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="0"><w:p>{_run("---")}</w:p></w:footnote>'
             f'<w:footnote w:id="2"><w:p>{_run("Theo Quyết định số 1")}</w:p></w:footnote></w:footnotes>')
    path = _docx(tmp_path / "x.docx", body, {"word/styles.xml": STYLES, "word/footnotes.xml": notes},
                 {"styles": "styles.xml", "footnotes": "footnotes.xml"})
    pkg = open_package(path)
    para = next(iter(Stream(Styles(pkg.styles, pkg.theme, pkg.numbering)).blocks(pkg.body)))
    assert isinstance(para, Paragraph)
    assert [(r.text, r.props.bold, r.props.hidden) for r in para.runs] == [
        ("Mục tiêu ", True, False), ("chung", False, False), ("ẩn", True, True), (" năm 2026", True, False)]
    assert footnote_texts(pkg.footnotes) == {"2": ["Theo Quyết định số 1"]}
    block = read_docx(path)[0]
    assert isinstance(block, Para)
    assert block.plain == "Mục tiêu chung năm 2026" and "ẩn" not in block.text
    assert block.text.index("[^fn2]") > block.text.index("chung") and block.footnotes == {
        "fn2": ["Theo Quyết định số 1"]}


def test_tables_keep_spans_and_vertical_merges_through_content_controls(tmp_path: Path) -> None:
    cell = '<w:tc><w:tcPr>{}</w:tcPr><w:p>{}</w:p></w:tc>'
    row1 = "<w:tr>" + cell.format('<w:gridSpan w:val="2"/>', _run("Nhiệm vụ")) + cell.format(
        '<w:vMerge w:val="restart"/>', _run("Thời gian")) + "</w:tr>"
    row2 = ("<w:sdt><w:sdtContent><w:tr>" + cell.format("", _run("1")) + cell.format("", _run("Tuyên truyền"))
            + cell.format("<w:vMerge/>", "") + "</w:tr></w:sdtContent></w:sdt>")
    path = _docx(tmp_path / "x.docx", f"<w:tbl>{row1}{row2}</w:tbl>")
    pkg = open_package(path)
    table = next(iter(Stream(Styles(None, None)).blocks(pkg.body)))
    assert isinstance(table, OoxmlTable)
    assert [[(c.span, c.vmerge) for c in row] for row in table.rows] == [
        [(2, ""), (1, "restart")], [(1, ""), (1, ""), (1, "continue")]]
    block = read_docx(path)[0]
    assert isinstance(block, Table) and block.width == 3 and block.rows[1][2].merged


def test_node_budget_refuses_a_hostile_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _docx(tmp_path / "x.docx", "<w:p/>" * 50)
    monkeypatch.setattr(limits, "MAX_DOCX_NODES", 20)
    with pytest.raises(UnreadablePackage, match="quá nhiều phần tử XML"):
        open_package(path)


def _imports(folder: Path) -> set[str]:
    names: set[str] = set()
    for file in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
    return names


def test_checker_and_importer_read_docx_only_through_ooxml() -> None:
    """No second reader: neither opens a zip, and the old reader modules are gone."""
    for folder in ("checker", "importer"):
        used = _imports(SRC / folder)
        assert "zipfile" not in used, folder
        assert any(m.startswith("cchc_docgen.ooxml") for m in used), folder
    for gone in ("importer/docx_parts.py", "importer/wordnum.py", "checker/ooxml.py", "checker/styles.py"):
        assert not (SRC / gone).exists(), gone
