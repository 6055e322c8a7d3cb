"""Guards around the DOCX package: a bounded template, a strict parse, and a check of the result.

- ``check_package``: a template is a ZIP whose unzipped size and part count stay under the limits (a
  1.6 MB "zip bomb" would otherwise unpack to gigabytes).
- ``strict_tree``: the XML a template produced is parsed strictly; docxtpl's own parser "recovers" from
  errors by dropping content (the signer, Nơi nhận, appendices, section settings) without a word.
- ``verify``: before an output replaces anything, the rendered document must hold what the context holds.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lxml import etree
from markupsafe import Markup

from cchc_docgen import limits, template_cache
from cchc_docgen.errors import TemplateProblem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True, load_dtd=False)
_TAGS = re.compile(r"<[^>]+>")


def check_package(path: Path) -> None:
    """Raise ``TemplateProblem`` unless ``path`` is a ZIP package within the template limits."""
    size = path.stat().st_size
    if size > limits.MAX_TEMPLATE_BYTES:
        raise TemplateProblem(
            f"mẫu '{path}' quá lớn ({limits.megabytes(size)}; giới hạn {limits.megabytes(limits.MAX_TEMPLATE_BYTES)}). "
            "Hãy bớt hình ảnh trong mẫu hoặc dùng mẫu mặc định."
        )
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TemplateProblem(
            f"'{path}' không phải tệp Word .docx hợp lệ (tệp hỏng?); hãy mở và lưu lại mẫu bằng Word dưới dạng .docx."
        ) from None
    unzipped = sum(i.file_size for i in infos)
    if len(infos) > limits.MAX_TEMPLATE_PARTS or unzipped > limits.MAX_TEMPLATE_UNZIPPED:
        raise TemplateProblem(
            f"mẫu '{path}' khi giải nén quá lớn ({len(infos)} phần, {limits.megabytes(unzipped)}; giới hạn "
            f"{limits.MAX_TEMPLATE_PARTS} phần, {limits.megabytes(limits.MAX_TEMPLATE_UNZIPPED)}). "
            "Đây không phải mẫu Word bình thường; hãy dùng mẫu mặc định hoặc lưu lại mẫu bằng Word."
        )
    if "word/document.xml" not in {i.filename for i in infos}:
        raise TemplateProblem(f"'{path}' không phải tệp Word .docx (thiếu word/document.xml); hãy lưu mẫu bằng Word.")


def strict_tree(xml: str | bytes, what: str) -> Any:
    """Parse XML strictly; a syntax error is a ``TemplateProblem`` naming the template part."""
    try:
        return etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateProblem(
            f"mẫu tạo ra {what} không hợp lệ ({exc.msg}), nên chương trình không ghi tệp. Thường là do thẻ "
            "{%p … %} hay {%tr … %} đặt sai chỗ (mở trong một đoạn, đóng ở đoạn khác) hoặc một biểu thức dùng |safe. "
            "Hãy sửa mẫu trong Word, hoặc dùng mẫu mặc định."
        ) from None


def fix_table_grids(tree: Any) -> Any:
    """docxtpl's ``fix_tables`` on a strictly parsed tree: grid columns follow the widest row."""
    for tbl in tree.iter(W + "tbl"):
        grid = tbl.find(W + "tblGrid")
        if grid is None:
            continue
        cols = grid.findall(W + "gridCol")
        widest = max((sum(_span(tc) for tc in tr.findall(W + "tc")) for tr in tbl.iter(W + "tr")), default=0)
        if not cols or widest == len(cols) or widest == 0:
            continue
        total = sum(float(c.get(W + "w") or 0) for c in cols)
        for c in cols:
            grid.remove(c)
        for _ in range(widest):
            etree.SubElement(grid, W + "gridCol", {W + "w": str(int(total / widest))})
    return tree


def _span(tc: Any) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    try:
        return int(span.get(W + "val")) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _text(body: Any) -> str:
    return _squash("".join(body.itertext(W + "t")))


_BLANKS = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")  # only where something changes: a body has many spaces


def _squash(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces as one space."""
    return _BLANKS.sub(" ", text)


def _without_tags(xml: str) -> str:
    return _TAGS.sub("", xml)


def _visible(value: str) -> str:
    """The text a context string shows: plain strings as they are, markup (XML runs) without its tags."""
    if isinstance(value, Markup):
        return html.unescape(_TAGS.sub("", str(value)))
    return value


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def verify(body: Any, context: Mapping[str, Any], template_xml: str, template: str) -> None:
    """Raise ``TemplateProblem`` when the rendered body lacks what the context holds and the template uses.

    Checked: the signer's name and title lines, every Nơi nhận line, every appendix heading, and the
    section settings (page size and margins of every section; the last one landscape when asked).
    A value is checked only when the template names it, so a custom template may leave parts out.
    """
    text = _text(body)
    used = template_cache.patched(template_xml, _without_tags)
    wanted: list[tuple[str, str]] = []
    if context.get("signer") and "signer" in used:
        wanted += [("người ký", s) for s in _strings(context["signer"])]
    if "recipients" in used:
        wanted += [("nơi nhận", s) for s in _strings(context.get("recipients") or [])]
    if "appendices" in used:
        wanted += [("phụ lục", str(a.get("heading", ""))) for a in context.get("appendices") or []]
    missing = [(what, s) for what, s in wanted if _visible(s).strip() and _squash(_visible(s)) not in text]
    if missing:
        what, value = missing[0]
        raise TemplateProblem(
            f"văn bản tạo từ mẫu '{template}' bị thiếu nội dung ({what}: '{value[:80]}'), nên chương trình không ghi "
            "tệp. Hãy kiểm tra các thẻ {{ … }} của phần đó trong mẫu, hoặc dùng mẫu mặc định."
        )
    sections = list(body.iter(W + "sectPr"))
    if not sections or any(s.find(W + "pgSz") is None or s.find(W + "pgMar") is None for s in sections):
        raise TemplateProblem(
            f"văn bản tạo từ mẫu '{template}' bị mất thiết lập trang (khổ giấy, lề), nên chương trình không ghi tệp. "
            "Hãy mở mẫu trong Word, đặt lại Page Setup, lưu lại, hoặc dùng mẫu mặc định."
        )
