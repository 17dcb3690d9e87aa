"""Content-hash ids: the same content always gets the same id, so re-ingesting is harmless."""

from __future__ import annotations

import hashlib

__all__ = ["content_hash", "make_id"]

_sha256 = hashlib.sha256


def content_hash(text: str) -> str:
    """SHA-256 hex digest of ``text`` (UTF-8; a lone surrogate, which ingest replaces anyway, is
    hashed as its would-be UTF-8 bytes instead of raising)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def make_id(prefix: str, *parts: object) -> str:
    """A short stable id ``prefix-<16 hex>`` from the parts' ``repr``-free string forms.

    Parts are joined with a unit separator so ("ab", "c") and ("a", "bc") differ.
    """
    # Most parts are plain str, taken as they are (str() of one is itself): ids are made for every
    # record read, and this halves the call's cost.
    joined = "\x1f".join([p if type(p) is str else "" if p is None else str(p) for p in parts])
    return f"{prefix}-{_sha256(joined.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
