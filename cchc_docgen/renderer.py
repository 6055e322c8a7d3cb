"""docxtpl rendering with a strict, sandboxed Jinja environment; atomic output.

Takes a template path and a mapping; knows nothing about models. Generic post-steps run after
docxtpl: Word footnotes (``context["footnotes"]``) are written into the footnotes part, native charts
(``context["charts"]``, see ``docxparts``) are added as package parts, and the last section is turned
landscape when ``context["last_landscape"]`` is true.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Twips
from docxtpl import DocxTemplate
from jinja2 import TemplateError, UndefinedError
from lxml import etree

from cchc_docgen import limits, template_cache
from cchc_docgen.atomic import write_atomic
from cchc_docgen.docx_guard import check_package, fix_table_grids, strict_tree, verify
from cchc_docgen.errors import TemplateProblem
from cchc_docgen.jinja_bounded import BoundedEnvironment, RenderLimit, deadline

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def jinja_env() -> BoundedEnvironment:
    """Undefined names are errors; values are escaped; templates cannot reach Python internals, loop forever
    or fill the memory (see ``jinja_bounded``)."""
    return BoundedEnvironment()


_TAG = re.compile(r"\{[{%#]")
_CONTROL = re.compile(r"[\t\n\a\f]")


def _one_paragraph_a_line(xml: str) -> str:
    """Each ``<w:p>`` on its own line, so Jinja's line-based ``{%p %}`` handling sees paragraphs apart."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


class _Template(DocxTemplate):  # type: ignore[misc]
    """DocxTemplate, leaner and stricter.

    - no ``{_{`` → ``{{`` rewrite of the rendered text, so user text stays literal;
    - parts without any Jinja tag (headers, footnotes, properties of the default templates) are not
      compiled and rendered: they would come out unchanged;
    - docxtpl's tab/line-break expansion runs only when the output has such characters.
    """

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's clean-up of the template XML, once per distinct XML (it depends on nothing else)."""
        return template_cache.patched(src_xml, super().patch_xml)

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
        src_xml = template_cache.patched(src_xml, _one_paragraph_a_line)
        self.current_rendering_part = part
        dst_xml = template_cache.from_string(jinja_env, src_xml).render(context)
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        return str(self.resolve_listing(dst_xml)) if _CONTROL.search(dst_xml) else dst_xml

    def build_headers_footers_xml(self, context: Any, uri: str, jinja_env: Any = None) -> Any:
        for rel_key, part in self.get_headers_footers(uri):
            if _TAG.search(part.blob.decode("utf-8", "replace")):
                xml = self.patch_xml(self.get_part_xml(part))
                yield rel_key, self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")

    def fix_tables(self, xml: str) -> Any:
        """Strict parse (docxtpl's own parser silently drops what it cannot read), then the grid fix."""
        return fix_table_grids(strict_tree(xml, "nội dung văn bản (word/document.xml)"))

    def map_headers_footers_xml(self, rel_key: str, xml: bytes) -> None:
        strict_tree(xml, "đầu trang/chân trang")
        super().map_headers_footers_xml(rel_key, xml)

    def render_properties(self, context: Any, jinja_env: Any = None) -> None:
        props = self.docx.core_properties
        if any(_TAG.search(getattr(props, k) or "") for k in ("author", "comments", "identifier", "language",
                                                              "subject", "title")):
            super().render_properties(context, jinja_env)

    def render_footnotes(self, context: Any, jinja_env: Any = None) -> None:
        part = next((p for p in self.docx.part.package.parts if p.content_type == FOOTNOTES_CT), None)
        if part is not None and _TAG.search(part.blob.decode("utf-8", "replace")):
            super().render_footnotes(context, jinja_env)
            strict_tree(part.blob, "phần chú thích cuối trang")


def load_template(path: Path) -> DocxTemplate:
    if not path.is_file():
        raise TemplateProblem(f"không tìm thấy mẫu DOCX '{path}'.")
    check_package(path)
    try:
        # Read every time (cheap): the caches of template_cache are keyed by the XML inside, so a template
        # edited between two renders is compiled again, whatever its file times say.
        tpl = _Template(io.BytesIO(path.read_bytes()))
        tpl.init_docx()  # parse now: a corrupt template is reported here, not as an internal error
        return tpl
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError, etree.XMLSyntaxError):
        raise TemplateProblem(
            f"mẫu '{path}' bị hỏng (Word không đọc được các phần bên trong). Hãy mở mẫu bằng Word, lưu lại dưới "
            "dạng .docx, hoặc dùng mẫu mặc định."
        ) from None


