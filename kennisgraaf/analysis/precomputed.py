"""The analysis network and results of a build, computed once and kept beside the build.

Reading the network out of the store (four SELECTs, the plan texts searched for lines) costs
more than every analysis that runs on it, and gives the same answer for every command on
the same build. So the first command on a build keeps the network, and `analyse` keeps its
result per plan year, in the build's cache entry (`CacheEntry.keep_derived`: checksummed,
switched in whole, removed with the build); later commands read them.

The format is pickle: a networkx graph and the frozen `Analysis` dataclasses pickle as they
are, with their tuples, Decimals and dict order intact (JSON would turn tuples into lists and
change what the reports print), and a pickle loads in milliseconds. Pickle runs code from the
file it reads, so only files this package wrote in the user's own cache are read, and only
when the name matches: the name is a hash of the build's key, the package version, the
source of the package (any change to the analysis code gives new names) and, for the
network, the plan texts. A remote endpoint or an in-memory store is never cached.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path

from .. import __version__
from ..cache import CacheEntry, entry_of

#: the network attribute that names the build a network came from (kept by copies and `scope`)
SOURCE = "kennisgraaf:afgeleid"
_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_version() -> str:
    """A hash of the package's version and every source file that can shape a result."""
    from ..sources import shipped_root

    digest = hashlib.sha256(__version__.encode())
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(_PACKAGE.rglob("*.rq"))
    files += sorted((shipped_root() / "queries" / "analysis").glob("*.rq"))
    for path in files:
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _texts_digest(texts: Path | None) -> str:
    digest = hashlib.sha256()
    if texts is not None and Path(texts).is_dir():
        for path in sorted(Path(texts).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(texts).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _name(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\0".join((code_version(), *parts)).encode())
    return f"{kind}-{digest.hexdigest()[:32]}.pickle"


def _read(entry: CacheEntry, name: str):
    payload = entry.derived(name)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # an unreadable pickle (say, an older networkx): compute it again
        return None


def load_network(store, texts: Path | None = None):
    """`network.load_network(store, texts)`, read from the build's cache entry once it was made."""
    from . import network as networks

    entry = entry_of(store)
    if entry is None:
        return networks.load_network(store, texts)
    name = _name("netwerk", entry.folder.name, _texts_digest(texts))
    found = _read(entry, name)
    if found is None:
        found = networks.load_network(store, texts)
        entry.keep_derived(name, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    found.graph[SOURCE] = (str(entry.folder), name)
    return found


def _shape(network) -> str:
    """What a network holds, in the order it holds it: a scoped or filtered copy of a cached
    network differs from the network itself, so each gets its own analysis."""
    digest = hashlib.sha256(repr(sorted((k, repr(v)) for k, v in network.graph.items() if k != SOURCE)).encode())
    for node in network:
        digest.update(node.encode() + b"\0")
    digest.update(str(network.number_of_edges()).encode())
    return digest.hexdigest()


def cached_analysis(network, compute, *options):
    """`compute()` for `network`, kept beside the build `network` was read from (if any)."""
    source = network.graph.get(SOURCE)
    if not source:
        return compute()
    folder, name = source
    entry = CacheEntry(Path(folder))
    result_name = _name("analyse", name, _shape(network), repr(options))
    found = _read(entry, result_name)
    if found is None:
        found = compute()
        entry.keep_derived(result_name, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    return found
