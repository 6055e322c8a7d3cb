"""What the web pages say, in plain Vietnamese about the document: help texts for each box, and the loader's
messages reworded without file keys, codes or file-editing advice (the page has a box for each thing)."""

from __future__ import annotations

import re

#: the name of each part of a document as the page calls it (file keys are never shown)
NAMES = {
    "kind": "Loại văn bản", "number": "Số văn bản", "title": "Tiêu đề", "year": "Năm", "date": "Ngày ban hành",
    "period_note": "Dòng thời gian (báo cáo)", "issuer": "Cơ quan ban hành", "parent": "Cơ quan chủ quản",
    "name": "Tên", "abbreviation": "Chữ viết tắt", "place": "Địa danh", "full_name": "Tên trong câu văn",
    "signer": "Người ký", "authority": "Thẩm quyền ký", "collective": "Tập thể", "head_title": "Chức vụ người đứng đầu",
    "body": "Nội dung", "items": "Mục con", "text": "Nội dung", "paragraphs": "Các đoạn tiếp theo",
    "numbering": "Đánh số", "role": "Vai trò", "preamble": "Căn cứ và câu dẫn", "bases": "Căn cứ",
    "lead_in": "Câu dẫn", "closing": "Đoạn kết", "footnotes": "Chú thích cuối trang", "appendices": "Phụ lục",
    "rows": "Dòng của bảng", "subrows": "Dòng con", "columns": "Cột của bảng", "group": "Tên nhóm",
    "recipients": "Nơi nhận", "note": "Ghi chú", "archive": "Lưu", "units": "Đơn vị lưu", "addressees": "Kính gửi",
    "day": "Ngày", "month": "Tháng", "report": "Báo cáo", "tasks": "Nhiệm vụ", "task": "Nhiệm vụ",
    "status": "Trạng thái", "result": "Kết quả", "lead": "Đơn vị chủ trì", "category": "Loại đơn vị",
    "signs": "Ai ký", "staff": "Cách gọi cán bộ", "head": "Người đứng đầu", "deputies": "Cấp phó",
    "due": "Hạn gửi báo cáo",
    "teams": "Các tổ, bộ phận", "duty": "Nhiệm vụ được phân công", "copies": "Số bản lưu", "drafter": "Người soạn",
}

