"""Every tolerance the checker applies, each from the spec (quoted) or from measured rendering variance.

Measured with ``benchmarks/centre_variance.py`` on the development documents (tests/data/realdocs/labels.yaml)
and four generated plans, rendered by LibreOffice (layout mode), never on the test set:
- 160 lines centred by alignment (no indents, in the body or a header/signature table of at most three
  columns, set in Times New Roman) render within 1.97 mm of the column centre the model computes (mean 0.46);
- the width the model estimates for those lines (Times New Roman metrics plus character spacing) differs from
  the rendered width by at most 2.3 % (95 % within 1.5 %).
"""

from __future__ import annotations

#: rendering variance of a line's horizontal position (measured, see above)
RENDER_VARIANCE_MM = 2.0
#: the step a writer has when centring by hand: one space, 1/4 em, at 14 pt
SPACE_STEP_MM = 0.25 * 14 * 25.4 / 72
#: how far a line may render from its column's centre and still count as centred: NĐ30 says only "căn
#: giữa" (nd30.md §4.1–4.7), so the checker flags only what is measurably off centre
CENTRE_TOLERANCE_MM = RENDER_VARIANCE_MM + SPACE_STEP_MM
#: relative error of an estimated text width (measured, see above): rules of "1/3 to 1/2 of the line"
#: (A1, T1; nd30.md §4.2, §4.5) are judged against the line's width ± this
WIDTH_VARIANCE = 0.025
#: the rule under the Tiêu ngữ: "the same length as the Tiêu ngữ text line … Tolerance: ±10 %" (nd30.md §4.1)
TN_RULE_TOLERANCE = 0.10
#: first-line indent: "firstLine is 567 or 720 twips, ±15" (nd30.md §4.6)
INDENT_TOLERANCE_TWIPS = 15
