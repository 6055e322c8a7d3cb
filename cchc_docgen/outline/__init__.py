"""One NĐ30 outline recogniser for the checker and the importer (architecture.md §3).

:func:`recognise` takes a neutral stream of :class:`Line` (text pieces, bold, centred, table/cell, rule) and
returns an :class:`Outline`: the kind (typed, công văn, appendix only, outside NĐ30) and type name, the header
(Quốc hiệu, Tiêu ngữ, Số, place-date, V/v), the trích yếu, Kính gửi, the enacting line of a quyết định, the
body, the closing block (signature and Nơi nhận) and the appendices, as positions in the stream. The checker
builds its stream from the Word paragraphs (:mod:`cchc_docgen.checker.outline_lines`), the importer from its
reading stream of DOCX, PDF or text (:mod:`cchc_docgen.importer.outline_lines`); both then keep only what is
their own (the checker's rules and measurements, the importer's YAML).

Where the two used to disagree, and what the one recogniser does now:

- Type line: the checker took an exact type name (Phụ lục III and legal types) in the first 80 paragraphs, in
  the running text or centred in a table; the importer took the first 40 paragraphs outside tables, also "KẾ
  HOẠCH …" with more words in a short capital line, and also the names of speeches and "CÔNG VĂN". Now: the
  checker's rule plus the importer's short capital line; speeches and "CÔNG VĂN" are reported as
  ``type_name`` but never make a document "typed".
- Kind: only the checker had it (Quốc hiệu / number / V/v); the importer now reads it too.
- Trích yếu: the checker stopped at an empty line, a rule, an enacting line or a body opener (unless centred
  bold); the importer at an opener or item marker, at a line that does not look like the line above (centred
  and as bold, or after a dangling "và/của/…"), and at a "(…)" period line, and never looked inside a table
  (a trích yếu framed in a one-cell table was lost). Now: all of these stops, and a Word list item, tables
  included.
- Kính gửi: the same rule ("Kính gửi" then "-"/"+" lines up to 150 characters).
- Closing block: the checker started it at Nơi nhận or a capital authority line (TM./KT./Q./TL./TUQ.) and
  went back over the signer's capital bold title lines typed above; the importer at a table mentioning
  Nơi nhận or an authority, a short authority paragraph, or a signer's title standing alone near the end.
  Now: Nơi nhận or an authority line (in a table: from the table's first line), or a signer's title
  standing alone near the end; then back over capital bold title lines.
- Appendices: the checker started them at "PHỤ LỤC …" or at the title line above "(Kèm theo …)", and kept a
  table after the closing block in the closing; the importer also at "DANH MỤC …", at the caption line
  itself (leaving the title line in the closing), and at any table after the closing table. Now: "PHỤ LỤC",
  "DANH MỤC", the title line above a caption, or a table after the closing block that holds no closing line.
- Words: Nơi nhận, Kính gửi, the authority prefixes, "PHỤ LỤC" and "(Kèm theo" had their own pattern in up to
  six modules; they are defined once in :mod:`cchc_docgen.outline.words`.

What stays with each caller: the checker splits the header's agency lines into parent and issuer by
column and bold and measures rules and the signing space; the importer parses numbers, dates, names and
recipients into YAML.
"""

from __future__ import annotations

from cchc_docgen.outline.lines import Line
from cchc_docgen.outline.recognise import Appendix, Outline, recognise

__all__ = ["Appendix", "Line", "Outline", "recognise"]