#: help texts of the boxes (the model's own descriptions speak of file keys and codes: fine in a YAML editor)
HELP = {
    "kind": "Kế hoạch hay Báo cáo.",
    "number": "Số của văn bản. Để trống khi văn bản còn là dự thảo.",
    "title": ("Trích yếu nội dung, ví dụ “Tuyên truyền cải cách hành chính năm 2025”. Mỗi dòng trong ô là "
              "một dòng khi in."),
    "year": "Năm của kế hoạch hoặc báo cáo. Để trống: chương trình lấy theo tiêu đề và ngày ban hành.",
    "period_note": ("Chỉ dùng cho báo cáo: dòng ghi kỳ báo cáo dưới tiêu đề, ví dụ "
                    "“(Từ ngày 15/12/2024 đến ngày 14/3/2025)”."),
    "parent": ("Cơ quan cấp trên in phía trên tên cơ quan, ví dụ “UBND huyện Văn Lâm”. Có thể viết tắt. Mỗi dòng "
               "trong ô là một dòng khi in."),
    "Issuer.name": ("Tên đầy đủ của cơ quan, đơn vị ban hành, không viết tắt. Chương trình tự viết hoa khi in. "
                    "Mỗi dòng trong ô là một dòng khi in."),
    "Unit.name": "Tên đầy đủ của đơn vị, ví dụ “Trường Tiểu học Lạc Đạo”.",
    "abbreviation": "Chữ viết tắt dùng trong số ký hiệu, ví dụ “THLĐ” cho “Số: 05/KH-THLĐ”.",
    "place": "Địa danh ghi trước ngày tháng, ví dụ “Văn Lâm”.",
    "full_name": "Tên cơ quan, đơn vị như viết trong câu văn. Để trống: dùng tên đầy đủ.",
    "authority": ("Cách ký: người đứng đầu ký, ký thay (KT.), thay mặt tập thể (TM.), quyền (Q.), thừa lệnh (TL.), "
                  "thừa ủy quyền (TUQ.)."),
    "collective": "Tên tập thể khi ký thay mặt (TM.), ví dụ “Ủy ban nhân dân”.",
    "head_title": "Chức vụ người đứng đầu khi cấp phó ký thay, ví dụ “Hiệu trưởng”.",
    "Signer.title": "Chức vụ của người ký, ví dụ “Phó Hiệu trưởng”.",
    "Signer.name": "Họ và tên người ký, không ghi học hàm, học vị.",
    "Node.title": "Tiêu đề của mục, ví dụ “MỤC ĐÍCH, YÊU CẦU”. Số thứ tự (I., 1., a) …) do chương trình tự đánh.",
    "text": "Đoạn văn đầu tiên của mục, in ngay sau tiêu đề.",
    "paragraphs": "Các đoạn văn tiếp theo của mục, mỗi dòng một đoạn.",
    "numbering": "Cách đánh số của mục này. Thường để “Tự động theo cấp”.",
    "role": "Mục này nói về việc gì (mục đích, nhiệm vụ, kinh phí …): giúp chương trình tìm đúng mục khi lập báo cáo.",
    "Recipient.name": "Tên nơi nhận, ví dụ “Sở Nội vụ”.",
    "note": "Ghi chú trong ngoặc sau nơi nhận, ví dụ “để báo cáo”.",
    "category": "Loại đơn vị: mầm non, tiểu học, THCS, THPT …",
    "signs": "Người đứng đầu ký, hay cấp phó ký thay (KT.).",
    "staff": "Cách gọi toàn thể cán bộ của đơn vị, ví dụ “cán bộ, giáo viên, nhân viên”. Để trống: theo loại đơn vị.",
}


def help_for(model: str, name: str) -> str:
    return HELP.get(f"{model}.{name}") or HELP.get(name, "")


def _name(key: str) -> str:
    return NAMES.get(key, "")


_MISSING = re.compile(r"thiếu khóa bắt buộc '(\w+)'(?: \(.*?\))?\. Hãy thêm dòng '\w+: …'\.")
_UNKNOWN = re.compile(r"khóa '(\w+)' không hợp lệ ở đây\..*", re.S)
_CHOICE = re.compile(r"giá trị (.*?) của '(\w+)' không hợp lệ; chỉ được chọn .*", re.S)
_QUOTED = re.compile(r"'(?:[a-z_]+\.)*([a-z_]+)'")
_ITEM = re.compile(r"phần tử thứ (\d+) của '(\w+)'")


def plain(message: str) -> str:
    """A loader message as the page says it: box names instead of file keys, no advice about file lines."""
    m = _MISSING.fullmatch(message.strip())
    if m:
        return f"Ô “{_name(m.group(1)) or 'bắt buộc'}” chưa được điền: hãy điền vào ô này."
    m = _UNKNOWN.match(message)
    if m:
        return ("Văn bản có một phần chương trình không dùng được ở chỗ này, nên chưa tạo được bản in. "
                "Hãy báo người quản lý thư mục dữ liệu.")
    m = _CHOICE.match(message)
    if m:
        return f"Lựa chọn ở ô “{_name(m.group(2)) or 'này'}” không hợp lệ: hãy chọn lại trong danh sách."
    message = _ITEM.sub(lambda x: f"mục thứ {x.group(1)} của “{_name(x.group(2)) or 'danh sách'}”", message)
    message = _QUOTED.sub(lambda x: f"“{_name(x.group(1))}”" if _name(x.group(1)) else x.group(0), message)
    message = re.sub(r"\s*\[mã: [^\]]*\]", "", message)
    message = re.sub(r"[^.;]*(tệp YAML|dòng '[^']*'|--\w+|accept_warnings)[^.;]*[.;]?", "", message)
    message = message.replace(" | ", " ").strip()
    return message or "văn bản có chỗ chưa đúng ở đây: hãy xem lại ô này."
