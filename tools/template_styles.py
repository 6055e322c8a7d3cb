"""Named styles of the default templates: every look of the generated documents lives here.

Sizes in half-points (28 = 14 pt), spacing and indents in twips (567 = 1 cm, 120 = 6 pt).
A user can change any of them in Word (Home ▸ Styles ▸ Modify) and regenerate.
"""

from __future__ import annotations

from cchc_docgen.context.rules import LAYOUT_CELL_MARGIN_TWIPS

FONT = "Times New Roman"

# (style id, display name, based on, run props, paragraph props, extra)
BODY_PPR = '<w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>'
TIGHT_CENTER = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/>'
#: A rule is an empty paragraph whose bottom border is the line; its indents (set per rule) fix its length.
RULE_PPR = ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>'
            '<w:spacing w:before="0" w:after="0" w:line="80" w:lineRule="exact"/><w:ind w:firstLine="0"/>'
            '<w:jc w:val="center"/>')
TABLE_PPR = '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>'

PARAGRAPH_STYLES: list[tuple[str, str, str | None, str, str]] = [
    ("ND30AgencyParent", "ND30 Agency Parent", None, '<w:sz w:val="26"/><w:szCs w:val="26"/>', TIGHT_CENTER),
    ("ND30AgencyName", "ND30 Agency Name", None, '<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>', TIGHT_CENTER),
    ("ND30Rule", "ND30 Rule", None, '<w:sz w:val="8"/><w:szCs w:val="8"/>', RULE_PPR),
    ("ND30NationalTitle", "ND30 National Title", None, '<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>',
     TIGHT_CENTER),
    ("ND30Motto", "ND30 Motto", None, '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>', TIGHT_CENTER),
    ("ND30Number", "ND30 Number", None, '<w:sz w:val="26"/><w:szCs w:val="26"/>',
     TIGHT_CENTER.replace('w:before="0"', 'w:before="80"')),
    ("ND30Date", "ND30 Date", None, '<w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER.replace('w:before="0"', 'w:before="80"')),
    ("ND30DocType", "ND30 Document Type", None, '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER.replace('w:before="0"', 'w:before="360"') + "<w:keepNext/>"),
    ("ND30Title", "ND30 Title", None, '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER + "<w:keepNext/>"),
    ("ND30PeriodNote", "ND30 Period Note", None, '<w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER),
    ("ND30Addressee", "ND30 Addressee", None, '<w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER.replace('w:before="0"', 'w:before="120"')),
    # several addressees (NĐ30 Mẫu 1.5): "Kính gửi:" indented 35 mm, the "- …" lines lined up at 45 mm
    ("ND30AddresseeLead", "ND30 Addressee Lead", None, '<w:sz w:val="28"/><w:szCs w:val="28"/>',
     '<w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="1982"/>'
     '<w:jc w:val="left"/>'),
    ("ND30AddresseeItem", "ND30 Addressee Item", None, '<w:sz w:val="28"/><w:szCs w:val="28"/>',
     '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="2552" w:firstLine="0"/>'
     '<w:jc w:val="left"/>'),
    ("ND30Body", "ND30 Body", None, '<w:sz w:val="28"/><w:szCs w:val="28"/>', BODY_PPR),
    ("ND30Basis", "ND30 Basis", "ND30Body", "<w:i/><w:iCs/>", ""),
    ("ND30Heading1", "ND30 Heading 1", "ND30Body", "<w:b/><w:bCs/>", '<w:keepNext/><w:outlineLvl w:val="0"/>'),
    ("ND30Heading2", "ND30 Heading 2", "ND30Body", "<w:b/><w:bCs/>", '<w:keepNext/><w:outlineLvl w:val="1"/>'),
    ("ND30Heading3", "ND30 Heading 3", "ND30Body", "<w:b/><w:bCs/>",
     '<w:keepNext/><w:outlineLvl w:val="2"/>'),
    ("ND30Closing", "ND30 Closing", "ND30Body", "", "<w:keepNext/>"),
    ("ND30RecipientsHeading", "ND30 Recipients Heading", None,
     '<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/>',
     '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>'),
    ("ND30Recipient", "ND30 Recipient", None, '<w:sz w:val="22"/><w:szCs w:val="22"/>',
     '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="142" w:hanging="142"/>'
     '<w:jc w:val="left"/>'),
    ("ND30SignerTitle", "ND30 Signer Title", None, '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER),
    ("ND30SignerSpace", "ND30 Signer Space", None, '<w:sz w:val="28"/><w:szCs w:val="28"/>', TIGHT_CENTER),
    ("ND30SignerName", "ND30 Signer Name", None, '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER),
    ("ND30AppendixHeading", "ND30 Appendix Heading", None, '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER + "<w:keepNext/>"),
    ("ND30AppendixTitle", "ND30 Appendix Title", None, '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER + "<w:keepNext/>"),
    ("ND30AppendixCaption", "ND30 Appendix Caption", None, '<w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
     TIGHT_CENTER + "<w:keepNext/>"),
    ("ND30TableHeader", "ND30 Table Header", None, '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>',
     TABLE_PPR + '<w:jc w:val="center"/>'),
    ("ND30TableText", "ND30 Table Text", None, '<w:sz w:val="24"/><w:szCs w:val="24"/>', TABLE_PPR),
    ("ND30TableGroup", "ND30 Table Group", None, '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>',
     TABLE_PPR + "<w:keepNext/>"),
    ("ND30TableNote", "ND30 Table Note", None, '<w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/>',
     TABLE_PPR.replace('w:before="40"', 'w:before="120"')),
    ("ND30PageNumber", "ND30 Page Number", None, '<w:sz w:val="28"/><w:szCs w:val="28"/>', TIGHT_CENTER),
    ("FootnoteText", "footnote text", None, '<w:sz w:val="20"/><w:szCs w:val="20"/>',
     '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="both"/>'),
]

CHARACTER_STYLES = [
    ("FootnoteReference", "footnote reference", '<w:vertAlign w:val="superscript"/>'),
]

TABLE_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
TABLE_STYLES = [
    ("ND30TaskTable", "ND30 Task Table", TABLE_BORDERS, 85),
    ("ND30LayoutTable", "ND30 Layout Table", NO_BORDERS, LAYOUT_CELL_MARGIN_TWIPS),
]
