"""The pipeline: load → validate → reason → cache, with a report of what each stage did."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import __version__
from .cache import Cache, CacheEntry
from .errors import ValidationFailed
from .sources import DataFolder
from .validate import Violation

Progress = Callable[[str], object]  # called with a Dutch stage name; may return a context manager


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


@contextmanager
def _stage(name: str, seconds: dict, progress: Progress | None):
    started = time.perf_counter()
    handle = progress(name) if progress else None
    if hasattr(handle, "__enter__"):
        with handle:
            yield
    else:
        yield
    seconds[name] = time.perf_counter() - started


def build(
    folder: DataFolder,
    cache: Cache,
    *,
    reasoner: str = "rules",
    force: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the graph unless an identical build is cached; raise on bad input."""
    from rdflib import URIRef

    from .load import load, union
    from .namespaces import INFERRED_GRAPH
    from .reason import infer
    from .validate import validate

    key = cache_key(folder, reasoner)
    entry = cache.entry(key)
    if entry.exists() and not force:
        manifest = entry.manifest
        return BuildReport(
            entry=entry,
            from_cache=True,
            sources=manifest["sources"],
            asserted=manifest["asserted"],
            inferred=manifest["inferred"],
            seconds=manifest["seconds"],
            reasoner=manifest["reasoner"],
        )

    seconds: dict[str, float] = {}
    with _stage("inlezen", seconds, progress):
        dataset = load(folder)
        asserted = union(dataset)
    with _stage("valideren", seconds, progress):
        problems = validate(dataset, folder, asserted)
        errors = [p for p in problems if p.is_error]
        if errors:
            raise ValidationFailed(problems)
    with _stage("redeneren", seconds, progress):
        inferred = infer(asserted, reasoner)
        target = dataset.graph(URIRef(INFERRED_GRAPH))
        for triple in inferred:
            target.add(triple)
    with _stage("opslaan", seconds, progress):
        nquads = dataset.serialize(format="nquads", encoding="utf-8")
        report = BuildReport(
            entry=entry,
            from_cache=False,
            sources=len(folder.sources()),
            asserted=len(asserted),
            inferred=len(inferred),
            seconds=seconds,
            warnings=problems,
            reasoner=reasoner,
        )
        manifest = {
            "key": key,
            "data": str(folder.root),
            "sources": report.sources,
            "asserted": report.asserted,
            "inferred": report.inferred,
            "seconds": seconds,
            "reasoner": reasoner,
            "version": __version__,
        }
        cache.store(key, nquads, manifest)
    return report
