"""The analysis network of one plan year, and what a year that is still being written means.

`scope(network, jaar)` keeps the plans of that year, the items they state (a recurring meeting
stays, with only that year's plan, line and themes), and everything the registers hold; the
theme-level relations the reasoner derives over all years (kn:raaktOnderwerp, kn:werktMet, ...)
are derived again from what is left (`Builder.infer`: the rule engine on the ontology).
So overlap scores, findings and views never pool two years.

A year is **in opbouw** when it has fewer plans than the most complete year in the graph (the
2027 plans arrive one by one while 2026 is complete). Its missing plans are then one low
summary finding instead of one high finding per theme that another plan names.
"""

from __future__ import annotations

import networkx as nx

from .findings import Finding
from .network import INFERRED, ITEM_KINDS, Builder, counted_themes, label, nodes_of, plans_of, targets

#: the findings a year in opbouw folds into its summary line
WAITING_KINDS = ("thema-zonder-plan", "overdracht-zonder-plan")


def plan_years(network: nx.MultiDiGraph) -> tuple[int, ...]:
    return tuple(sorted({d["jaar"] for _, d in network.nodes(data=True) if d["kind"] == "plan" and d.get("jaar")}))


def scope(network: nx.MultiDiGraph, jaar: int | None) -> nx.MultiDiGraph:
    """The network of one plan year (`None`: the network as it is, every year)."""
    counts: dict[int, int] = {}
    for plan in nodes_of(network, "plan"):
        year = network.nodes[plan].get("jaar")
        counts[year] = counts.get(year, 0) + 1
    if jaar is None:
        network.graph.update(jaar=None, plannen_per_jaar=counts)
        return network
    g = network.copy()
    other = {p for p in nodes_of(g, "plan") if g.nodes[p].get("jaar") != jaar}
    if not other:  # every plan is of that year: the reasoner's relations are that year's already
        g.graph.update(jaar=jaar, plannen_per_jaar=counts)
        return g
    for node in [n for n, d in g.nodes(data=True) if d["kind"] in ITEM_KINDS]:
        plans = targets(g, node, "kn:inPlan")
        keep = plans - other
        if plans and not keep:
            g.remove_node(node)
        elif plans != keep:
            _keep_plans(g, node, keep)
    g.remove_nodes_from(other)
    for s, o, key in [
        (s, o, k)
        for s, o, k, d in g.edges(keys=True, data=True)
        if k in INFERRED and d["inferred"] and k != "kn:vanThema"
    ]:
        g.remove_edge(s, o, key)
    builder = Builder()
    builder.graph = g
    builder.infer()
    g.graph.update(jaar=jaar, plannen_per_jaar=counts)
    return g


def latest(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network of the latest year that has plans (what a reader sees without --jaar)."""
    years = plan_years(network)
    return scope(network, years[-1] if years else None)


def _keep_plans(g: nx.MultiDiGraph, node: str, keep: set[str]) -> None:
    """A recurring item cut to the plans of the year: its plan, themes and line of that year."""
    data = g.nodes[node]
    for plan in targets(g, node, "kn:inPlan") - keep:
        g.remove_edge(node, plan, "kn:inPlan")
    themes = {g.nodes[p].get("thema") for p in keep} - {None}
    for thema in targets(g, node, "kn:vanThema") - themes:
        g.remove_edge(node, thema, "kn:vanThema")
    first = sorted(keep)[0]
    data["plan"], data["themas"] = first, tuple(sorted(themes))
    line = data.get("regels_per_plan", {}).get(first)
    bestand = g.nodes[first].get("bestand")
    if line is not None:
        data["regel"] = line
    if bestand:
        data["bron"] = f"{bestand}:{data['regel']}" if data.get("regel") else bestand


def in_opbouw(network: nx.MultiDiGraph) -> bool:
    """The network's year has fewer plans than the most complete year in the graph."""
    counts = network.graph.get("plannen_per_jaar") or {}
    jaar = network.graph.get("jaar")
    return jaar is not None and counts.get(jaar, 0) < max(counts.values(), default=0)


def fold_incomplete_year(network: nx.MultiDiGraph, findings: list[Finding]) -> list[Finding]:
    """For a year in opbouw: the missing plans as one low summary line, not one high finding each."""
    if not in_opbouw(network):
        return findings
    waiting = [f for f in findings if f.kind in WAITING_KINDS]
    kept = [f for f in findings if f.kind not in WAITING_KINDS]
    themes = counted_themes(network)
    with_plan = [t for t in themes if plans_of(network, t)]
    without = [t for t in themes if t not in with_plan]
    jaar = network.graph["jaar"]
    most = max(network.graph["plannen_per_jaar"].values())
    uitleg = (
        f"{jaar} is nog in opbouw: {len(with_plan)} van de {len(themes)} thema's heeft een kennisplan "
        f"(het meest complete jaar heeft er {most}). Nog zonder plan voor {jaar}: "
        f"{', '.join(label(network, t) for t in without) or 'geen'}. Regieoverdrachten en verwijzingen naar "
        f"die thema's ({len(waiting)} bevinding{'en' if len(waiting) != 1 else ''}) wachten op hun plan."
    )
    bronnen = tuple(dict.fromkeys(b for f in waiting for b in f.bronnen))
    items = tuple(dict.fromkeys(i for f in waiting for i in f.items))
    return [*kept, Finding("jaar-in-opbouw", "laag", tuple(without), uitleg, bronnen, items)]
