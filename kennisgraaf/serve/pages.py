"""The HTML pages of the server, all in the static site's frame (kennisgraaf/site/layout.py):
the query page, resource pages, listings and errors.

One renderer for `serve` and `kennisgraaf site`: the listings and resource pages are the
site's own functions with the server's `Linker`; only the query page (an editor over
/sparql) is the server's, and it too sits in the site's frame. Every value from the graph,
the catalogue or the request passes through `esc` (or is JSON-encoded for a data block)
before it reaches the page; the pages load only the site's and the server's own scripts
and style sheets, so they work offline and under a strict CSP.
"""

from __future__ import annotations

import urllib.parse

from .. import sparql
from ..htmltext import esc, script_json
from ..namespaces import PREFIXES
from ..site import overview
from ..site.layout import page
from ..site.links import QUERIES_DIR, SERVED_ROUTES, Linker, page_of
from ..site.resource_page import node_html
from .resources import ID_BASE, Node, ResourceView

QUERY_STYLE = "/static/style.css"  # the query page's own rules, beside the site's style sheet
QUERY_PAGE = SERVED_ROUTES[QUERIES_DIR + "/index"]  # the editor over /sparql, where the site has its catalogue


def json_block(element_id: str, data: object) -> str:
    """A `<script type="application/json">` data block that no string in `data` can close."""
    return f'<script id="{esc(element_id)}" type="application/json">{script_json(data)}</script>'


def _link(here: str = "index") -> Linker:
    return Linker(here=here, served=True)


def layout(title: str, body: str, *, scripts: str = "", styles: tuple[str, ...] = ()) -> str:
    """A server page in the site's frame; `scripts`: tags (and data blocks) after the body."""
    return page(_link(), title, body + ("\n" + scripts if scripts else ""), styles=styles)


def error_page(status: int, title: str, message: str) -> str:
    body = f'<h1>{esc(title)}</h1>\n<p class="error">{esc(message)}</p>\n<p><a href="/">Naar de beginpagina</a></p>'
    return layout(f"{status} {title}", body)


def _node(node: Node) -> str:
    return node_html(_link(), node)


def resource_page(view: ResourceView) -> str:
    """The resource page as the static site renders it (kennisgraaf/site), with the server's links."""
    from ..site.model import SiteModel
    from ..site.resource_page import resource_page as render
    from ..site.theme_sections import theme_sections

    link = _link(page_of(view.iri) or "id/index")
    extra = ""
    if isinstance(view.model, SiteModel) and view.iri.startswith(ID_BASE + "thema/"):
        extra = theme_sections(link, view.model, view.iri, with_card=False)
    return render(link, view, extra)


def listing_page(kind: str, nodes: list[Node], truncated: bool) -> str:
    """/id/<kind>/: the static site's listing of one kind."""
    return overview.listing_page(_link(f"id/{kind}/index"), kind, nodes, truncated)


def kinds_page(counts: list[tuple[str, int]]) -> str:
    """/id/: the static site's page of the kinds."""
    return overview.kinds_page(_link("id/index"), counts)


def home_page(store) -> str:
    """The static site's home page (the network in numbers, the themes, the latest findings)
    on the graph `store` serves, for the plan year the views and the rapport show."""
    from ..analysis import analyse
    from ..analysis.years import latest, plan_years
    from ..site.model import model_for
    from .resources import kinds

    network = latest(model_for(store).network)
    jaar = ", ".join(str(y) for y in plan_years(network))
    return overview.home_page(_link(), kinds(store), network, analyse(network), jaar)


def site_index(entries: list[tuple[str, str]]) -> str:
    items = "\n".join(f'<li><a href="{esc(href)}">{esc(name)}</a></li>' for name, href in entries)
    body = f'<h1>Weergaven en rapport</h1>\n<ul class="listing">\n{items or "<li>Geen bestanden.</li>"}\n</ul>'
    return layout("Weergaven en rapport", body)


DEFAULT_QUERY = sparql.text("vragenpagina")


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


def query_page(catalogue, jaren: tuple[int, ...] = (), *, limits: dict | None = None) -> str:
    entries = catalogue_data(catalogue, jaren)
    items = "\n".join(
        f'<li><a href="{QUERY_PAGE}?{esc(urllib.parse.urlencode({"q": q["name"]}))}" data-name="{esc(q["name"])}" '
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
    return layout("Vragen", body, scripts=scripts, styles=(QUERY_STYLE,))
