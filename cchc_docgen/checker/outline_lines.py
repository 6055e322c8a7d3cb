"""The checker's paragraphs as the recogniser's neutral lines (one per paragraph, empty ones included)."""

from __future__ import annotations

from cchc_docgen.checker.docmodel import DocModel, Para
from cchc_docgen.checker.segs import para_rule, rule_of, segments
from cchc_docgen.outline import Line


def is_rule_para(p: Para) -> bool:
    """A paragraph that is nothing but a rule (underscores, or the bottom border of an empty paragraph)."""
    segs = segments(p)
    if not segs:
        return para_rule(p) is not None
    return all(rule_of(s) is not None for s in segs)


def lines_of(doc: DocModel) -> list[Line]:
    """One :class:`Line` per paragraph of ``doc``, in order (the index of a line is the paragraph's index)."""
    out = []
    for p in doc.paras:
        segs = segments(p)
        out.append(
            Line(
                tuple(s.display for s in segs),
                bold=bool(segs) and all(s.bold for s in segs),
                center=p.props.jc == "center",
                table=p.table,
                cell=p.cell,
                rule=is_rule_para(p),
                numbered=p.numbered,
            )
        )
    return out
