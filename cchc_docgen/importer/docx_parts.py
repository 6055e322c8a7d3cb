"""Open a DOCX safely and resolve what its styles say about a paragraph (bold, italic, centred, list)."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from cchc_docgen.errors import InputError
from cchc_docgen.xmlbudget import Budget, parse_part

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def on(el: etree._Element | None) -> bool | None:
    """A WordprocessingML toggle (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None when absent."""
    if el is None:
        return None
    return el.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


@dataclass
class StyleInfo:
    bold: bool | None = None
    italic: bool | None = None
    center: bool | None = None
    num: tuple[str, int] | None = None  # (numId, ilvl) a paragraph style attaches


@dataclass
class DocxParts:
    document: etree._Element
    styles: dict[str, StyleInfo] = field(default_factory=dict)
    numbering: etree._Element | None = None
    footnotes: dict[str, list[str]] = field(default_factory=dict)
    default_style: str | None = None


def unusable(path: Path, why: str) -> InputError:
    return InputError(f"{path.name}: {why}")


def open_docx(path: Path) -> DocxParts:
    """The parts the importer reads; ``InputError`` (Vietnamese) for an empty, encrypted or broken file."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise unusable(path, "tệp rỗng (0 byte), không có gì để nhập.")
    if head == OLE_MAGIC:
        raise unusable(path, "tệp Word được đặt mật khẩu (mã hóa) hoặc là tệp .doc cũ nên không đọc được. "
                             "Hãy mở bằng Word, bỏ mật khẩu (File ▸ Info ▸ Protect Document) hoặc lưu lại dạng "
                             ".docx, rồi nhập lại.")
    if not head.startswith(b"PK"):
        raise unusable(path, "tệp không phải văn bản Word .docx (nội dung không đúng định dạng). "
                             "Hãy mở bằng Word và lưu lại dạng “Word Document (.docx)”.")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "word/document.xml" not in names:
                raise unusable(path, "tệp nén không chứa văn bản Word (thiếu word/document.xml).")
            budget = Budget(path.name)
            parts = DocxParts(document=parse_part(zf, "word/document.xml", budget))
            if "word/styles.xml" in names:
                _read_styles(parse_part(zf, "word/styles.xml", budget), parts)
            if "word/numbering.xml" in names:
                parts.numbering = parse_part(zf, "word/numbering.xml", budget)
            if "word/footnotes.xml" in names:
                parts.footnotes = _read_footnotes(parse_part(zf, "word/footnotes.xml", budget))
    except InputError:
        raise
    except RuntimeError:  # an encrypted zip entry
        raise unusable(path, "tệp .docx được đặt mật khẩu; hãy bỏ mật khẩu rồi nhập lại.") from None
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError, OSError, EOFError, zlib.error) as exc:
        raise unusable(path, f"tệp .docx bị hỏng ({type(exc).__name__}); hãy mở bằng Word và lưu lại thành tệp "
                             ".docx mới.") from None
    if parts.document.find(w("body")) is None:
        raise unusable(path, "tệp .docx không có phần nội dung (w:body).")
    return parts


def _read_styles(root: etree._Element, parts: DocxParts) -> None:
    raw: dict[str, tuple[str | None, StyleInfo]] = {}
    for st in root.iter(w("style")):
        if st.get(w("type")) != "paragraph" and st.get(w("type")) != "character":
            continue
        sid = st.get(w("styleId")) or ""
        rpr, ppr = st.find(w("rPr")), st.find(w("pPr"))
        info = StyleInfo()
        if rpr is not None:
            info.bold, info.italic = on(rpr.find(w("b"))), on(rpr.find(w("i")))
        if ppr is not None:
            jc = ppr.find(w("jc"))
            if jc is not None:
                info.center = jc.get(w("val")) == "center"
            num = ppr.find(w("numPr"))
            if num is not None and num.find(w("numId")) is not None:
                ilvl = num.find(w("ilvl"))
                info.num = (num.find(w("numId")).get(w("val"), "0"), int(ilvl.get(w("val"), "0")) if ilvl is not None
                            else 0)
        based = st.find(w("basedOn"))
        raw[sid] = (based.get(w("val")) if based is not None else None, info)
        if st.get(w("default")) in ("1", "true") and st.get(w("type")) == "paragraph":
            parts.default_style = sid
    for sid in raw:
        parts.styles[sid] = _resolved(sid, raw, 0)


def _resolved(sid: str, raw: dict[str, tuple[str | None, StyleInfo]], depth: int) -> StyleInfo:
    based, info = raw[sid]
    if not based or based not in raw or depth > 20:
        return info
    parent = _resolved(based, raw, depth + 1)
    return StyleInfo(
        info.bold if info.bold is not None else parent.bold,
        info.italic if info.italic is not None else parent.italic,
        info.center if info.center is not None else parent.center,
        info.num if info.num is not None else parent.num,
    )


def _read_footnotes(root: etree._Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for note in root.iter(w("footnote")):
        if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paras = [" ".join("".join(t.text or "" for t in p.iter(w("t"))).split()) for p in note.iter(w("p"))]
        out[note.get(w("id"), "")] = [p for p in paras if p]
    return out
