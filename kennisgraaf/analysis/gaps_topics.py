"""Gap rules about what several themes share while none takes it up: topics, laws, organisations.

A topic, a law or an organisation can matter to many themes and still fall between them: no
theme leads the topic, no product works out the law, one theme alone works with the
organisation. The thresholds are in each rule's docstring.
"""

from __future__ import annotations

from collections import defaultdict

from .findings import Finding
from .gaps_common import _bronnen, _names, _theme_of, _themes, _where, in_sentence
from .graph import bron, label, memo, narrower_closure, nodes_of, plan_bron, plans_of, sources, targets
from .kinds import ITEM_KINDS

#: an organisation is central to a theme when it works on ≥ 1 topic the theme treats; a
#: finding needs this many themes for which it is central, and only one that engages it
ORG_THEMES = 3


def topic_mentions(network) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, list[str]]]:
    """Per topic: the themes whose plan or items name it (kn:onderwerp as stated, not rolled up),
    the themes with a product about it, and the plans and items that name it."""
    treats, makers, namers = defaultdict(set), defaultdict(set), defaultdict(list)
    for s, topic, prop in network.edges(keys=True):
        if prop != "kn:onderwerp" or network.nodes[s]["kind"] not in ("plan", *ITEM_KINDS):
            continue
        themes = _theme_of(network, s)
        if themes:
            namers[topic].append(s)
        for thema in themes:
            treats[topic].add(thema)
            if network.nodes[s]["kind"] == "product":
                makers[topic].add(thema)
    return treats, makers, namers


def agreed(network) -> dict[str, set[str]]:
    """Topic → the themes a plan has agreed to work together on it: a raised topic
    (kn:AangedragenOnderwerp) of one theme that names the other theme(s) (kn:anderThema) and
    what to do (AV's table: 'Gezondheid' — ZZS — 'Meedoen in pilots Industrie en Omwonenden')."""
    found: dict[str, set[str]] = defaultdict(set)
    for item in nodes_of(network, "aangedragen"):
        others = targets(network, item, "kn:anderThema")
        if not others:
            continue
        for topic in targets(network, item, "kn:onderwerp"):
            found[topic] |= set(network.nodes[item].get("themas", ())) | others
    return found


def topics_without_lead(network) -> list[Finding]:
    """A topic that two or more themes name while no theme has the lead: no handover about
    it (or a broader topic), not exactly one theme with products on it, and no theme named
    after it or with a programme line of that name, and no raised topic in which the themes that
    make products on it agreed to work on it together (`agreed`). Topics with narrower topics are fields
    (Vergunningverlening, Toezicht), not something one theme leads, and are left out.
    Severity: hoog when three or more themes make products on it, middel for two, laag when
    several themes name it and none makes a product."""
    treats, makers, namers = topic_mentions(network)
    handed = set()
    for h in nodes_of(network, "overdracht"):
        for topic in targets(network, h, "kn:onderwerp"):
            handed |= narrower_closure(network, topic)
    owners = _named_owners(network)
    together = agreed(network)
    found = []
    for topic in sorted(treats, key=lambda n: label(network, n)):
        themes = treats[topic]
        if len(themes) < 2 or topic in handed or sources(network, topic, "skos:broader"):
            continue
        made = makers.get(topic, set())
        if len(made) == 1 or owners.get(topic, set()) & themes or (made and made <= together.get(topic, set())):
            continue
        products = sorted(n for n in namers[topic] if network.nodes[n]["kind"] == "product")
        if made:
            severity = "hoog" if len(made) >= 3 else "middel"
            uitleg = (
                f"{_names(network, made)} maken {'allebei' if len(made) == 2 else 'allemaal'} producten "
                f"over {in_sentence(network, topic)}, maar geen thema heeft de regie "
                "(geen overdracht, geen eigenaar)."
            )
            where = products
        else:
            severity = "laag"
            uitleg = (
                f"{_names(network, themes)} noemen {in_sentence(network, topic)}, maar geen thema maakt er een "
                f"product over of heeft de regie."
            )
            where = sorted(namers[topic])
        found.append(
            Finding(
                "onderwerp-zonder-regie",
                severity,
                _themes(network, made or themes, themes),
                uitleg,
                _bronnen([_where(network, n, topic) for n in where]),
                (topic, *products),
            )
        )
    return found


