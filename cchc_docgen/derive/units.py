"""Unit files: one unit (UNIT.yaml), a list of units (UNITS.yaml) or a spreadsheet (UNITS.xlsx)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cchc_docgen.errors import InputError, Problem
from cchc_docgen.loader import read_text, read_yaml
from cchc_docgen.loader.messages import problems_from
from cchc_docgen.models.unit import Unit

_EXAMPLE = "xem mẫu trong thư mục examples/units/ và mục 'Tệp đơn vị' của docs/yaml-guide.md"


def load_unit(path: Path | str) -> Unit:
    """One unit from a YAML file; ``InputError`` listing every problem (file, line, key) otherwise."""
    units = load_units(path)
    if len(units) != 1:
        raise InputError(
            f"tệp '{path}' mô tả {len(units)} đơn vị; với --unit hãy dùng tệp của một đơn vị, "
            "hoặc dùng --units để lập kế hoạch cho nhiều đơn vị."
        )
    return units[0]


def load_units(path: Path | str) -> list[Unit]:
    """Units from ``UNIT.yaml`` (one mapping), ``UNITS.yaml`` (``units:`` list, optional ``defaults:``) or xlsx."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from cchc_docgen.derive.sheet import units_from_sheet

        return units_from_sheet(path)
    result = read_yaml(read_text(path), str(path))
    if result.problems:
        raise InputError("", result.problems)
    data, file = result.data, str(path)
    if not isinstance(data, dict):
        message = f"tệp đơn vị phải gồm các khóa 'name:', 'category:', … ({_EXAMPLE})."
        raise InputError("", [Problem(file, 1, "", message)])
    if "units" not in data:
        return [_validate(data, result.lines, file, ())]
    entries, defaults = data.get("units"), data.get("defaults") or {}
    unknown = sorted(set(data) - {"units", "defaults"})
    problems = [Problem(file, result.lines.get((k,)), k, "khóa không hợp lệ ở đây; chỉ được dùng 'units' và "
                        "'defaults'.") for k in unknown]
    if not isinstance(entries, list) or not entries:
        problems.append(Problem(file, result.lines.get(("units",)), "units",
                                "'units' phải là danh sách các đơn vị, mỗi đơn vị bắt đầu bằng '- name: …'."))
    if not isinstance(defaults, dict):
        problems.append(Problem(file, result.lines.get(("defaults",)), "defaults",
                                "'defaults' phải là một nhóm 'khóa: giá trị' dùng chung cho mọi đơn vị."))
    if problems or not isinstance(entries, list):
        raise InputError("", problems)
    units: list[Unit] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(Problem(file, result.lines.get(("units", i)), f"units[{i + 1}]",
                                    "mỗi đơn vị phải là một nhóm 'khóa: giá trị' (name, category, head …)."))
            continue
        try:
            units.append(_validate({**defaults, **entry}, result.lines, file, ("units", i)))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError("", problems)
    check_unique(units, file)
    return units


def _validate(data: dict[str, Any], lines: dict[tuple[object, ...], int], file: str,
              prefix: tuple[object, ...]) -> Unit:
    try:
        return Unit.model_validate(data)
    except ValidationError as exc:
        sub = {k[len(prefix):]: v for k, v in lines.items() if k[: len(prefix)] == prefix}
        problems = problems_from(exc, Unit, sub, file)
        if prefix:
            where = f"units[{int(prefix[1]) + 1}]"  # type: ignore[call-overload]
            problems = [Problem(p.file, p.line or lines.get(prefix), f"{where}.{p.key}" if p.key else where,
                                p.message) for p in problems]
        raise InputError("", problems) from None


def check_unique(units: list[Unit], file: str) -> None:
    """Two units with one abbreviation would write the same file: refuse before writing anything."""
    seen: dict[str, str] = {}
    for unit in units:
        key = slug(unit.abbreviation)
        if key in seen:
            raise InputError(
                f"{file}: hai đơn vị '{seen[key]}' và '{unit.sentence_name}' có cùng chữ viết tắt "
                f"'{unit.abbreviation}'; mỗi đơn vị cần một chữ viết tắt riêng (dùng làm tên tệp kết quả)."
            )
        seen[key] = unit.sentence_name


def slug(text: str) -> str:
    """A file-name-safe ASCII form: 'THPTNT' → 'thptnt', 'MNSM-ĐT' → 'mnsm-dt'."""
    import unicodedata

    text = text.replace("Đ", "D").replace("đ", "d").replace("&", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in ascii_text.lower()).strip("_") or "don_vi"
