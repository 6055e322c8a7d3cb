"""Safe opening of a DOCX package: the zip, its parts through their relationships, under budgets.

Everything that reads a DOCX (``check``, ``import``, the web pages) goes through :func:`open_package`,
which turns every way a file can be unreadable (missing, empty, not a zip, an encrypted or old OLE file,
a corrupt or truncated stream, broken XML, a "zip bomb", too many parts or XML nodes) into an
:class:`UnreadablePackage` (an :class:`~cchc_docgen.errors.InputError`) whose Vietnamese ``reason`` is the
same wherever it is shown.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from cchc_docgen import limits
from cchc_docgen.errors import InputError, UsageError
from cchc_docgen.ooxml.names import OFFICE_DOC_REL, OLE_MAGIC, PKG_REL_NS, STRICT_W_NS, ZIP_MAGIC, w, wattr

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False,
                          load_dtd=False)
_RESAVE = "Hãy mở tệp bằng Microsoft Word hoặc LibreOffice, lưu lại dưới dạng “Word Document (.docx)” rồi thử lại."


class UnreadablePackage(InputError):
    """A DOCX that cannot be read; ``reason`` says why and what to do, without the file name."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.reason = reason


@dataclass
class Package:
    """The parsed parts of a DOCX that readers use."""

    path: Path
    document: etree._Element
    styles: etree._Element | None
    theme: etree._Element | None
    numbering: etree._Element | None
    #: relationship id → parsed header/footer part (only the parts the document refers to)
    parts_by_rid: dict[str, etree._Element] = field(default_factory=dict)
    #: Word's default tab stop (settings.xml ``w:defaultTabStop``), twips
    default_tab: int = 720
    footnotes: etree._Element | None = None

    @property
    def body(self) -> etree._Element:
        body = self.document.find(w("body"))
        assert body is not None  # open_package refuses a document without one
        return body


def sniff(path: Path) -> None:
    """Refuse, from its first bytes, a path that is no DOCX (``UsageError`` when it does not exist)."""
    if not path.exists():
        raise UsageError(f"{path}: không tìm thấy tệp. Hãy kiểm tra lại đường dẫn và tên tệp.")
    if path.is_dir():
        raise UsageError(f"{path}: đây là thư mục, không phải tệp .docx.")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadablePackage(path, f"không mở được tệp ({exc.strerror or exc}).") from None
    if not head:
        raise UnreadablePackage(path, "tệp rỗng (0 byte), không có nội dung để đọc.")
    if head == OLE_MAGIC:
        raise UnreadablePackage(path, "tệp được đặt mật khẩu (mã hóa) hoặc là tệp Word cũ .doc nên không đọc được. "
                                      "Hãy mở bằng Word, bỏ mật khẩu (File ▸ Info ▸ Protect Document) hoặc lưu lại "
                                      "dưới dạng .docx, rồi thử lại.")
    if not head.startswith(ZIP_MAGIC):
        raise UnreadablePackage(path, "tệp không phải văn bản Word .docx (có thể là PDF, ảnh hoặc văn bản thô, "
                                      "hoặc chỉ đổi đuôi). " + _RESAVE)