def render_docx(template: Path, context: Mapping[str, Any], out: Path,
                before_replace: Callable[[Path], object] | None = None) -> None:
    """Render ``template`` with ``context`` into ``out`` (checked, then written atomically).

    ``before_replace(tmp)`` runs when the finished document is complete, just before it takes ``out``'s place.
    """
    tpl = load_template(template)
    source = tpl.get_xml()  # what the template asks for, to check the result against
    try:
        with deadline(limits.MAX_RENDER_SECONDS):
            tpl.render(dict(context), jinja_env())
    except RenderLimit as exc:
        raise TemplateProblem(
            f"mẫu '{template.name}' vượt quá giới hạn khi tạo văn bản ({exc.args[0]}). Mẫu có vòng lặp hoặc phép "
            "tính quá lớn; hãy sửa mẫu hoặc dùng mẫu mặc định (xem README, mục 'Giới hạn')."
        ) from None
    except UndefinedError as exc:
        raise TemplateProblem(
            f"mẫu '{template.name}' dùng một biến không có trong dữ liệu ({exc.message}). "
            "Kiểm tra lại tên biến trong mẫu (xem README, mục 'Sửa mẫu trong Word')."
        ) from None
    except TemplateError as exc:
        raise TemplateProblem(
            f"mẫu '{template.name}' có thẻ Jinja viết sai ({exc.message}). "
            "Mở mẫu trong Word và kiểm tra các cặp {%p for %}/{%p endfor %}, {%p if %}/{%p endif %}."
        ) from None
    except (etree.XMLSyntaxError, ValueError, KeyError) as exc:
        raise TemplateProblem(
            f"mẫu '{template.name}' tạo ra văn bản Word không hợp lệ ({type(exc).__name__}). "
            "Hãy kiểm tra các thẻ trong mẫu hoặc dùng mẫu mặc định."
        ) from None
    _write_footnotes(tpl, context.get("footnotes") or [])
    if context.get("charts"):
        from cchc_docgen.docxparts import add_charts

        add_charts(tpl.docx, context["charts"])
    if context.get("last_landscape"):
        _landscape(tpl.docx.sections[-1])
    verify(tpl.docx.element.body, context, source, template.name)
    save_atomic(tpl, out, before_replace)


def _write_footnotes(tpl: DocxTemplate, footnotes: list[Mapping[str, Any]]) -> None:
    if not footnotes:
        return
    part = next((p for p in tpl.docx.part.package.parts if p.content_type == FOOTNOTES_CT), None)
    if part is None:
        raise TemplateProblem("mẫu không có phần chú thích cuối trang (footnotes); hãy dùng mẫu mặc định.")
    root = etree.fromstring(part.blob)
    for note in footnotes:
        paragraphs = "".join(
            '<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            + ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
               '<w:r><w:t xml:space="preserve"> </w:t></w:r>' if i == 0 else "")
            + f"{text}</w:p>"
            for i, text in enumerate(note["paragraphs"])
        )
        root.append(etree.fromstring(f'<w:footnote xmlns:w="{W_NS}" w:id="{note["id"]}">{paragraphs}</w:footnote>'))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _landscape(section: Any) -> None:
    width, height = section.page_width, section.page_height
    if width < height:
        section.page_width, section.page_height = height, width
        section._sectPr.find(qn("w:pgSz")).set(qn("w:orient"), "landscape")
    if section.left_margin is None:
        section.left_margin = Twips(1701)


def save_atomic(tpl: DocxTemplate, out: Path, before_replace: Callable[[Path], object] | None = None) -> None:
    """Write to a temporary file beside ``out``, then rename: never a half-written document."""
    # The zip is built in memory, then written in one call: on a full disk the write fails cleanly, instead of
    # zipfile failing half-way and printing its own traceback when the half-closed archive is collected.
    buffer = io.BytesIO()
    tpl.save(buffer)
    data = buffer.getvalue()
    write_atomic(out, lambda tmp: tmp.write_bytes(data), before_replace=before_replace)
