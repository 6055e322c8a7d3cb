"""Loader: a YAML file → a validated ``Document``, or every problem at once (``InputError``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from cchc_docgen import limits
from cchc_docgen.errors import InputError, Problem
from cchc_docgen.inputfile import regular_file
from cchc_docgen.loader.messages import problems_from
from cchc_docgen.loader.yamlread import ReadResult, read_yaml
from cchc_docgen.models import Document
from cchc_docgen.oserrors import os_problem

__all__ = ["load_document", "load_with_lines", "read_text", "read_yaml"]


def read_text(path: Path) -> str:
    """The file's text (UTF-8, a BOM allowed; UTF-16 with a BOM too).

    ``UsageError`` if missing; ``InputError`` if it is not a regular file (a FIFO or a device would block or
    never end), larger than ``MAX_INPUT_BYTES`` or not in a known encoding.
    """
    regular_file(path, ".yaml")
    limit = limits.MAX_INPUT_BYTES
    try:
        with path.open("rb") as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise os_problem(exc, path) from None
    if len(raw) > limit:
        raise limits.LimitExceeded(f"tệp '{path}' lớn hơn {limits.megabytes(limit)}, quá giới hạn của một kế hoạch. "
                                   "Hãy kiểm tra xem có chọn nhầm tệp không, hoặc chia thành nhiều tệp.")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            "",
            [Problem(str(path), line, "",
                     "tệp không được lưu theo bảng mã UTF-8. Hãy mở tệp bằng Notepad (hoặc VS Code), "
                     "chọn Lưu thành (Save As) với Encoding 'UTF-8', rồi chạy lại.")],
        ) from None


def load_document(path: Path | str) -> Document:
    """Read, parse and validate one document file; raise ``InputError`` listing every problem."""
    return load_with_lines(path)[0]


def load_with_lines(path: Path | str) -> tuple[Document, dict[tuple[object, ...], int]]:
    """``load_document`` plus the YAML line of every key path (for warnings that point at lines)."""
    path = Path(path)
    text = read_text(path)
    result = read_yaml(text, str(path))
    return document_from(result, str(path)), result.lines


def document_from(result: ReadResult, file: str) -> Document:
    """Validate parsed YAML; every problem (reading and schema) is raised together."""
    problems = list(result.problems)
    if result.data is None and not problems:
        problems.append(
            Problem(file, None, "", "tệp trống. Hãy chép một kế hoạch mẫu trong thư mục plans/ rồi sửa.")
        )
    elif result.data is not None and not isinstance(result.data, dict):
        problems.append(
            Problem(file, 1, "", "tệp phải gồm các khóa như 'issuer:', 'title:', 'body:' (dạng khóa: giá trị).")
        )
    if problems and (result.data is None or not isinstance(result.data, dict)):
        raise InputError("", problems)
    try:
        doc = Document.model_validate(result.data)
    except ValidationError as exc:
        problems += problems_from(exc, Document, result.lines, file, skip=_paths(result, problems))
        raise InputError("", sorted(problems, key=lambda p: p.line or 0)) from None
    if problems:
        raise InputError("", problems)
    return doc


def _paths(result: ReadResult, problems: list[Problem]) -> set[tuple[object, ...]]:
    """Key paths already reported while reading (e.g. impossible dates), so they are not reported twice."""
    lines = {p.line for p in problems}
    return {path for path, line in result.lines.items() if line in lines and path}
