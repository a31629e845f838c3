"""Stage 1: parse every source file into one rdflib Dataset, one named graph per file."""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from .errors import SourceError
from .namespaces import bind_all
from .sources import DataFolder, SourceFile


def parse_source(source: SourceFile, into: Graph) -> None:
    """Parse one file, turning any parser complaint into `path:line: message`."""
    try:
        into.parse(source.path, format=source.format)
    except SyntaxError as err:  # rdflib's BadSyntax is a SyntaxError
        line = getattr(err, "lines", None)
        why = getattr(err, "_why", None) or str(err).splitlines()[-1]
        raise SourceError(source.relative, line + 1 if line is not None else None, why) from None
    except (ValueError, UnicodeDecodeError) as err:
        raise SourceError(source.relative, None, str(err)) from None


def load(folder: DataFolder) -> Dataset:
    """All sources in one Dataset; TriG files keep their own graph names."""
    dataset = Dataset()
    bind_all(dataset)
    for source in folder.sources():
        if source.format == "trig":
            parse_source(source, dataset)
        else:
            parse_source(source, dataset.graph(URIRef(source.graph_iri)))
    return dataset


def union(dataset: Dataset) -> Graph:
    """The asserted triples of every named graph in one plain Graph (for SHACL and owlrl)."""
    merged = Graph()
    bind_all(merged)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged
