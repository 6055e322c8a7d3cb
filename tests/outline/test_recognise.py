"""The recogniser on neutral lines, as a PDF or text reader gives them (no Word file involved)."""

from __future__ import annotations

from cchc_docgen.outline import recognise
from cchc_docgen.outline.lines import line

PLAN = [
    line("UBND TỈNH HƯNG YÊN"), line("SỞ GIÁO DỤC VÀ ĐÀO TẠO", bold=True),
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True), line("Độc lập - Tự do - Hạnh phúc", bold=True),
    line("Số: 07/KH-SGDĐT"), line("Hưng Yên, ngày 04 tháng 01 năm 2022"),
    line("KẾ HOẠCH", bold=True, center=True),
    line("Tuyên truyền cải cách hành chính", bold=True, center=True),
    line("năm 2022", bold=True, center=True),
    line("Kính gửi: Ủy ban nhân dân tỉnh"),
    line("Căn cứ Kế hoạch số 1/KH-UBND;"),
    line("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
    line("Nâng cao nhận thức."),
    line("Nơi nhận:", bold=True), line("- Như trên;"), line("- Lưu: VT."),
    line("KT. GIÁM ĐỐC", bold=True, center=True), line("PHÓ GIÁM ĐỐC", bold=True, center=True),
    line("Đỗ Văn Khải", bold=True, center=True),
    line("PHỤ LỤC", bold=True, center=True), line("DANH SÁCH ĐƠN VỊ", bold=True, center=True),
    line("(Kèm theo Kế hoạch số 07/KH-SGDĐT ngày 04 tháng 01 năm 2022 của Sở Giáo dục và Đào tạo)"),
    line("1. Trường A"),
]


def test_every_part_of_a_typed_plan() -> None:
    ol = recognise(PLAN)
    assert (ol.kind, ol.type_name, ol.type_at) == ("typed", "KẾ HOẠCH", 6)
    assert (ol.qh, ol.tn, ol.so, ol.date) == ((2, 0), (3, 0), (4, 0), (5, 0))
    assert ol.title == [7, 8] and ol.kinh_gui == [9]
    assert ol.body_start == 10 and ol.footer_start == 13 and ol.appendix_start == 19
    assert ol.noi_nhan == (13, 0) and ol.signer == (16, 0)
    [app] = ol.appendices
    assert (app.heading, app.titles, app.caption, app.end) == (19, [20], 21, len(PLAN))


def test_a_signer_typed_alone_ends_the_body_without_noi_nhan() -> None:
    lines = [*PLAN[:13], line("GIÁM ĐỐC", bold=True), line("Đỗ Văn Khải")]
    ol = recognise(lines)
    assert ol.footer_start == 13 and ol.signer == (13, 0) and ol.noi_nhan is None


def test_a_cong_van_has_its_v_v_and_no_type() -> None:
    lines = [line("SỞ NỘI VỤ", table=1, cell=(1, 0, 0)), line("Số: 12/SNV-VP", table=1, cell=(1, 0, 0)),
             line("V/v tổ chức hội nghị", table=1, cell=(1, 0, 0)),
             line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", table=1, cell=(1, 0, 1)),
             line("Kính gửi: Các phòng"), line("Sở Nội vụ đề nghị …"), line("Nơi nhận:"), line("GIÁM ĐỐC")]
    ol = recognise(lines)
    assert ol.kind == "cong_van" and ol.type_at is None and ol.vv == [(2, 0)]
    assert ol.kinh_gui == [4] and ol.body_start == 5 and ol.footer_start == 6


def test_a_speech_and_an_empty_file_have_no_parts() -> None:
    ol = recognise([line("THAM LUẬN", bold=True, center=True), line("Giải pháp …"), line("Kính thưa …")])
    assert ol.kind == "outside" and ol.type_name == "THAM LUẬN" and not ol.title and ol.body_start == 3
    assert recognise([line("")]).kind == "outside"


def test_a_plan_pasted_without_quoc_hieu_is_outside_nd30_but_keeps_its_parts() -> None:
    ol = recognise(PLAN[6:])
    assert ol.kind == "outside" and ol.type_name == "KẾ HOẠCH" and ol.title == [1, 2] and ol.footer_start == 7
