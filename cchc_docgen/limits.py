"""Resource limits: every input is bounded before it can cost much time or memory.

A real plan is about 30 KB of YAML, nests some 15 levels and has paragraphs of a few thousand characters;
the limits leave a wide margin above that. Each one, when exceeded, is a user error (exit 1) with a
Vietnamese message that names the limit and what to do. The README lists them.
"""

from __future__ import annotations

import os

from cchc_docgen.errors import InputError

#: Largest YAML file read (bytes).
MAX_INPUT_BYTES = 5 * 1024 * 1024
#: Deepest nesting of lists and mappings in a YAML file.
MAX_DEPTH = 100
#: Most YAML nodes, counting every alias (``*name``) as a full copy of what it stands for.
MAX_NODES = 200_000
#: Longest single text value (characters).
MAX_STRING = 100_000
#: Largest template file (bytes) and its largest total size once unzipped.
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
MAX_TEMPLATE_UNZIPPED = 100 * 1024 * 1024
#: Most parts in a template package.
MAX_TEMPLATE_PARTS = 2_000
#: A DOCX read by ``check`` or ``import``: most parts, largest total once unzipped, largest XML part once
#: unzipped, most XML elements in one part (a real document has a few dozen parts, a few MB of XML).
MAX_DOCX_PARTS = 5_000
MAX_DOCX_UNZIPPED = 1024 * 1024 * 1024
MAX_DOCX_PART_BYTES = 100 * 1024 * 1024
MAX_DOCX_NODES = 5_000_000
#: Seconds one document may take to render (template logic included).
MAX_RENDER_SECONDS = 60.0
#: Largest text a template may produce for one document part (characters).
MAX_RENDER_OUTPUT = 200 * 1024 * 1024
#: Largest ``range()`` in a template, and the most loop steps ``range()`` may hand out in one document.
MAX_RANGE = 10_000
MAX_RANGE_TOTAL = 1_000_000


class LimitExceeded(InputError):
    """An input is larger than a documented limit (exit 1)."""


def max_jobs() -> int:
    """Parallel render processes never exceed the CPU cores available to us."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores)


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"
