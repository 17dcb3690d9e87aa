"""Bytes to text, with the checks every input goes through: size, emptiness, binary, encoding."""

from __future__ import annotations

import codecs

from storyline.core.errors import BinaryInput, EmptyInput, EncodingError, InputTooLarge

__all__ = ["check_size", "decode_text"]

# Control characters other than tab, newline, carriage return and form feed: real text has
# almost none, so a few percent of them (or any NUL) means a binary file.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


def check_size(size: int, limit_mb: float, origin: str) -> None:
    """Refuse inputs over the configured limit before reading them into memory."""
    if size > limit_mb * 1024 * 1024:
        raise InputTooLarge(
            f"input is {size / 1024 / 1024:.1f} MB, over the {limit_mb:g} MB limit",
            input=origin,
            fix="split it into articles, or raise the limit with --max-file-mb (or max_file_mb in a --config file)",
        )


def decode_text(data: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without BOM); raise a clear error for empty, binary or mis-encoded data."""
    if not data.strip():
        raise EmptyInput("the input is empty", input=origin, fix="remove it from the batch or add the article text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Before the binary sniff: UTF-16 text is full of NUL bytes. A lone surrogate is kept
        # (surrogatepass) for the sanitizer to replace and report; a cut-off file is an error.
        try:
            return data.decode("utf-16", "surrogatepass")
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"the input is not valid UTF-16 ({exc.reason} at byte {exc.start})",
                input=origin,
                fix=f"convert it to UTF-8, e.g. `iconv -f utf-16 -t utf-8 '{origin}' > fixed.txt`",
            ) from None
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > max(8, len(sample) // 50):
        raise BinaryInput(
            "the input looks binary, not text",
            input=origin,
            fix="pass the article as .txt, .html, .jsonl or an RSS/Atom feed (PDFs and images are not read)",
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        context = data[max(0, exc.start - 20) : exc.start + 20]
        raise EncodingError(
            f"the input is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, near {context!r})",
            input=origin,
            fix=f"convert it to UTF-8, e.g. `iconv -f windows-1252 -t utf-8 '{origin}' > fixed.txt`",
        ) from None
