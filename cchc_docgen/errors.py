"""One exception hierarchy; the CLI turns each into a message and an exit code.

Messages carried by these exceptions are Vietnamese: they are shown to users as-is.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in a user's file.

    ``line`` is 1-based, ``None`` when the problem has no position (a missing file).
    ``key`` is the dotted key path (``body.0.title``), empty for whole-file problems.
    """

    file: str
    line: int | None
    key: str
    message: str

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" [{self.key}]" if self.key else ""
        return f"{where}:{key} {self.message}"


class DocgenError(Exception):
    """Base class of every error the tool reports to the user (exit code 1 unless said)."""

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def lines(self) -> list[str]:
        """The lines to print after ``cchc-docgen: lỗi:``."""
        if self.problems:
            return [p.format() for p in self.problems]
        return [self.message]


class InputError(DocgenError):
    """The user's input (YAML, data, DOCX) has problems: exit 1."""


class UsageError(DocgenError):
    """Bad arguments or a missing file: exit 2."""

    exit_code = 2


class TemplateProblem(DocgenError):
    """The DOCX template is broken or does not fit the context: exit 1."""


class OutputExists(DocgenError):
    """Refusing to overwrite a file the user has (exit 1)."""
