"""Registry of document kinds: adding a kind is one line here plus one template."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A document type: its printed name, Phụ lục III abbreviation, name in running text, template file."""

    key: str
    name: str  # printed type name, e.g. "KẾ HOẠCH"
    abbreviation: str  # Phụ lục III, e.g. "KH"
    in_text: str  # e.g. "Kế hoạch" in "(Kèm theo Kế hoạch số …)"
    template: str  # file name under templates/


KINDS: dict[str, Kind] = {
    k.key: k
    for k in (
        Kind("ke_hoach", "KẾ HOẠCH", "KH", "Kế hoạch", "ke_hoach.docx"),
        Kind("bao_cao", "BÁO CÁO", "BC", "Báo cáo", "bao_cao.docx"),
    )
}
