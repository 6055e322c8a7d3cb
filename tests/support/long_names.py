"""Plans whose issuer name and trích yếu wrap, with the lines LibreOffice prints for them (default template)."""

from __future__ import annotations

from pathlib import Path

LONG_TITLE = ("Tuyên truyền, phổ biến, quán triệt các nội dung cải cách hành chính và chuyển đổi số "
              "trong toàn ngành giáo dục huyện năm 2025")
#: issuer name → its lines as printed in the left column (LibreOffice, default template)
LONG_NAMES = {
    "Trường Trung học cơ sở Lạc Hồng": ["TRƯỜNG TRUNG HỌC CƠ SỞ", "LẠC HỒNG"],
    "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Văn Lâm":
        ["TRUNG TÂM GIÁO DỤC NGHỀ", "NGHIỆP - GIÁO DỤC THƯỜNG", "XUYÊN HUYỆN VĂN LÂM"],
    "Phòng Giáo dục và Đào tạo": ["PHÒNG GIÁO DỤC VÀ", "ĐÀO TẠO"],
}
TITLE_PRINTED = ["Tuyên truyền, phổ biến, quán triệt các nội dung cải cách hành chính và",
                 "chuyển đổi số trong toàn ngành giáo dục huyện năm 2025"]


def long_name_plan(path: Path, name: str) -> Path:
    """A small plan with the issuer ``name`` and :data:`LONG_TITLE`."""
    path.write_text(f"""\
issuer:
  parent: UBND huyện Văn Lâm
  name: {name}
  abbreviation: DV
  place: Văn Lâm
number: 5
date: 2025-01-10
title: {LONG_TITLE}
preamble:
  lead_in: "Đơn vị xây dựng Kế hoạch như sau:"
body:
  - title: Mục đích, yêu cầu
    items:
      - Nâng cao nhận thức của cán bộ, giáo viên về cải cách hành chính.
signer: {{title: Giám đốc, name: Nguyễn Văn An}}
recipients: [Lưu VT]
archive: VT
""", encoding="utf-8")
    return path
