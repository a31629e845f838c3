"""SPARQL 1.1 Query Results in JSON, XML, CSV and TSV: the one writer, for the command line
(`kennisgraaf query -f json`) and the server (`/sparql`) alike.

The solutions are written row by row from any iterable, so the server's caps (rows, bytes)
are checked while the engine's solutions are read, before anything large is built. That is
why these are not Oxigraph's own `QuerySolutions.serialize`: it consumes the whole result
at once, so a row cap cannot stop it, and its XML writer leaves a carriage return raw
(XML parsers read it back as a newline; here it is `&#13;`). Oxigraph still reads every
answer (`parse_query_results`) and writes every graph (`serialize`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from .namespaces import XSD

SPARQL_NS = "http://www.w3.org/2005/sparql-results#"
#: the keys of the writers: the formats a SELECT or ASK answer can be written in
SOLUTION_KEYS = ("json", "xml", "csv", "tsv")


class TooLarge(Exception):
    """More rows (solutions or triples) or more bytes than the limit allows."""

    def __init__(self, limit: int, unit: str = "rijen"):
        self.limit, self.unit = limit, unit
        super().__init__(limit)


def json_term(term) -> dict:
    """One RDF term as SPARQL 1.1 Query Results JSON (RDF-star triples included)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": json_term(term.subject),
                "predicate": json_term(term.predicate),
                "object": json_term(term.object),
            },
        }
    raise TypeError(f"unexpected term {term!r}")


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
    from xml.sax.saxutils import escape  # imported when XML is written: it pulls in urllib.request (≈ 30 ms)

    return escape(value, {"\r": "&#13;"})


def quoteattr(value: str) -> str:
    """An attribute value in quotes, as `xml.sax.saxutils.quoteattr` writes it (imported only
    when XML is written, so no other command pays for urllib.request)."""
    from xml.sax.saxutils import quoteattr as quoted

    return quoted(value)


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


def solutions_body(variables: Sequence[str], rows: Iterable, key: str, max_bytes: int | None = None) -> bytes:
    """`rows` (any iterable) are tuples of terms (None = unbound) in the order of `variables`.

    Written row by row, so an answer over `max_bytes` is refused (TooLarge) as soon as it
    grows past the limit, before the rest is read.
    """
    variables = list(variables)
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


def readable_json(variables: Sequence[str], rows: Iterable[dict]) -> str:
    """SPARQL JSON for a person's file (`query -f json`): the same document, indented, each
    binding in its row's order (a per-year result adds `jaar` last)."""
    bindings = [{name: json_term(term) for name, term in row.items()} for row in rows]
    payload = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
