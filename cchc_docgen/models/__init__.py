"""Pydantic models of a document: pure data, no file access, no Jinja, no DOCX."""

from cchc_docgen.models.appendix import Appendix, AppendixTable, Cell, Column, HeaderCell, Row, Table
from cchc_docgen.models.body import Node, Preamble
from cchc_docgen.models.document import DocDate, Document
from cchc_docgen.models.issuer import Issuer
from cchc_docgen.models.kinds import KINDS, Kind
from cchc_docgen.models.recipients import Archive, Recipient
from cchc_docgen.models.signer import Signer

__all__ = [
    "KINDS",
    "Appendix",
    "AppendixTable",
    "Archive",
    "Cell",
    "Column",
    "DocDate",
    "Document",
    "HeaderCell",
    "Issuer",
    "Kind",
    "Node",
    "Preamble",
    "Recipient",
    "Row",
    "Signer",
    "Table",
]
