"""Nodes and tooltips for the things of the analysis network, shared by every view.

A tooltip states facts, and each fact carries the plan line that states it
("kennisplan-2026-waterkwaliteit.txt:165"); plan-level facts without a line of their own
carry the plan file (and the line where the analysis found it, for budgets and totals).
"""

from __future__ import annotations

from ..analysis.textlines import euro
from ..errors import KennisgraafError
from .config import Config
from .context import Context
from .model import LegendEntry, Node, Tip

#: how a relation reads in a tooltip ("Beslisboom VTH — gaat over — KRW")
VERBS = {
    "kn:onderwerp": "gaat over",
    "kn:partner": "met partner",
    "org:hasMember": "met deelnemer",
    "kn:wet": "noemt",
    "kn:stakeholder": "noemt als stakeholder",
    "kn:noemtOrganisatie": "noemt",
}
#: which kind of thing each relation leads to, in the views that follow relations
TARGETS = {
    "kn:onderwerp": "onderwerp",
    "kn:partner": "organisatie",
    "org:hasMember": "organisatie",
    "kn:wet": "wet",
}
SHORT_LABEL_KINDS = ("organisatie", "wet")


def display_label(ctx: Context, iri: str) -> str:
    """The name on the canvas: an organisation's or law's abbreviation when it has one."""
    data = ctx.node(iri) if iri in ctx.network else {}
    label = data.get("label") or ctx.label(iri)
    if data.get("kind") in SHORT_LABEL_KINDS:
        names = [n for n in data.get("namen", ()) if 2 <= len(n) < len(label)]
        if names:
            return min(names, key=lambda n: (len(n), n))
    return label


def kind_label(config: Config, kind: str | None) -> str:
    style = config.kinds.get(kind or "")
    return style.label if style else (kind or "")


def theme_tip(ctx: Context, config: Config, thema: str) -> Tip:
    data = ctx.node(thema)
    tip = Tip(ctx.label(thema), kind_label(config, "thema"))
    names = [n for n in data.get("namen", ()) if n != ctx.label(thema)]
    tip.add("Ook genoemd", names)
    for parent in ctx.out(thema, "kn:subthemaVan"):
        tip.add("Subthema van", ctx.label(parent))
    plans = ctx.plans(thema)
    if not plans:
        tip.add("Kennisplan", "geen kennisplan in de graaf")
    for plan in plans:
        plan_data = ctx.node(plan)
        file_bron = ctx.plan_bron(plan)
        tip.add("Kennisplan", plan_data.get("label"), file_bron)
        tip.add("Kennisregisseur", ctx.regisseurs.get(plan, ()), file_bron)
        budget = plan_data.get("activiteitenbudget")
        tip.add("Activiteitenbudget", euro(budget), ctx.plan_bron(plan, "kn:activiteitenbudget"))
        total = plan_data.get("tabelTotaal")
        if total is not None and total != budget:
            tip.add("Totaal producttabel", euro(total), ctx.plan_bron(plan, "kn:tabelTotaal"))
        products = [p for p in ctx.items(thema, "product") if plan in ctx.out(p, "kn:inPlan")]
        tip.add("Kennisproducten", str(len(products)), file_bron)
    return tip


def theme_node(ctx: Context, config: Config, thema: str, value: float | None = None) -> Node:
    muted = not ctx.plans(thema)
    return Node(
        thema,
        "thema",
        ctx.label(thema),
        theme_tip(ctx, config, thema),
        value=value,
        muted=muted,
        group="zonder-plan" if muted else "",
    )


def muted_theme_legend(config: Config) -> LegendEntry:
    style = config.kinds["thema"]
    return LegendEntry("Thema zonder kennisplan", style.colour, style.shape, muted=True)


