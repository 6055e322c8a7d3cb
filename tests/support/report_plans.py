"""Plans for the report tests (and the hardening tests of the report spreadsheet): plan 001, plan 005, and a
small Phòng plan with every kind of deadline."""

from __future__ import annotations

from pathlib import Path

from support.paths import ROOT

PLAN_001 = ROOT / "plans" / "001_haiphong_cchc_2023.yaml"
PLAN_005 = ROOT / "plans" / "005_phong_van_lam_tuyen_truyen_2023.yaml"

SMALL_PLAN = """\
kind: ke_hoach
issuer: {parent: UBND huyện Đông Triều, name: Phòng Giáo dục và Đào tạo, abbreviation: PGDĐT, place: Đông Triều}
number: 12
date: 2024-01-08
title: Tuyên truyền cải cách hành chính năm 2024
body:
  - title: Chỉ tiêu
    role: targets
    items: [100% trường học treo khẩu hiệu, 90% giáo viên được tập huấn]
  - title: Nội dung
    role: content
    items:
      - {title: Nội dung tuyên truyền, text: Tuyên truyền Chương trình tổng thể.}
      - {title: Hình thức tuyên truyền, text: Trên cổng thông tin.}
appendices:
  - title: [Nhiệm vụ cụ thể]
    columns:
      - {key: tt, label: TT, width: 10, numbers: true}
      - {key: task, label: Nhiệm vụ, width: 80}
      - {key: lead, label: Đơn vị chủ trì, width: 35}
      - {key: time, label: Thời gian, width: 35}
    rows:
      - group: Chỉ đạo
      - {task: Ban hành kế hoạch, lead: Văn phòng, time: Tháng 01/2024}
      - {task: Kiểm tra giữa năm, lead: Thanh tra, time: Trước ngày 15/6}
      - group: Tuyên truyền
      - {task: Cập nhật cổng thông tin, lead: Văn phòng, time: Thường xuyên}
      - {task: Hội thi tìm hiểu CCHC, lead: Tổ chức cán bộ, time: Quý III/2024}
      - {task: Tổng kết năm, lead: Văn phòng, time: Tháng 12/2024}
      - {task: Báo cáo theo yêu cầu, lead: Văn phòng, time: Theo kế hoạch của UBND tỉnh}
signer: {title: Trưởng phòng, name: Nguyễn Văn A}
recipients: [{name: UBND huyện, note: để b/c}, Lãnh đạo Phòng, Các trường học]
archive: VP
"""


def report_with_sheet(tmp_path: Path, period: str = "year") -> tuple[Path, Path]:
    """``cchc-docgen report`` of the small plan with ``--xlsx``: the report YAML and its spreadsheet."""
    from cchc_docgen.cli import main

    plan = tmp_path / "kh.yaml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    out = tmp_path / "bc.yaml"
    assert main(["report", str(plan), "--period", period, "-o", str(out), "--xlsx"]) == 0
    return out, tmp_path / "bc.xlsx"
