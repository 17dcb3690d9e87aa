"""The error hierarchy. Every message names the input it concerns and suggests a fix.

    StorylineError
    ├── InputError            one input cannot be read (the batch continues without it)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── EncodingError
    │   ├── InputTooLarge
    │   ├── NoArticleText     HTML/feed entry with no extractable article text
    │   ├── ManifestError     a JSONL manifest line that is not a valid article
    │   └── UnsupportedInput  unknown extension or missing path
    ├── ModelNotFound         no spaCy pipeline could be loaded
    ├── StoreError            the database cannot be opened or migrated
    ├── ConfigError           a bad option or config file
    ├── OutputError           an output file that must not or cannot be written
    └── DataError             a bundled data file (storyline/data/*.json) is missing or malformed
"""

from __future__ import annotations

__all__ = [
    "StorylineError",
    "InputError",
    "EmptyInput",
    "BinaryInput",
    "EncodingError",
    "InputTooLarge",
    "NoArticleText",
    "ManifestError",
    "UnsupportedInput",
    "ModelNotFound",
    "StoreError",
    "ConfigError",
    "OutputError",
    "DataError",
]


class StorylineError(Exception):
    """Base class. ``str(err)`` is a complete, user-facing message: what, where, and a fix."""

    def __init__(self, message: str, *, fix: str | None = None, input: str | None = None):
        self.message = message
        self.fix = fix
        self.input = input
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.input}: " if self.input else ""
        fix = f" Fix: {self.fix}" if self.fix else ""
        return f"{where}{self.message}.{fix}" if not self.message.endswith(".") else f"{where}{self.message}{fix}"


class InputError(StorylineError):
    """One input cannot be read; analysis of the other inputs goes on."""


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingError(InputError):
    pass


class InputTooLarge(InputError):
    pass


class NoArticleText(InputError):
    pass


class ManifestError(InputError):
    pass


class UnsupportedInput(InputError):
    pass


class ModelNotFound(StorylineError):
    pass


class StoreError(StorylineError):
    pass


class ConfigError(StorylineError):
    pass


class OutputError(StorylineError):
    """An output that would overwrite the database or an input, or cannot be written."""


class DataError(StorylineError):
    pass