def thing_tip(ctx: Context, config: Config, iri: str) -> Tip:
    """The tooltip of a product, meeting, event, raised topic, organisation, law or topic."""
    data = ctx.node(iri)
    kind = data.get("kind")
    bron = ctx.bron(iri)
    tip = Tip(data.get("label") or ctx.label(iri), kind_label(config, kind), bron=(bron,) if bron else ())
    themes = (
        [ctx.label(t) for t in ctx.item_themes(iri)]
        if kind in ("product", "overleg", "bijeenkomst", "overdracht", "aangedragen")
        else []
    )
    tip.add("Thema", themes, bron)
    if kind == "product":
        tip.add("Status", data.get("status"), bron)
        tip.add("Vorm", data.get("vorm"), bron)
        tip.add("Planning", data.get("planning"), bron)
        tip.add("Kwartalen", data.get("kwartalen"), bron)
        if data.get("budget") is not None:
            year = f" (uit budget {data['budgetjaar']})" if data.get("budgetjaar") else ""
            tip.add("Budget", euro(data["budget"]) + year, bron)
        if data.get("budgetTekst"):
            tip.add("Budget (zoals geschreven)", data["budgetTekst"], bron)
        elif data.get("budget") is None:
            tip.add("Budget", "niet genoemd", bron)
        tip.add("Programmalijn", data.get("programmalijn"), bron)
    elif kind == "overleg":
        tip.add("Over", data.get("onderwerpTekst"), bron)
        tip.add("Frequentie", data.get("frequentie"), bron)
        members = [display_label(ctx, m) for m in ctx.out(iri, "org:hasMember")]
        tip.add("Deelnemers", members, bron)
    elif kind == "bijeenkomst":
        tip.add("Datum", data.get("datum") or data.get("datumTekst"), bron)
    elif kind == "overdracht":
        tip.add("Onderwerp", data.get("onderwerpTekst"), bron)
        tip.add("Naar thema", [ctx.label(t) for t in ctx.out(iri, "kn:naarThema")], bron)
        tip.add("Voorwaarde", data.get("voorwaarde"), bron)
    elif kind == "aangedragen":
        tip.add("Actie", data.get("actie"), bron)
        tip.add(
            "Ander kennisthema",
            [ctx.label(t) for t in ctx.out(iri, "kn:anderThema")] or data.get("anderThemaTekst"),
            bron,
        )
        if data.get("anderThemaTekst") and ctx.out(iri, "kn:anderThema"):
            tip.add("Zoals geschreven", data["anderThemaTekst"], bron)
    elif kind in ("organisatie", "wet", "onderwerp"):
        names = [n for n in data.get("namen", ()) if n != tip.heading]
        tip.add("Ook genoemd", names)
        tip.add("Soort", data.get("soort"))
        if kind == "wet" and data.get("aankomend"):
            tip.add("Aankomend", "ja, nog niet in werking in 2026")
    return tip


def thing_node(ctx: Context, config: Config, iri: str, value: float | None = None) -> Node:
    kind = ctx.kind(iri)
    if kind is None:  # a view draws only nodes of the network, each of which has a kind
        raise KennisgraafError(f"{iri}: geen knoop van de graaf, of een knoop zonder soort")
    return Node(iri, kind, display_label(ctx, iri), thing_tip(ctx, config, iri), value=value)


def relation_tip(ctx: Context, source: str, prop: str, target: str, bron: str | None) -> Tip:
    verb = VERBS.get(prop, prop)
    return Tip(f"{ctx.label(source)} — {verb} — {ctx.label(target)}", "Relatie", bron=(bron,) if bron else ())


def handover_tip(ctx: Context, config: Config, handover: str, findings: list) -> Tip:
    tip = thing_tip(ctx, config, handover)
    for finding in findings:
        tip.add("Gat", finding.uitleg, *finding.bronnen)
    return tip


def handover_label(ctx: Context, handover: str) -> str:
    data = ctx.node(handover)
    if data.get("onderwerpTekst"):
        return data["onderwerpTekst"]
    topics = [ctx.label(t) for t in ctx.out(handover, "kn:onderwerp")]
    return ", ".join(topics) or data.get("label", "")
