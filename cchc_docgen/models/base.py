"""Shared model configuration: strict, closed (unknown keys are errors), NFC-normalised text."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict


def _nfc(value: object) -> object:
    """Normalise strings to NFC and trim them; other values pass through untouched."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    return value


#: A piece of user text: NFC, trimmed. Inline ``**bold**``, ``*italic*`` and ``[^key]`` footnote marks allowed.
Text = Annotated[str, BeforeValidator(_nfc)]


class StrictModel(BaseModel):
    """Base of every model: strict types, no unknown keys, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)
