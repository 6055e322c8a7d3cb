"""``python -m cchc_docgen`` runs the CLI."""

import sys

from cchc_docgen.cli import main

sys.exit(main())
