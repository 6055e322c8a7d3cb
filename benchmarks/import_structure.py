"""Structural comparison of the corpus: each source against its import rendered back.

Run: ``python benchmarks/import_structure.py [--pdf] [FILE …]``. For every real plan and report in
tests/data/realdocs (and the signed PDFs in tests/data/signed with ``--pdf``) it imports the file, renders the
YAML back to DOCX, reads both with ``tests/support/structure.py`` and prints the source's structure, the
re-rendered one, and what differs (headings per level, tables rows×cols with merged cells, signer, recipients,
number, date). A PDF is compared with the DOCX it was made from.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.structure import as_signed, differences, structure  # noqa: E402

from cchc_docgen.errors import DocgenError  # noqa: E402
from cchc_docgen.importer import import_file  # noqa: E402
from cchc_docgen.pipeline import render_plan  # noqa: E402

REALDOCS = ROOT / "tests" / "data" / "realdocs"
SIGNED = ROOT / "tests" / "data" / "signed"


def corpus(with_pdf: bool) -> list[tuple[Path, Path]]:
    """(file to import, DOCX it stands for)."""
    docs = sorted(p for p in REALDOCS.glob("*.docx") if p.name.startswith(("kh_", "doc_kh_", "bc_")))
    pairs = [(p, p) for p in docs]
    if with_pdf and SIGNED.is_dir():
        for pdf in sorted(SIGNED.glob("*.pdf")):
            origin = REALDOCS / f"{pdf.stem.removesuffix('_signed')}.docx"
            pairs.append((pdf, origin if origin.exists() else pdf))
    return pairs


def compare(source: Path, origin: Path, tmp: Path) -> tuple[str, str, list[str]]:
    expected = structure(origin)
    if source.suffix == ".pdf" and source.stem.endswith("_signed"):
        expected = as_signed(expected, "329", "19")  # what tools/make_signed_pdfs.py stamps
    try:
        result = import_file(source)
        plan = tmp / f"{source.stem}.yaml"
        plan.write_text(result.yaml_text, encoding="utf-8")
        got = structure(render_plan(plan, tmp / "out", force=True))
    except DocgenError as exc:
        return expected.row(), f"FAILED: {exc}", ["import or render failed"]
    return expected.row(), got.row(), differences(expected, got)


def main(argv: list[str]) -> int:
    with_pdf = "--pdf" in argv
    files = [Path(a) for a in argv if not a.startswith("--")]
    pairs = [(f, f) for f in files] if files else corpus(with_pdf)
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for source, origin in pairs:
            want, got, diffs = compare(source, origin, Path(tmp))
            total += len(diffs)
            print(f"== {source.name}: {len(diffs)} difference(s)")
            print(f"   source:   {want}")
            print(f"   imported: {got}")
            for d in diffs:
                print(f"   - {d}")
    print(f"total differences: {total} over {len(pairs)} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
