"""Readers and recognisers on small, hand-made inputs: Word list numbering, text noise, markers, header, footer."""

from __future__ import annotations

import zipfile
from pathlib import Path

from cchc_docgen.importer import import_file
from cchc_docgen.importer.blocks import Para
from cchc_docgen.importer.docx_reader import read_docx
from cchc_docgen.importer.patterns import marker
from cchc_docgen.importer.text_reader import read_text, split_columns

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, body: str, numbering: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
        if numbering:
            z.writestr("word/numbering.xml", f'<?xml version="1.0"?><w:numbering {W}>{numbering}</w:numbering>')
    return path


def _p(text: str, num: tuple[int, int] | None = None, bold: bool = False) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>' if num else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
)


def test_word_list_numbering_gives_the_labels_the_reader_sees(tmp_path: Path) -> None:
    body = "".join([_p("MỤC ĐÍCH", (5, 0)), _p("Mục tiêu", (5, 1)), _p("Nâng cao", (5, 2)), _p("Thúc đẩy", (5, 2)),
                    _p("Chi tiết", (5, 3)), _p("Yêu cầu", (5, 1)), _p("Kịp thời", (5, 2)), _p("NỘI DUNG", (5, 0)),
                    _p("Tuyên truyền", (5, 1))])
    blocks = read_docx(_docx(tmp_path / "x.docx", body, NUMBERING))
    labels = [b.label for b in blocks if isinstance(b, Para)]
    assert labels == ["I.", "I.1.", "a)", "b)", "-", "I.2.", "a)", "II.", "II.1."]  # Word shows %1 in its own format


def test_word_numbered_plan_imports_as_a_tree(tmp_path: Path) -> None:
    head = "".join([_p("SỞ GIÁO DỤC VÀ ĐÀO TẠO", bold=True), _p("Số: 12/KH-SGDĐT"),
                    _p("Hưng Yên, ngày 04 tháng 01 năm 2022"), _p("KẾ HOẠCH", bold=True),
                    _p("Tuyên truyền năm 2022", bold=True)])
    body = "".join([_p("MỤC ĐÍCH, YÊU CẦU", (5, 0), bold=True), _p("Mục tiêu", (5, 1), bold=True),
                    _p("Nâng cao nhận thức.", (5, 2)), _p("Thúc đẩy cải cách.", (5, 2)),
                    _p("KINH PHÍ", (5, 0), bold=True), _p("Từ ngân sách.", (5, 1)),
                    _p("KT. GIÁM ĐỐC"), _p("PHÓ GIÁM ĐỐC"), _p("Đỗ Văn Khải")])
    doc = import_file(_docx(tmp_path / "plan.docx", head + body, NUMBERING)).document
    assert doc.number == 12 and doc.issuer.abbreviation == "SGDĐT" and doc.issuer.place == "Hưng Yên"
    first, second = doc.body
    assert (first.title, first.role, second.role) == ("Mục đích, yêu cầu", "purpose", "budget")
    assert first.items[0].title == "Mục tiêu" and first.items_numbering == "nested"
    assert [n.text for n in first.items[0].items] == ["Nâng cao nhận thức.", "Thúc đẩy cải cách."]
    assert doc.signer is not None and (doc.signer.authority, doc.signer.title) == ("KT", "Phó Giám đốc")


def test_markers_in_every_form() -> None:
    assert marker("III. TỔ CHỨC THỰC HIỆN")[:2] == ("roman", "III.")  # type: ignore[index]
    assert marker("2.1. Nội dung")[:2] == ("nested1", "2.1.")  # type: ignore[index]
    assert marker("4. 100% hồ sơ")[:2] == ("decimal", "4.")  # type: ignore[index]
    assert marker("a. Văn phòng Sở")[:2] == ("letter", "a.")  # type: ignore[index]
    assert marker("đ) Tổ chức")[:2] == ("letter", "đ)")  # type: ignore[index]
    assert marker("+Giao đồng chí")[:2] == ("plus", "+")  # type: ignore[index]
    assert marker("– Tuyên truyền")[:2] == ("dash", "–")  # type: ignore[index]
    assert marker("2.5 triệu đồng") is None
    assert marker("a) các đơn vị") is None  # a lower-case word after "a)" reads as running text
    assert marker("Căn cứ Luật") is None


def test_text_noise_is_cleaned() -> None:
    raw = ("UBND TỈNH HƯNG YÊN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "SỞ GIÁO DỤC VÀ ĐÀO TẠO      Độc lập - Tự do - Hạnh phúc\n\n"
           "I. MỤC ĐÍCH\n"
           "1. Nâng cao nhận thức của cán bộ, công chức, viên chức và người lao động về công tác cải cách hành\n"
           "chính nhà nước, coi đây là nhiệm vụ thường xuyên, trọng tâm của cơ quan, đơn vị trong năm học mới\n"
           "2\n"
           "và các năm tiếp theo; bảo đảm hiệu quả, thiết thực trong tổ chức thực hiện các nhiệm vụ được giao cho tổ-\n"
           "chức.\n")
    blocks = [b for b in read_text(raw) if isinstance(b, Para)]
    texts = [b.plain for b in blocks]
    assert texts[:4] == ["UBND TỈNH HƯNG YÊN", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                         "Độc lập - Tự do - Hạnh phúc"]
    assert texts[4] == "I. MỤC ĐÍCH"
    assert texts[5].startswith("1. Nâng cao") and "cải cách hành chính nhà nước" in texts[5]
    assert "năm học mới và các năm" in texts[5]  # the page number "2" between the lines is gone
    assert texts[5].endswith("giao cho tổchức.")  # a hyphenated wrap is joined
    assert len(texts) == 6


