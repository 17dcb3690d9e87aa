"""What an article's ``origin`` says: where it came from, as the user gave it, never a private path.

The origin is stored, exported (``articles[].origin``) and printed in the dossier ("from ..."), so
it must not leak the machine's directories (``/home/alice/...``). Rules:

- a path typed relative is kept as typed (``news/a.txt``, ``../feeds/x.rss``);
- a file typed as an absolute path keeps only its name (``a.txt``);
- a file found in a directory is the directory as typed (its last name when typed absolute)
  joined with the file's path inside it (``news/jan/a.txt``);
- a manifest line is ``<manifest origin>:<line>``, with `` -> <path as written in the manifest>``
  when the line points at a file;
- stdin is ``-``.

:func:`public_origin` applies the same rule to an origin already stored (an older store may hold
absolute paths): the exports pass every origin through it.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

__all__ = ["typed_origin", "child_origin", "public_origin", "origin_paths"]

_LINE = re.compile(r"^(?P<path>.*?)(?P<line>:\d+)?$", re.S)
_WINDOWS_ABS = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")
# What follows a file's path in an origin: a manifest line (":3") or a feed entry ("#entry-2").
_WHERE_IN_FILE = re.compile(r"(?::\d+|#entry-\d+)$")


def _absolute(path: str) -> bool:
    return path.startswith(("/", "~")) or bool(_WINDOWS_ABS.match(path))


def _name(path: str) -> str:
    if _WINDOWS_ABS.match(path):
        return PureWindowsPath(path).name or path
    return PurePosixPath(path.rstrip("/")).name or path


def typed_origin(item: str) -> str:
    """The origin of an input as the user typed it: relative paths as typed, absolute ones by name."""
    if item == "-":
        return item
    return _name(item) if _absolute(item) else Path(item).as_posix()


def child_origin(root_origin: str, root: Path, path: Path) -> str:
    """The origin of ``path`` found under the directory ``root`` (whose own origin is ``root_origin``)."""
    inner = path.relative_to(root).as_posix()
    return inner if root_origin in ("", ".") else f"{root_origin.rstrip('/')}/{inner}"


def public_origin(origin: str | None) -> str | None:
    """``origin`` with every absolute path in it cut to its file name ("batch.jsonl:3 -> a.txt")."""
    if not origin:
        return origin
    parts = []
    for part in origin.split(" -> "):
        m = _LINE.match(part)
        path, line = m["path"], m["line"] or ""
        if _WINDOWS_ABS.match(part):  # "C:\\x\\a.txt:3": the drive's colon is no line number
            path, line = (part[: -len(line)], line) if line else (part, "")
        parts.append((_name(path) if _absolute(path) else path) + line)
    return " -> ".join(parts)


def origin_paths(origin: str) -> list[str]:
    """The paths an origin names, outermost first, as stored: ``m.jsonl:3 -> a.txt`` names
    ``m.jsonl`` and ``a.txt``, ``feed.xml#entry-2`` names ``feed.xml``, stdin ``-``."""
    return [_WHERE_IN_FILE.sub("", part) for part in origin.split(" -> ")]
