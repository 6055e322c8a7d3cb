"""Periodic reports (báo cáo định kỳ): the reporting period and the status of each task of the plan."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from cchc_docgen.models.base import StrictModel, Text

#: Task statuses as staff enter them (what happened), in the order reports list them. Reports print the four
#: official wordings (``OFFICIAL``) computed from these and the task's deadline (spec bao-cao-cchc §5.2).
STATUSES: tuple[str, ...] = ("hoàn thành", "hoàn thành quá hạn", "đang thực hiện", "chưa thực hiện")
Status = Literal["hoàn thành", "hoàn thành quá hạn", "đang thực hiện", "chưa thực hiện"]
#: Report periods: quarters, 6 and 9 months, the whole year.
PERIOD_KEYS: tuple[str, ...] = ("q1", "q2", "q3", "q4", "6m", "9m", "year")
PeriodKey = Literal["q1", "q2", "q3", "q4", "6m", "9m", "year"]
#: The four official status wordings (spec bao-cao-cchc §5.2, Biểu mẫu 1 rows 4.1.x).
OFFICIAL: tuple[str, ...] = ("hoàn thành đúng hạn", "hoàn thành nhưng quá hạn", "quá hạn nhưng chưa hoàn thành",
                             "chưa hoàn thành còn trong hạn")
#: Levels of the reporting unit: UBND tỉnh, a Sở/ban/ngành, a Phòng of a district, UBND cấp xã, a school.
Level = Literal["province", "department", "office", "commune", "school"]
Figure = float | int | str | None


def _bare(text: str) -> str:
    """Lower case without diacritics: 'Hoàn thành' → 'hoan thanh' (for forgiving matches)."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


#: Other ways people write a status (compared without diacritics) → the listed status.
_ALIASES = {
    "da hoan thanh": "hoàn thành", "hoan thanh dung han": "hoàn thành",
    "hoan thanh cham": "hoàn thành quá hạn", "hoan thanh tre han": "hoàn thành quá hạn",
    "dang trien khai": "đang thực hiện", "dang tien hanh": "đang thực hiện",
    "chua trien khai": "chưa thực hiện",
    "hoan thanh nhung qua han": "hoàn thành quá hạn", "chua hoan thanh con trong han": "đang thực hiện",
    "qua han nhung chua hoan thanh": "đang thực hiện",
}


def normalise_status(value: Any) -> Any:
    """``'Hoàn thành.'``, ``'hoan thanh'``, ``'Đã hoàn thành'`` → ``'hoàn thành'``; blank → ``None``.

    Text that matches no status is returned as written (NFC, trimmed), so validation can name it.
    """
    if not isinstance(value, str):
        return value
    text = " ".join(unicodedata.normalize("NFC", value).split()).strip(" .;,")
    if not text:
        return None
    bare = _bare(text)
    for status in STATUSES:
        if bare == _bare(status):
            return status
    return _ALIASES.get(bare, text)


class TaskResult(StrictModel):
    """Một nhiệm vụ của kế hoạch và kết quả thực hiện trong kỳ (hoặc một dòng nhóm 'group')."""

    group: Text | None = Field(default=None, description="Dòng nhóm (I., II., …) của bảng nhiệm vụ.")
    task: Text | None = Field(default=None, description="Nội dung nhiệm vụ, chép từ kế hoạch.")
    lead: Text | None = Field(default=None, description="Đơn vị chủ trì.")
    deadline: Text | None = Field(default=None, description="Thời gian thực hiện/hoàn thành, như ghi trong kế hoạch.")
    status: Status | None = Field(
        default=None,
        description="Trạng thái: hoàn thành; hoàn thành quá hạn; đang thực hiện; chưa thực hiện. "
        "Bỏ trống nếu chưa điền.",
    )
    result: Text | None = Field(default=None, description="Kết quả, sản phẩm (ví dụ 'Kế hoạch số 12/KH-SGDĐT').")
    note: Text | None = Field(default=None, description="Ghi chú.")
    field: str | None = Field(
        default=None, description="Mục của đề cương báo cáo nhận kết quả nhiệm vụ này, ví dụ 'II.2' (Cải cách thủ "
        "tục hành chính) hoặc 'I.4' (tuyên truyền). Chương trình tự xếp; sửa nếu xếp chưa đúng.")

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> Any:
        value = normalise_status(value)
        if value is not None and value not in STATUSES:
            raise ValueError(f"trạng thái '{value}' không có trong danh sách; hãy ghi một trong: "
                             f"{'; '.join(STATUSES)} (hoặc bỏ trống nếu chưa rõ).")
        return value

    @model_validator(mode="after")
    def _shape(self) -> TaskResult:
        if self.group and (self.task or self.lead or self.status or self.result):
            raise ValueError("dòng nhóm ('group') chỉ có tên nhóm, không có nhiệm vụ, đơn vị hay trạng thái.")
        if not self.group and not self.task:
            raise ValueError("mỗi dòng cần 'task' (nội dung nhiệm vụ) hoặc 'group' (tên nhóm).")
        return self


