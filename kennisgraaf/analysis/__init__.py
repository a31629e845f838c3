"""Overlap and gap analysis between themes, on a networkx graph of the reasoned RDF.

    network.load_network(store)      -> networkx.MultiDiGraph (typed nodes, edges keyed by property)
    overlap.overlaps(network, ...)   -> list[Overlap]   (Jaccard per axis, ranked)
    gaps.find_gaps(network)          -> list[Finding]   (what falls between two chairs)
    bridges.bridges(network) / bridges.clusters(network)

Findings are plain data (findings.py); kennisgraaf.reports renders them. A network read
through `precomputed.load_network` has its analysis kept beside the build (precomputed.py).
"""


def analyse(network, axes=None, top_bridges: int | None = 10):
    """Run every analysis on one network: the `Analysis` the reports and the CLI render."""
    from .overlap import parse_axes
    from .precomputed import cached_analysis

    axes = parse_axes(axes)
    return cached_analysis(network, lambda: _analyse(network, axes, top_bridges), axes, top_bridges)


def _analyse(network, axes, top_bridges):
    from collections import Counter

    from .actions import regisseurs
    from .bridges import CLUSTER_AXES, bridges, clusters, connecting_organisations
    from .findings import Analysis
    from .gaps import find_gaps
    from .laws import timeline
    from .network import counted_themes, plans_of
    from .overlap import overlaps

    themes = tuple(counted_themes(network))
    findings = find_gaps(network)
    found = overlaps(network, axes)
    cluster_axes = tuple(a for a in CLUSTER_AXES if a in axes) or None
    kinds = Counter(d["kind"] for _, d in network.nodes(data=True))
    severities = Counter(f.severity for f in findings)
    counts = {
        **{f"knopen:{k}": v for k, v in sorted(kinds.items())},
        "themas_met_plan": sum(1 for t in themes if plans_of(network, t)),
        **{f"ernst:{s}": severities.get(s, 0) for s in ("hoog", "middel", "laag")},
    }
    return Analysis(
        themas=themes,
        labels={n: d.get("label", n) for n, d in network.nodes(data=True)},
        codes={t: network.nodes[t].get("code") or "" for t in themes},
        overlaps=tuple(found),
        findings=tuple(findings),
        bridges=tuple(bridges(network, top=top_bridges)),
        clusters=tuple(clusters(network, cluster_axes, found=found) if cluster_axes else clusters(network)),
        axes=axes,
        counts=counts,
        plans={t: tuple(sorted(plans_of(network, t))) for t in themes},
        jaren=tuple(sorted({d["jaar"] for _, d in network.nodes(data=True) if d["kind"] == "plan" and d.get("jaar")})),
        verbinders=tuple(connecting_organisations(network)),
        wetten=tuple(timeline(network)),
        regisseurs={t: tuple(regisseurs(network, t)) for t in themes},
    )
