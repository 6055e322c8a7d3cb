"""The one DOCX reader: every module that reads a Word file (``checker``, ``importer``) goes through it.

- :mod:`.package`: the zip and its parts through relationships, under size, part and node budgets;
  one Vietnamese message for every unreadable file (:class:`~.package.UnreadablePackage`).
- :mod:`.styles`: effective run and paragraph properties (docDefaults → table style → numbering →
  paragraph style chain → character style chain → direct; toggles per ISO/IEC 29500-1 §17.7.3).
- :mod:`.numbering`: the list labels Word shows (numbering.xml).
- :mod:`.paratext`, :mod:`.shapes`: a paragraph's visible text, fields, footnote marks and line shapes.
- :mod:`.stream`: a typed stream of paragraphs and tables (merges kept) and the footnotes' text.
- :mod:`.sections`: page size, margins and numbering of each section.
- :mod:`.names`: namespaces and the one parser of on/off values.
"""
