"""Reading stream → ``Document``: zones (header, preamble, body, closing, footer, appendices) and the report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cchc_docgen.errors import InputError
from cchc_docgen.importer.appendix import split_appendices
from cchc_docgen.importer.blocks import Block, Para, Table
from cchc_docgen.importer.footer import Footer, read_footer, split_mixed
from cchc_docgen.importer.header import KIND_WORDS, Header, read_header
from cchc_docgen.importer.issuer import fill_issuer
from cchc_docgen.importer.nested import expand_all, footer_sides
from cchc_docgen.importer.outline import TablePara, build_tree, item_marker
from cchc_docgen.importer.outline_lines import recognise_blocks
from cchc_docgen.importer.report_forms import take_forms
from cchc_docgen.importer.roles import assign_roles
from cchc_docgen.importer.table_map import table_appendix
from cchc_docgen.importer.text_reader import split_columns
from cchc_docgen.outline.words import NOI_NHAN, fold

_CLOSING = re.compile(r"^(Trên đây là|Trên đây)\b")
_CLOSING_LIKE = re.compile(r"(kế hoạch|báo cáo)\b.*\b(đề nghị|yêu cầu|nghiêm túc|triển khai thực hiện)|"
                           r"^Trong quá trình\b", re.I)


@dataclass
class Unplaced:
    """Something the importer kept as plain text (or guessed): where it was and what it said."""

    where: str
    text: str


def assemble(blocks: list[Block], source: str) -> tuple[dict[str, Any], list[Unplaced]]:
    rec = recognise_blocks(blocks)
    word = rec.outline.type_name
    if not word:
        raise InputError(f"{source}: không nhận ra đây là kế hoạch hay báo cáo (không thấy dòng tên loại “KẾ HOẠCH” "
                         "hoặc “BÁO CÁO” ở đầu văn bản). Lệnh import chỉ nhập kế hoạch và báo cáo.")
    if word not in KIND_WORDS:
        raise InputError(f"{source}: đây là {word.lower()}, không phải kế hoạch hay báo cáo; lệnh import chỉ nhập "
                         "kế hoạch (KẾ HOẠCH) và báo cáo (BÁO CÁO).")
    at = rec.block(rec.outline.type_at)
    unplaced: list[Unplaced] = []
    header = read_header(blocks, rec)
    foot = max(rec.block(rec.outline.footer_start), header.end)
    app_at = max(rec.block(rec.outline.appendix_start), foot)
    body_zone, footer_zone, app_zone = blocks[header.end:foot], blocks[foot:app_at], blocks[app_at:]
    preamble, body_paras, closing = _split_body(body_zone, unplaced)
    footer = _footer(footer_zone, unplaced)
    doc: dict[str, Any] = {"kind": header.kind}
    fill_issuer(doc, header, blocks, unplaced)
    for text in header.dropped:
        unplaced.append(Unplaced(blocks[0].where, f"dòng ở phần đầu văn bản không dùng đến (ví dụ thông tin chữ ký "
                                                  f"số): “{text[:80]}”"))
    if header.number:
        doc["number"] = header.number
    if header.date:
        doc["date"] = header.date
    doc["title"] = header.title or "(chưa rõ trích yếu)"
    if not header.title:
        unplaced.append(Unplaced(blocks[at].where, "không tìm thấy trích yếu sau tên loại văn bản; hãy sửa 'title'"))
    if header.period_note:
        doc["period_note"] = header.period_note
    if header.addressees:
        doc["addressees"] = header.addressees
    if preamble:
        doc["preamble"] = preamble
    running = "\n".join(b.plain for b in blocks if isinstance(b, Para) and b.plain.upper() != b.plain)
    _strip_end_mark(body_paras, closing)
    body = build_tree(body_paras, running)
    assign_roles(body)
    if not body:
        body = [{"text": "(văn bản không có phần nội dung đánh số)", "numbering": "none"}]
        unplaced.append(Unplaced(source, "không tìm thấy nội dung chính (các mục I, II, …)"))
    doc["body"] = body
    if closing:
        doc["closing"] = closing
    notes = _footnotes(body_zone + app_zone)
    if notes:
        doc["footnotes"] = _renumber_notes(doc, notes)
    app_zone, report = take_forms(app_zone) if header.kind == "bao_cao" else (app_zone, None)
    if report is not None:
        doc["report"] = report
    app_zone, nested = expand_all(app_zone)  # a table inside an appendix table's cell follows as a table of its own
    unplaced.extend(Unplaced(w, t) for w, t in nested)
    apps = split_appendices(app_zone, running)
    for app in apps:
        for part in [app, *app.get("more_tables", [])]:
            unplaced.extend(Unplaced(w, t) for w, t in part.pop("_guesses", []))
        if app.pop("_flat", False):
            unplaced.append(Unplaced(app_zone[0].where if app_zone else source,
                                     "bảng phụ lục đọc từ văn bản thô nên chưa tách được cột: mỗi dòng thành một dòng "
                                     "của bảng một cột; hãy chia cột lại trong tệp YAML"))
    if apps:
        doc["appendices"] = apps
    if footer.signer:
        doc["signer"] = footer.signer
    else:
        unplaced.append(Unplaced(footer_zone[0].where if footer_zone else source,
                                 "không tìm thấy người ký (chức vụ, họ tên); hãy thêm 'signer'"))
    recipients = footer.recipients
    if header.addressees and recipients and isinstance(recipients[0], str) and \
            recipients[0].lower().startswith("như trên"):
        recipients = recipients[1:]  # the renderer writes "- Như trên;" itself when there is a Kính gửi
    if recipients:
        doc["recipients"] = recipients
    if footer.archive:
        doc["archive"] = footer.archive
    return doc, unplaced


def _split_body(zone: list[Block], unplaced: list[Unplaced]) -> tuple[dict[str, Any], list[Para], list[str]]:
    paras: list[Para] = []
    zone, notes = expand_all(zone)  # tables inside table cells
    unplaced.extend(Unplaced(w, t) for w, t in notes)
    for b in zone:
        if isinstance(b, Table) and b.width >= 2 and len(b.rows) >= 2:
            table = table_appendix(b)
            unplaced.extend(Unplaced(w, t) for w, t in table.pop("_guesses", []))
            unplaced.append(Unplaced(b.where, f"bảng {len(b.rows)} dòng × {b.width} cột trong phần nội dung được giữ "
                                              "thành bảng của mục ('table'); nếu chỉ để trình bày, hãy đổi thành "
                                              "đoạn văn"))
            paras.append(TablePara("", "", b.where, table=table))
        elif isinstance(b, Table):  # one column or one row: a frame around text, kept as its paragraphs
            paras.extend(_flatten(b))
            unplaced.append(Unplaced(b.where, "khung (bảng một cột hoặc một dòng) trong phần nội dung được giữ thành "
                                              "đoạn văn; hãy xem lại chỗ này"))
        else:
            paras.append(b)
    first = next((i for i, p in enumerate(paras) if _starts_body(p)), len(paras))
    pre, body = paras[:first], paras[first:]
    closing: list[str] = []
    close_at = next((i for i in range(len(body) - 1, -1, -1) if _CLOSING.match(body[i].plain)), None)
    if close_at is not None:
        closing = [p.text for p in body[close_at:]]
        body = body[:close_at]
    elif first == len(paras) and pre and _CLOSING.match(pre[-1].plain):
        closing = [pre.pop().text]
    elif body and not item_marker(body[-1]) and _CLOSING_LIKE.search(body[-1].plain):
        closing = [body.pop().text]
    return _preamble(pre, body), body, closing


def _strip_end_mark(body: list[Para], closing: list[str]) -> None:
    """The './.' NĐ30 puts after the last body paragraph is added again by the renderer."""
    if closing:
        closing[-1] = re.sub(r"[\s.]*\./\.\s*$", ".", closing[-1])
    elif body and body[-1].plain.rstrip().endswith("./."):
        last = body[-1]
        body[-1] = Para(re.sub(r"[\s.]*\./\.\s*$", ".", last.text),
                        re.sub(r"[\s.]*\./\.\s*$", ".", last.plain), last.where, last.label,
                        last.bold, last.italic, last.center, last.footnotes)


def _starts_body(p: Para) -> bool:
    found = item_marker(p)
    if not found:
        return False
    kind, _, rest = found
    return not (kind in ("dash", "plus") and re.match(r"^\W*Căn cứ\b", rest))


def _preamble(pre: list[Para], body: list[Para]) -> dict[str, Any]:
    bases: list[str] = []
    others: list[Para] = []
    for p in pre:
        text = re.sub(r"^[-+•]\s*", "", p.text)
        if re.match(r"^\W*Căn cứ\b", text) and not others:
            if re.fullmatch(r"\*[^*].*[^*]\*", text) and "*" not in text[1:-1]:  # bases print in italics anyway
                text = text[1:-1]
            bases.append(text.rstrip(";,. "))
        else:
            others.append(p)
    out: dict[str, Any] = {}
    if bases:
        out["bases"] = bases
    running_start = re.compile(r"^\W*(Thực hiện|Tiếp tục|Căn cứ|Theo|Triển khai|Để|Nhằm)\b")
    if others and others[-1].plain.rstrip().endswith(":") and (
            len(others) > 1 or not running_start.match(others[-1].plain)):
        out["lead_in"] = others.pop().text
    if others:
        out["text"] = others[0].text
        body[:0] = [_unnumbered(p) for p in others[1:]]
    return out


def _unnumbered(p: Para) -> Para:
    return Para(p.text, p.plain, p.where, label=None, bold=False, italic=p.italic, footnotes=p.footnotes)


def _flatten(table: Table) -> list[Para]:
    out = []
    for r, row in enumerate(table.rows, 1):
        texts: list[str] = []
        plains: list[str] = []
        for cell in row:
            if cell.merged or not cell.paras:
                continue
            texts.append(" ".join(cell.paras))
            plains.append(cell.text)
        if texts:
            out.append(Para(" – ".join(texts), " – ".join(plains), f"{table.where}, dòng {r}"))
    return out


def _footer(zone: list[Block], unplaced: list[Unplaced]) -> Footer:
    left: list[str] = []
    right: list[str] = []
    loose: list[str] = []
    for b in zone:
        if isinstance(b, Table):
            more_left, more_right = footer_sides(b)
            left, right = left + more_left, right + more_right
        else:  # Nơi nhận and the signature printed side by side in one paragraph (tabs)
            loose.extend(split_columns(b.plain) or [b.plain])
    if loose:
        more_left, more_right, other = split_mixed(loose)
        left += more_left
        right += more_right
        where = zone[0].where if zone else ""
        for text in other:
            unplaced.append(Unplaced(where, f"dòng cuối văn bản không xếp được: “{text[:80]}”"))
    # a signature table may put Nơi nhận in the left cell with names in the right cell (or the reverse)
    if right and any(NOI_NHAN.match(fold(t)) for t in right):
        moved, _, _ = split_mixed(right)
        left += [t for t in moved]
        right = [t for t in right if t not in moved]
    footer = read_footer(left, right)
    for text in footer.unplaced:
        unplaced.append(Unplaced(zone[0].where if zone else "", text))
    return footer


def _renumber_notes(doc: dict[str, Any], notes: dict[str, list[str]]) -> dict[str, list[str]]:
    """Word's footnote ids → keys 1, 2, 3 … in order of use (marks in the texts renamed to match)."""
    import json

    text = json.dumps(doc, ensure_ascii=False)
    order = sorted(notes, key=lambda k: text.find(f"[^{k}]") if f"[^{k}]" in text else len(text))
    names = {old: str(i) for i, old in enumerate(order, 1)}
    for old, new in names.items():
        text = text.replace(f"[^{old}]", f"[^{new}]")
    doc.clear()
    doc.update(json.loads(text))
    return {names[k]: notes[k] for k in order}


def _footnotes(zone: list[Block]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for b in zone:
        if isinstance(b, Para):
            out.update(b.footnotes)
    return out


__all__ = ["Header", "Unplaced", "assemble"]
