"""Stage 1: parse every source file with Oxigraph into one store, one named graph per file.

Oxigraph's Rust parser is an order of magnitude faster than rdflib's and does not recurse,
so 20,000 nested brackets are a syntax error with a line number, not a crashed stack.
rdflib is only used where pySHACL needs it (validate.py), never here.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from .errors import SourceError
from .namespaces import INFERRED_GRAPH
from .sources import DataFolder, SourceFile

_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG}
_POSITION = re.compile(
    r"^Parser error (?:at line \d+ (?:between columns \d+ and \d+|column \d+)"
    r"|between line \d+ column \d+ and line \d+ column \d+): "
)
_TRAILING_LINE = re.compile(r" \(line \d+\)$")


def syntax_message(err: SyntaxError) -> str:
    """Oxigraph's message without the position (the caller puts `file:line` in front)."""
    text = str(err).strip()
    text = _TRAILING_LINE.sub("", _POSITION.sub("", text))
    return " ".join(text.split())


def parse_source(source: SourceFile, into, union: ox.Store | None = None) -> None:
    """Parse one file into its graph, turning any parser complaint into `path:line: message`.

    `into` is an Oxigraph store, or an rdflib Graph (for code that edits plans with rdflib):
    then the file is still parsed by Oxigraph, with the same messages, and copied over.
    With `union` (a store), the same bytes also go into its default graph: see `load`.
    """
    if not isinstance(into, ox.Store):
        from .validate import to_rdflib

        parsed = ox.Store()
        parse_source(source, parsed)
        into += to_rdflib(parsed)
        return
    try:
        data = source.path.read_bytes()
    except OSError as err:
        raise SourceError(source.relative, None, f"onleesbaar ({err.strerror or err})") from None
    graph = None if source.format == "trig" else ox.NamedNode(source.graph_iri)
    try:
        if union is not None and graph is None:
            _load_trig(data, source, into, union)
        else:
            into.load(data, format=_FORMATS[source.format], base_iri=source.path.as_uri(), to_graph=graph)
            if union is not None:
                union.load(
                    data, format=_FORMATS[source.format], base_iri=source.path.as_uri(), to_graph=ox.DefaultGraph()
                )
    except SyntaxError as err:
        raise SourceError(source.relative, err.lineno, syntax_message(err)) from None
    except (ValueError, OSError) as err:
        raise SourceError(source.relative, None, str(err)) from None


def _load_trig(data: bytes, source: SourceFile, into: ox.Store, union: ox.Store) -> None:
    """A TriG file's named graphs into `into`, and their triples into `union`'s default graph
    (one parse, so a blank node two of its graphs share stays one node in both)."""
    parsed = ox.Store()
    parsed.load(data, format=_FORMATS[source.format], base_iri=source.path.as_uri())
    into.bulk_extend(parsed.quads_for_pattern(None, None, None, None))
    union.bulk_extend(
        ox.Quad(q.subject, q.predicate, q.object)
        for q in parsed.quads_for_pattern(None, None, None, None)
        if not isinstance(q.graph_name, ox.DefaultGraph)
    )


def load(folder: DataFolder, union: ox.Store | None = None) -> ox.Store:
    """All sources in one in-memory store; TriG files keep their own graph names.

    With `union`, what the named graphs state also goes into its default graph, from the same
    bytes: the rules' workspace (rules.workspace). Parsed a second time it is ready in 3 s at
    1 M triples, where copying it out of the store took 5 s, and the rules ran 18 s on it
    against 22 s on the copy (the 1 M folder of benchmarks/synth.py, in memory, two runs each).
    """
    store = ox.Store()
    for source in folder.sources():
        parse_source(source, store, union)
    return store


def select(store: ox.Store, query: str, **options) -> ox.QuerySolutions:
    """The rows of a SELECT the package itself runs on a raw store (a typed result)."""
    result = store.query(query, **options)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"geen SELECT: {query[:60]}")
    return result


def asserted_count(store: ox.Store) -> int:
    """Distinct triples over every source graph (a triple stated in two files counts once)."""
    query = """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE {
                 GRAPH ?g { ?s ?p ?o } FILTER(?g != ?inferred) } }"""
    [row] = select(store, query.replace("?inferred", f"<{INFERRED_GRAPH}>"))
    return int(row["n"].value)


def load_dataset(folder: DataFolder):
    """The sources as an rdflib Dataset, one named graph per file: for code that edits the
    graph with rdflib (authoring). The build itself never uses this."""
    from rdflib import Dataset, URIRef

    from .namespaces import bind_all
    from .validate import to_rdflib

    store = load(folder)
    dataset = Dataset()
    bind_all(dataset)
    for graph in store.named_graphs():
        named = dataset.graph(URIRef(graph.value))
        named += to_rdflib(store, graph.value)
    return dataset


def from_rdflib(dataset) -> ox.Store:
    """An rdflib Dataset (or Graph) as an Oxigraph store with the same named graphs."""
    data = dataset.serialize(format="nquads" if hasattr(dataset, "graphs") else "nt", encoding="utf-8")
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_QUADS)
    return store
