"""The named graphs of the build as Linked Data: /graph/ lists them, /graph/<name> is one of them.

Each source file is its own named graph (`…/graph/plans/2026/waterkwaliteit`), and the
reasoner's entailments are `…/graph/inferred`; so a citation can name the file a statement
came from, and a client can fetch exactly that file's triples. The RDF answers are written by
the one serialiser (`results.graph_body`); the HTML here shows the first triples with labels
and points to the full downloads.
"""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox

from .. import sparql
from ..htmltext import esc
from ..labels import label_map
from ..namespaces import GRAPH_BASE
from . import pages
from .resources import node

MAX_SHOWN = 1000  # triples on one graph page; the downloads have them all
DOWNLOADS = (("Turtle", ".ttl"), ("N-Triples", ".nt"), ("JSON-LD", ".jsonld"), ("RDF/XML", ".rdf"))


def graph_iri(name: str) -> str | None:
    """The IRI of /graph/<name>; None for a name that cannot be one (empty, `.` or `..` parts)."""
    if not name or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    return GRAPH_BASE + name


def exists(store, iri: str) -> bool:
    return store.ask(sparql.text("graph_exists"), {"g": ox.NamedNode(iri)})


def triples(store, iri: str) -> list[ox.Triple]:
    return store.construct(sparql.text("graph_triples"), {"g": ox.NamedNode(iri)})


def sizes(store) -> list[tuple[str, int]]:
    """(name under /graph/, number of triples) of every named graph of the build."""
    rows = store.select(sparql.text("graph_sizes")).rows
    return [
        (row["g"].value[len(GRAPH_BASE) :], int(row["triples"].value))
        for row in rows
        if row["g"].value.startswith(GRAPH_BASE)
    ]


def _href(name: str) -> str:
    return "/graph/" + urllib.parse.quote(name)


def _downloads(name: str) -> str:
    links = " · ".join(f'<a href="{esc(_href(name) + ext)}">{esc(text)}</a>' for text, ext in DOWNLOADS)
    return f'<p class="formats">Ook als {links}</p>'


def listing_page(found: list[tuple[str, int]]) -> str:
    items = "\n".join(
        f'<li><a href="{esc(_href(name))}">{esc(name)}</a> <span class="count">{count}</span></li>'
        for name, count in found
    )
    body = (
        "<h1>Graven</h1>\n<p>Elk bronbestand is een eigen graaf; <code>inferred</code> bevat wat de "
        f'redeneerder afleidde.</p>\n<ul class="listing">\n{items or "<li>Geen.</li>"}\n</ul>'
    )
    return pages.layout("Graven", body)


def graph_page(store, name: str, found: list[ox.Triple]) -> str:
    shown = sorted(found, key=str)[:MAX_SHOWN]
    mentioned = {
        t.value
        for triple in shown
        for t in (triple.subject, triple.predicate, triple.object)
        if isinstance(t, ox.NamedNode)
    }
    names = label_map(store, mentioned)
    rows = "\n".join(
        "<tr>"
        + "".join(f"<td>{pages._node(node(t, names))}</td>" for t in (s.subject, s.predicate, s.object))
        + "</tr>"
        for s in shown
    )
    more = (
        f'<p class="note">De eerste {MAX_SHOWN} van {len(found)} tripels; de downloads bevatten ze allemaal.</p>'
        if len(found) > MAX_SHOWN
        else ""
    )
    body = (
        f'<h1>Graaf {esc(name)}</h1>\n<p class="iri"><code>{esc(GRAPH_BASE + name)}</code> · {len(found)} tripels</p>\n'
        f"{_downloads(name)}\n{more}"
        '<table class="props"><thead><tr><th>onderwerp</th><th>eigenschap</th><th>waarde</th></tr></thead>'
        f"<tbody>\n{rows}\n</tbody></table>"
    )
    return pages.layout(f"graaf {name}", body)
