"""Safe reading of a DOCX package: the zip, its XML parts and their relationships.

Everything the checker reads goes through :func:`open_package`, which turns every way a
file can be unreadable (missing, empty, not a zip, an encrypted OLE file, broken XML) into
an :class:`~cchc_docgen.errors.InputError` or :class:`~cchc_docgen.errors.UsageError` with a
Vietnamese message.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from cchc_docgen.errors import InputError
from cchc_docgen.inputfile import regular_file
from cchc_docgen.xmlbudget import Budget, parse_part

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"
MAX_PART_BYTES = 200 * 1024 * 1024


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute (``w("p")`` → ``{ns}p``)."""
    return f"{{{W_NS}}}{tag}"


def wattr(el: etree._Element | None, name: str) -> str | None:
    """The ``w:name`` attribute of ``el`` (``None`` when ``el`` or the attribute is absent)."""
    if el is None:
        return None
    return el.get(w(name))


#: open package → the byte/node budget all its parts share (dropped when the package is closed)
_budgets: dict[int, Budget] = {}


@dataclass
class Package:
    """The parts of a DOCX the checker needs, already parsed."""

    path: Path
    document: etree._Element
    styles: etree._Element | None
    theme: etree._Element | None
    numbering: etree._Element | None
    #: relationship id → parsed header/footer part (only the parts the document refers to)
    parts_by_rid: dict[str, etree._Element] = field(default_factory=dict)
    #: Word's default tab stop (settings.xml ``w:defaultTabStop``), twips
    default_tab: int = 720


def _fail_unreadable(path: Path) -> InputError:
    return InputError(
        f"{path}: không đọc được tệp như một văn bản Word .docx (tệp bị hỏng hoặc không phải .docx). "
        "Hãy mở tệp bằng Microsoft Word hoặc LibreOffice và lưu lại dưới dạng “Word Document (.docx)”."
    )


def _read_xml(zf: zipfile.ZipFile, name: str, path: Path) -> etree._Element:
    budget = _budgets.setdefault(id(zf), Budget(str(path)))
    try:
        info = zf.getinfo(name)
        if info.file_size > MAX_PART_BYTES:
            raise InputError(f"{path}: phần “{name}” trong tệp quá lớn để kiểm tra.")
        return parse_part(zf, name, budget)  # type: ignore[no-any-return]
    except InputError:
        raise
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError, EOFError, zlib.error) as exc:
        raise InputError(
            f"{path}: phần “{name}” của tệp .docx bị hỏng ({type(exc).__name__}). "
            "Hãy mở tệp bằng Word và lưu lại thành tệp .docx mới."
        ) from exc
    except RuntimeError as exc:  # encrypted zip entries
        raise InputError(f"{path}: tệp .docx được đặt mật khẩu; hãy bỏ mật khẩu rồi kiểm tra lại.") from exc


def _rels(zf: zipfile.ZipFile, part: str, path: Path) -> dict[str, tuple[str, str]]:
    """Relationships of ``part``: rId → (type, absolute target part name)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in zf.namelist():
        return {}
    root = _read_xml(zf, rels_name, path)
    out: dict[str, tuple[str, str]] = {}
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), full)
    return out


def _check_magic(path: Path) -> None:
    regular_file(path, ".docx")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError(f"{path}: không mở được tệp ({exc.strerror or exc}).") from exc
    if not head:
        raise InputError(f"{path}: tệp rỗng (0 byte), không có nội dung để kiểm tra.")
    if head == OLE_MAGIC:
        raise InputError(
            f"{path}: tệp được đặt mật khẩu (mã hóa) hoặc là tệp Word cũ .doc. "
            "Hãy bỏ mật khẩu, hoặc mở bằng Word và lưu lại dưới dạng .docx, rồi kiểm tra lại."
        )
    if not head.startswith(ZIP_MAGIC):
        raise InputError(
            f"{path}: tệp không phải văn bản Word .docx (có thể là PDF, ảnh hoặc văn bản thô). "
            "Chỉ kiểm tra được tệp .docx."
        )


def open_package(path: str | Path) -> Package:
    """Open ``path`` and parse the parts the checker needs.

    Raises :class:`UsageError` for a missing path and :class:`InputError` for anything unreadable.
    """
    path = Path(path)
    _check_magic(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail_unreadable(path) from exc
    try:
        with zf:
            return _open(zf, path)
    finally:
        _budgets.pop(id(zf), None)


def _open(zf: zipfile.ZipFile, path: Path) -> Package:
    try:
        names = set(zf.namelist())
    except Exception as exc:  # pragma: no cover - defensive
        raise _fail_unreadable(path) from exc
    main = _main_part(zf, names, path)
    document = _read_xml(zf, main, path)
    if document.tag == f"{{{STRICT_W_NS}}}document":
        raise InputError(
            f"{path}: tệp được lưu ở định dạng “Strict Open XML”, chưa được hỗ trợ. "
            "Hãy lưu lại bằng Word với định dạng “Word Document (.docx)” thông thường."
        )
    if document.tag != w("document") or document.find(w("body")) is None:
        raise _fail_unreadable(path)
    rels = _rels(zf, main, path)
    by_type: dict[str, str] = {}
    parts: dict[str, etree._Element] = {}
    for rid, (rtype, target) in rels.items():
        kind = rtype.rsplit("/", 1)[-1]
        if kind in ("header", "footer") and target in names:
            parts[rid] = _read_xml(zf, target, path)
        elif kind in ("styles", "theme", "numbering", "settings") and target in names:
            by_type[kind] = target
    return Package(
        path=path,
        document=document,
        styles=_read_xml(zf, by_type["styles"], path) if "styles" in by_type else None,
        theme=_read_xml(zf, by_type["theme"], path) if "theme" in by_type else None,
        numbering=_read_xml(zf, by_type["numbering"], path) if "numbering" in by_type else None,
        parts_by_rid=parts,
        default_tab=_default_tab(zf, by_type.get("settings"), path),
    )


def _default_tab(zf: zipfile.ZipFile, name: str | None, path: Path) -> int:
    if name is None:
        return 720
    el = _read_xml(zf, name, path).find(w("defaultTabStop"))
    try:
        value = int(float(wattr(el, "val") or 720))
    except ValueError:
        return 720
    return value if value > 0 else 720


def _main_part(zf: zipfile.ZipFile, names: set[str], path: Path) -> str:
    """Name of the main document part, from ``_rels/.rels`` (fallback ``word/document.xml``)."""
    if "_rels/.rels" in names:
        root = _read_xml(zf, "_rels/.rels", path)
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type") == OFFICE_DOC_REL:
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise InputError(
        f"{path}: tệp nén không chứa văn bản Word (thiếu word/document.xml); "
        "có thể đây là tệp .xlsx, .pptx hoặc .zip khác."
    )
