"""Check that a change to the PDF reader leaves every PDF import as it was: the reading stream and the YAML
of each import, saved before the change, compared after it.

Usage::

    python benchmarks/pdf_import_same.py save DIR [PDF_DIR ...]     # before the change
    python benchmarks/pdf_import_same.py compare DIR [PDF_DIR ...]  # after it: prints each difference

The PDFs read are those of tests/data (the signed PDFs) and of every PDF_DIR given (for example the PDFs
LibreOffice makes of tests/data/realdocs and of plans/). ``compare`` exits 1 when any YAML (or the error a file
gave) differs, and prints the first lines of each difference.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_docgen.errors import InputError  # noqa: E402
from cchc_docgen.importer import import_file  # noqa: E402
from cchc_docgen.importer.read import read_blocks  # noqa: E402


def _pdfs(dirs: list[str]) -> list[Path]:
    found = sorted((ROOT / "tests" / "data").rglob("*.pdf"))
    for d in dirs:
        found += sorted(Path(d).glob("*.pdf"))
    return found


def _key(pdf: Path) -> str:
    return f"{pdf.parent.name}__{pdf.stem}.yaml"


def _yaml(pdf: Path) -> str:
    """The reading stream (one block a line) and then the YAML of the import, or the error it gave."""
    stream = "".join(f"# {block!r}\n" for block in read_blocks(pdf))
    try:
        return stream + import_file(pdf).yaml_text
    except InputError as exc:
        return stream + f"InputError: {exc}\n"


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("save", "compare"):
        print(__doc__)
        return 2
    store = Path(argv[1])
    store.mkdir(parents=True, exist_ok=True)
    differ = 0
    for pdf in _pdfs(argv[2:]):
        text = _yaml(pdf)
        target = store / _key(pdf)
        if argv[0] == "save":
            target.write_text(text, encoding="utf-8")
            continue
        before = target.read_text(encoding="utf-8") if target.exists() else ""
        if before != text:
            differ += 1
            diff = list(difflib.unified_diff(before.splitlines(), text.splitlines(), "before", "after", lineterm=""))
            print(f"DIFFERENT {pdf}")
            print("\n".join(diff[:40]))
        else:
            print(f"same      {pdf.name}")
    if argv[0] == "compare":
        print(f"{differ} of {len(_pdfs(argv[2:]))} PDFs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
