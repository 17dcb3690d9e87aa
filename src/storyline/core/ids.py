"""Content-hash ids: the same content always gets the same id, so re-ingesting is harmless."""

from __future__ import annotations

import hashlib

__all__ = ["content_hash", "make_id"]


def content_hash(text: str) -> str:
    """SHA-256 hex digest of ``text`` (UTF-8; a lone surrogate, which ingest replaces anyway, is
    hashed as its would-be UTF-8 bytes instead of raising)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def make_id(prefix: str, *parts: object) -> str:
    """A short stable id ``prefix-<16 hex>`` from the parts' ``repr``-free string forms.

    Parts are joined with a unit separator so ("ab", "c") and ("a", "bc") differ.
    """
    joined = "\x1f".join(["" if p is None else str(p) for p in parts])  # a list joins faster than a generator
    return f"{prefix}-{hashlib.sha256(joined.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
