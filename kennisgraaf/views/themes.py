"""The theme views: all themes and their overlap (`themas`), one theme up close (`thema`)."""

from __future__ import annotations

from .config import Config
from .context import Context
from .model import MAX_NODES, TOO_BIG, Edge, LegendEntry, Tip, TooManyNodes, ViewGraph
from .nodes import (
    TARGETS,
    display_label,
    handover_label,
    handover_tip,
    muted_theme_legend,
    relation_tip,
    theme_node,
    thing_node,
)

OVERLAP_ROWS = 12  # shared items named per axis in one tooltip; the rest are counted
#: the overlap edges a page draws per theme: its strongest this many. At 100 k triples 228
#: themes have 26 k overlapping pairs, a 62 MB page no one can read; a 2026 theme has 5
STRONGEST = 10
#: the overlap axes whose shared items a theme reaches only through some of its items
AXIS_SOURCES = {"overleggen": ("overleg",)}


def new_view(config: Config, name: str) -> ViewGraph:
    definition = config.view(name)
    return ViewGraph(name, definition, definition.title, definition.description)


def overlap_tip(ctx: Context, config: Config, overlap) -> Tip:
    """What two themes share, per axis, with the plan lines of each theme that state it."""
    a, b = overlap.thema_a, overlap.thema_b
    tip = Tip(f"{ctx.label(a)} en {ctx.label(b)}", "Overlap")
    tip.add("Overlapscore", f"{overlap.score:.2f} (gemiddelde Jaccard-overeenkomst over de assen)")
    for axis, items in overlap.shared.items():
        if not items:
            continue
        names = [display_label(ctx, i) for i in items]
        if len(names) > OVERLAP_ROWS:
            names = names[:OVERLAP_ROWS] + [f"… en nog {len(items) - OVERLAP_ROWS}"]
        similarity = overlap.similarity.get(axis, 0.0)
        kinds = AXIS_SOURCES.get(axis, ())
        heading = config.axes.get(axis, f"Gedeelde {axis}")
        tip.add(
            f"{heading} ({len(items)})",
            ", ".join(names) + f" (Jaccard {similarity:.2f})",
            *ctx.evidence_bron(a, items, kinds),
            *ctx.evidence_bron(b, items, kinds),
        )
    for x, y in ((a, b), (b, a)):
        if y in ctx.out(x, "kn:verwantMet"):
            tip.add("Samenhang", f"{ctx.label(x)} noemt {ctx.label(y)} als verwant", *samenhang_bron(ctx, x, y))
    return tip


def samenhang_bron(ctx: Context, thema: str, other: str) -> tuple[str, ...]:
    """The plan lines where `thema`'s plan names `other` as related."""
    found = []
    for plan in ctx.plans(thema):
        if other in ctx.out(plan, "kn:samenhangMet"):
            found.append(ctx.plan_bron(plan, f"kn:samenhangMet {other}"))
    return tuple(b for b in found if b)


def samenhang_tip(ctx: Context, thema: str, other: str) -> Tip:
    return Tip(
        f"{ctx.label(thema)} noemt {ctx.label(other)} als verwant",
        "Samenhang",
        rows=[],
        bron=samenhang_bron(ctx, thema, other),
    ).add("Gedeelde items", "geen (op de assen van de overlapanalyse)")


def themas(ctx: Context, config: Config, thema: str | None = None) -> ViewGraph:
    """The themes; an edge per overlapping pair (width: score) or, without overlap, per stated relation."""
    view = new_view(config, "themas")
    count = ctx.theme_count()
    if count > MAX_NODES:
        raise TooManyNodes(
            f"de weergave 'themas' zou {count} thema's tonen; boven {MAX_NODES} knopen {TOO_BIG}. "
            "Kies kennisgraaf view thema --thema NAAM of kennisgraaf overlap"
        )
    for iri in ctx.themes():
        view.add_node(theme_node(ctx, config, iri, value=float(len(ctx.items(iri, "product")))))
    linked = set()
    shown = [o for o in ctx.overlaps if o.score > 0 and o.thema_a in view.nodes and o.thema_b in view.nodes]
    for overlap in strongest(shown):
        a, b = overlap.thema_a, overlap.thema_b
        view.add_edge(Edge(a, b, "overlap", overlap_tip(ctx, config, overlap), value=round(overlap.score, 4)))
        linked.add(frozenset((a, b)))
    say_cut(view, len(linked), len(shown))
    add_stated_relations(ctx, view, linked)
    if any(n.muted for n in view.nodes.values()):
        view.extra_legend.append(muted_theme_legend(config))
    view.focus = thema
    return view


