"""Gap rules about what plans say of each other: handovers and related themes.

A plan can hand the lead on a topic to another theme (kn:Regieoverdracht) or name another
theme as related (kn:samenhangMet). These rules check that the other side picks it up: that the
theme has a plan that year, makes something on the topic, and names the relation back.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .findings import Finding
from .gaps_common import _bronnen, _names, _plan_in, _themes, _where, _year
from .graph import bron, items_of, label, narrower_closure, nodes_of, plan_bron, targets

THEMAS = "thema's"


def handovers(network) -> list[Finding]:
    """A handover (kn:Regieoverdracht) whose receiving theme has no plan in the handover's
    year (hoog), or whose plan has no product on the topic or a narrower one (hoog when the
    plan does not name the topic at all, middel when it names it but makes nothing)."""
    found = []
    for h in nodes_of(network, "overdracht"):
        data = network.nodes[h]
        year = _year(network, data.get("plan"))
        van = list(data.get("themas", ()))
        topics = targets(network, h, "kn:onderwerp")
        topic_text = data.get("onderwerpTekst") or _names(network, topics) or label(network, h)
        for naar in sorted(targets(network, h, "kn:naarThema")):
            who = _names(network, van) or "Een thema"
            plan = _plan_in(network, naar, year)
            if plan is None:
                found.append(
                    Finding(
                        "overdracht-zonder-plan",
                        "hoog",
                        _themes(network, van, naar),
                        f"{who} legt de regie over {topic_text} bij {label(network, naar)}, "
                        f"maar dat thema heeft geen kennisplan{f' voor {year}' if year else ''}.",
                        _bronnen(bron(network, h)),
                        (h,),
                    )
                )
                continue
            if not topics:
                continue
            covered = set().union(*(narrower_closure(network, t) for t in topics))
            items = [n for n in items_of(network, naar) if _plan_in_year(network, n, year)]
            products = sorted(
                n
                for n in items
                if network.nodes[n]["kind"] == "product" and targets(network, n, "kn:onderwerp") & covered
            )
            if products:
                continue
            mentions = sorted(n for n in [plan, *items] if targets(network, n, "kn:onderwerp") & covered)
            if mentions:
                uitleg = (
                    f"{who} legt de regie over {topic_text} bij {label(network, naar)}; dat plan noemt "
                    f"het onderwerp wel, maar heeft er geen kennisproduct over."
                )
                severity = "middel"
            else:
                uitleg = (
                    f"{who} legt de regie over {topic_text} bij {label(network, naar)}, maar het plan "
                    f"{label(network, naar)} noemt het onderwerp nergens en heeft er geen product over."
                )
                severity = "hoog"
            found.append(
                Finding(
                    "overdracht-zonder-product",
                    severity,
                    _themes(network, van, naar),
                    uitleg,
                    _bronnen(
                        bron(network, h),
                        [_where(network, m, covered) for m in mentions],
                        network.nodes[plan].get("bestand"),
                    ),
                    (h,),
                )
            )
    return found


def _plan_in_year(network, node, year) -> bool:
    return year is None or _year(network, network.nodes[node].get("plan")) in (year, None)


def themes_without_plan(network) -> list[Finding]:
    """A theme that other plans name (kn:samenhangMet, a handover kn:naarThema, a raised topic's
    kn:anderThema, a cooperation's kn:partnerThema) but that has no plan of that year (hoog)."""
    named: dict[tuple[str, int | None], dict[str, Any]] = defaultdict(lambda: {"by": set(), "bron": [], "items": []})
    for plan in nodes_of(network, "plan"):
        year = _year(network, plan)
        for thema in sorted(targets(network, plan, "kn:samenhangMet")):
            entry = named[(thema, year)]
            entry["by"].add(network.nodes[plan]["thema"])
            entry["bron"].append(plan_bron(network, plan, f"kn:samenhangMet {thema}"))
    for kind, prop in (
        ("overdracht", "kn:naarThema"),
        ("aangedragen", "kn:anderThema"),
        ("samenwerking", "kn:partnerThema"),
    ):
        for item in nodes_of(network, kind):
            year = _year(network, network.nodes[item].get("plan"))
            for thema in sorted(targets(network, item, prop)):
                entry = named[(thema, year)]
                entry["by"].update(network.nodes[item].get("themas", ()))
                entry["bron"].append(bron(network, item))
                entry["items"].append(item)
    found = []
    for (thema, year), entry in sorted(named.items(), key=lambda kv: (label(network, kv[0][0]), kv[0][1] or 0)):
        if _plan_in(network, thema, year) is not None:
            continue
        by = entry["by"] - {thema}
        handed = [i for i in entry["items"] if network.nodes[i]["kind"] == "overdracht"]
        extra = f" en krijgt {len(handed)} regieoverdracht{'en' if len(handed) != 1 else ''}" if handed else ""
        found.append(
            Finding(
                "thema-zonder-plan",
                "hoog",
                _themes(network, thema, by),
                f"{label(network, thema)} wordt genoemd door {len(by)} {'thema' if len(by) == 1 else THEMAS} "
                f"({_names(network, by)}){extra}, maar heeft geen kennisplan{f' voor {year}' if year else ''}.",
                _bronnen(entry["bron"]),
                tuple(sorted(set(entry["items"]))),
            )
        )
    return found


def one_sided_relations(network) -> list[Finding]:
    """Plan A names theme B as related (kn:samenhangMet), B has a plan that year, and B's
    plan does not name A back (laag). A theme without a plan is `thema-zonder-plan`."""
    found = []
    for plan in nodes_of(network, "plan"):
        a, year = network.nodes[plan]["thema"], _year(network, plan)
        for b in sorted(targets(network, plan, "kn:samenhangMet"), key=lambda n: label(network, n)):
            other = _plan_in(network, b, year)
            if b == a or other is None or a in targets(network, other, "kn:samenhangMet"):
                continue
            found.append(
                Finding(
                    "samenhang-eenzijdig",
                    "laag",
                    (a, b),
                    f"{label(network, a)} noemt {label(network, b)} als verwant thema, maar het plan "
                    f"{label(network, b)} noemt {label(network, a)} niet.",
                    _bronnen(plan_bron(network, plan, f"kn:samenhangMet {b}")),
                    (plan, other),
                )
            )
    return found
