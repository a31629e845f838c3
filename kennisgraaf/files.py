"""Input files and operating-system errors, said in Dutch: one line naming the file and why.

The API reads a query file and the CLI a `--file` or standard input the same way; a file
that is not UTF-8 is named with the line of the first bad byte, never a UnicodeDecodeError.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
from pathlib import Path

from .errors import KennisgraafError

_REASONS = {
    errno.EACCES: "geen toegang (schrijf- of leesrechten ontbreken)",
    errno.EPERM: "niet toegestaan",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.ENOENT: "bestaat niet",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def os_reason(err: OSError) -> str:
    """The operating system's reason in Dutch (its own words, on one line, when unknown)."""
    return _REASONS.get(err.errno or 0, " ".join(str(err.strerror or err).split()))


def read_utf8(path: Path, option: str = "--file") -> str:
    """The text of an input file; a file that is not UTF-8 is named with the line of the first bad byte."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise KennisgraafError(f"{option} {path}: {os_reason(err)}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise KennisgraafError(
            f"{option} {path}:{line}: geen geldige UTF-8 (byte 0x{data[err.start]:02x}); sla het bestand op als UTF-8"
        ) from None


def decode_stdin(data: bytes, what: str = "standaardinvoer") -> str:
    """Standard input as text; not UTF-8 is one line naming where."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise KennisgraafError(f"{what}:{line}: geen geldige UTF-8") from None


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks (a 125 MB folder need not sit in memory)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def replace_whole(target: Path, *parts: bytes) -> None:
    """Write `parts` to `target` through a staging file beside it and switch it in with one
    rename, so a reader sees the old file or the new one, never half. Raises OSError, with
    nothing left behind."""
    staging = target.parent / f".{target.name}-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        with staging.open("wb") as handle:
            for part in parts:
                handle.write(part)
        os.replace(staging, target)
    except OSError:
        try:
            staging.unlink(missing_ok=True)
        except OSError:
            pass
        raise
