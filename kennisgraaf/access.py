"""The one path from a command's options to a Store: resolve data, build if needed, open.

Every user-facing command goes through `open_store`, so building on demand, progress,
the cache and (later) remote endpoints behave the same everywhere.
"""

from __future__ import annotations

from pathlib import Path

from .build import BuildReport, Progress, build
from .cache import Cache
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
    folder = data if isinstance(data, DataFolder) else DataFolder.resolve(data)
    return build(folder, Cache(cache_dir), reasoner=reasoner, force=force, progress=progress)


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
    report = ensure_build(data, cache_dir, progress=progress)
    return OxigraphStore(report.entry.graph_file)
