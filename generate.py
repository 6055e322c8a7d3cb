"""Render plans: ``python generate.py plans/x.yaml`` (the same as ``cchc-docgen render``)."""
import sys

from cchc_docgen.cli import main

if __name__ == "__main__":
    sys.exit(main(["render", *sys.argv[1:]]))
