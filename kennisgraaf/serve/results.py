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
    """More rows (solutions or triples) or more bytes than the limit allows."""

    def __init__(self, limit: int, unit: str = "rijen"):
        self.limit, self.unit = limit, unit
        super().__init__(limit)


def capped(items, limit: int) -> list:
    """The first `limit` items; TooLarge when there are more."""
    taken = list(islice(iter(items), limit + 1))
    if len(taken) > limit:
        raise TooLarge(limit)
    return taken


def limited(items, limit: int):
    """The items one by one; TooLarge as soon as there are more than `limit` (nothing is collected)."""
    for count, item in enumerate(items, 1):
        if count > limit:
            raise TooLarge(limit)
        yield item


class _Sized:
    """Collects the parts of an answer and refuses it once it grows past `limit` bytes."""

    def __init__(self, limit: int | None):
        self.parts: list[bytes] = []
        self.size, self.limit = 0, limit

    def add(self, text: str) -> None:
        data = text.encode("utf-8")
        self.size += len(data)
        if self.limit is not None and self.size > self.limit:
            raise TooLarge(self.limit, "bytes")
        self.parts.append(data)

    def value(self) -> bytes:
        return b"".join(self.parts)


def _xml_text(value: str) -> str:
    """Escaped element text; a carriage return as `&#13;`, which XML parsers would read as a newline."""
    return escape(value, {"\r": "&#13;"})


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{_xml_text(term.value)}</literal>"
        if term.datatype.value != XSD.string:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml_text(term.value)}</literal>"
        return f"<literal>{_xml_text(term.value)}</literal>"
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


def solutions_body(variables: list[str], rows, key: str, max_bytes: int | None = None) -> bytes:
    """`rows` (any iterable) are tuples of terms (None = unbound) in the order of `variables`.

    Written row by row, so an answer over `max_bytes` is refused (TooLarge) as soon as it
    grows past the limit, before the rest is read.
    """
    out = _Sized(max_bytes)
    if key == "json":
        out.add(json.dumps({"head": {"vars": variables}}, ensure_ascii=False)[:-1] + ', "results": {"bindings": [')
        for index, row in enumerate(rows):
            binding = {v: json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
            out.add((", " if index else "") + json.dumps(binding, ensure_ascii=False))
        out.add("]}}")
        return out.value()
    if key == "xml":
        out.add(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sparql xmlns="{SPARQL_NS}">\n<head>'
            + "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
            + "</head>\n<results>\n"
        )
        for row in rows:
            cells = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, row, strict=True)
                if t is not None
            )
            out.add(f"<result>{cells}</result>\n")
        out.add("</results>\n</sparql>\n")
        return out.value()
    if key == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([_csv_value(t) for t in row])
            out.add(buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()
        out.add(buffer.getvalue())
        return out.value()
    if key == "tsv":
        out.add("\t".join(f"?{v}" for v in variables) + "\n")
        for row in rows:
            out.add("\t".join("" if t is None else str(t) for t in row) + "\n")
        return out.value()
    raise ValueError(key)


def boolean_body(value: bool, key: str) -> bytes:
    if key == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if key == "xml":
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{SPARQL_NS}">\n<head/>\n'
            f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"
        ).encode()
    raise ValueError(key)


def used_prefixes(triples: list) -> dict[str, str]:
    """The project prefixes whose namespace some IRI in `triples` starts with."""
    iris = {
        t.value
        for triple in triples
        for t in (triple.subject, triple.predicate, triple.object)
        if isinstance(t, ox.NamedNode)
    }
    iris |= {triple.object.datatype.value for triple in triples if isinstance(triple.object, ox.Literal)}
    return {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}


def graph_body(triples: list, key: str) -> bytes:
    fmt = RDF_FORMATS[key]
    prefixes = used_prefixes(triples) if key in ("turtle", "rdfxml") else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
