"""Build the default DOCX templates (``templates/ke_hoach.docx``, ``templates/bao_cao.docx``).

Run ``python tools/build_templates.py`` after changing this file or ``template_styles.py``; the templates
are committed so a change to them is reviewable as code. The layout follows NĐ30 Mẫu 1.4 (spec §4, §6).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from template_styles import CHARACTER_STYLES, FONT, PARAGRAPH_STYLES, TABLE_STYLES

from cchc_docgen.context.rules import HEADER_COLS_MM

W = nsdecls("w")
FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
MM = 1440 / 25.4
# Page geometry (twips): A4, margins T20 B20 L30 R15 mm, header 10 mm.
A4_W, A4_H = 11906, 16838
MARGINS = dict(top=1134, bottom=1134, left=1701, right=850, header=567, footer=567, gutter=0)
# 170 mm: 5 mm into the left margin, as the official Mẫu
HEADER_COLS = (round(HEADER_COLS_MM[0] * MM), round(HEADER_COLS_MM[1] * MM))
HEADER_INDENT = -round(5 * MM)
SIGN_COLS = (round(68 * MM), round(97 * MM))


def p(style: str, text: str = "", keep: str = "") -> str:
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{run}</w:p>'


def tag(text: str, style: str = "ND30Body") -> str:
    """A paragraph holding only a docxtpl block tag (removed when rendered)."""
    return p(style, text)


def cell(width: int, content: str, top: int = 0) -> str:
    margin = f'<w:tcMar><w:top w:w="{top}" w:type="dxa"/></w:tcMar>' if top else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{margin}<w:vAlign w:val="top"/></w:tcPr>'
            f"{content}</w:tc>")


def layout_table(widths: tuple[int, int], rows: list[tuple[str, str]], cant_split: bool = False,
                 indent: int = 0, top: int = 0) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    trpr = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
    body = "".join(f"<w:tr>{trpr}{cell(widths[0], a, top)}{cell(widths[1], b, top)}</w:tr>" for a, b in rows)
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="ND30LayoutTable"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblInd w:w="{indent}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def sect_pr(landscape: bool, refs: str = "") -> str:
    w, h = (A4_H, A4_W) if landscape else (A4_W, A4_H)
    orient = ' w:orient="landscape"' if landscape else ""
    mar = " ".join(f'w:{k}="{v}"' for k, v in MARGINS.items())
    return (f"<w:sectPr>{refs}<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/><w:pgMar {mar}/>"
            '<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>')


def break_para(landscape: bool, refs: str) -> str:
    """An empty paragraph that ends the section before it (portrait or landscape)."""
    return f'<w:p><w:pPr><w:pStyle w:val="ND30Body"/>{sect_pr(landscape, refs)}</w:pPr></w:p>'


#: The paragraph holding a report's status chart: centred, no first-line indent, kept with the next line.
CHART_PPR = '<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:ind w:firstLine="0"/><w:jc w:val="center"/>'


def bao_cao_body_branches() -> list[str]:
    """Body paragraph kinds only a BÁO CÁO has: the native chart of task statuses (``para.style == "chart"``)."""
    return [tag('{%p elif para.style == "chart" %}'), p("ND30Body", "{{r para.text }}", CHART_PPR)]


def body_xml(kind_has_addressee: bool, refs: str) -> str:
    left = (tag("{%p for line in issuer.parent %}", "ND30AgencyParent") + p("ND30AgencyParent", "{{ line }}")
            + tag("{%p endfor %}", "ND30AgencyParent")
            + tag("{%p for line in issuer.name %}", "ND30AgencyName") + p("ND30AgencyName", "{{ line }}")
            + tag("{%p endfor %}", "ND30AgencyName") + p("ND30Rule", "{{p issuer.rule }}"))
    right = (p("ND30NationalTitle", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
             + p("ND30Motto", "Độc lập - Tự do - Hạnh phúc") + p("ND30Rule", "{{p motto_rule }}"))
    header = layout_table(HEADER_COLS, [(left, right), (p("ND30Number", "{{ number }}"), p("ND30Date", "{{ date }}"))],
                          indent=HEADER_INDENT)
    parts = [header, p("ND30DocType", "{{ kind_name }}"),
             tag("{%p for line in title.lines %}", "ND30Title"), p("ND30Title", "{{ line }}"),
             tag("{%p endfor %}", "ND30Title"), p("ND30Rule", "{{p title.rule }}"),
             tag("{%p if period_note %}", "ND30PeriodNote"), p("ND30PeriodNote", "{{ period_note }}"),
             tag("{%p endif %}", "ND30PeriodNote")]
    if kind_has_addressee:
        # one addressee: "Kính gửi: X." centred; several: the dashes line up under the colon (spec §4.9)
        parts += [tag("{%p if addressees|length > 1 %}", "ND30Addressee"),
                  tag("{%p for line in addressees %}", "ND30Addressee"),
                  tag("{%p if loop.first %}", "ND30Addressee"), p("ND30AddresseeLead", "{{ line }}"),
                  tag("{%p else %}", "ND30Addressee"), p("ND30AddresseeItem", "{{ line }}"),
                  tag("{%p endif %}", "ND30Addressee"), tag("{%p endfor %}", "ND30Addressee"),
                  tag("{%p else %}", "ND30Addressee"),
                  tag("{%p for line in addressees %}", "ND30Addressee"), p("ND30Addressee", "{{ line }}"),
                  tag("{%p endfor %}", "ND30Addressee"), tag("{%p endif %}", "ND30Addressee")]
    parts += [
        tag("{%p for para in preamble %}"), tag("{%p if para.italic %}"), p("ND30Basis", "{{r para.text }}"),
        tag("{%p else %}"), p("ND30Body", "{{r para.text }}"), tag("{%p endif %}"), tag("{%p endfor %}"),
        tag("{%p for para in body %}"),
        tag('{%p if para.style == "heading1" %}'), p("ND30Heading1", "{{r para.text }}"),
        tag('{%p elif para.style == "heading2" %}'), p("ND30Heading2", "{{r para.text }}"),
        tag('{%p elif para.style == "heading3" %}'), p("ND30Heading3", "{{r para.text }}"),
        *(bao_cao_body_branches() if kind_has_addressee else []),
        tag("{%p elif loop.last and not closing %}"), p("ND30Closing", "{{r para.text }}"),
        tag("{%p else %}"), p("ND30Body", "{{r para.text }}"), tag("{%p endif %}"), tag("{%p endfor %}"),
        tag("{%p for para in closing %}"), p("ND30Closing", "{{r para }}"), tag("{%p endfor %}"),
    ]
    recipients = (p("ND30RecipientsHeading", "Nơi nhận:") + tag("{%p for line in recipients %}", "ND30Recipient")
                  + p("ND30Recipient", "{{ line }}") + tag("{%p endfor %}", "ND30Recipient"))
    signature = (tag("{%p for line in signer.lines %}", "ND30SignerTitle") + p("ND30SignerTitle", "{{ line }}")
                 + tag("{%p endfor %}", "ND30SignerTitle") + "".join(p("ND30SignerSpace") for _ in range(5))
                 + p("ND30SignerName", "{{ signer.name }}"))
    parts += [tag("{%p if signer %}"), layout_table(SIGN_COLS, [(recipients, signature)], cant_split=True, top=240),
              tag("{%p endif %}")]
    parts += [
        tag("{%p for app in appendices %}"),
        tag("{%p if app.previous_landscape %}"), break_para(True, refs), tag("{%p else %}"),
        break_para(False, refs), tag("{%p endif %}"),
        p("ND30AppendixHeading", "{{ app.heading }}"),
        tag("{%p for line in app.title %}", "ND30AppendixTitle"), p("ND30AppendixTitle", "{{ line }}"),
        tag("{%p endfor %}", "ND30AppendixTitle"),
        p("ND30AppendixCaption", "{{ app.caption }}"), p("ND30Rule", "{{p app.rule }}"),
        p("ND30Body", "{{p app.table }}"),
        tag("{%p for note in app.notes %}", "ND30TableNote"), p("ND30TableNote", "{{r note }}"),
        tag("{%p endfor %}", "ND30TableNote"),
        tag("{%p endfor %}"),
    ]
    return "".join(parts)


def styles_xml() -> str:
    defaults = (f"<w:docDefaults><w:rPrDefault><w:rPr>{FONTS}<w:color w:val=\"000000\"/><w:sz w:val=\"28\"/>"
                '<w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
                '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
                "</w:docDefaults>")
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"<w:rPr>{FONTS}<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/>'
        "</w:style>",
    ]
    for sid, name, based, rpr, ppr in PARAGRAPH_STYLES:
        base = f'<w:basedOn w:val="{based or "Normal"}"/>'
        fonts = "" if based else FONTS
        styles.append(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
                      f"{base}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{fonts}{rpr}</w:rPr></w:style>")
    for sid, name, rpr in CHARACTER_STYLES:
        styles.append(f'<w:style w:type="character" w:styleId="{sid}"><w:name w:val="{name}"/>'
                      f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{rpr}</w:rPr></w:style>')
    for sid, name, borders, margin in TABLE_STYLES:
        styles.append(f'<w:style w:type="table" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
                      '<w:basedOn w:val="TableNormal"/><w:tblPr>'
                      f"<w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:left w:w=\"{margin}\" w:type=\"dxa\"/>"
                      f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>')
    return f"<w:styles {W}>{defaults}{''.join(styles)}</w:styles>"


FOOTNOTES = (
    f'<w:footnotes {W}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>'
)

PAGE_FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
              '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def build(kind_has_addressee: bool, title: str, out: Path) -> None:
    doc = Document()
    styles = doc.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in parse_xml(styles_xml()):
        styles.append(copy.deepcopy(child))

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]._p
    number = f'<w:p {W}><w:pPr><w:pStyle w:val="ND30PageNumber"/></w:pPr>{PAGE_FIELD}</w:p>'
    hp.getparent().replace(hp, parse_xml(number))
    first = section.first_page_header
    first.is_linked_to_previous = False
    fp = first.paragraphs[0]._p
    fp.getparent().replace(fp, parse_xml(f'<w:p {W}><w:pPr><w:pStyle w:val="ND30PageNumber"/></w:pPr></w:p>'))

    body = doc.element.body
    final = body.find(qn("w:sectPr"))
    refs = "".join(
        f'<w:headerReference w:type="{r.get(qn("w:type"))}" r:id="{r.get(qn("r:id"))}"/>'
        for r in final.findall(qn("w:headerReference"))
    )
    for child in list(body):
        if child is not final:
            body.remove(child)
    xml = f'<w:body {nsdecls("w", "r")}>{body_xml(kind_has_addressee, refs)}</w:body>'
    for child in parse_xml(xml):
        final.addprevious(copy.deepcopy(child))
    new_final = parse_xml(f'<w:body {nsdecls("w", "r")}>{sect_pr(False, refs)}</w:body>')[0]
    body.replace(final, copy.deepcopy(new_final))

    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    props = doc.core_properties
    props.title, props.author, props.comments = title, "cchc-docgen", "Mẫu văn bản cchc-docgen (NĐ 30/2020/NĐ-CP)"
    props.language = "vi-VN"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))


def main() -> None:
    root = Path(__file__).resolve().parent.parent / "templates"
    build(False, "Mẫu Kế hoạch", root / "ke_hoach.docx")
    build(True, "Mẫu Báo cáo", root / "bao_cao.docx")
    print(f"đã tạo mẫu trong {root}")


if __name__ == "__main__":
    main()
