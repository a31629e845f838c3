"""What falls between two chairs: every gap kind as a list of Findings.

Each `_kind` function reads the network (network.py) and returns findings of one kind;
`find_gaps` runs them all. The rules, and the thresholds they use, are stated in each
function's docstring so that a reader can check a finding against the plan by hand.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

import networkx as nx

from .findings import Finding, sort_key
from .network import ITEM_KINDS, euro_text, items_of, label, nodes_of, plans_of, sources, targets

#: a theme's quarter is a peak when it has at least RATIO × the mean of its other quarters
#: and at least EXTRA deliveries more than that mean
THEME_PEAK = (2.0, 3)
NETWORK_PEAK = (1.5, 5)
#: an organisation is central to a theme when it works on ≥ 1 topic the theme treats; a
#: finding needs this many themes for which it is central, and only one that engages it
ORG_THEMES = 3
THEMAS = "thema's"


def find_gaps(network: nx.MultiDiGraph) -> list[Finding]:
    """All findings of every kind, sorted by kind (report order), severity and themes."""
    found: list[Finding] = []
    for rule in RULES:
        found.extend(rule(network))
    return sorted(found, key=sort_key)


# --------------------------------------------------------------------------- helpers


def _names(network, nodes) -> str:
    names = sorted(label(network, n) for n in nodes)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _themes(network, *groups) -> tuple[str, ...]:
    seen: list[str] = []
    for group in groups:
        for t in ([group] if isinstance(group, str) else sorted(group, key=lambda n: label(network, n))):
            if t and t not in seen:
                seen.append(t)
    return tuple(seen)


def _bron(network, node) -> str | None:
    return network.nodes[node].get("bron") if node in network else None


def _plan_bron(network, plan, key: str) -> str | None:
    data = network.nodes[plan]
    if not data.get("bestand"):
        return None
    line = data.get("regels", {}).get(key)
    return f"{data['bestand']}:{line}" if line else data["bestand"]


def _bronnen(*values) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        for v in [value] if isinstance(value, str) or value is None else value:
            if v and v not in out:
                out.append(v)
    return tuple(out)


def _year(network, plan) -> int | None:
    return network.nodes[plan].get("jaar") if plan else None


def _plan_in(network, thema, year) -> str | None:
    plans = sorted(plans_of(network, thema))
    same = [p for p in plans if year is None or _year(network, p) in (year, None)]
    return same[0] if same else None


def _theme_of(network, node) -> list[str]:
    data = network.nodes[node]
    if data["kind"] == "plan":
        return [data["thema"]] if data.get("thema") else []
    return list(data.get("themas", ()))


def _narrower_closure(network, topic) -> set[str]:
    found, todo = {topic}, [topic]
    while todo:
        for narrower in sources(network, todo.pop(), "skos:broader"):
            if narrower not in found:
                found.add(narrower)
                todo.append(narrower)
    return found


def _euro(amount) -> str:
    return "€ " + euro_text(amount)


# --------------------------------------------------------------------------- handovers


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
                found.append(Finding(
                    "overdracht-zonder-plan", "hoog", _themes(network, van, naar),
                    f"{who} legt de regie over {topic_text} bij {label(network, naar)}, "
                    f"maar dat thema heeft geen kennisplan{f' voor {year}' if year else ''}.",
                    _bronnen(_bron(network, h)), (h,)))
                continue
            if not topics:
                continue
            covered = set().union(*(_narrower_closure(network, t) for t in topics))
            items = [n for n in items_of(network, naar) if _plan_in_year(network, n, year)]
            products = sorted(n for n in items if network.nodes[n]["kind"] == "product"
                              and targets(network, n, "kn:onderwerp") & covered)
            if products:
                continue
            mentions = sorted(n for n in [plan, *items] if targets(network, n, "kn:onderwerp") & covered)
            if mentions:
                uitleg = (f"{who} legt de regie over {topic_text} bij {label(network, naar)}; dat plan noemt "
                          f"het onderwerp wel, maar heeft er geen kennisproduct over.")
                severity = "middel"
            else:
                uitleg = (f"{who} legt de regie over {topic_text} bij {label(network, naar)}, maar het plan "
                          f"{label(network, naar)} noemt het onderwerp nergens en heeft er geen product over.")
                severity = "hoog"
            found.append(Finding(
                "overdracht-zonder-product", severity, _themes(network, van, naar), uitleg,
                _bronnen(_bron(network, h), [_bron(network, m) for m in mentions if m != plan],
                         network.nodes[plan].get("bestand")),
                (h,)))
    return found


def _plan_in_year(network, node, year) -> bool:
    return year is None or _year(network, network.nodes[node].get("plan")) in (year, None)


# --------------------------------------------------------------------------- relations between themes


def themes_without_plan(network) -> list[Finding]:
    """A theme that other plans name (kn:samenhangMet, a handover kn:naarThema, a raised topic's
    kn:anderThema) but that has no plan of that year (hoog)."""
    named: dict[tuple[str, int | None], dict[str, set]] = defaultdict(lambda: {"by": set(), "bron": [], "items": []})
    for plan in nodes_of(network, "plan"):
        year = _year(network, plan)
        for thema in sorted(targets(network, plan, "kn:samenhangMet")):
            entry = named[(thema, year)]
            entry["by"].add(network.nodes[plan]["thema"])
            entry["bron"].append(_plan_bron(network, plan, f"kn:samenhangMet {thema}"))
    for kind, prop in (("overdracht", "kn:naarThema"), ("aangedragen", "kn:anderThema")):
        for item in nodes_of(network, kind):
            year = _year(network, network.nodes[item].get("plan"))
            for thema in sorted(targets(network, item, prop)):
                entry = named[(thema, year)]
                entry["by"].update(network.nodes[item].get("themas", ()))
                entry["bron"].append(_bron(network, item))
                entry["items"].append(item)
    found = []
    for (thema, year), entry in sorted(named.items(), key=lambda kv: (label(network, kv[0][0]), kv[0][1] or 0)):
        if _plan_in(network, thema, year) is not None:
            continue
        by = entry["by"] - {thema}
        handed = [i for i in entry["items"] if network.nodes[i]["kind"] == "overdracht"]
        extra = f" en krijgt {len(handed)} regieoverdracht{'en' if len(handed) != 1 else ''}" if handed else ""
        found.append(Finding(
            "thema-zonder-plan", "hoog", _themes(network, thema, by),
            f"{label(network, thema)} wordt genoemd door {len(by)} {'thema' if len(by) == 1 else THEMAS} "
            f"({_names(network, by)}){extra}, maar heeft geen kennisplan{f' voor {year}' if year else ''}.",
            _bronnen(entry["bron"]), tuple(sorted(set(entry["items"])))))
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
            found.append(Finding(
                "samenhang-eenzijdig", "laag", (a, b),
                f"{label(network, a)} noemt {label(network, b)} als verwant thema, maar het plan "
                f"{label(network, b)} noemt {label(network, a)} niet.",
                _bronnen(_plan_bron(network, plan, f"kn:samenhangMet {b}")), (plan, other)))
    return found


# --------------------------------------------------------------------------- topics, laws, organisations


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


def _where(network, node) -> str | None:
    data = network.nodes[node]
    return data.get("bestand") if data["kind"] == "plan" else data.get("bron")


def topics_without_lead(network) -> list[Finding]:
    """A topic that two or more themes name while no theme has the lead: no handover about
    it (or a broader topic), not exactly one theme with products on it, and no theme named
    after it or with a programme line of that name. Topics with narrower topics are fields
    (Vergunningverlening, Toezicht), not something one theme leads, and are left out.
    Severity: hoog when three or more themes make products on it, middel for two, laag when
    several themes name it and none makes a product."""
    treats, makers, namers = topic_mentions(network)
    handed = set()
    for h in nodes_of(network, "overdracht"):
        for topic in targets(network, h, "kn:onderwerp"):
            handed |= _narrower_closure(network, topic)
    owners = _named_owners(network)
    found = []
    for topic in sorted(treats, key=lambda n: label(network, n)):
        themes = treats[topic]
        if len(themes) < 2 or topic in handed or sources(network, topic, "skos:broader"):
            continue
        made = makers.get(topic, set())
        if len(made) == 1 or owners.get(topic, set()) & themes:
            continue
        products = sorted(n for n in namers[topic] if network.nodes[n]["kind"] == "product")
        if made:
            severity = "hoog" if len(made) >= 3 else "middel"
            uitleg = (f"{_names(network, made)} maken {'allebei' if len(made) == 2 else 'allemaal'} producten "
                      f"over {label(network, topic)}, maar geen thema heeft de regie (geen overdracht, geen eigenaar).")
            where = products
        else:
            severity = "laag"
            uitleg = (f"{_names(network, themes)} noemen {label(network, topic)}, maar geen thema maakt er een "
                      f"product over of heeft de regie.")
            where = sorted(namers[topic])
        found.append(Finding(
            "onderwerp-zonder-regie", severity, _themes(network, made or themes, themes),
            uitleg, _bronnen([_where(network, n) for n in where]), (topic, *products)))
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


def laws_without_product(network) -> list[Finding]:
    """A law that two or more themes name (kn:noemtWet) and that no product of any theme
    works out (kn:wet on a product): hoog for an upcoming law (kn:aankomend), else middel."""
    found = []
    for wet in nodes_of(network, "wet"):
        themes = sources(network, wet, "kn:noemtWet")
        if len(themes) < 2:
            continue
        if any(network.nodes[s]["kind"] == "product" for s in sources(network, wet, "kn:wet")):
            continue
        upcoming = bool(network.nodes[wet].get("aankomend"))
        plans = sorted(p for t in themes for p in plans_of(network, t) if wet in targets(network, p, "kn:wet"))
        found.append(Finding(
            "wet-zonder-product", "hoog" if upcoming else "middel", _themes(network, themes),
            f"{_names(network, themes)} noemen {'de aankomende ' if upcoming else ''}{label(network, wet)}, "
            f"maar geen van hen heeft er een kennisproduct over.",
            _bronnen([network.nodes[p].get("bestand") for p in plans],
                     [_bron(network, s) for s in sorted(sources(network, wet, "kn:wet")) if s not in plans]),
            (wet,)))
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
        items = sorted(s for s in sources(network, org, "kn:partner", "org:hasMember", "kn:beheerder")
                       if network.nodes[s]["kind"] in ITEM_KINDS)
        topics = set().union(set(), *(targets(network, i, "kn:onderwerp") for i in items))
        central = set().union(set(), *(treats.get(t, set()) for t in topics))
        if len(central) < ORG_THEMES:
            continue
        (owner,) = engaged
        others = central - engaged
        shared = sorted((t for t in topics if treats.get(t, set()) & others), key=lambda n: label(network, n))
        found.append(Finding(
            "organisatie-een-thema", "middel" if len(central) >= 5 else "laag", _themes(network, owner, others),
            f"{label(network, org)} werkt met {label(network, owner)} aan {_names(network, shared or topics)}; "
            f"die onderwerpen raken ook {_names(network, others)}, maar die betrekken {label(network, org)} niet.",
            _bronnen([_bron(network, i) for i in items]), (org, *shared)))
    return found


RULES_TOPICS = (topics_without_lead, laws_without_product, lonely_organisations)


# --------------------------------------------------------------------------- budgets and products


def budgets(network) -> list[Finding]:
    """Per plan: this year's product budgets (rows without kn:budgetjaar, or of the plan's
    year) plus the category posts (kn:Begrotingspost with a kn:programmalijn, as Data en
    informatievoorziening budgets per category) against the table total kn:tabelTotaal
    (`begroting-telt-niet-op`, middel; hoog from a 10% difference) and against the declared
    kn:activiteitenbudget (`begroting-boven-budget`: table total or row sum above it; hoog
    from 5% over, else middel). Money from another year is reported, never counted."""
    found = []
    for plan in nodes_of(network, "plan"):
        data, year = network.nodes[plan], _year(network, plan)
        products = sorted(items_of(network, data["thema"], "product") & sources(network, plan, "kn:inPlan"))
        rows, other_year = 0, 0
        for p in products:
            budget = network.nodes[p].get("budget")
            if budget is None:
                continue
            if network.nodes[p].get("budgetjaar") in (None, year):
                rows += budget
            else:
                other_year += budget
        posts = [post for post in data.get("begrotingsposten", ()) if post.get("programmalijn") and post.get("budget")]
        rows += sum(post["budget"] for post in posts if post.get("budgetjaar") in (None, year))
        what = "de categoriebudgetten" if posts else f"de {len(products)} producten"
        total, declared = data.get("tabelTotaal"), data.get("activiteitenbudget")
        extra = f" (plus {_euro(other_year)} uit een ander budgetjaar)" if other_year else ""
        if total is not None and rows != total:
            diff = rows - total
            found.append(Finding(
                "begroting-telt-niet-op", "hoog" if abs(diff) >= 0.1 * total else "middel", (data["thema"],),
                f"In {data['label']} tellen {what} op tot {_euro(rows)}{extra}, maar de tabel noemt als totaal "
                f"{_euro(total)} (verschil {_euro(abs(diff))}).",
                _bronnen(_plan_bron(network, plan, "kn:tabelTotaal")), (plan,)))
        planned = max(v for v in (total, rows) if v is not None)
        if declared is not None and planned > declared:
            over = planned - declared
            basis = "het tabeltotaal" if total is not None and total >= rows else "de som van de producten"
            found.append(Finding(
                "begroting-boven-budget", "hoog" if over > 0.05 * declared else "middel", (data["thema"],),
                f"{data['label']} begroot {_euro(planned)} ({basis}), {_euro(over)} boven het "
                f"activiteitenbudget van {_euro(declared)}.",
                _bronnen(_plan_bron(network, plan, "kn:activiteitenbudget"),
                         _plan_bron(network, plan, "kn:tabelTotaal") if total is not None else None),
                (plan,)))
    return found


FIELDS = ("vorm", "status", "planning", "budget")


def _missing(network, product, covered: set[str]) -> list[str]:
    data = network.nodes[product]
    missing = [f for f in ("vorm", "status") if not data.get(f)]
    if not data.get("kwartalen") and not _dated_events(network, product):
        missing.append("planning")
    if data.get("budget") is None and data.get("programmalijn_iri") not in covered:
        missing.append("budget")
    return missing


def _dated_events(network, product) -> list[str]:
    """Events the product points to (rdfs:seeAlso, either way) that carry a date."""
    linked = targets(network, product, "rdfs:seeAlso") | sources(network, product, "rdfs:seeAlso")
    return sorted(e for e in linked if network.nodes[e]["kind"] == "bijeenkomst" and network.nodes[e].get("datum"))


def incomplete_products(network) -> list[Finding]:
    """Products without form, status, planning (no quarter to read off, and no dated event
    linked with rdfs:seeAlso) or budget (no amount, and no category budget for its programme
    line). A field no product of a plan
    has (the table lacks the column) is one finding for the plan. Severity middel when the
    budget is missing, else laag."""
    found = []
    for plan in nodes_of(network, "plan"):
        data = network.nodes[plan]
        covered = {p["programmalijn"] for p in data.get("begrotingsposten", ()) if p.get("programmalijn") and p.get("budget")}
        products = sorted(sources(network, plan, "kn:inPlan") & set(nodes_of(network, "product")),
                          key=lambda p: (network.nodes[p].get("volgnummer") or 0, p))
        missing = {p: _missing(network, p, covered) for p in products}
        whole = [f for f in FIELDS if len(products) > 1 and all(f in m for m in missing.values())]
        if whole:
            found.append(Finding(
                "product-onvolledig", "middel" if "budget" in whole else "laag", (data["thema"],),
                f"{data['label']} noemt bij geen enkel product {_names_plain(whole)} (de tabel heeft die kolom niet).",
                _bronnen(_bron(network, products[0])), tuple(products)))
        for p in products:
            rest = [f for f in missing[p] if f not in whole]
            if not rest:
                continue
            pd = network.nodes[p]
            notes = []
            if "planning" in rest and pd.get("planning"):
                notes.append(f"planning '{pd['planning']}'")
            if "budget" in rest and pd.get("budgetTekst"):
                notes.append(f"budget '{pd['budgetTekst']}'")
            note = f" (er staat {', '.join(notes)})" if notes else ""
            severity = "middel" if "budget" in rest and not pd.get("budgetTekst") else "laag"
            found.append(Finding(
                "product-onvolledig", severity, (data["thema"],),
                f"'{pd['label']}' ({label(network, data['thema'])}) heeft geen {_names_plain(rest)}{note}.",
                _bronnen(_bron(network, p)), (p,)))
    return found


def _names_plain(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " of " + words[-1]


# --------------------------------------------------------------------------- calendar


def delivery_quarter(data) -> str | None:
    """When a product is delivered: its end quarter, else the last quarter of its planning.
    A product planned in all four quarters of a year is ongoing work, not a delivery."""
    quarters = data.get("kwartalen") or ()
    if data.get("eindKwartaal") and len(quarters) < 4:
        return data["eindKwartaal"]
    if not quarters or len(quarters) >= 4:
        return None
    return max(quarters)


def quarter_peaks(network) -> list[Finding]:
    """Quarters in which one theme (THEME_PEAK) or the whole network (NETWORK_PEAK) delivers far
    more than in its other quarters of that year: at least RATIO × their mean and at least
    EXTRA more. Severity middel for a theme, hoog for the network."""
    per_theme: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for product in nodes_of(network, "product"):
        quarter = delivery_quarter(network.nodes[product])
        if quarter:
            for thema in network.nodes[product].get("themas", ()):
                per_theme[thema][quarter].append(product)
    found = []
    network_counts: dict[str, list[str]] = defaultdict(list)
    for thema in sorted(per_theme, key=lambda n: label(network, n)):
        for quarter, products in per_theme[thema].items():
            network_counts[quarter].extend(products)
        found += _peaks(network, per_theme[thema], THEME_PEAK, (thema,), label(network, thema), "middel")
    themes = tuple(sorted(per_theme, key=lambda n: label(network, n)))
    found += _peaks(network, network_counts, NETWORK_PEAK, themes, "Het netwerk als geheel", "hoog")
    return found


def _peaks(network, counts: dict[str, list[str]], rule, themes, who, severity) -> list[Finding]:
    ratio, extra = rule
    found = []
    years = sorted({q.split("-")[0] for q in counts})
    for year in years:
        quarters = [f"{year}-Q{i}" for i in range(1, 5)]
        for quarter in quarters:
            n = len(counts.get(quarter, ()))
            others = [len(counts.get(q, ())) for q in quarters if q != quarter]
            usual = sum(others) / len(others)
            if n >= ratio * usual and n - usual >= extra:
                products = sorted(counts[quarter], key=lambda p: (label(network, p), p))
                found.append(Finding(
                    "kwartaal-piek", severity, themes,
                    f"{who} levert in {quarter.replace('-', ' ')} {n} producten op, tegen gemiddeld "
                    f"{usual:.1f} in de andere kwartalen van {year}.".replace(f"{usual:.1f}", f"{usual:.1f}".replace(".", ",")),
                    _bronnen([_bron(network, p) for p in products]), tuple(products)))
    return found


def same_day_events(network) -> list[Finding]:
    """Dated events (schema:startDate) of two or more themes on the same day (middel)."""
    dated = sorted((network.nodes[e]["datum"], e) for e in nodes_of(network, "bijeenkomst") if network.nodes[e].get("datum"))
    found = []
    for day, group in groupby(dated, key=lambda pair: pair[0]):
        events = [e for _, e in group]
        themes = {t for e in events for t in network.nodes[e].get("themas", ())}
        if len(themes) < 2:
            continue
        found.append(Finding(
            "bijeenkomsten-zelfde-dag", "middel", _themes(network, themes),
            f"Op {day} staan {len(events)} bijeenkomsten van {_names(network, themes)}: "
            f"{'; '.join(label(network, e) for e in events)}.",
            _bronnen([_bron(network, e) for e in events]), tuple(events)))
    return found


RULES = (
    handovers, themes_without_plan, one_sided_relations, *RULES_TOPICS,
    budgets, incomplete_products, quarter_peaks, same_day_events,
)