def strongest(overlaps: list) -> list:
    """The overlaps (strongest first, as the analysis ranks them) that are among the STRONGEST
    of at least one of their two themes: every theme keeps its closest neighbours."""
    rank: dict[str, int] = {}
    kept = []
    for o in overlaps:
        a, b = o.thema_a, o.thema_b
        if rank.get(a, 0) < STRONGEST or rank.get(b, 0) < STRONGEST:
            kept.append(o)
        rank[a], rank[b] = rank.get(a, 0) + 1, rank.get(b, 0) + 1
    return kept


def say_cut(view: ViewGraph, shown: int, total: int) -> None:
    """Say on the page that it draws only each theme's strongest overlaps, and where the rest is."""
    if shown < total:
        view.description += (
            f" Per thema de {STRONGEST} sterkste overlappen: {shown} van {total} paren;"
            " kennisgraaf overlap --alles geeft ze allemaal."
        )


def add_stated_relations(ctx: Context, view: ViewGraph, linked: set, only: str | None = None) -> None:
    """A dashed arrow where a plan names another theme as related but the two share nothing."""
    for a in sorted(view.node_set("thema")):
        for b in ctx.out(a, "kn:verwantMet"):
            if b in view.nodes and a != b and frozenset((a, b)) not in linked and (only in (None, a, b)):
                view.add_edge(Edge(a, b, "samenhang", samenhang_tip(ctx, a, b)))


def thema(ctx: Context, config: Config, thema: str) -> ViewGraph:
    """One theme: its items and what they are about, who they involve, which laws they name,
    and the other themes it overlaps with, names as related, or hands topics over to."""
    view = new_view(config, "thema")
    view.title = f"{view.title}: {ctx.label(thema)}"
    view.add_node(theme_node(ctx, config, thema))
    view.focus = thema
    _add_items(ctx, config, view, thema)
    _add_plan_statements(ctx, config, view, thema)
    _add_other_themes(ctx, config, view, thema)
    if any(n.muted for n in view.nodes.values()):
        view.extra_legend.append(muted_theme_legend(config))
    return view


def _add_items(ctx: Context, config: Config, view: ViewGraph, thema: str) -> None:
    kinds = [k for k in ("product", "overleg", "bijeenkomst", "aangedragen") if k in view.definition.kinds]
    statuses: dict[str, tuple[str, str]] = {}
    for item in ctx.items(thema, *kinds):
        node = thing_node(ctx, config, item)
        if node.kind in view.definition.colour_by_status:
            node.colour, key, label = _status_colour(ctx, config, item)
            statuses[key] = (label, node.colour)
            node.value = float(ctx.node(item).get("budget") or 0)
        view.add_node(node)
        bron = ctx.bron(item)
        view.add_edge(
            Edge(
                thema,
                item,
                "item",
                Tip(f"{ctx.label(thema)} — {ctx.label(item)}", "Item uit het plan", bron=(bron,) if bron else ()),
            )
        )
        for _, target, prop in sorted(ctx.network.out_edges(item, keys=True), key=lambda e: (e[2], e[1])):
            if TARGETS.get(prop) == ctx.kind(target) and ctx.kind(target) in view.definition.kinds:
                if target not in view.nodes:
                    view.add_node(thing_node(ctx, config, target))
                if not view.has_edge(item, target, "over"):
                    view.add_edge(Edge(item, target, "over", relation_tip(ctx, item, prop, target, bron)))
    labels = ctx.labels(k for k in statuses if k.startswith("http"))
    for key, (label, colour) in sorted(statuses.items(), key=lambda kv: kv[1][0].casefold()):
        view.extra_legend.append(LegendEntry(f"Status: {labels.get(key, label)}", colour, "dot"))


