"""Namespaces, qualified names and the one parser of OOXML on/off values."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

#: First bytes of an OLE compound file: an encrypted (password-protected) Office file or an old .doc.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"

_OFF = ("0", "false", "off", "none")


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute (``w("p")`` → ``{ns}p``)."""
    return f"{{{W_NS}}}{tag}"


def wattr(el: etree._Element | None, name: str) -> str | None:
    """The ``w:name`` attribute of ``el`` (``None`` when ``el`` or the attribute is absent)."""
    if el is None:
        return None
    return el.get(w(name))


def on_value(value: str | None, absent: bool = True) -> bool:
    """An ST_OnOff value (ISO/IEC 29500-1 §22.9.2.7): "0", "false", "off" (and "none") are off; any other
    value is on; ``absent`` is what a missing attribute means (``<w:b/>`` is on)."""
    if value is None:
        return absent
    return value.strip().lower() not in _OFF


def toggle(el: etree._Element | None) -> bool | None:
    """A WordprocessingML toggle element (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None when absent."""
    if el is None:
        return None
    return on_value(wattr(el, "val"))
