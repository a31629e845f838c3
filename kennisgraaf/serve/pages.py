"""The HTML pages of the server: the query page, resource pages, listings and errors.

Every value from the graph, the catalogue or the request passes through `esc` (or is
JSON-encoded for a data block) before it reaches the page — the same two escapers the
network views use; the pages load only the server's own script and style sheet, so they
work offline and under a strict CSP.
"""

from __future__ import annotations

import urllib.parse

from ..htmltext import esc, script_json
from ..namespaces import PREFIXES
from ..site.links import Linker
from ..site.resource_page import node_html
from .resources import ID_BASE, Node, ResourceView


def json_block(element_id: str, data: object) -> str:
    """A `<script type="application/json">` data block that no string in `data` can close."""
    return f'<script id="{esc(element_id)}" type="application/json">{script_json(data)}</script>'


Nav = tuple[tuple[str, str], ...]  # extra (text, href) links in the header: the views, the report


def layout(title: str, body: str, *, nav: Nav = (), scripts: str = "") -> str:
    site_link = "".join(f'<a href="{esc(href)}">{esc(text)}</a>' for text, href in nav)
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · kennisgraaf</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header class="top">
<a class="brand" href="/">kennisgraaf</a>
<nav><a href="/">Vragen</a><a href="/id/">Bronnen</a>{site_link}</nav>
</header>
<main>
{body}
</main>
<footer>Kennisnetwerk VTH · alleen-lezen SPARQL 1.1-endpoint op <code>/sparql</code></footer>
{scripts}
</body>
</html>
"""


def error_page(status: int, title: str, message: str, *, nav: Nav = ()) -> str:
    body = f'<h1>{esc(title)}</h1>\n<p class="error">{esc(message)}</p>\n<p><a href="/">Naar de vragenpagina</a></p>'
    return layout(f"{status} {title}", body, nav=nav)


def _node(node: Node) -> str:
    return node_html(Linker(served=True), node)


def resource_page(view: ResourceView, *, nav: Nav = ()) -> str:
    """The resource page as the static site renders it (kennisgraaf/site), with the server's links."""
    from ..site.links import page_of
    from ..site.model import SiteModel
    from ..site.resource_page import resource_page as render
    from ..site.theme_sections import theme_sections

    link = Linker(here=page_of(view.iri) or "id/index", served=True)
    extra = ""
    if isinstance(view.model, SiteModel) and view.iri.startswith(ID_BASE + "thema/"):
        extra = theme_sections(link, view.model, view.iri, with_card=False)
    return render(link, view, extra)


def listing_page(kind: str, nodes: list[Node], truncated: bool, *, nav: Nav = ()) -> str:
    items = "\n".join(f"<li>{_node(n)}</li>" for n in nodes)
    more = '<p class="note">De lijst is ingekort.</p>' if truncated else ""
    body = (
        f"<h1>{esc(kind)}</h1>\n<p>{len(nodes)} bronnen onder <code>{esc(ID_BASE + kind)}/</code></p>\n"
        f'{more}<ul class="listing">\n{items}\n</ul>'
    )
    return layout(kind, body, nav=nav)


def kinds_page(counts: list[tuple[str, int]], *, nav: Nav = ()) -> str:
    items = "\n".join(
        f'<li><a href="/id/{esc(urllib.parse.quote(kind))}/">{esc(kind)}</a> <span class="count">{count}</span></li>'
        for kind, count in counts
    )
    body = f'<h1>Bronnen per soort</h1>\n<ul class="listing">\n{items}\n</ul>'
    return layout("Bronnen", body, nav=nav)


def site_index(entries: list[tuple[str, str]], *, nav: Nav = ()) -> str:
    items = "\n".join(f'<li><a href="{esc(href)}">{esc(name)}</a></li>' for name, href in entries)
    body = f'<h1>Weergaven en rapport</h1>\n<ul class="listing">\n{items or "<li>Geen bestanden.</li>"}\n</ul>'
    return layout("Weergaven en rapport", body, nav=nav)


DEFAULT_QUERY = """# Alle project-prefixen (kn:, skos:, thema:, organisatie:, ...) zijn al gedeclareerd.
SELECT ?thema ?naam WHERE {
  ?thema a kn:Thema ; skos:prefLabel ?naam .
}
ORDER BY ?naam
"""


def catalogue_data(catalogue, jaren: tuple[int, ...] = ()) -> list[dict]:
    """The catalogue for the query page; a year-scoped query gets `jaar` as one more parameter
    (default the latest year with plans), so the page can ask for another year."""
    from ..years import uses_year

    def year_param(query) -> list[dict]:
        if not (jaren and uses_year(query.text)):
            return []
        return [
            {
                "name": "jaar",
                "kind": "jaar",
                "required": False,
                "default": str(jaren[-1]),
                "help": "planjaar: " + ", ".join(map(str, jaren)),
            }
        ]

    return [
        {
            "name": q.name,
            "title": q.title or q.name,
            "question": q.question,
            "returns": q.returns,
            "example": q.example,
            "text": q.text,
            "params": [
                {"name": p.name, "kind": p.kind, "required": p.required, "default": p.default, "help": p.help}
                for p in q.params
            ]
            + year_param(q),
        }
        for q in catalogue.queries.values()
    ]


def query_page(catalogue, jaren: tuple[int, ...] = (), *, nav: Nav = (), limits: dict | None = None) -> str:
    entries = catalogue_data(catalogue, jaren)
    items = "\n".join(
        f'<li><a href="/?{esc(urllib.parse.urlencode({"q": q["name"]}))}" data-name="{esc(q["name"])}" '
        f'title="{esc(q["question"])}">{esc(q["title"])}</a></li>'
        for q in entries
    )
    limit_text = ""
    if limits:
        limit_text = (
            f'<p class="hint">Grenzen: {esc(limits["timeout"])} s per vraag, '
            f"{esc(limits['max_rows'])} rijen per antwoord.</p>"
        )
    body = f"""<h1>Vragen aan de kennisgraaf</h1>
<div class="columns">
<aside>
<h2>Vaste vragen</h2>
<ul id="catalogue-list" class="catalogue">
{items}
</ul>
</aside>
<section>
<form id="query-form" method="get" action="/sparql">
<div id="query-info"></div>
<div id="params"></div>
<label for="query" class="sr">SPARQL-query</label>
<textarea id="query" name="query" spellcheck="false" rows="16">{esc(DEFAULT_QUERY)}</textarea>
<div class="actions">
<button type="submit" id="run">Uitvoeren</button>
<span class="hint">Ctrl+Enter voert uit</span>
<span id="downloads"></span>
</div>
{limit_text}
</form>
<div id="status" role="status" aria-live="polite"></div>
<div id="results" data-state="idle"></div>
</section>
</div>
"""
    scripts = "\n".join(
        [
            json_block("catalogue", entries),
            json_block("config", {"prefixes": PREFIXES, "idBase": ID_BASE}),
            '<script src="/static/query.js" defer></script>',
        ]
    )
    return layout("Vragen", body, nav=nav, scripts=scripts)
