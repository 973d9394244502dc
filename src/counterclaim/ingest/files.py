"""Input files met in a folder, taken safely: regular files only, opened without ever blocking,
names made printable.

- ``problem(path)`` says why a path is not a readable regular file (a symlink loop, a dangling
  symlink, a FIFO, a socket, a device) without opening it: opening a FIFO blocks until a writer
  comes, reading a device can last forever.
- ``open_regular(path)`` opens with ``O_NONBLOCK`` and checks the opened file itself (``fstat``),
  so a file swapped for a FIFO after the check is refused too, never waited on.
- ``MAX_GZIP_RATIO`` / ``GZIP_RATIO_FLOOR``: where a compressed input counts as a bomb.
- ``printable(text)`` turns a file name's undecodable bytes (Python's surrogate escapes, as in
  ``m_\\udcff.txt`` for the byte 0xff) into a printable ``\\xff`` so that every origin can be
  stored in SQLite and printed as JSON; the file itself is still opened by its real name.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO, Optional, Union

# A compressed input that decompresses to more than MAX_GZIP_RATIO times the compressed bytes read
# (once past GZIP_RATIO_FLOOR of output) is taken for a decompression bomb and read no further: news
# text compresses about 3-10 times, and deflate cannot pass about 1,030 times.
MAX_GZIP_RATIO = 200
GZIP_RATIO_FLOOR = 64 * 1024 * 1024

_KINDS = ((stat.S_ISFIFO, "a FIFO (a named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


class NotRegularFile(OSError):
    """The path names something other than a regular file (a FIFO, a socket, a device...)."""


def kind_name(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def problem(path: Union[str, Path]) -> Optional[str]:
    """Why ``path`` cannot be read as a regular file, or None when it can be tried."""
    try:
        st = os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symlink loop (the link points back to itself)"
        if e.errno == errno.ENOENT and os.path.islink(path):
            return "dangling symlink (its target does not exist)"
        return e.strerror or str(e)
    except (RuntimeError, ValueError) as e:  # a loop seen by pathlib, a NUL in the name
        return str(e)
    if not stat.S_ISREG(st.st_mode):
        return f"{kind_name(st.st_mode)}, not a regular file: not opened"
    return None


def open_regular(path: Union[str, Path]) -> BinaryIO:
    """A regular file opened for binary reading; NotRegularFile (an OSError) for anything else.

    ``O_NONBLOCK`` makes opening a FIFO return at once instead of waiting for a writer; it has no
    effect on reading a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({kind_name(st.st_mode)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def printable(text: Optional[str]) -> Optional[str]:
    """``text`` with surrogates (undecodable bytes of a file name, lone surrogates from JSON) shown
    as escapes: ``\\xff`` for a byte, ``\\ud800`` for a lone surrogate. Other text is unchanged."""
    if text is None or text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # surrogates that are not escaped bytes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
