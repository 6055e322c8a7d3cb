"""Signature block (ô 7) and distribution list (ô 9a, 9b)."""

from __future__ import annotations

from cchc_docgen.context.text import end_with, squash, upper_vi
from cchc_docgen.models import Archive, Recipient, Signer


def signer_lines(signer: Signer) -> list[str]:
    """Authority lines, upper-case: ``["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]``."""
    up = {k: upper_vi(squash(v)) for k, v in
          (("collective", signer.collective), ("head", signer.head_title), ("title", signer.title)) if v}
    form = {
        "none": [up.get("title")],
        "KT": [f"KT. {up.get('head')}", up.get("title")],
        "TM": [f"TM. {up.get('collective')}", up.get("title")],
        "TM+KT": [f"TM. {up.get('collective')}", f"KT. {up.get('head')}", up.get("title")],
        "Q": [f"Q. {up.get('head')}", up.get("title")],
        "TL": [f"TL. {up.get('head')}", up.get("title")],
        "TUQ": [f"TUQ. {up.get('head')}", up.get("title")],
    }[signer.authority]
    return [line for line in form if line]


def _entry(recipient: Recipient) -> str:
    name = squash(recipient.name).rstrip(";.,")
    note = squash(recipient.note).strip("()") if recipient.note else ""
    return f"{name} ({note})" if note else name


def archive_line(archive: Archive) -> str:
    """``- Lưu: VT, VP (2).``; the drafter's mark (ô 12) is the last entry: ``- Lưu: VT, KGVX, Thg(10).``."""
    units = ", ".join(["VT", *[squash(u).strip(",.;") for u in archive.units if u.strip().upper() != "VT"]])
    copies = f" ({archive.copies})" if archive.copies else ""
    drafter = squash(archive.drafter).strip(",.; ") if archive.drafter else ""
    return f"- Lưu: {units}{copies}{', ' + drafter if drafter else ''}."


def recipient_lines(recipients: list[Recipient], archive: Archive, sent_upward: bool) -> list[str]:
    """``["- Như trên;", "- Sở Nội vụ;", …, "- Lưu: VT, VP."]``."""
    entries = [_entry(r) for r in recipients]
    if sent_upward and (not entries or entries[0].lower() != "như trên"):
        entries.insert(0, "Như trên")
    return [f"- {e};" for e in entries] + [archive_line(archive)]


def addressee_lines(addressees: list[str]) -> list[str]:
    """``Kính gửi: X.`` for one; for several, ``Kính gửi:`` then ``- X;`` lines, the last ending with '.'."""
    names = [squash(a).rstrip(";.,") for a in addressees]
    if not names:
        return []
    if len(names) == 1:
        return [f"Kính gửi: {names[0]}."]
    return ["Kính gửi:"] + [end_with(f"- {n}", ";") for n in names[:-1]] + [f"- {names[-1]}."]
