"""Upload the cached build to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

Every named graph of the build (the ontology, the registers, each plan, and the inferred
triples in <…/graph/inferred>) is sent with one PUT, which replaces that graph on the
store: a re-publish leaves exactly the new triples, never stale ones next to them.

A graph that was published before but is no longer in the build (a renamed plan file)
would still linger, so each publish also writes a small record of what it published, the
graph <…/graph/publicatie>, and deletes the graphs the previous record lists that the
new build no longer has. Graphs this project did not publish are never touched.

A publish that fails halfway leaves the store half new, half old. It then says exactly
which graphs were replaced and which not, and remembers (in the cache folder, per store
and build) what was done: the next `publish` sends only the rest, `--all` sends everything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import KennisgraafError, StoreError
from .httpclient import GRAPH_FORMATS, MAX_ANSWER_BYTES, check_url, fetch, status_error
from .namespaces import DCTERMS, GRAPH_BASE, XSD

#: the record of the last publish: which graphs, from which build, when
RECORD_GRAPH = GRAPH_BASE + "publicatie"
DEFAULT_TIMEOUT = 120.0


@dataclass
class PublishedGraph:
    graph: str  # the graph IRI; "" for the default graph
    triples: int
    status: int  # the store's HTTP status: 201 created, 200/204 replaced


@dataclass
class PublishReport:
    store: str
    graphs: list[PublishedGraph] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)  # replaced by an earlier, interrupted attempt

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


def short_name(graph: str) -> str:
    return graph[len(GRAPH_BASE) :] if graph.startswith(GRAPH_BASE) else (graph or "(standaardgraaf)")


class PublishIncomplete(KennisgraafError):
    """A PUT failed: some graphs are new on the store, the others still old (or absent)."""

    def __init__(self, report: PublishReport, failed: str, remaining: list[str], cause: str):
        self.report, self.failed, self.remaining = report, failed, remaining
        done = [g.graph for g in report.graphs] + report.skipped
        replaced = ", ".join(short_name(g) for g in done) or "geen"
        missing = ", ".join(short_name(g) for g in [failed, *remaining])
        super().__init__(
            f"publicatie onvolledig: {cause}. Vervangen ({len(done)}): {replaced}. Niet vervangen "
            f"({len(remaining) + 1}): {missing}. Opnieuw `kennisgraaf publish` stuurt alleen de niet vervangen "
            "grafen (of --all voor alles)."
        )


class PublishState:
    """Which graphs of which build were already replaced on one store (for resuming)."""

    def __init__(self, cache_root: Path, store_url: str, build_key: str):
        name = hashlib.sha256(store_url.encode("utf-8")).hexdigest()[:16]
        self.path = Path(cache_root) / "publicaties" / f"{name}.json"
        self.store_url, self.build_key = store_url, build_key

    def done(self) -> set[str]:
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        if not isinstance(state, dict) or state.get("build") != self.build_key or state.get("store") != self.store_url:
            return set()
        return {g for g in state.get("done", []) if isinstance(g, str)}

    def save(self, done: set[str]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(
                json.dumps({"store": self.store_url, "build": self.build_key, "done": sorted(done)}), encoding="utf-8"
            )
        except OSError:
            pass  # a read-only cache: no resuming, the message still lists what is missing

    def clear(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass


def graphs_in(nquads: Path) -> dict[str, list[ox.Triple]]:
    """The build's triples per graph IRI ("" for the default graph), in a stable order."""
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs[name].append(quad.triple)
    return dict(sorted(graphs.items()))


