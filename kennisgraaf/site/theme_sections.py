"""What a theme's page adds to its resource page: its plans and their texts, the themakaart,
and its products, partners, meetings and handovers, each with the plan line that states it."""

from __future__ import annotations

from ..analysis.network import items_of, label, plans_of, sources, targets
from ..htmltext import esc
from ..slugs import local_name
from .links import Linker, text_page
from .model import SiteModel
from .resource_page import citation_html

THEMAKAART_DIR = "themakaart"


def themakaart_page(thema: str) -> str:
    return f"{THEMAKAART_DIR}/{local_name(thema)}"


def _item_list(link: Linker, model: SiteModel, items, thema: str | None = None) -> str:
    """Items with their own plan line; with `thema`, things (partners) with the lines that tie
    the theme to them."""
    network = model.network
    rows = []
    for item in sorted(items, key=lambda n: (label(network, n).casefold(), n)):
        href = link.resource(item)
        name = esc(label(network, item))
        shown = f'<a href="{esc(href)}">{name}</a>' if href else name
        if thema:
            cite = "; ".join(citation_html(link, b) for b in model.context.evidence_bron(thema, [item]))
        else:
            cite = citation_html(link, model.context.bron(item))
        rows.append(f"<li>{shown}" + (f' <span class="waar">· {cite}</span>' if cite else "") + "</li>")
    return '<ul class="links">\n' + "\n".join(rows) + "\n</ul>" if rows else "<p>Geen.</p>"


def theme_sections(link: Linker, model: SiteModel, thema: str, with_card: bool) -> str:
    network = model.network
    if thema not in network:
        return ""
    plans = sorted(plans_of(network, thema))
    parts = ['<section class="thema">']
    plan_items = []
    for plan in plans:
        name = network.nodes[plan].get("bestand")
        text = ""
        if name and name in model.text_files:
            text = f' · <a href="{esc(link.href(text_page(name)))}">plantekst</a>'
        plan_items.append(f'<li><a href="{esc(link.resource(plan) or "")}">{esc(label(network, plan))}</a>{text}</li>')
    parts.append("<h2>Kennisplannen</h2>")
    parts.append("<ul>" + "".join(plan_items) + "</ul>" if plan_items else "<p>Geen kennisplan.</p>")
    if with_card:
        parts.append(
            f'<p><a href="{esc(link.href(themakaart_page(thema)))}">Themakaart</a> '
            "(het thema op één afdrukbare pagina)</p>"
        )
    parts.append("<h2>Kennisproducten</h2>")
    parts.append(_item_list(link, model, items_of(network, thema, "product")))
    parts.append("<h2>Partners</h2>")
    parts.append(_item_list(link, model, targets(network, thema, "kn:werktMet"), thema))
    parts.append("<h2>Overleggen en bijeenkomsten</h2>")
    parts.append(_item_list(link, model, items_of(network, thema, "overleg") | items_of(network, thema, "bijeenkomst")))
    parts.append("<h2>Regieoverdrachten</h2>")
    parts.append("<h3>Naar een ander thema</h3>")
    parts.append(_item_list(link, model, items_of(network, thema, "overdracht")))
    parts.append("<h3>Van een ander thema</h3>")
    parts.append(_item_list(link, model, sources(network, thema, "kn:naarThema")))
    parts.append("</section>")
    return "\n".join(parts)
