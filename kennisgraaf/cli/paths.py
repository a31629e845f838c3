"""Output paths and input files given on the command line, checked before any work.

`--out` must name a file whose folder can be written, `--out-dir` a folder (or where one
can be made). Every failure is one Dutch line naming the option and the path, never an
OSError traceback; input files and the OS's reasons are `kennisgraaf.files`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import KennisgraafError
from ..files import decode_stdin, os_reason, read_utf8

__all__ = ["check_out_dir", "check_out_file", "decode_stdin", "os_reason", "read_utf8"]


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