class GraphStore:
    """A Graph Store Protocol service: GET, PUT and DELETE of one graph at a time."""

    def __init__(
        self, url: str, *, user: str | None = None, password: str | None = None, timeout: float = DEFAULT_TIMEOUT
    ):
        self.url = check_url(url, "--store")
        self.timeout = timeout
        self._user, self._password = user, password

    def graph_url(self, graph: str) -> str:
        """`?graph=<iri>` (indirect identification), or `?default` for the default graph."""
        parts = urllib.parse.urlsplit(self.url)
        extra = "default" if not graph else urllib.parse.urlencode({"graph": graph})
        query = f"{parts.query}&{extra}" if parts.query else extra
        return urllib.parse.urlunsplit(parts._replace(query=query))

    def _send(
        self, method: str, graph: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, str, bytes]:
        request = urllib.request.Request(
            self.graph_url(graph),
            data=body,
            method=method,
            headers={"User-Agent": "kennisgraaf publish", **(headers or {})},
        )
        what = f"{method} {graph or 'standaardgraaf'}"
        try:
            return fetch(
                request,
                url=self.url,
                user=self._user,
                password=self._password,
                timeout=self.timeout,
                max_bytes=MAX_ANSWER_BYTES,
                what=f"{self.url}: {what}",
            )
        except urllib.error.HTTPError as err:
            if err.code == 404 and method in ("GET", "DELETE"):
                return 404, "", b""
            hint = ""
            if err.code == 401:
                hint = " — controleer --user en het wachtwoord (--password-env), en of die gebruiker mag schrijven"
            elif err.code in (404, 405):
                hint = " — is dit het Graph Store-adres? (Virtuoso: …/sparql-graph-crud-auth, Fuseki: …/<dataset>/data)"
            raise StoreError(status_error(f"{self.url}: {what}", err, hint)) from None

    def put(self, graph: str, triples: list[ox.Triple]) -> int:
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        status, _, _ = self._send("PUT", graph, body, {"Content-Type": "application/n-triples"})
        return status

    def get(self, graph: str) -> list[ox.Triple] | None:
        """The graph's triples, or None when the store does not have it."""
        accept = "application/n-triples, text/turtle;q=0.9"
        status, kind, body = self._send("GET", graph, headers={"Accept": accept})
        if status == 404:
            return None
        fmt = GRAPH_FORMATS.get(kind, ox.RdfFormat.TURTLE)  # some stores omit the media type
        try:
            return [quad.triple for quad in ox.parse(body, format=fmt)]
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{self.url}: GET {graph} gaf onleesbare RDF ({kind}): {err}") from None

    def delete(self, graph: str) -> bool:
        status, _, _ = self._send("DELETE", graph)
        return status != 404


def record_triples(graphs: list[str], build_key: str, when: dt.datetime) -> list[ox.Triple]:
    """The publication record: which graphs (dcterms:hasPart), which build, when."""
    record = ox.NamedNode(RECORD_GRAPH)
    triples = [ox.Triple(record, ox.NamedNode(DCTERMS.hasPart), ox.NamedNode(g)) for g in graphs if g]
    triples.append(ox.Triple(record, ox.NamedNode(DCTERMS.identifier), ox.Literal(build_key)))
    stamp = when.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    triples.append(
        ox.Triple(record, ox.NamedNode(DCTERMS.modified), ox.Literal(stamp, datatype=ox.NamedNode(XSD.dateTime)))
    )
    return triples


def previously_published(store: GraphStore) -> set[str]:
    triples = store.get(RECORD_GRAPH) or []
    return {
        t.object.value for t in triples if t.predicate.value == DCTERMS.hasPart and isinstance(t.object, ox.NamedNode)
    }


def publish(
    nquads: Path,
    store: GraphStore,
    *,
    build_key: str = "",
    prune: bool = True,
    progress=None,
    state: PublishState | None = None,
) -> PublishReport:
    """PUT every graph of the build, record what was published, remove what no longer is.

    With a `state`, graphs an interrupted earlier attempt already replaced (same build,
    same store) are skipped, and a failing PUT raises PublishIncomplete saying what was
    and was not replaced.
    """
    started = time.perf_counter()
    report = PublishReport(store=store.url)
    graphs = graphs_in(nquads)
    done = state.done() & set(graphs) if state else set()
    before = previously_published(store) if prune else set()
    names = list(graphs)
    for index, (graph, triples) in enumerate(graphs.items()):
        if graph in done:
            report.skipped.append(graph)
            continue
        if progress:
            progress(graph)
        try:
            status = store.put(graph, triples)
        except StoreError as err:
            if state:
                state.save(done)
            cause = str(err)
            raise PublishIncomplete(report, graph, [g for g in names[index + 1 :] if g not in done], cause) from None
        report.graphs.append(PublishedGraph(graph, len(triples), status))
        done.add(graph)
    try:
        store.put(RECORD_GRAPH, record_triples(list(graphs), build_key, dt.datetime.now(dt.UTC)))
    except StoreError as err:
        if state:
            state.save(done)
        raise PublishIncomplete(report, RECORD_GRAPH, [], str(err)) from None
    if state:
        state.clear()
    for stale in sorted(before - set(graphs) - {RECORD_GRAPH}):
        if stale.startswith(GRAPH_BASE) and store.delete(stale):
            report.removed.append(stale)
    report.seconds = time.perf_counter() - started
    return report
