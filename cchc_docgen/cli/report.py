"""``cchc-docgen report``: a plan → the YAML skeleton of its periodic report (and the task spreadsheet)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="lập khung báo cáo định kỳ (quý, 6 tháng, 9 tháng, năm) từ một kế hoạch",
        description=(
            "Lập tệp YAML của báo cáo công tác cải cách hành chính định kỳ theo đề cương và Biểu mẫu 1–7 của Bộ "
            "Nội vụ (Công văn 4625/BNV-CCHC): đủ các mục I–IV, kỳ số liệu, hạn gửi, và mọi nhiệm vụ của kế hoạch "
            "năm để điền trạng thái, kết quả."
        ),
    )
    p.add_argument("plan", metavar="PLAN.yaml", help="tệp YAML của kế hoạch")
    p.add_argument("--period", required=True, metavar="KỲ",
                   help="kỳ báo cáo: q1, q2, q3, q4, 6m (6 tháng), 9m (9 tháng), year (năm)")
    p.add_argument("--year", type=int, metavar="YYYY", help="năm báo cáo (mặc định: năm của kế hoạch)")
    p.add_argument("-o", "--output", metavar="REPORT.yaml",
                   help="tệp báo cáo cần ghi (mặc định: <kế hoạch>_bc_<kỳ>.yaml cạnh tệp kế hoạch)")
    p.add_argument("--xlsx", action="store_true",
                   help="ghi thêm bảng tính .xlsx (cùng tên) để điền trạng thái nhiệm vụ; báo cáo sẽ đọc từ đó")
    p.add_argument("--from", dest="previous", metavar="PREVIOUS.yaml",
                   help="báo cáo kỳ trước: chép sang trạng thái, kết quả, ghi chú của từng nhiệm vụ")
    p.add_argument("--next", dest="next_plan", metavar="NEXT.yaml",
                   help="kế hoạch năm sau: mục IV của báo cáo năm lấy nhiệm vụ từ đó")
    p.add_argument("--level", choices=["province", "department", "office", "commune", "school"],
                   help="cấp đơn vị báo cáo (mặc định: đoán từ tên đơn vị): province (UBND tỉnh), department (sở, "
                        "ban, ngành), office (phòng cấp huyện), commune (UBND cấp xã), school (trường học)")
    p.add_argument("--addressing", choices=["B", "A"], default="B",
                   help="B (mặc định): có 'Kính gửi', Nơi nhận '- Như trên;'; A: không 'Kính gửi', cơ quan nhận "
                        "đứng đầu Nơi nhận")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="hạn gửi báo cáo theo văn bản của cấp trên")
    p.add_argument("--superior", metavar="SUPERIOR.yaml",
                   help="kế hoạch của cấp trên: hạn gửi báo cáo lấy theo ngày kế hoạch đó đặt cho nhóm đơn vị "
                        "của mình (ví dụ 'các trường … trước ngày 05 của tháng cuối quý')")
    p.add_argument("--task-table", action="store_true",
                   help="kèm bảng trạng thái từng nhiệm vụ làm Phụ lục II (mặc định: không)")
    p.add_argument("--force", action="store_true", help="cho phép ghi đè tệp đã có")


def _header(skeleton_report: object, plan: Path, period: str) -> list[str]:
    from cchc_docgen.models import Document

    assert isinstance(skeleton_report, Document) and skeleton_report.report is not None
    info = skeleton_report.report
    due = f"hạn gửi báo cáo: {info.due:%d/%m/%Y}." if info.due else "hạn gửi: chưa rõ, hãy ghi 'report.due'."
    return [
        f"Báo cáo kỳ '{period}' lập từ kế hoạch {plan.name} bằng 'cchc-docgen report' (đề cương {info.outline}).",
        f"Số liệu tính từ {info.data_from:%d/%m/%Y} đến {info.data_to:%d/%m/%Y}; {due}",
        "Viết nội dung vào các chỗ '…'. Trạng thái mỗi nhiệm vụ (report.tasks → status): hoàn thành;",
        "hoàn thành quá hạn; đang thực hiện; chưa thực hiện. Báo cáo in theo bốn cách ghi chính thức (đúng hạn,",
        "nhưng quá hạn, quá hạn nhưng chưa hoàn thành, còn trong hạn) tính theo thời hạn của nhiệm vụ.",
        "Số liệu Biểu mẫu: report.figures.bm1 … bm7, mỗi dòng 'STT: số'; dòng tỷ lệ, dòng tổng do chương trình tính.",
    ]


def run(args: argparse.Namespace) -> int:
    from cchc_docgen.errors import OutputExists
    from cchc_docgen.loader import load_document, load_with_lines
    from cchc_docgen.loader.messages import line_of
    from cchc_docgen.report import build_report
    from cchc_docgen.report.xlsx import apply_tasks_file, write_xlsx
    from cchc_docgen.yamlio import dump_document, write_yaml

    plan_path = Path(args.plan)
    plan, lines = load_with_lines(plan_path)
    previous = None
    if args.previous:  # statuses of the previous report, from its spreadsheet when it names one
        previous = apply_tasks_file(load_document(Path(args.previous)), Path(args.previous))
    next_plan = load_document(Path(args.next_plan)) if args.next_plan else None
    superior = load_document(Path(args.superior)) if args.superior else None
    skeleton = build_report(plan, args.period, args.year, previous, next_plan=next_plan, level=args.level,
                            pattern=args.addressing, due=_date(args.due), superior=superior)
    report = skeleton.report
    assert report.report is not None
    out = Path(args.output) if args.output else plan_path.with_name(
        f"{plan_path.stem}_bc_{report.report.period}_{report.report.year}.yaml")
    sheet = out.with_suffix(".xlsx") if args.xlsx else None
    for target in (out, sheet):
        if target is not None and target.exists() and not args.force:
            raise OutputExists(f"tệp '{target}' đã có sẵn nên chương trình không ghi đè (để khỏi mất nội dung của "
                               "bạn). Hãy chọn tên khác bằng -o, hoặc thêm --force nếu chắc chắn muốn ghi đè.")
    info = report.report
    if args.task_table:
        info = info.model_copy(update={"task_table": True})
    if sheet is not None:
        info = info.model_copy(update={"tasks_file": sheet.name})
    if args.task_table or sheet is not None:
        report = report.model_copy(update={"report": info})
    schema = "yaml-language-server: $schema=../schema/cchc-docgen.schema.json" if out.parent.name == "plans" else None
    header = [line for line in _header(report, plan_path, info.period) if line]
    write_yaml(out, dump_document(report, header, schema=schema), force=args.force)
    if sheet is not None:
        write_xlsx(report, sheet, force=args.force)
    for warning in skeleton.warnings:
        line = line_of(lines, warning.path) if warning.path else None
        where = f"{plan_path}:{line}" if line else str(plan_path)
        print(f"cchc-docgen: cảnh báo: {where}: {warning}", file=sys.stderr)
    count = len([t for t in info.tasks if t.task])
    extra = f" và bảng tính {sheet}" if sheet else ""
    due = f"hạn gửi báo cáo {info.due:%d/%m/%Y}" if info.due else "chưa rõ hạn gửi báo cáo"
    tasks = (f"{count} nhiệm vụ của kế hoạch năm (Biểu mẫu 1 dòng 2.1; sửa bằng 'report.plan_tasks_total' nếu "
             "kế hoạch đếm khác)" if count else "kế hoạch không có bảng nhiệm vụ, hãy ghi số nhiệm vụ ở "
             "'report.plan_tasks_total'")
    print(f"đã tạo {out}{extra}: {tasks}; {due}.")
    return 0


def _date(text: str | None) -> dt.date | None:
    from cchc_docgen.errors import UsageError

    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--due '{text}' không phải ngày; hãy ghi theo dạng YYYY-MM-DD, ví dụ 2026-03-08.") from None
