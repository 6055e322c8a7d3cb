"""Sections of a document (``w:sectPr``): page size, margins, page numbering, header references."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from cchc_docgen.ooxml.names import R_NS, toggle, w, wattr


@dataclass
class Section:
    """One ``w:sectPr``; lengths in twips."""

    index: int
    el: etree._Element
    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    title_pg: bool
    pg_start: int | None
    pg_fmt: str
    headers: dict[str, str]
    start_type: str
    first_para: int = -1
    last_para: int = -1

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def text_width(self) -> int:
        return max(self.width - self.left - self.right, 1440)



def read_section(index: int, sp: etree._Element) -> Section:
    def num(el: etree._Element | None, attr: str, default: int) -> int:
        val = wattr(el, attr)
        try:
            return int(float(val)) if val is not None else default
        except ValueError:
            return default

    """The :class:`Section` ``sp`` describes (OOXML defaults where an attribute is absent)."""
    size = sp.find(w("pgSz"))
    mar = sp.find(w("pgMar"))
    pnt = sp.find(w("pgNumType"))
    tpg = sp.find(w("titlePg"))
    headers = {wattr(h, "type") or "default": h.get(f"{{{R_NS}}}id", "") for h in sp.findall(w("headerReference"))}
    start = wattr(pnt, "start")
    return Section(
        index=index,
        el=sp,
        width=num(size, "w", 12240),
        height=num(size, "h", 15840),
        top=abs(num(mar, "top", 1440)),
        bottom=abs(num(mar, "bottom", 1440)),
        left=num(mar, "left", 1800),
        right=num(mar, "right", 1800),
        title_pg=bool(toggle(tpg)),
        pg_start=int(start) if start and start.lstrip("-").isdigit() else None,
        pg_fmt=wattr(pnt, "fmt") or "decimal",
        headers=headers,
        start_type=wattr(sp.find(w("type")), "val") or "nextPage",
    )
