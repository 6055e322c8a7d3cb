"""The whole document: one YAML file is one ``Document``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from cchc_docgen.models.acknowledge import WARNING_CODES, parse_entry
from cchc_docgen.models.appendix import Appendix
from cchc_docgen.models.base import StrictModel, Text, also_accepts
from cchc_docgen.models.body import Node, Preamble
from cchc_docgen.models.issuer import Issuer
from cchc_docgen.models.kinds import KINDS
from cchc_docgen.models.recipients import Archive, Recipient
from cchc_docgen.models.report import ReportInfo
from cchc_docgen.models.signer import Signer

_DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})$")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(?P<month>\d{1,2})[/.-](?P<year>\d{4})$")
_YEAR = re.compile(r"^(?P<year>\d{4})$")
_SHORT_YEAR = re.compile(r"^(\d{1,2}[/.-]\d{1,2})[/.-](\d{2})$")
#: The date forms as a JSON Schema pattern (for editors): 2025-12-01, 01/12/2025, 12/2025, 2025.
DATE_PATTERN = r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}[/.-]\d{4}|\d{4})$"
DATE_FORMS = (
    "Hãy viết ngày theo dạng NĂM-THÁNG-NGÀY (dạng chuẩn), ví dụ 'date: 2025-12-01', hoặc NGÀY/THÁNG/NĂM, "
    "ví dụ 'date: 01/12/2025'; dự thảo chưa có ngày thì viết 'date: 12/2025' hoặc 'date: 2025'."
)


def parse_date_text(text: str) -> dict[str, int]:
    """``01/12/2025``, ``1/12/2025``, ``2025-12-01``, ``12/2025``, ``2025`` → year/month/day parts."""
    text = text.strip()
    for pattern in (_DAY_FIRST, _ISO, _MONTH_YEAR, _YEAR):
        match = pattern.match(text)
        if match:
            parts = {k: int(v) for k, v in match.groupdict().items()}
            try:
                dt.date(parts["year"], parts.get("month", 1), parts.get("day", 1))
            except ValueError:
                raise ValueError(f"ngày '{text}' không có trên lịch; hãy sửa lại ngày, tháng. {DATE_FORMS}") from None
            return parts
    short = _SHORT_YEAR.match(text)
    if short:
        raise ValueError(f"'{text}': năm phải viết đủ 4 chữ số, ví dụ '{short.group(1)}/20{short.group(2)}'. "
                         f"{DATE_FORMS}")
    raise ValueError(f"'{text}' không phải là một ngày. {DATE_FORMS}")


class DocDate(StrictModel):
    """Ngày ban hành; với dự thảo có thể chỉ ghi năm và tháng."""

    __get_pydantic_json_schema__ = also_accepts(
        {"type": "string", "pattern": DATE_PATTERN}, {"type": "integer", "minimum": 1945, "maximum": 2200}
    )

    year: int = Field(ge=1945, le=2200, description="Năm, 4 chữ số.")
    month: int | None = Field(default=None, ge=1, le=12, description="Tháng (bỏ trống nếu chưa biết).")
    day: int | None = Field(default=None, ge=1, le=31, description="Ngày (bỏ trống khi là dự thảo).")

    @model_validator(mode="before")
    @classmethod
    def _from_date(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            raise ValueError(f"chỉ ghi ngày, không ghi giờ. {DATE_FORMS}")
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, str):
            return parse_date_text(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return {"year": value}
        if not isinstance(value, dict):
            raise ValueError(f"giá trị này không phải là một ngày. {DATE_FORMS}")
        return value

    @model_validator(mode="after")
    def _real(self) -> DocDate:
        if self.day is not None:
            if self.month is None:
                raise ValueError("đã ghi ngày thì phải ghi cả tháng.")
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(f"ngày {self.day:02d}/{self.month:02d}/{self.year} không có trên lịch.") from None
        return self

    @property
    def complete(self) -> bool:
        return self.day is not None and self.month is not None

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day and self.month else None


class Document(StrictModel):
    """Một văn bản (kế hoạch hoặc báo cáo) mô tả trong một tệp YAML."""

    kind: Literal[tuple(KINDS)] = Field(  # type: ignore[valid-type]
        default="ke_hoach", description="Loại văn bản: ke_hoach (Kế hoạch) hoặc bao_cao (Báo cáo)."
    )
    issuer: Issuer = Field(description="Cơ quan ban hành.")
    number: int | None = Field(
        default=None, ge=1, le=99999, description="Số văn bản (số thứ tự trong năm). Bỏ trống khi là dự thảo."
    )
    date: DocDate | None = Field(
        default=None,
        description=(
            "Ngày ban hành: dạng chuẩn NĂM-THÁNG-NGÀY, ví dụ 2022-01-04; cũng nhận NGÀY/THÁNG/NĂM, ví dụ 04/01/2022. "
            "Dự thảo chưa có ngày: 3/2023 hoặc {year: 2023, month: 3}; chỉ có năm: 2023 hoặc {year: 2023}."
        ),
    )
    title: Text = Field(
        description="Trích yếu nội dung, ví dụ 'Tuyên truyền cải cách hành chính năm 2022'.", min_length=1
    )
    year: int | None = Field(
        default=None, ge=1945, le=2200, description="Năm của kế hoạch/báo cáo (mặc định: năm ghi trong trích yếu)."
    )
    period_note: Text | None = Field(
        default=None, description="Dòng nghiêng dưới trích yếu (báo cáo định kỳ), ví dụ '(Từ ngày … đến ngày …)'."
    )
    addressees: list[Text] = Field(
        default_factory=list, description="Kính gửi (báo cáo gửi cấp trên): một hoặc nhiều cơ quan nhận."
    )
    preamble: Preamble = Field(default_factory=Preamble, description="Căn cứ và câu dẫn.")
    body: list[Node] = Field(description="Nội dung: các mục I, II, III … và mục con.", min_length=1)
    closing: list[Text] = Field(
        default_factory=list, description="Đoạn kết, ví dụ 'Trên đây là Kế hoạch …'. Chương trình tự thêm './.'."
    )
    footnotes: dict[str, list[Text]] = Field(
        default_factory=dict,
        description="Chú thích cuối trang: khóa → các đoạn. Trong văn bản viết [^khóa] ở chỗ cần chú thích.",
    )
    appendices: list[Appendix] = Field(default_factory=list, description="Các phụ lục kèm theo.")
    signer: Signer | None = Field(default=None, description="Người ký. Bỏ trống với văn bản ban hành kèm quyết định.")
    recipients: list[Recipient] = Field(default_factory=list, description="Nơi nhận (không kể dòng 'Lưu').")
    archive: Archive = Field(default_factory=Archive, description="Dòng 'Lưu: VT, …'.")
    accept_warnings: list[Text] = Field(
        default_factory=list,
        description=(
            "Các cảnh báo của 'validate' đã xem và chấp nhận (ví dụ khi chép đúng một văn bản đã ban hành): "
            "ghi mã cảnh báo để chấp nhận mọi cảnh báo mã đó, hoặc 'mã@khóa' để chỉ chấp nhận một chỗ, ví dụ "
            "'nam-ban-hanh' hoặc 'nam-cu@body[2].items[1].text'. Các mã: "
            + "; ".join(f"{code} ({about})" for code, about in WARNING_CODES.items())
            + "."
        ),
        json_schema_extra={"items": {"type": "string", "pattern": f"^({'|'.join(WARNING_CODES)})(@.+)?$"}},
    )
    report: ReportInfo | None = Field(
        default=None, description="Báo cáo định kỳ: kỳ báo cáo và trạng thái các nhiệm vụ của kế hoạch."
    )

    @model_validator(mode="before")
    @classmethod
    def _archive_shorthand(cls, value: Any) -> Any:
        """Allow ``archive: VP`` or ``archive: [VP, TCCB]`` for the common case."""
        if isinstance(value, dict) and isinstance(value.get("archive"), (str, list)):
            value = dict(value)
            units = value["archive"]
            value["archive"] = {"units": [units] if isinstance(units, str) else units}
        return value

    @field_validator("accept_warnings")
    @classmethod
    def _known_warning_codes(cls, entries: list[str]) -> list[str]:
        for entry in entries:
            parse_entry(entry)
        return entries

    @model_validator(mode="after")
    def _report_kind(self) -> Document:
        if self.report is not None and self.kind != "bao_cao":
            raise ValueError("chỉ văn bản 'kind: bao_cao' mới có khóa 'report'; hãy sửa 'kind' thành bao_cao.")
        return self

    @model_validator(mode="after")
    def _footnotes_used(self) -> Document:
        from cchc_docgen.models.walk import footnote_marks

        used = footnote_marks(self)
        unknown = sorted(set(used) - set(self.footnotes))
        if unknown:
            raise ValueError(
                f"văn bản có dấu chú thích [^{unknown[0]}] nhưng không có chú thích '{unknown[0]}' trong 'footnotes'."
            )
        return self
