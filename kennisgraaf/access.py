"""The one path from a command's options to a Store: resolve data, build if needed, open.

Every user-facing command goes through `open_store` (as `api.Kennisgraaf.store`), so
building on demand, progress, the cache and remote endpoints behave the same everywhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .build import BuildReport, Progress, build
from .cache import Cache, CacheDamaged
from .sources import DataFolder
from .store import OxigraphStore, Store


def ensure_build(
    data: Path | DataFolder | None,
    cache_dir: Path | None,
    *,
    reasoner: str = "rules",
    force: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    from . import sparql_guard

    folder = data if isinstance(data, DataFolder) else DataFolder.resolve(data)
    cache = Cache(cache_dir)
    sparql_guard.remember_in(cache.root)
    return build(folder, cache, reasoner=reasoner, force=force, progress=progress)


def open_local(
    data: Path | DataFolder | None = None,
    cache_dir: Path | None = None,
    *,
    progress: Progress | None = None,
) -> OxigraphStore:
    """The cached build opened read-only; rebuilt once (with one line saying so) if it is damaged."""
    folder = data if isinstance(data, DataFolder) else DataFolder.resolve(data)
    report = ensure_build(folder, cache_dir, progress=progress)
    try:
        return report.entry.open()
    except CacheDamaged as err:
        print(f"{err}; de graaf wordt opnieuw gebouwd", file=sys.stderr)
    return build(folder, Cache(cache_dir), force=True, progress=progress).entry.open()


def open_store(
    data: Path | DataFolder | None = None,
    cache_dir: Path | None = None,
    *,
    endpoint: str | None = None,
    progress: Progress | None = None,
    timeout: float | None = None,
) -> Store:
    """The local build (made now if the sources changed), or a remote SPARQL endpoint."""
    if endpoint:
        import os

        from .remote import DEFAULT_TIMEOUT, RemoteStore

        # credentials for a protected endpoint come from the environment, never the command line
        return RemoteStore(
            endpoint,
            user=os.environ.get("KENNISGRAAF_ENDPOINT_USER") or None,
            password=os.environ.get("KENNISGRAAF_ENDPOINT_PASSWORD") or None,
            timeout=timeout or DEFAULT_TIMEOUT,
        )
    return open_local(data, cache_dir, progress=progress)