def _named_owners(network) -> dict[str, set[str]]:
    """Topic → themes that carry its name (label or abbreviation) or a programme line named after it."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for thema in nodes_of(network, "thema"):
        data = network.nodes[thema]
        for name in (data["label"], *data.get("namen", ())):
            by_name[name.casefold()].add(thema)
    for product in nodes_of(network, "product"):
        data = network.nodes[product]
        if data.get("programmalijn"):
            by_name[data["programmalijn"].casefold()].update(data.get("themas", ()))
    owners = {}
    for topic in nodes_of(network, "onderwerp"):
        data = network.nodes[topic]
        names = {data["label"].casefold(), *(n.casefold() for n in data.get("namen", ()))}
        owners[topic] = set().union(*(by_name.get(n, set()) for n in names))
    return owners


def worked_out_by(network, wet) -> list[str]:
    """The products that work a law out: they name it (kn:wet), or they name a law that this one
    implements (kn:implementeert: the Bal implements the KRW, WK 66-68, so a product on applying
    the KRW works with the Bal)."""
    laws = {wet} | targets(network, wet, "kn:implementeert")
    return sorted({s for w in laws for s in sources(network, w, "kn:wet") if network.nodes[s]["kind"] == "product"})


def upcoming(network, wet) -> bool:
    """Upcoming: a plan calls it so (kn:aankomend), or it takes effect after the start of the
    latest plan year in the graph."""
    data = network.nodes[wet]
    if data.get("aankomend"):
        return True
    years = memo(
        network,
        "plan_years",
        lambda: [d["jaar"] for _, d in network.nodes(data=True) if d["kind"] == "plan" and d.get("jaar")],
    )
    date = data.get("inwerkingtreding")
    return bool(date and years and str(date) > f"{max(years)}-01-01")


def _law_sources(network, wet, themes) -> tuple[str, ...]:
    plans = sorted(p for t in themes for p in plans_of(network, t) if wet in targets(network, p, "kn:wet"))
    return _bronnen(
        [plan_bron(network, p, f"kn:wet {wet}") for p in plans],
        [bron(network, s) for s in sorted(sources(network, wet, "kn:wet")) if s not in plans],
    )


def upcoming_laws(network) -> list[Finding]:
    """An upcoming law (see `upcoming`) that any theme names and no product works out
    (`wet-aankomend-zonder-product`): hoog when it takes effect in or before a plan year of the
    themes that name it (a date is known), else middel."""
    found = []
    for wet in nodes_of(network, "wet"):
        themes = sources(network, wet, "kn:noemtWet")
        if not themes or not upcoming(network, wet) or worked_out_by(network, wet):
            continue
        date = network.nodes[wet].get("inwerkingtreding")
        years = {network.nodes[p].get("jaar") for t in themes for p in plans_of(network, t)} - {None}
        soon = bool(date and years and int(str(date)[:4]) <= max(years))
        when = f" (in werking per {date_text(date)})" if date else ""
        found.append(
            Finding(
                "wet-aankomend-zonder-product",
                "hoog" if soon else "middel",
                _themes(network, themes),
                f"{_names(network, themes)} {'noemt' if len(themes) == 1 else 'noemen'} de aankomende "
                f"{label(network, wet)}{when}, maar geen thema heeft er een kennisproduct over.",
                _law_sources(network, wet, themes),
                (wet,),
            )
        )
    return found


def date_text(date) -> str:
    """'2026-07-01' → '1 juli 2026'."""
    months = (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    )
    y, m, d = (int(x) for x in str(date)[:10].split("-"))
    return f"{d} {months[m - 1]} {y}"


def laws_without_product(network) -> list[Finding]:
    """A law in force that two or more themes name (kn:noemtWet) and that no product of any
    theme works out (`worked_out_by`) (middel). Upcoming laws are `wet-aankomend-zonder-product`."""
    found = []
    for wet in nodes_of(network, "wet"):
        themes = sources(network, wet, "kn:noemtWet")
        if len(themes) < 2 or upcoming(network, wet) or worked_out_by(network, wet):
            continue
        found.append(
            Finding(
                "wet-zonder-product",
                "middel",
                _themes(network, themes),
                f"{_names(network, themes)} noemen {label(network, wet)}, maar geen van hen heeft er een "
                "kennisproduct over.",
                _law_sources(network, wet, themes),
                (wet,),
            )
        )
    return found


def lonely_organisations(network) -> list[Finding]:
    """An organisation central to several themes' topics but engaged by only one theme.

    Its topics are those of the items it takes part in (partner of a product, member of a
    meeting); it is central to a theme when that theme names one of those topics. A
    finding needs ≥ ORG_THEMES such themes and exactly one theme that works with it
    (kn:werktMet); severity middel from five themes, else laag."""
    treats = topic_mentions(network)[0]
    found = []
    for org in nodes_of(network, "organisatie"):
        engaged = sources(network, org, "kn:werktMet")
        if len(engaged) != 1:
            continue
        items = sorted(
            s
            for s in sources(network, org, "kn:partner", "org:hasMember", "kn:beheerder")
            if network.nodes[s]["kind"] in ITEM_KINDS
        )
        topics = set().union(set(), *(targets(network, i, "kn:onderwerp") for i in items))
        central = set().union(set(), *(treats.get(t, set()) for t in topics))
        if len(central) < ORG_THEMES:
            continue
        (owner,) = engaged
        others = central - engaged
        shared = sorted((t for t in topics if treats.get(t, set()) & others), key=lambda n: label(network, n))
        found.append(
            Finding(
                "organisatie-een-thema",
                "middel" if len(central) >= 5 else "laag",
                _themes(network, owner, others),
                f"{label(network, org)} werkt met {label(network, owner)} aan {_names(network, shared or topics)}; "
                f"die onderwerpen raken ook {_names(network, others)}, maar die betrekken {label(network, org)} niet.",
                _bronnen([bron(network, i) for i in items]),
                (org, *shared),
            )
        )
    return found
