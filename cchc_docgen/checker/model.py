"""Findings and the rule catalogue (spec nd30.md §8)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

MUST, SHOULD = "MUST", "SHOULD"

#: rule id → (default level, short Vietnamese name); order = report order
RULES: dict[str, tuple[str, str]] = {
    "P1": (MUST, "Khổ giấy A4, hướng trang"),
    "P2": (MUST, "Lề trang"),
    "P3": (MUST, "Số trang"),
    "F1": (MUST, "Phông chữ Times New Roman, màu đen, Unicode dựng sẵn"),
    "H1": (MUST, "Quốc hiệu"),
    "H2": (MUST, "Tiêu ngữ"),
    "H3": (SHOULD, "Cặp cỡ chữ Quốc hiệu – Tiêu ngữ – ngày tháng"),
    "A1": (MUST, "Tên cơ quan ban hành"),
    "N1": (MUST, "Số, ký hiệu văn bản"),
    "N2": (MUST, "Chữ viết tắt tên loại trong ký hiệu"),
    "D1": (MUST, "Địa danh và ngày tháng năm"),
    "D2": (SHOULD, "Tháng 3–12 không thêm số 0"),
    "T1": (MUST, "Tên loại và trích yếu"),
    "B1": (MUST, "Trình bày đoạn văn nội dung"),
    "B2": (MUST, "Căn cứ ban hành"),
    "B3": (MUST, "Đánh số mục, khoản, điểm"),
    "B4": (SHOULD, "Kết thúc nội dung bằng “./.”"),
    "S1": (MUST, "Chức vụ, họ tên người ký"),
    "S2": (SHOULD, "Khoảng trống để ký"),
    "R1": (MUST, "Tiêu đề “Nơi nhận:”"),
    "R2": (MUST, "Danh sách nơi nhận"),
    "R3": (MUST, "Kính gửi (văn bản gửi cấp trên)"),
    "X1": (MUST, "Trình bày phụ lục"),
    "X2": (MUST, "Nội dung dẫn chiếu phụ lục"),
    "X3": (SHOULD, "Phụ lục là section riêng, trang đầu không đánh số"),
}
RULE_ORDER = {rid: i for i, rid in enumerate(RULES)}


@dataclass(frozen=True)
class Finding:
    """One violation of a rule.

    ``location`` is human-readable and page-ish ("trang ~2, đoạn 15"); ``excerpt`` is a short
    piece of the offending text ("" for page-level findings); ``message`` says what is wrong and
    ``fix`` how to fix it, both in Vietnamese.
    """

    rule_id: str
    level: str
    location: str
    excerpt: str
    message: str
    fix: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def excerpt(text: str, limit: int = 70) -> str:
    """One-line excerpt of ``text``, shortened with "…"."""
    flat = " ".join(text.replace("\t", " ").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class Collector:
    """Collects findings; findings given the same ``group`` are merged into one, with a count."""

    def __init__(self) -> None:
        self._items: list[list] = []
        self._groups: dict[tuple[str, str], list] = {}

    def add(
        self,
        rule_id: str,
        location: str,
        text: str,
        message: str,
        fix: str,
        *,
        level: str | None = None,
        group: str | None = None,
    ) -> None:
        lvl = level or RULES[rule_id][0]
        if group is not None:
            key = (rule_id + lvl, group)
            if key in self._groups:
                self._groups[key][6] += 1
                return
            item = [rule_id, lvl, location, excerpt(text), message, fix, 1]
            self._groups[key] = item
        else:
            item = [rule_id, lvl, location, excerpt(text), message, fix, 1]
        self._items.append(item)

    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        for rule_id, lvl, loc, exc, msg, fix, count in self._items:
            if count > 1:
                msg = f"{msg} (cùng lỗi này còn ở {count - 1} chỗ khác; vị trí ghi là chỗ đầu tiên)"
            out.append(Finding(rule_id, lvl, loc, exc, msg, fix))
        out.sort(key=lambda f: RULE_ORDER.get(f.rule_id, 99))
        return out