def _status_colour(ctx: Context, config: Config, product: str) -> tuple[str, str, str]:
    """(colour, legend key, legend label) of a product's status: the colour of its top concept."""
    status = ctx.statuses.get(product)
    if status is None:
        label, colour = config.status.none
        return colour, "none", label
    own, top = status
    for candidate in (own, top):
        if candidate in config.status.colours:
            return config.status.colours[candidate], candidate, candidate
    label, colour = config.status.other
    return colour, "other", label


def _add_plan_statements(ctx: Context, config: Config, view: ViewGraph, thema: str) -> None:
    """What the plan itself (not one of its items) says the theme is about, works with or names."""
    for plan in ctx.plans(thema):
        bron = ctx.plan_bron(plan)
        for _, target, prop in sorted(ctx.network.out_edges(plan, keys=True), key=lambda e: (e[2], e[1])):
            kind = ctx.kind(target)
            if prop not in ("kn:onderwerp", "kn:partner", "kn:wet") or TARGETS.get(prop) != kind:
                continue
            if kind not in view.definition.kinds:
                continue
            if target not in view.nodes:
                view.add_node(thing_node(ctx, config, target))
            if not view.has_edge(thema, target, "plan-noemt"):
                tip = relation_tip(ctx, plan, prop, target, ctx.statement_bron(plan, prop, target) or bron)
                view.add_edge(Edge(thema, target, "plan-noemt", tip))


def _add_other_themes(ctx: Context, config: Config, view: ViewGraph, thema: str) -> None:
    def ensure(other: str) -> None:
        if other not in view.nodes:
            view.add_node(theme_node(ctx, config, other))

    linked = set()
    mine = [o for o in ctx.overlaps if thema in (o.thema_a, o.thema_b) and o.score > 0]
    say_cut(view, min(len(mine), STRONGEST), len(mine))
    for overlap in mine[:STRONGEST]:
        other = overlap.other(thema)
        ensure(other)
        view.add_edge(Edge(thema, other, "overlap", overlap_tip(ctx, config, overlap), value=round(overlap.score, 4)))
        linked.add(frozenset((thema, other)))
    for other in ctx.out(thema, "kn:verwantMet") + ctx.into(thema, "kn:verwantMet"):
        if other != thema and frozenset((thema, other)) not in linked:
            ensure(other)
    add_stated_relations(ctx, view, linked, only=thema)

    gaps = ctx.handover_gaps()
    handovers = [(h, thema, to) for h in ctx.items(thema, "overdracht") for to in ctx.out(h, "kn:naarThema")]
    handovers += [
        (h, frm, thema)
        for h in ctx.into(thema, "kn:naarThema")
        if ctx.kind(h) == "overdracht"
        for frm in ctx.item_themes(h)
    ]
    for handover, frm, to in handovers:
        if frm == to:
            continue
        ensure(frm)
        ensure(to)
        kind = "overdracht-gat" if gaps.get(handover) else "overdracht"
        view.add_edge(
            Edge(
                frm,
                to,
                kind,
                handover_tip(ctx, config, handover, gaps.get(handover, [])),
                label=handover_label(ctx, handover),
            )
        )
    for item in ctx.items(thema, "aangedragen"):
        for other in ctx.out(item, "kn:anderThema"):
            if item in view.nodes and other != thema:
                ensure(other)
                view.add_edge(
                    Edge(item, other, "aangedragen", handover_tip(ctx, config, item, []), label=ctx.label(item))
                )
    for item in ctx.into(thema, "kn:anderThema"):
        for frm in ctx.item_themes(item):
            if frm != thema:
                ensure(frm)
                view.add_edge(
                    Edge(frm, thema, "aangedragen", handover_tip(ctx, config, item, []), label=ctx.label(item))
                )
