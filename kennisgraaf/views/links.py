"""The views of what runs between themes: handovers (`overdrachten`) and partners (`organisaties`)."""

from __future__ import annotations

from .config import Config
from .context import Context
from .model import Edge, Tip, ViewGraph
from .nodes import VERBS, handover_label, handover_tip, kind_label, muted_theme_legend, theme_node, thing_node
from .themes import new_view


def overdrachten(ctx: Context, config: Config, thema: str | None = None) -> ViewGraph:
    """Every theme, and an arrow per handover (red when the analysis finds a gap) and per
    raised topic that a plan assigns to another theme; with `thema` only the arrows at it."""
    view = new_view(config, "overdrachten")
    if thema:
        view.title = f"{view.title}: {ctx.label(thema)}"
    gaps = ctx.handover_gaps()
    arrows = []
    for handover in _of_kind(ctx, "overdracht"):
        for frm in ctx.item_themes(handover):
            for to in ctx.out(handover, "kn:naarThema"):
                kind = "overdracht-gat" if gaps.get(handover) else "overdracht"
                tip = handover_tip(ctx, config, handover, gaps.get(handover, []))
                arrows.append(Edge(frm, to, kind, tip, label=handover_label(ctx, handover)))
    for raised in _of_kind(ctx, "aangedragen"):
        for frm in ctx.item_themes(raised):
            for to in ctx.out(raised, "kn:anderThema"):
                arrows.append(
                    Edge(frm, to, "aangedragen", handover_tip(ctx, config, raised, []), label=ctx.label(raised))
                )
    if thema:
        arrows = [e for e in arrows if thema in (e.source, e.target)]
        themes = sorted({thema} | {e.source for e in arrows} | {e.target for e in arrows})
    else:
        themes = sorted(set(ctx.themes()) | {e.source for e in arrows} | {e.target for e in arrows})
    for iri in themes:
        view.add_node(theme_node(ctx, config, iri))
    for edge in arrows:
        if edge.source != edge.target:
            view.add_edge(edge)
    if any(n.muted for n in view.nodes.values()):
        view.extra_legend.append(muted_theme_legend(config))
    view.focus = thema
    return view


def organisaties(ctx: Context, config: Config, thema: str | None = None) -> ViewGraph:
    """The organisations themes work with (kn:werktMet), sized by how many themes do; with
    `thema` only that theme's organisations and the other themes that work with them."""
    view = new_view(config, "organisaties")
    if thema:
        view.title = f"{view.title}: {ctx.label(thema)}"
    pairs = sorted(
        (t, o)
        for t, o, p in ctx.network.edges(keys=True)
        if p == "kn:werktMet" and ctx.kind(t) == "thema" and ctx.kind(o) == "organisatie"
    )
    if thema:
        mine = {o for t, o in pairs if t == thema}
        pairs = [(t, o) for t, o in pairs if o in mine]
    counts: dict[str, set[str]] = {}
    for t, o in pairs:
        counts.setdefault(o, set()).add(t)
    for t in sorted({t for t, _ in pairs} | ({thema} if thema else set())):
        view.add_node(theme_node(ctx, config, t))
    for org, themes in sorted(counts.items()):
        node = thing_node(ctx, config, org, value=float(len(themes)))
        node.tip.add("Werkt met", f"{len(themes)} thema('s): " + ", ".join(sorted(ctx.label(t) for t in themes)))
        view.add_node(node)
    for t, o in pairs:
        view.add_edge(Edge(t, o, "werkt-met", works_with_tip(ctx, config, t, o)))
    if any(n.muted for n in view.nodes.values()):
        view.extra_legend.append(muted_theme_legend(config))
    view.focus = thema
    return view


def works_with_tip(ctx: Context, config: Config, thema: str, org: str) -> Tip:
    """Why a theme works with an organisation: each plan, product or meeting that involves it."""
    tip = Tip(f"{ctx.label(thema)} werkt met {ctx.label(org)}", "Samenwerking")
    for source, prop, named in ctx.evidence(thema, org):
        if prop not in ("kn:partner", "org:hasMember"):
            continue
        tip.add(
            kind_label(config, ctx.kind(source)),
            f"{ctx.label(source)} ({VERBS[prop]})",
            ctx.statement_bron(source, prop, named),
        )
    return tip


def _of_kind(ctx: Context, kind: str) -> list[str]:
    return sorted(n for n, d in ctx.network.nodes(data=True) if d.get("kind") == kind)
