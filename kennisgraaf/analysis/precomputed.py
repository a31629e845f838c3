"""The analysis network and results of a build, computed once and kept beside the build.

Reading the network out of the store (four SELECTs, the plan texts searched for lines) costs
more than every analysis that runs on it, and gives the same answer for every command on
the same build. So the first command on a build keeps the network, and `analyse` keeps its
result per plan year (and per option), beside the build (kennisgraaf/derived.py says how
and why pickle); later commands read them. A remote endpoint or an in-memory store is
never cached.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..cache import CacheEntry, entry_of
from ..derived import files_digest, kept, name

#: the network attribute that names the build a network came from (kept by copies and `scope`)
SOURCE = "kennisgraaf:afgeleid"


def load_network(store, texts: Path | None = None):
    """`network.load_network(store, texts)`, read from the build's cache entry once it was made."""
    from . import network as networks

    entry = entry_of(store)
    if entry is None:
        return networks.load_network(store, texts)
    kept_as = name("netwerk", entry.folder.name, files_digest(texts))
    found = kept(entry, kept_as, lambda: networks.load_network(store, texts))
    found.graph[SOURCE] = (str(entry.folder), kept_as)
    return found


def _shape(network) -> str:
    """What a network holds, in the order it holds it: a scoped or filtered copy of a cached
    network differs from the network itself, so each gets its own analysis."""
    digest = hashlib.sha256(repr(sorted((k, repr(v)) for k, v in network.graph.items() if k != SOURCE)).encode())
    for node in network:
        digest.update(str(node).encode() + b"\0")
    digest.update(str(network.number_of_edges()).encode())
    return digest.hexdigest()


def cached_analysis(network, compute, *options, kind: str = "analyse"):
    """`compute()` for `network`, kept beside the build `network` was read from (if any);
    `kind` names what is kept (an analysis, a rendered view page)."""
    source = network.graph.get(SOURCE)
    if not source:
        return compute()
    folder, network_name = source
    return kept(CacheEntry(Path(folder)), name(kind, network_name, _shape(network), repr(options)), compute)


def kept_for_year(store, texts: Path | None, jaar, kind: str, options: tuple, compute):
    """`compute()` for the network of plan year `jaar` of the cached build `store` was opened
    from, kept beside the build and read back without the network: what it gives must be plain
    data (findings, names, a rendered text), so a warm command need not import networkx nor
    unpickle and scope the network. The name is that of the network (build, plan texts, code),
    the year and `options`; a remote or in-memory store computes it each time."""
    entry = entry_of(store)
    if entry is None:
        return compute()
    return kept(entry, name(kind, entry.folder.name, files_digest(texts), repr(jaar), repr(options)), compute)


def plan_years(store, texts: Path | None = None) -> tuple[int, ...]:
    """The plan years of the analysis network (`years.plan_years`), kept beside the build."""

    def compute() -> tuple[int, ...]:
        from .years import plan_years as years_of

        return years_of(load_network(store, texts))

    return kept_for_year(store, texts, None, "jaren", (), compute)
