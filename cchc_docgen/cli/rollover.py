"""``cchc-docgen rollover``: next year's draft from this year's plan, with the list of changes and review items."""

from __future__ import annotations

import argparse
import re
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "rollover",
        help="lập bản nháp kế hoạch năm sau từ kế hoạch năm nay",
        description=(
            "Lập bản nháp kế hoạch năm sau: xóa số và ngày, đổi năm của kế hoạch ở trích yếu, nội dung, thời hạn "
            "trong phụ lục (không đổi năm của các văn bản được trích dẫn, giai đoạn 2021-2030, ngày đã qua), "
            "rồi in danh sách những gì đã đổi và những chỗ cần người xem lại. "
            "Ví dụ: cchc-docgen rollover plans/ke_hoach_2024.yaml --year 2025"
        ),
    )
    p.add_argument("plan", metavar="PLAN.yaml", help="kế hoạch năm nay")
    p.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm của kế hoạch mới, ví dụ 2025")
    p.add_argument("-o", "--out", metavar="NEW.yaml",
                   help="tệp YAML kết quả (mặc định: cùng thư mục, tên tệp có năm mới)")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có")


def default_output(plan: Path, old: int, new: int) -> Path:
    """``ke_hoach_2023.yaml`` → ``ke_hoach_2024.yaml``; without a year in the name: ``ke_hoach_2024.yaml``."""
    stem = plan.stem
    if str(old) in stem:
        at = stem.rfind(str(old))
        stem = stem[:at] + str(new) + stem[at + 4:]
    else:
        stem = re.sub(r"_?$", f"_{new}", stem, count=1)
    return plan.with_name(stem + plan.suffix)


def run(args: argparse.Namespace) -> int:
    from cchc_docgen.errors import UsageError
    from cchc_docgen.rollover import rollover
    from cchc_docgen.yamlio import write_yaml

    plan = Path(args.plan)
    if not plan.is_file():
        raise UsageError(f"không tìm thấy tệp '{plan}'. Kiểm tra lại tên và thư mục của tệp.")
    if not 1945 <= args.year <= 2200:
        raise UsageError(f"năm '{args.year}' không hợp lệ; hãy ghi năm 4 chữ số, ví dụ --year 2025.")
    result = rollover(plan, args.year)
    out = Path(args.out) if args.out else default_output(plan, result.old_year, result.new_year)
    write_yaml(out, result.yaml_text, force=args.force)
    print(f"{out}: bản nháp kế hoạch năm {result.new_year} (từ kế hoạch năm {result.old_year}).")
    print(f"\nĐã đổi ({len(result.changes)} chỗ):")
    for change in result.changes:
        print(f"  - {change.format()}")
    print(f"\nCần người xem lại ({len(result.review)} chỗ):")
    for item in result.review:
        print(f"  - {item.format()}")
    print("\nHãy mở tệp mới, sửa các chỗ trên, rồi chạy 'cchc-docgen validate' và 'cchc-docgen render'.")
    return 0