class _Zip:
    """The zip of one package, read part by part under the budgets of :mod:`cchc_docgen.limits`."""

    def __init__(self, path: Path, zf: zipfile.ZipFile) -> None:
        self.path, self.zf = path, zf
        infos = zf.infolist()
        self.names = {i.filename for i in infos}
        unzipped = sum(i.file_size for i in infos)
        if len(infos) > limits.MAX_DOCX_PARTS or unzipped > limits.MAX_DOCX_UNZIPPED:
            raise UnreadablePackage(path, f"tệp khi giải nén quá lớn ({len(infos)} phần, {limits.megabytes(unzipped)}; "
                                          f"giới hạn {limits.MAX_DOCX_PARTS} phần, "
                                          f"{limits.megabytes(limits.MAX_DOCX_UNZIPPED)}), không phải văn bản Word "
                                          "bình thường. " + _RESAVE)

    def xml(self, name: str) -> etree._Element:
        try:
            info = self.zf.getinfo(name)
            if info.file_size > limits.MAX_DOCX_PART_BYTES:
                raise UnreadablePackage(self.path, f"phần “{name}” khi giải nén quá lớn "
                                                   f"({limits.megabytes(info.file_size)}). " + _RESAVE)
            root = etree.fromstring(self.zf.read(name), _PARSER)
        except UnreadablePackage:
            raise
        except RuntimeError:  # an encrypted zip entry
            raise UnreadablePackage(self.path, "tệp .docx được đặt mật khẩu; hãy bỏ mật khẩu rồi thử lại.") from None
        except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError, EOFError, zlib.error,
                NotImplementedError) as exc:
            raise UnreadablePackage(self.path, f"phần “{name}” của tệp .docx bị hỏng ({type(exc).__name__}). "
                                               + _RESAVE) from None
        nodes = sum(1 for _ in root.iter())
        if nodes > limits.MAX_DOCX_NODES:
            raise UnreadablePackage(self.path, f"phần “{name}” có quá nhiều phần tử XML ({nodes}; giới hạn "
                                               f"{limits.MAX_DOCX_NODES}). " + _RESAVE)
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationships of ``part``: rId → (type, absolute target part name); external targets left out."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if rels_name not in self.names:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name).iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), full)
        return out

    def main_part(self) -> str:
        """Name of the main document part, from ``_rels/.rels`` (fallback ``word/document.xml``)."""
        for rtype, target in self.rels("").values():
            if rtype == OFFICE_DOC_REL and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise UnreadablePackage(self.path, "tệp nén không chứa văn bản Word (thiếu word/document.xml); có thể đây "
                                           "là tệp .xlsx, .pptx hoặc .zip khác.")


def open_package(path: str | Path) -> Package:
    """Open ``path`` and parse the parts readers need, found through the main part's relationships.

    Raises :class:`UsageError` for a missing path and :class:`UnreadablePackage` for anything unreadable.
    """
    path = Path(path)
    sniff(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadablePackage(path, "tệp bị hỏng hoặc không trọn vẹn (không đọc được như tệp nén .docx). "
                                      + _RESAVE) from None
    with zf:
        pkg = _Zip(path, zf)
        main = pkg.main_part()
        document = pkg.xml(main)
        if document.tag == f"{{{STRICT_W_NS}}}document":
            raise UnreadablePackage(path, "tệp được lưu ở định dạng “Strict Open XML”, chưa được hỗ trợ. "
                                          "Hãy lưu lại bằng Word với định dạng “Word Document (.docx)” thông thường.")
        if document.tag != w("document") or document.find(w("body")) is None:
            raise UnreadablePackage(path, "tệp .docx không có phần nội dung (w:body). " + _RESAVE)
        by_type: dict[str, str] = {}
        headers: dict[str, etree._Element] = {}
        rels = pkg.rels(main) or _CONVENTIONAL  # a package without relationships: the names Word gives parts
        for rid, (rtype, target) in rels.items():
            kind = rtype.rsplit("/", 1)[-1]
            if target not in pkg.names:
                continue
            if kind in ("header", "footer"):
                headers[rid] = pkg.xml(target)
            elif kind in ("styles", "theme", "numbering", "settings", "footnotes"):
                by_type[kind] = target

        def part(kind: str) -> etree._Element | None:
            return pkg.xml(by_type[kind]) if kind in by_type else None

        settings = part("settings")
        return Package(path=path, document=document, styles=part("styles"), theme=part("theme"),
                       numbering=part("numbering"), parts_by_rid=headers, default_tab=_default_tab(settings),
                       footnotes=part("footnotes"))


_CONVENTIONAL = {kind: (f"/{kind}", f"word/{name}") for kind, name in (
    ("styles", "styles.xml"), ("numbering", "numbering.xml"), ("theme", "theme/theme1.xml"),
    ("settings", "settings.xml"), ("footnotes", "footnotes.xml"))}


def _default_tab(settings: etree._Element | None) -> int:
    el = settings.find(w("defaultTabStop")) if settings is not None else None
    try:
        value = int(float(wattr(el, "val") or 720))
    except ValueError:
        return 720
    return value if value > 0 else 720
