"""Effective formatting resolution: docDefaults, basedOn chains, theme fonts, toggles, table styles."""

from __future__ import annotations

from lxml import etree

from cchc_docgen.ooxml.names import A_NS, W_NS
from cchc_docgen.ooxml.styles import Styles

W = f'xmlns:w="{W_NS}"'

STYLES = f"""<w:styles {W}>
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>
      <w:sz w:val="22"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="200"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Base"><w:basedOn w:val="Normal"/>
    <w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Derived"><w:basedOn w:val="Base"/>
    <w:pPr><w:ind w:hanging="283"/></w:pPr><w:rPr><w:sz w:val="26"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="NotBold"><w:basedOn w:val="Base"/>
    <w:rPr><w:b w:val="0"/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Em"><w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="table" w:styleId="Grid"><w:pPr><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:i/><w:sz w:val="24"/></w:rPr></w:style>
</w:styles>"""
THEME = f"""<a:theme xmlns:a="{A_NS}"><a:themeElements><a:fontScheme>
  <a:majorFont><a:latin typeface="Calibri Light"/></a:majorFont>
  <a:minorFont><a:latin typeface="Calibri"/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>"""


def _styles() -> Styles:
    return Styles(etree.fromstring(STYLES), etree.fromstring(THEME))


def _run(rpr: str = "") -> etree._Element:
    return etree.fromstring(f"<w:r {W}>{'<w:rPr>' + rpr + '</w:rPr>' if rpr else ''}<w:t>x</w:t></w:r>")


def _p(ppr: str = "") -> etree._Element:
    return etree.fromstring(f"<w:p {W}>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}</w:p>")


def test_theme_font_and_default_style() -> None:
    props = _styles().run_props("", "Normal", _run())
    assert props.font_ascii == "Calibri" and props.size == 14 and not props.bold


def test_based_on_chain_overrides_and_inherits() -> None:
    st = _styles()
    props = st.run_props("", "Derived", _run())
    assert props.font_ascii == "Times New Roman" and props.size == 13 and props.bold
    pp = st.para_props("", _p('<w:pStyle w:val="Derived"/>'))
    assert pp.jc == "both" and pp.first_line == -283 and pp.after == 200
    assert st.run_props("", "NotBold", _run()).bold is False


def test_toggle_properties_flip_inside_styles_but_direct_is_absolute() -> None:
    st = _styles()
    # bold paragraph style + bold character style → not bold (ISO 29500 §17.7.3)
    assert st.run_props("", "Base", _run('<w:rStyle w:val="Strong"/>')).bold is False
    assert st.run_props("", "Base", _run('<w:rStyle w:val="Strong"/><w:b/>')).bold is True
    assert st.run_props("", "Base", _run("<w:b w:val='0'/>")).bold is False
    # italic table style + italic character style → upright
    assert st.run_props("Grid", "Normal", _run('<w:rStyle w:val="Em"/>')).italic is False
    assert st.run_props("Grid", "Normal", _run()).italic is True


def test_table_style_sits_between_defaults_and_paragraph_style() -> None:
    st = _styles()
    assert st.run_props("Grid", "Normal", _run()).size == 14  # Normal's 14 pt wins over the table's 12
    assert st.para_props("Grid", _p()).jc == "center"
    assert st.para_props("Grid", _p('<w:jc w:val="left"/>')).jc == "left"


def test_direct_theme_font_beats_plain_name_on_same_element() -> None:
    props = _styles().run_props("", "Normal", _run('<w:rFonts w:ascii="Arial" w:asciiTheme="majorHAnsi"/>'))
    assert props.font_ascii == "Calibri Light"
