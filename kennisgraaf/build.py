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
from pathlib import Path

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


def cache_key(folder: DataFolder, reasoner: str, known: dict | None = None) -> str:
    return folder.fingerprint(extra=f"kennisgraaf {__version__} reasoner={reasoner}", known=known)


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


#: from this many quads on, validation runs in a second process beside the reasoning; below
#: it both take well under a second and a second process costs more than it saves
PARALLEL_FROM = 50_000


def _validate(store, folder: DataFolder) -> tuple[list[Violation], int, float]:
    from .load import asserted_count
    from .validate import validate

    started = time.perf_counter()
    problems = validate(store, folder)
    return problems, asserted_count(store), time.perf_counter() - started


def _validate_apart() -> None:
    """The second process (`python -c`, argv: data folder, cache key, reasoner): `_validate`
    on its own parse of the same files (3 s at 1 M triples, while the reasoner needs 20),
    the result pickled to stdout. A file changed since the build began is refused (exit 3),
    and the build then validates its own store."""
    import pickle

    from .load import load

    root, key, reasoner = sys.argv[1:4]
    folder = DataFolder.resolve(Path(root))
    if cache_key(folder, reasoner) != key:
        sys.exit(3)
    result = _validate(load(folder), folder)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


_CHILD = "from kennisgraaf.build import _validate_apart; _validate_apart()"


def _check_and_reason(
    store, union, folder: DataFolder, key: str, reasoner: str, seconds: dict, progress: Progress | None
):
    """Validation and reasoning side by side, on a big graph: on two cores the slower of the
    two is what a 1 M build waits for. Validation runs in a second process, not a thread: much
    of it is Python (pySHACL's rdflib, the integrity checks) and would hold the GIL the
    reasoner's loop needs, and a pyoxigraph result made in one thread must not be collected in
    another. The process is a fresh interpreter, not a fork (a fork of a process with threads,
    a server that builds on request, can hang on a lock no thread will release) and not
    multiprocessing's spawn (which runs the caller's main module again: a notebook or a
    script without a main guard would build in the child). The conclusions are
    written only when both are done; a validation error comes first, even when the reasoner
    also failed on the same bad data. If the process fails in any way, validation runs again
    here, so every error is the usual one. Returns (findings, asserted, inferred)."""
    from .reason import conclude, write_conclusions

    seconds.update(valideren=0.0, redeneren=0.0)  # the order the report shows them in
    if len(store) < PARALLEL_FROM:
        with _stage("valideren", {}, progress):
            problems, asserted, seconds["valideren"] = _validate(store, folder)
        if any(p.is_error for p in problems):
            raise ValidationFailed(problems)
        with _stage("redeneren", {}, progress):
            started = time.perf_counter()
            inferred = write_conclusions(store, conclude(store, mode=reasoner, union=union))
            seconds["redeneren"] = time.perf_counter() - started
        return problems, asserted, inferred

    import pickle
    import subprocess

    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(folder.root), key, reasoner],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )

    def checked() -> tuple[list[Violation], int, float]:
        try:
            output, _ = child.communicate()
            if child.returncode == 0:
                return pickle.loads(output)
        except Exception:  # noqa: BLE001 - an answer that does not read: validate here
            pass
        return _validate(store, folder)

    try:
        with _stage("valideren en redeneren", {}, progress):
            started = time.perf_counter()
            try:
                conclusions = conclude(store, mode=reasoner, union=union)
            except BaseException:
                problems, _, _ = checked()
                if any(p.is_error for p in problems):
                    raise ValidationFailed(problems) from None
                raise
            seconds["redeneren"] = time.perf_counter() - started
            problems, asserted, seconds["valideren"] = checked()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    started = time.perf_counter()
    inferred = write_conclusions(store, conclusions)
    seconds["redeneren"] += time.perf_counter() - started
    return problems, asserted, inferred


def _save(store, folder) -> None:
    """The build's files: the persistent store and the N-Quads (for serve and publish).

    The store is bulk-loaded from the N-Quads just written: at 1.6 M quads 13.6 s, where
    filling it quad by quad from the store in memory took 16.3 s (the iterator holds the GIL
    for every quad). It is not compacted: `optimize()` took 5–8 s and a read-only open plus
    a query was no faster after it (benchmarks/build.py --store).
    """
    import gc

    import pyoxigraph as ox

    from .cache import GRAPH_FILE, STORE_DIR

    store.dump(output=str(folder / GRAPH_FILE), format=ox.RdfFormat.N_QUADS)
    disk = ox.Store(str(folder / STORE_DIR))
    disk.bulk_load(path=str(folder / GRAPH_FILE), format=ox.RdfFormat.N_QUADS)
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
    known = cache.file_hashes()
    before = dict(known)
    key = cache_key(folder, reasoner, known)
    entry = cache.entry(key)
    if not force:
        report = cached(entry, notify)
        if report is not None:
            if known != before:
                cache.keep_file_hashes(known)
            return report

    import pyoxigraph as ox

    from .load import load

    seconds: dict[str, float] = {}
    with _stage("inlezen", seconds, progress):
        union = ox.Store() if reasoner in ("rules", "rdfs") else None  # the rules' workspace
        store = load(folder, union)
    problems, asserted, inferred = _check_and_reason(store, union, folder, key, reasoner, seconds, progress)
    del union
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
        cache.keep_file_hashes(known)  # only beside a good build: a failed one leaves the cache as it was
    return report
