"""The page of one resource: its properties, and its links out and in, grouped by relation in
plain Dutch, each with the plan line that states it.

One renderer for the static site and for `serve` (only the `Linker` differs), so a regisseur
sees the same page from a file share as from the server.
"""

from __future__ import annotations

from itertools import groupby

from ..htmltext import esc
from ..serve.resources import Node, ResourceView, Statement
from .layout import page
from .links import Linker, page_of

LEGEND = "Cursief: afgeleid door de redeneerder, niet letterlijk in een plan."


def node_html(link: Linker, node: Node) -> str:
    """One term: a link to its page (or its ontology entry), or a literal with its tag."""
    if node.iri is not None:
        href = link.resource(node.iri)
        text = esc(node.text)
        if href:
            return f'<a href="{esc(href)}" title="{esc(node.iri)}">{text}</a>'
        return f'<span title="{esc(node.iri)}">{text}</span>'
    extra = ""
    if node.lang:
        extra = f' <span class="tag">@{esc(node.lang)}</span>'
    elif node.datatype:
        extra = f' <span class="tag">{esc(node.datatype)}</span>'
    return f'<span class="literal">{esc(node.text)}</span>{extra}'


def citation_html(link: Linker, bron: str | None) -> str:
    """ "kennisplan-2026-x.txt:3, 12" → one link per line to the plan text's line anchor."""
    if not bron:
        return ""
    name, _, lines = bron.partition(":")
    numbers = [n.strip() for n in lines.split(",") if n.strip().isdigit()] if lines else []
    if not numbers:
        href = link.citation(name)
        return f'<a class="plantekst" href="{esc(href)}">{esc(name)}</a>' if href else esc(name)
    parts = []
    for n in numbers:
        href = link.citation(f"{name}:{n}")
        parts.append(f'<a class="bron" href="{esc(href)}" title="{esc(name)} regel {esc(n)}">regel {esc(n)}</a>')
    return f'<span class="plan">{esc(name.removesuffix(".txt"))}</span> ' + ", ".join(parts)


def _graphs(statement: Statement) -> str:
    return ", ".join(esc(g) for g in statement.graphs)


def _group_heading(link: Linker, predicate: Node, incoming: bool) -> str:
    name = node_html(link, predicate)
    return f"<h3>Genoemd als {name} door</h3>" if incoming else f"<h3>{name}</h3>"


def _links(link: Linker, statements: list[Statement], incoming: bool) -> str:
    parts = []
    for _, group in groupby(statements, key=lambda s: s.predicate.iri):
        items = list(group)
        parts.append(_group_heading(link, items[0].predicate, incoming))
        rows = []
        for s in items:
            css = ' class="inferred"' if s.inferred_only else ""
            cite = citation_html(link, s.bron)
            cite = f' <span class="waar">· {cite}</span>' if cite else ""
            rows.append(f'<li{css}>{node_html(link, s.value)}{cite} <span class="graph">{_graphs(s)}</span></li>')
        parts.append('<ul class="links">\n' + "\n".join(rows) + "\n</ul>")
    return "\n".join(parts)


def _properties(link: Linker, statements: list[Statement]) -> str:
    rows = []
    for s in statements:
        css = ' class="inferred"' if s.inferred_only else ""
        rows.append(
            f"<tr{css}><td>{node_html(link, s.predicate)}</td><td>{node_html(link, s.value)}</td>"
            f"<td>{_graphs(s)}</td></tr>"
        )
    return (
        '<table class="props"><thead><tr><th>eigenschap</th><th>waarde</th><th>bron</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


def resource_body(link: Linker, view: ResourceView, extra: str = "") -> str:
    """The page's main content; `extra`: sections a kind adds (a theme's products, partners, ...)."""
    types = " ".join(f'<span class="chip">{node_html(link, t)}</span>' for t in view.types)
    own = page_of(view.iri)
    formats = ""
    if own:
        formats = (
            f'<p class="formats">Ook als <a href="{esc(link.href(own, suffix=".ttl"))}">Turtle</a> · '
            f'<a href="{esc(link.href(own, suffix=".jsonld"))}">JSON-LD</a></p>'
        )
    literals = [s for s in view.outgoing if s.value.iri is None]
    out_links = [s for s in view.outgoing if s.value.iri is not None]
    parts = [
        f"<h1>{esc(view.label)}</h1>",
        f'<p class="iri"><code>{esc(view.iri)}</code> {types}</p>',
        formats,
        f'<p class="legend">{esc(LEGEND)}</p>',
    ]
    if view.truncated:
        parts.append('<p class="note">Deze bron heeft zeer veel verbindingen; alleen de eerste worden getoond.</p>')
    parts.append(extra)
    parts.append("<h2>Eigenschappen</h2>")
    parts.append(_properties(link, literals) if literals else "<p>Geen.</p>")
    parts.append("<h2>Verbindingen</h2>")
    parts.append(_links(link, out_links, incoming=False) if out_links else "<p>Geen.</p>")
    parts.append("<h2>Verwijzingen naar deze bron</h2>")
    parts.append(_links(link, view.incoming, incoming=True) if view.incoming else "<p>Geen.</p>")
    return "\n".join(p for p in parts if p)


def resource_page(link: Linker, view: ResourceView, extra: str = "") -> str:
    return page(link, view.label, resource_body(link, view, extra))
