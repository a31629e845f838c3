"""Query results written in the format a client asked for, with a cap on their size.

Solutions are written by hand (SPARQL JSON, XML, CSV, TSV: each a few lines) so that the
row cap is checked while reading them, before anything large is built in memory; graphs
are collected up to the cap and written by Oxigraph.
"""

from __future__ import annotations

import csv
import io
import json
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..namespaces import PREFIXES, XSD
from ..tables import json_term

SPARQL_NS = "http://www.w3.org/2005/sparql-results#"
RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


class TooLarge(Exception):
    """More rows (solutions or triples) than the limit allows."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(limit)


def capped(items, limit: int) -> list:
    """The first `limit` items; TooLarge when there are more."""
    taken = list(islice(iter(items), limit + 1))
    if len(taken) > limit:
        raise TooLarge(limit)
    return taken


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD.string:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        parts = (("subject", term.subject), ("predicate", term.predicate), ("object", term.object))
        return "<triple>" + "".join(f"<{n}>{_xml_term(t)}</{n}>" for n, t in parts) + "</triple>"
    raise TypeError(f"unexpected term {term!r}")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def solutions_body(variables: list[str], rows: list[tuple], key: str) -> bytes:
    """`rows` are tuples of terms (None = unbound) in the order of `variables`."""
    if key == "json":
        bindings = [{v: json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        payload = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        return json.dumps(payload, ensure_ascii=False).encode("utf-8")
    if key == "xml":
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<sparql xmlns="{SPARQL_NS}">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>\n")
        for row in rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                            for v, t in zip(variables, row, strict=True) if t is not None)
            out.append(f"<result>{cells}</result>\n")
        out.append("</results>\n</sparql>\n")
        return "".join(out).encode("utf-8")
    if key == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_value(t) for t in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if key == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(key)


def boolean_body(value: bool, key: str) -> bytes:
    if key == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if key == "xml":
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{SPARQL_NS}">\n<head/>\n'
                f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n").encode()
    raise ValueError(key)


def used_prefixes(triples: list) -> dict[str, str]:
    """The project prefixes whose namespace some IRI in `triples` starts with."""
    iris = {t.value for triple in triples for t in (triple.subject, triple.predicate, triple.object)
            if isinstance(t, ox.NamedNode)}
    iris |= {triple.object.datatype.value for triple in triples if isinstance(triple.object, ox.Literal)}
    return {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}


def graph_body(triples: list, key: str) -> bytes:
    fmt = RDF_FORMATS[key]
    prefixes = used_prefixes(triples) if key in ("turtle", "rdfxml") else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
