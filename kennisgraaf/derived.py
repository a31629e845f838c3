"""What is derived from a build (the analysis network, name indexes), computed once and kept
beside the build in its cache entry (`CacheEntry.keep_derived`: checksummed, switched in
whole, removed with the build), so later commands read it instead of computing it again.

The format is pickle: a networkx graph, the frozen analysis dataclasses and a name index
pickle as they are, with their tuples, Decimals and dict order intact (JSON would turn
tuples into lists and change what the reports print), and a pickle loads in milliseconds.
Pickle runs code from the file it reads, so only files this package wrote in the user's
own cache are read, and only when the name matches: the name is a hash of what it was
derived from, the package version and the source of the whole package (any change to the
code gives new names, so an older result is never read by newer code).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .bulk import collector_paused
from .cache import CacheEntry, entry_of

_PACKAGE = Path(__file__).resolve().parent


@cache
def code_version() -> str:
    """A hash of the package's version and every source file that can shape a result."""
    from .sources import shipped_root

    digest = hashlib.sha256(__version__.encode())
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(_PACKAGE.rglob("*.rq"))
    files += sorted((shipped_root() / "queries" / "analysis").glob("*.rq"))
    for path in files:
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def files_digest(texts: Path | None) -> str:
    """A hash of every file under `texts` (the plan texts a network points into)."""
    digest = hashlib.sha256()
    if texts is not None and Path(texts).is_dir():
        for path in sorted(Path(texts).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(texts).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def name(kind: str, *parts: str) -> str:
    """The file name of one derived result: its kind, then a hash of the code and its inputs."""
    digest = hashlib.sha256("\0".join((code_version(), *parts)).encode())
    return f"{kind}-{digest.hexdigest()[:32]}.pickle"


def read(entry: CacheEntry, kept_as: str):
    payload = entry.derived(kept_as)
    if payload is None:
        return None
    try:
        with collector_paused():
            return pickle.loads(payload)
    except Exception:  # an unreadable pickle (say, an older networkx): compute it again
        return None


def kept(entry: CacheEntry, kept_as: str, compute: Callable[[], Any]) -> Any:
    """What `compute()` gives, read from beside the build once it was kept there."""
    found = read(entry, kept_as)
    if found is None:
        found = compute()
        keep(entry, kept_as, found)
    return found


def keep(entry: CacheEntry, kept_as: str, value: Any) -> None:
    """Keep `value` beside the build under `kept_as`, for `read`."""
    entry.keep_derived(kept_as, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def kept_for(store, kind: str, parts: tuple[str, ...], compute: Callable[[], Any]) -> Any:
    """`compute()` for the cached build `store` was opened from; computed each time for a
    remote or in-memory store."""
    entry = entry_of(store)
    if entry is None:
        return compute()
    return kept(entry, name(kind, entry.folder.name, *parts), compute)
