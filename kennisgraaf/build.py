"""The pipeline: load → validate → reason → cache, with a report of what each stage did.

Everything happens in one Oxigraph store: the sources are parsed into it (one named graph
per file), the reasoner writes its conclusions into the inferred graph of the same store,
and the cache keeps it as a persistent on-disk store that commands open read-only.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field

from . import __version__
from .cache import Cache, CacheDamaged, CacheEntry
from .errors import ValidationFailed
from .sources import DataFolder
from .violations import Violation

Progress = Callable[[str], object]  # called with a Dutch stage name; may return a context manager
Notify = Callable[[str], object]  # one Dutch line for the user (a damaged cache being rebuilt)


@dataclass
class BuildReport:
    entry: CacheEntry
    from_cache: bool
    sources: int = 0
    asserted: int = 0
    inferred: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[Violation] = field(default_factory=list)
    reasoner: str = "rules"


def cache_key(folder: DataFolder, reasoner: str) -> str:
    return folder.fingerprint(extra=f"kennisgraaf {__version__} reasoner={reasoner}")


def default_key(reasoner: str = "rules") -> str:
    """The build the shipped data folder uses now: never pruned by another folder's build."""
    return cache_key(DataFolder.resolve(None), reasoner)


@contextmanager
def _stage(name: str, seconds: dict, progress: Progress | None):
    started = time.perf_counter()
    handle = progress(name) if progress else None
    if isinstance(handle, AbstractContextManager):
        with handle:
            yield
    else:
        yield
    seconds[name] = time.perf_counter() - started


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def cached(entry: CacheEntry, notify: Notify | None = _stderr) -> BuildReport | None:
    """The report of a build already in the cache, or None if there is none or it is damaged."""
    if not entry.exists():
        return None
    try:
        manifest = entry.verify()
        return BuildReport(
            entry=entry,
            from_cache=True,
            sources=manifest["sources"],
            asserted=manifest["asserted"],
            inferred=manifest["inferred"],
            seconds=manifest["seconds"],
            reasoner=manifest["reasoner"],
        )
    except (CacheDamaged, KeyError, TypeError) as err:
        if notify:
            why = err if isinstance(err, CacheDamaged) else f"de build in {entry.folder} is beschadigd"
            notify(f"{why}; de graaf wordt opnieuw gebouwd")
        return None


def _save(store, folder) -> None:
    """The build's files: the persistent store and the N-Quads (for serve and publish).

    The store is filled quad by quad from the one in memory (no N-Quads to re-parse) and not
    compacted: at 1 M triples `optimize()` took 5–8 s and a read-only open plus a query was
    no faster after it (benchmarks/build.py --store).
    """
    import gc

    import pyoxigraph as ox

    from .cache import GRAPH_FILE, STORE_DIR

    store.dump(output=str(folder / GRAPH_FILE), format=ox.RdfFormat.N_QUADS)
    disk = ox.Store(str(folder / STORE_DIR))
    disk.bulk_extend(store.quads_for_pattern(None, None, None, None))
    disk.flush()
    del disk
    gc.collect()  # closes RocksDB, so the files are final before they are checksummed


def build(
    folder: DataFolder,
    cache: Cache,
    *,
    reasoner: str = "rules",
    force: bool = False,
    progress: Progress | None = None,
    notify: Notify | None = _stderr,
) -> BuildReport:
    """Build the graph unless an identical, undamaged build is cached; raise on bad input."""
    key = cache_key(folder, reasoner)
    entry = cache.entry(key)
    if not force:
        report = cached(entry, notify)
        if report is not None:
            return report

    from .load import asserted_count, load
    from .reason import materialise
    from .validate import validate

    seconds: dict[str, float] = {}
    with _stage("inlezen", seconds, progress):
        store = load(folder)
    with _stage("valideren", seconds, progress):
        problems = validate(store, folder)
        if any(p.is_error for p in problems):
            raise ValidationFailed(problems)
        asserted = asserted_count(store)
    with _stage("redeneren", seconds, progress):
        inferred = materialise(store, mode=reasoner)
    with _stage("opslaan", seconds, progress):
        report = BuildReport(
            entry=entry,
            from_cache=False,
            sources=len(folder.sources()),
            asserted=asserted,
            inferred=inferred,
            seconds=seconds,
            warnings=problems,
            reasoner=reasoner,
        )
        manifest = {
            "key": key,
            "data": str(folder.root),
            "sources": report.sources,
            "asserted": asserted,
            "inferred": inferred,
            "quads": len(store),
            "seconds": seconds,
            "reasoner": reasoner,
            "version": __version__,
        }
        protect = () if folder.root == DataFolder.resolve(None).root else (default_key(),)
        cache.store(key, lambda target: _save(store, target), manifest, protect=protect)
    return report
