"""Gap rules about work that one plan routes to another theme (kn:Samenwerking, and a raised
topic that names another theme, kn:AangedragenOnderwerp kn:anderThema).

A plan that makes a product "in samenwerking met" another theme depends on that theme: these
rules check that the other plan knows (names the theme or the topic back) and that the other
theme has something planned on it in the quarters the product is made.
"""

from __future__ import annotations

from .findings import Finding
from .gaps_common import _bronnen, _names, _plan_in, _year
from .graph import bron, items_of, label, narrower_closure, nodes_of, targets

#: how each kind of item names the other theme
PARTNER = {"samenwerking": "kn:partnerThema", "aangedragen": "kn:anderThema"}


def _routes(network):
    """(item, its theme, partner theme) for every item that routes work to another theme."""
    for kind, prop in PARTNER.items():
        for item in nodes_of(network, kind):
            for a in network.nodes[item].get("themas", ()):
                for b in sorted(targets(network, item, prop), key=lambda n: label(network, n)):
                    if b != a:
                        yield item, a, b


def _product(network, item) -> str | None:
    found = sorted(targets(network, item, "kn:betreftProduct"))
    return found[0] if found else None


def _what(network, item) -> str:
    product = _product(network, item)
    if product:
        return f"'{label(network, product)}'"
    topics = targets(network, item, "kn:onderwerp")
    if topics:
        return f"het werk aan {_names(network, topics, sentence=True)}"
    return "gezamenlijk werk"


def _names_back(network, b_plan, b, a, topics) -> bool:
    """Whether B's plan mentions the cooperation: for a cooperation on a topic, B's plan or items
    name the topic (or a narrower one); otherwise B names theme A (kn:samenhangMet, or an item
    of its own that routes work to A)."""
    year = _year(network, b_plan)
    own = [i for i in items_of(network, b) if _year(network, network.nodes[i].get("plan")) in (year, None)]
    if topics:
        covered = set().union(*(narrower_closure(network, t) for t in topics))
        return any(targets(network, n, "kn:onderwerp") & covered for n in [b_plan, *own])
    if a in targets(network, b_plan, "kn:samenhangMet"):
        return True
    return any(a in targets(network, i, *PARTNER.values()) for i in own)


def one_sided_cooperation(network) -> list[Finding]:
    """Plan A routes work to theme B (a kn:Samenwerking or a raised topic naming B), B has a plan
    that year, and B's plan does not mention it (`_names_back`) (`samenwerking-eenzijdig`): middel
    when a product depends on it, else laag. Plan-level cooperation without a topic with a theme
    that A also names as related (kn:samenhangMet) is left to `samenhang-eenzijdig`, so a pair is
    reported once."""
    found = []
    for item, a, b in _routes(network):
        data = network.nodes[item]
        year = _year(network, data.get("plan"))
        b_plan = _plan_in(network, b, year)
        if b_plan is None:
            continue
        product = _product(network, item)
        topics = targets(network, item, "kn:onderwerp")
        if not (product or topics) and data.get("plan") and b in targets(network, data["plan"], "kn:samenhangMet"):
            continue
        if _names_back(network, b_plan, b, a, topics):
            continue
        missing = _names(network, topics, sentence=True) if topics else label(network, a)
        found.append(
            Finding(
                "samenwerking-eenzijdig",
                "middel" if product else "laag",
                (a, b),
                f"{label(network, a)} wil {_what(network, item)} {data.get('aard', 'samen met')} {label(network, b)} "
                f"maken, maar het plan {label(network, b)} noemt {missing} niet.",
                _bronnen(bron(network, item), network.nodes[b_plan].get("bestand")),
                tuple(x for x in (item, product) if x),
            )
        )
    return found


def cooperation_without_capacity(network) -> list[Finding]:
    """A product made with or depending on theme B (kn:Samenwerking kn:betreftProduct) in quarters
    where B has no plan (hoog: nobody there to do it) or no product of its own planned on the
    topic of the cooperation (any product, when no topic is named) in any of those quarters
    (middel) (`samenwerking-zonder-capaciteit`)."""
    found = []
    for item, a, b in _routes(network):
        product = _product(network, item)
        quarters = set(network.nodes[product].get("kwartalen", ())) if product else set()
        if not product or not quarters:
            continue
        year = _year(network, network.nodes[item].get("plan"))
        when = _span(quarters)
        what = _what(network, item)
        if _plan_in(network, b, year) is None:
            found.append(
                Finding(
                    "samenwerking-zonder-capaciteit",
                    "hoog",
                    (a, b),
                    f"{label(network, a)} maakt {what} in {when} samen met {label(network, b)}, maar "
                    f"{label(network, b)} heeft geen kennisplan{f' voor {year}' if year else ''} "
                    "en dus niemand ingepland.",
                    _bronnen(bron(network, item), bron(network, product)),
                    (item, product),
                )
            )
            continue
        topics = targets(network, item, "kn:onderwerp")
        covered = set().union(set(), *(narrower_closure(network, t) for t in topics))
        busy = [
            p
            for p in items_of(network, b, "product")
            if set(network.nodes[p].get("kwartalen", ())) & quarters
            and (not covered or targets(network, p, "kn:onderwerp") & covered)
        ]
        if busy:
            continue
        on = f" over {_names(network, topics, sentence=True)}" if topics else ""
        found.append(
            Finding(
                "samenwerking-zonder-capaciteit",
                "middel",
                (a, b),
                f"{label(network, a)} maakt {what} in {when} samen met {label(network, b)}, maar "
                f"{label(network, b)} plant in die kwartalen zelf geen product{on}.",
                _bronnen(bron(network, item), bron(network, product)),
                (item, product),
            )
        )
    return found


def _span(quarters) -> str:
    ordered = sorted(quarters)
    text = [q.replace("-", " ") for q in ordered]
    return text[0] if len(text) == 1 else f"{text[0]} tot en met {text[-1]}"
