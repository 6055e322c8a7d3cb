"""``cchc-docgen derive``: a unit's own plan (or one per unit) from its parent body's plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "derive",
        help="lập kế hoạch của đơn vị (trường, trung tâm, phòng) từ kế hoạch của cấp trên",
        description=(
            "Lập kế hoạch của đơn vị từ kế hoạch của cấp trên: trích dẫn kế hoạch cấp trên, giữ mục đích, nội dung, "
            "hình thức; thay phần tổ chức thực hiện bằng phân công trong đơn vị; phụ lục chỉ giữ các nhiệm vụ "
            "liên quan đến đơn vị. Ví dụ: cchc-docgen derive plans/004.yaml --unit truong.yaml -o truong_kh.yaml"
        ),
    )
    p.add_argument("parent", metavar="PARENT.yaml",
                   help="kế hoạch của cấp trên đã ban hành (có số, ngày): tệp YAML, hoặc tệp Word (.docx)/PDF")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", metavar="UNIT.yaml", help="tệp mô tả một đơn vị")
    who.add_argument("--units", metavar="UNITS.yaml|UNITS.xlsx",
                     help="danh sách nhiều đơn vị (YAML hoặc bảng tính Excel): mỗi đơn vị một kế hoạch")
    p.add_argument("-o", "--out", metavar="ĐÍCH",
                   help="tệp YAML kết quả (với --unit) hoặc thư mục kết quả (với --units, bắt buộc)")
    p.add_argument("--render", action="store_true", help="tạo luôn tệp Word (.docx) bên cạnh mỗi tệp YAML")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có")


def run(args: argparse.Namespace) -> int:
    from cchc_docgen.derive import derive_file, load_parent, load_unit, load_units, slug
    from cchc_docgen.derive.summary import summary
    from cchc_docgen.errors import OutputExists, UsageError
    from cchc_docgen.yamlio import write_yaml

    parent_path = Path(args.parent)
    if not parent_path.is_file():
        raise UsageError(f"không tìm thấy tệp kế hoạch cấp trên '{parent_path}'. Kiểm tra lại tên và thư mục.")
    unit_file = Path(args.unit or args.units)
    if not unit_file.is_file():
        raise UsageError(f"không tìm thấy tệp đơn vị '{unit_file}'. Kiểm tra lại tên và thư mục.")
    if args.units and not args.out:
        raise UsageError("với --units hãy chỉ thư mục ghi kết quả bằng -o THƯ_MỤC.")
    units = [load_unit(unit_file)] if args.unit else load_units(unit_file)
    parent = load_parent(parent_path)

    if args.unit:
        targets = [Path(args.out) if args.out else Path(f"{parent_path.stem}_{slug(units[0].abbreviation)}.yaml")]
    else:
        folder = Path(args.out)
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"'{folder}' là một tệp; với --units, -o phải là một thư mục.")
        folder.mkdir(parents=True, exist_ok=True)
        targets = [folder / f"{slug(u.abbreviation)}.yaml" for u in units]
    existing = [t for t in targets if t.exists()]
    if existing and not args.force:
        names = ", ".join(f"'{t}'" for t in existing[:5]) + (" …" if len(existing) > 5 else "")
        raise OutputExists(
            f"đã có sẵn {len(existing)} tệp kết quả ({names}); chương trình không ghi đè để khỏi mất nội dung "
            "của bạn và chưa ghi tệp nào. Hãy chọn nơi khác bằng -o, hoặc thêm --force nếu chắc chắn muốn ghi đè."
        )
    # every child first: nothing is written when one fails
    results = [derive_file(parent, unit) for unit in units]
    for target, unit, result in zip(targets, units, results, strict=True):
        write_yaml(target, result.yaml_text, force=args.force)
        derived = result.derived
        lines = summary(derived, unit.sentence_name, details=len(units) == 1)
        print(f"{target}: {lines[0]}")
        for line in lines[1:]:
            print(line)
        for change, count in (derived.wording.items() if len(units) == 1 else ()):
            print(f"  đã đổi cách gọi {change} ({count} chỗ)")
    if len(units) == 1:
        print("Hãy đọc lại tệp, điền các chỗ '……' và sửa nội dung cho phù hợp trước khi ban hành.")
    if args.render:
        return _render(targets, args.force)
    return 0


def _render(targets: list[Path], force: bool) -> int:
    from cchc_docgen.batch import render_many
    from cchc_docgen.cli.render import print_outcomes

    out_dir = targets[0].parent
    report = render_many(targets, out_dir, force=force, progress=sys.stderr.isatty())
    return print_outcomes(report, len(targets))
