"""The site's overview pages: home (the network in numbers, the themes, the latest findings),
the listings per kind, the search page and the term list the class and property names link to."""

from __future__ import annotations

from ..analysis.findings import severity_key
from ..analysis.network import label, plans_of
from ..htmltext import esc
from ..serve.resources import Node
from .layout import QUERIES_DIR, REPORT_PAGE, VIEWS_DIR, page
from .links import DEF_PAGE, Linker, text_page
from .resource_page import citation_html, node_html
from .theme_sections import themakaart_page

LATEST_FINDINGS = 10
HOME_CITES = 3  # places shown per finding on the home page (the rapport shows more)


def finding_citations(f) -> list[str]:
    """A finding's citations ("kennisplan-2026-x.txt:12"): its places in the plans, else the
    plan lines the analysis gave it (a finding without places still cites its source)."""
    places = [f"{p.bestand}:{p.regel}" if p.regel else p.bestand for p in f.waar if p.bestand]
    return places or [b for b in f.bronnen if b]


def home_page(link: Linker, counts: list[tuple[str, int]], network, analysis, jaar: str) -> str:
    themes = []
    for thema in analysis.themas:
        plans = plans_of(network, thema)
        extra = (
            f' · <a href="{esc(link.href(themakaart_page(thema)))}">themakaart</a>'
            if plans
            else ' <span class="tag">geen kennisplan</span>'
        )
        if plans and link.served:
            extra = ""  # serve has no themakaart pages (its theme pages have no card either)
        themes.append(f'<li><a href="{esc(link.resource(thema) or "")}">{esc(label(network, thema))}</a>{extra}</li>')
    rows = "\n".join(
        f'<tr><td><a href="{esc(link.href(f"id/{kind}/index"))}">{esc(kind)}</a></td><td class="num">{n}</td></tr>'
        for kind, n in counts
    )
    findings = sorted(analysis.findings, key=severity_key)[:LATEST_FINDINGS]
    items = []
    for f in findings:
        places = "; ".join(citation_html(link, bron) for bron in finding_citations(f)[:HOME_CITES])
        more = len(finding_citations(f)) - HOME_CITES
        places += f" en {more} meer" if more > 0 else ""
        items.append(
            f'<li class="{esc(f.severity)}"><b>{esc(f.severity)}</b> — {esc(f.uitleg)}'
            + (f' <span class="waar">Waar: {places}</span>' if places else "")
            + "</li>"
        )
    body = f"""<h1>Kennisnetwerk VTH in één graaf</h1>
<p>De kennisplannen {esc(jaar)} van de prioritaire thema's, hun producten, partners, overleggen,
wetgeving en regieoverdrachten: elke bron heeft een eigen pagina, elke bewering de regel in het plan
waar ze staat.</p>
<h2>De thema's</h2>
<ul class="cards">
{"".join(themes)}
</ul>
<h2>Het netwerk in getallen</h2>
<table class="numbers"><thead><tr><th>soort</th><th>aantal</th></tr></thead><tbody>
{rows}
</tbody></table>
<h2>Laatste bevindingen</h2>
<ul class="findings">
{"".join(items) or "<li>Geen.</li>"}
</ul>
<p><a href="{esc(link.href(REPORT_PAGE))}">Het hele rapport</a> ·
<a href="{esc(link.href(VIEWS_DIR + "/index"))}">De netwerkweergaven</a> ·
<a href="{esc(link.href(QUERIES_DIR + "/index"))}">De vaste vragen en hun antwoorden</a> ·
<a href="{esc(link.href("tekst/index"))}">De plannen zelf</a> ·
<a href="{esc(link.href(DEF_PAGE))}">De ontologie</a></p>
"""
    return page(link, "Kennisnetwerk VTH", body)


def kinds_page(link: Linker, counts: list[tuple[str, int]]) -> str:
    items = "\n".join(
        f'<li><a href="{esc(link.href(f"id/{kind}/index"))}">{esc(kind)}</a> <span class="count">{n}</span></li>'
        for kind, n in counts
    )
    return page(link, "Bronnen", f'<h1>Bronnen per soort</h1>\n<ul class="listing">\n{items}\n</ul>')


def listing_page(link: Linker, kind: str, nodes: list[Node], truncated: bool = False) -> str:
    items = "\n".join(f"<li>{node_html(link, n)}</li>" for n in nodes)
    more = '<p class="note">De lijst is ingekort.</p>' if truncated else ""
    body = f'<h1>{esc(kind)}</h1>\n<p>{len(nodes)} bronnen</p>\n{more}<ul class="listing">\n{items}\n</ul>'
    return page(link, kind, body)


def search_page(link: Linker) -> str:
    body = """<h1>Zoeken</h1>
<form id="zoekformulier" role="search">
<label for="zoekterm">Zoek in alle namen, beschrijvingen en plannen:</label>
<input id="zoekterm" type="search" autocomplete="off" autofocus>
</form>
<p id="zoekstatus" role="status" aria-live="polite">De zoekindex wordt geladen…</p>
<ol id="zoekresultaten"></ol>
<p class="hint">Accenten en hoofdletters tellen niet (e vindt é); een woord vindt ook langere woorden
die ermee beginnen. Zonder JavaScript: <code>kennisgraaf zoek TERM</code>.</p>"""
    return page(link, "Zoeken", body, scripts=("minisearch.js", "zoekindex.js", "zoek.js"))


def terms_page(link: Linker, rows: list[tuple[str, str, str, str]]) -> str:
    """Every class and property of the ontology with an anchor (`#<localname>`), when no
    generated ontology documentation is in the site: the names on every page link here."""
    items = "\n".join(
        f'<dt id="{esc(local)}"><code>kn:{esc(local)}</code> {esc(name)} <span class="tag">{esc(kind)}</span></dt>'
        f"<dd>{esc(comment)}</dd>"
        for local, kind, name, comment in rows
    )
    return page(link, "Ontologie", f"<h1>Ontologie: klassen en eigenschappen</h1>\n<dl>\n{items}\n</dl>")


def plan_texts_titles(network) -> dict[str, str]:
    """Plan text file → the plan's name, for the list of plan texts."""
    found = {}
    for _, data in network.nodes(data=True):
        if data.get("kind") == "plan" and data.get("bestand"):
            found[data["bestand"]] = data.get("label") or data["bestand"]
    return found


__all__ = ["home_page", "kinds_page", "listing_page", "search_page", "terms_page", "text_page"]