class ReportInfo(StrictModel):
    """Kỳ báo cáo và kết quả thực hiện từng nhiệm vụ (lệnh 'cchc-docgen report' điền sẵn)."""

    plan: Text = Field(description="Kế hoạch được báo cáo, ghi đầy đủ: 'Kế hoạch số 07/KH-SGDĐT ngày … của … về …'.")
    period: PeriodKey = Field(description="Kỳ báo cáo: q1, q2, q3, q4, 6m (6 tháng), 9m (9 tháng), year (năm).")
    year: int = Field(ge=1945, le=2200, description="Năm của kỳ báo cáo.")
    data_from: dt.date = Field(description="Số liệu tính từ ngày (YYYY-MM-DD).")
    data_to: dt.date = Field(description="Số liệu tính đến ngày (YYYY-MM-DD).")
    due: dt.date | None = Field(default=None, description="Hạn gửi báo cáo (YYYY-MM-DD).")
    tasks_file: Text | None = Field(
        default=None,
        description="Tệp Excel (.xlsx) ghi trạng thái các nhiệm vụ, đường dẫn tính từ tệp YAML này. "
        "Khi có, trạng thái, kết quả và ghi chú trong tệp Excel được dùng thay cho 'tasks'.",
    )
    tasks: list[TaskResult] = Field(default_factory=list, description="Mọi nhiệm vụ của kế hoạch năm (cộng dồn từ "
                                    "đầu năm), với trạng thái đến cuối kỳ.")
    outline: Text = Field(default="4625/2025", description="Phiên bản đề cương và biểu mẫu báo cáo, ví dụ '4625/2025' "
                          "(Công văn 4625/BNV-CCHC ngày 02/7/2025 của Bộ Nội vụ).")
    level: Level = Field(default="department", description="Cấp của đơn vị báo cáo: province (UBND tỉnh), department "
                         "(sở, ban, ngành), office (phòng cấp huyện), commune (UBND cấp xã), school (trường học, "
                         "đơn vị).")
    addressing: Literal["B", "A"] = Field(
        default="B", description="Cách gửi: B (có 'Kính gửi', Nơi nhận bắt đầu '- Như trên;') hoặc A (không có "
        "'Kính gửi', cơ quan nhận đứng đầu Nơi nhận).")
    plan_tasks_total: int | None = Field(
        default=None, ge=0, description="Tổng số nhiệm vụ của kế hoạch năm (Biểu mẫu 1 dòng 2.1), nếu khác số dòng "
        "nhiệm vụ chương trình đếm được.")
    figures: dict[str, dict[str, Figure]] = Field(
        default_factory=dict, description="Số liệu Biểu mẫu 1–7: bm1 … bm7, mỗi biểu mẫu 'STT: số liệu' (số, hoặc "
        "'-' khi chưa có số liệu). Dòng tỷ lệ, dòng tổng do chương trình tính.")
    notes: dict[str, dict[str, Text]] = Field(
        default_factory=dict, description="Ghi chú của Biểu mẫu: bm1 … bm7, mỗi biểu mẫu 'STT: ghi chú'.")
    appendix: bool = Field(default=True, description="false: không kèm Phụ lục Biểu mẫu (ví dụ trường học khi cấp "
                           "trên không yêu cầu).")
    task_table: bool = Field(default=False, description="true: kèm bảng trạng thái từng nhiệm vụ làm 'Phụ lục II'.")

    @field_validator("figures", "notes", mode="before")
    @classmethod
    def _stt_keys(cls, value: Any) -> Any:
        """YAML reads ``1.1:`` as a number: every STT key becomes text again ("1.1", "2")."""
        if not isinstance(value, dict):
            return value
        return {str(k): ({str(s): v for s, v in rows.items()} if isinstance(rows, dict) else rows)
                for k, rows in value.items()}

    @model_validator(mode="after")
    def _order(self) -> ReportInfo:
        if self.data_from > self.data_to:
            raise ValueError("'data_from' phải trước 'data_to' (số liệu tính từ ngày … đến ngày …).")
        return self
