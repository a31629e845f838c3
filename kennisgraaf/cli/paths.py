"""Output paths and input files given on the command line, checked before any work.

`--out` must name a file whose folder can be written, `--out-dir` a folder (or where one
can be made); an input `--file` must be UTF-8. Every failure is one Dutch line naming the
option and the path, never an OSError traceback. `os_reason` words the operating
system's reason in Dutch; `handles_errors` uses it as the last net for any file error.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import KennisgraafError

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
    return _REASONS.get(err.errno, " ".join(str(err.strerror or err).split()))


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return Path.cwd()


def _writable_folder(folder: Path, option: str, shown: Path) -> None:
    existing = _nearest_existing(folder)
    if not existing.is_dir():
        raise KennisgraafError(f"{option} {shown}: {existing} is een bestand, geen map")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise KennisgraafError(f"{option} {shown}: kan niet schrijven in {existing} (geen schrijfrechten)")


def check_out_file(path: Path | None, option: str = "--out") -> Path | None:
    """`path` when a file can be written there; KennisgraafError otherwise."""
    if path is None:
        return None
    path = Path(path)
    if path.is_dir():
        raise KennisgraafError(f"{option} {path}: is een map; geef een bestandsnaam, bijvoorbeeld {path / 'uitvoer'}")
    if path.exists() and not os.access(path, os.W_OK):
        raise KennisgraafError(f"{option} {path}: het bestand is alleen-lezen")
    _writable_folder(path.parent, option, path)
    return path


def check_out_dir(path: Path | None, option: str = "--out-dir") -> Path | None:
    """`path` when it is (or can become) a writable folder; KennisgraafError otherwise."""
    if path is None:
        return None
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise KennisgraafError(f"{option} {path}: is een bestand; geef een map")
    _writable_folder(path, option, path)
    return path


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
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise KennisgraafError(f"{what}:{line}: geen geldige UTF-8") from None