def test_two_columns_on_one_line_are_split() -> None:
    assert split_columns("Nơi nhận:               KT. GIÁM ĐỐC") == ["Nơi nhận:", "KT. GIÁM ĐỐC"]
    assert split_columns("- UBND tỉnh (để báo cáo);            PHÓ GIÁM ĐỐC") == ["- UBND tỉnh (để báo cáo);",
                                                                                  "PHÓ GIÁM ĐỐC"]
    assert split_columns("Số: 07/KH-SGDĐT        Hưng Yên, ngày 04 tháng 01 năm 2022") == [
        "Số: 07/KH-SGDĐT", "Hưng Yên, ngày 04 tháng 01 năm 2022"]


def _tabbed(*parts: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    runs = "<w:r><w:tab/><w:tab/></w:r>".join(f'<w:r>{rpr}<w:t xml:space="preserve">{p}</w:t></w:r>' for p in parts)
    return f"<w:p>{runs}</w:p>"


def test_header_and_signature_typed_with_tabs_instead_of_tables(tmp_path: Path) -> None:
    body = "".join([
        _tabbed("UBND HUYỆN VĂN LÂM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        _tabbed("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Độc lập - Tự do - Hạnh phúc", bold=True),
        _tabbed("Số: 18/BC-PGDĐT", "Văn Lâm, ngày 12 tháng 3 năm 2025"),
        _p("BÁO CÁO", bold=True), _p("Kết quả công tác cải cách hành chính quý I năm 2025", bold=True),
        _p("Kính gửi: Ủy ban nhân dân huyện Văn Lâm."),
        _p("I. KẾT QUẢ ĐẠT ĐƯỢC"), _p("1. Công tác chỉ đạo"), _p("Ban hành 03 kế hoạch."),
        _p("II. PHƯƠNG HƯỚNG, NHIỆM VỤ"), _p("Tiếp tục triển khai."),
        _tabbed("Nơi nhận:", "TRƯỞNG PHÒNG"), _tabbed("- Như trên;"), _tabbed("- Lưu: VT."), _p("Lê Văn Bình"),
    ])
    result = import_file(_docx(tmp_path / "bc.docx", body))
    doc = result.document
    assert doc.kind == "bao_cao" and doc.number == 18 and doc.issuer.abbreviation == "PGDĐT"
    assert doc.issuer.parent == "UBND huyện Văn Lâm" and doc.issuer.name == "Phòng Giáo dục và Đào tạo"
    assert doc.addressees == ["Ủy ban nhân dân huyện Văn Lâm"] and doc.recipients == []
    assert [n.role for n in doc.body] == ["results", "directions"]
    assert doc.signer is not None and (doc.signer.title, doc.signer.name) == ("Trưởng phòng", "Lê Văn Bình")
    assert result.unplaced == []


def test_a_speech_is_not_a_plan(tmp_path: Path) -> None:
    import pytest

    from cchc_docgen.errors import InputError

    body = _p("THAM LUẬN", bold=True) + _p("Giải pháp phòng, chống ma túy") + _p("1. Thực trạng")
    with pytest.raises(InputError, match="tham luận"):
        import_file(_docx(tmp_path / "tl.docx", body))


def test_hand_made_numbering_mistakes_are_renumbered(tmp_path: Path) -> None:
    from cchc_docgen.context.body import flatten

    text = "\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 07/KH-SGDĐT", "Hưng Yên, ngày 04 tháng 01 năm 2022", "KẾ HOẠCH",
        "Tuyên truyền cải cách hành chính năm 2022",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Nâng cao nhận thức.", "b) Thúc đẩy cải cách.",
        "d) Tăng cường phối hợp.", "d) Lặp lại chữ d.", "f) Chữ f ngoài bảng chữ cái.",
        "1. Yêu cầu", "a. Kịp thời, đầy đủ.", "2.1. Đúng tiến độ.", "2.2. Đúng quy định.",
        "III. TỔ CHỨC THỰC HIỆN", "- Các đơn vị triển khai.", "+ Báo cáo hằng quý.",
        "HIỆU TRƯỞNG", "Nguyễn Văn An",
    ])
    source = tmp_path / "kh.txt"
    source.write_text(text, encoding="utf-8")
    doc = import_file(source).document
    printed = [p.plain.split(" ", 1)[0] for p in flatten(list(doc.body), lambda _k: 0)]
    assert printed == ["I.", "1.", "a)", "b)", "c)", "d)", "đ)", "2.", "a)", "2.1.", "2.2.", "II.", "-", "+"]
