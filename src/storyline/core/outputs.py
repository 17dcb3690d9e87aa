"""Output files: checked before any work starts, then written whole or not at all.

:func:`check_output` refuses, before the work that fills it, an output that is a directory, whose
folder does not exist (nothing is created silently: the message gives the ``mkdir -p``), or that is
the same file as one that must survive: the database, an input. "The same" is decided after
resolving ``..`` and symlinks, and by device and inode when both exist, so a hard link or a
symlink to the database is refused too.

:func:`write_output` writes a temporary file beside the target and renames it over the target
(``os.replace``, atomic on POSIX and Windows), so a full disk, a kill or a crash leaves the
previous file whole and no half-written one; the temporary file is removed on failure.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from storyline.core.errors import OutputError

__all__ = ["check_output", "write_output"]


def check_output(path: str | Path, protect: Iterable[tuple[str | Path, str]] = ()) -> Path:
    """``path`` as given, once it is known that writing it is allowed; else an OutputError.

    ``protect`` holds ``(path, what)`` pairs, e.g. ``(db, "the database")``: files the output must
    not be, named by ``what`` in the message.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError("is a directory", input=str(path), fix=f"give a file name, such as {path / 'dossier.html'}")
    folder = path.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(
            f"the folder {folder} {what}",
            input=str(path),
            fix=f"create it with `mkdir -p {folder}`, or write somewhere else with -o" if what == "does not exist" else "write somewhere else with -o",
        )
    for other, what in protect:
        if _same_file(path, Path(other)):
            raise OutputError(
                f"is {what} ({other}); writing there would destroy it, so nothing was written",
                input=str(path),
                fix="write the output to another file with -o",
            )
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they lead
        return a.resolve() == b.resolve()


def write_output(path: str | Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` atomically; an OutputError on failure."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _write_error(path, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _write_all(fh: BinaryIO, data: bytes) -> None:
    """The one place bytes go to disk (tests make it fail with ENOSPC)."""
    fh.write(data)


def _mode_for(path: Path) -> int:
    """The permission bits the file would get from a plain ``open(path, "w")``: an existing
    file's own, else 0o666 less the umask (mkstemp makes 0o600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _write_error(path: Path, exc: OSError) -> OutputError:
    kept = "nothing was written" + (" and the previous file is unchanged" if path.exists() else "")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"cannot be written: the disk is full ({kept})", input=str(path), fix="free some space, or write elsewhere with -o")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"cannot be written: {exc.strerror} ({kept})", input=str(path), fix="write to a folder you can write to, with -o")
    return OutputError(f"cannot be written: {exc.strerror or exc} ({kept})", input=str(path), fix="check the folder and the disk, or write elsewhere with -o")
