"""Gap rules about a plan's money and calendar: budgets, product details, peaks and clashes.

These check each plan on its own figures (do the budgets add up, does each product say what,
when and for how much) and the themes' calendars together (quarters where deliveries pile up,
events of several themes on one day).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import groupby

from .findings import Finding
from .gaps_common import _bronnen, _names, _themes, _year
from .graph import bron, items_of, label, nodes_of, plan_bron, sources, targets
from .textlines import euro

#: a theme's quarter is a peak when it has at least RATIO × the mean of its other quarters
#: and at least EXTRA deliveries more than that mean
THEME_PEAK = (2.0, 3)
NETWORK_PEAK = (1.5, 5)


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
        extra = f" (plus {euro(other_year)} uit een ander budgetjaar)" if other_year else ""
        if total is not None and rows != total:
            diff = rows - total
            found.append(
                Finding(
                    "begroting-telt-niet-op",
                    "hoog" if abs(diff) >= 0.1 * total else "middel",
                    (data["thema"],),
                    f"In {data['label']} tellen {what} op tot {euro(rows)}{extra}, maar de tabel noemt als totaal "
                    f"{euro(total)} (verschil {euro(abs(diff))}).",
                    _bronnen(plan_bron(network, plan, "kn:tabelTotaal")),
                    (plan,),
                )
            )
        planned = max(v for v in (total, rows) if v is not None)
        if declared is not None and planned > declared:
            over = planned - declared
            basis = "het tabeltotaal" if total is not None and total >= rows else "de som van de producten"
            found.append(
                Finding(
                    "begroting-boven-budget",
                    "hoog" if over > 0.05 * declared else "middel",
                    (data["thema"],),
                    f"{data['label']} begroot {euro(planned)} ({basis}), {euro(over)} boven het "
                    f"activiteitenbudget van {euro(declared)}.",
                    _bronnen(
                        plan_bron(network, plan, "kn:activiteitenbudget"),
                        plan_bron(network, plan, "kn:tabelTotaal") if total is not None else None,
                    ),
                    (plan,),
                )
            )
    return found


FIELDS = ("vorm", "status", "planning", "budget")
#: a planning that recurs through the year ('10x/jaar', '4 keer per jaar', 'doorlopend') is a
#: planning, even without a quarter to read off
RECURRING = re.compile(r"\d+\s*x\s*(/|per)\s*jaar|keer per jaar|jaarlijks|maandelijks|doorlopend|hele jaar", re.I)
#: what a plan writes where a field does not apply: stated, so not missing
NOT_APPLICABLE = re.compile(r"^\s*n\.?\s*v\.?\s*t\.?\s*$", re.I)
#: a row that sets money aside, not a product: it needs a budget, not a form, status or planning
COST_LINE = re.compile(r"^\s*(reservering|overige kosten)\b", re.I)


def is_cost_line(data) -> bool:
    return bool(COST_LINE.match(data.get("label") or ""))


def _stated(text) -> bool:
    return bool(text and (RECURRING.search(text) or NOT_APPLICABLE.match(text)))


def _missing(network, product, covered: set[str], chart: bool = False) -> list[str]:
    """The fields a product lacks. `chart`: the plan gives its planning as a chart the text lost."""
    data = network.nodes[product]
    missing = [] if is_cost_line(data) else [f for f in ("vorm", "status") if not data.get(f)]
    if (
        not data.get("kwartalen")
        and not _dated_events(network, product)
        and not chart
        and not is_cost_line(data)
        and not _stated(data.get("planning"))
    ):
        missing.append("planning")
    if (
        data.get("budget") is None
        and data.get("programmalijn_iri") not in covered
        and not NOT_APPLICABLE.match(data.get("budgetTekst") or "x")
    ):
        missing.append("budget")
    return missing


def _dated_events(network, product) -> list[str]:
    """Events the product points to (rdfs:seeAlso, either way) that carry a date."""
    linked = targets(network, product, "rdfs:seeAlso") | sources(network, product, "rdfs:seeAlso")
    return sorted(e for e in linked if network.nodes[e]["kind"] == "bijeenkomst" and network.nodes[e].get("datum"))


def incomplete_products(network) -> list[Finding]:
    """Products without form, status, planning (no quarter to read off, no dated event linked
    with rdfs:seeAlso, no recurrence such as '10x/jaar' (RECURRING), no 'n.v.t.', and no planning
    chart of the plan, kn:planningsgrafiek) or budget (no amount, no 'n.v.t.', and no category
    budget for its programme line). A cost line (COST_LINE: 'Reservering ...', 'Overige kosten')
    only needs a budget. A field no product of a plan has (the table lacks the column) is one
    finding for the plan. Severity middel when the budget is missing, else laag."""
    found = []
    all_products = set(nodes_of(network, "product"))
    for plan in nodes_of(network, "plan"):
        data = network.nodes[plan]
        covered = {
            p["programmalijn"] for p in data.get("begrotingsposten", ()) if p.get("programmalijn") and p.get("budget")
        }
        products = sorted(
            sources(network, plan, "kn:inPlan") & all_products,
            key=lambda p: (network.nodes[p].get("volgnummer") or 0, p),
        )
        chart = bool(data.get("planningsgrafiek"))
        missing = {p: _missing(network, p, covered, chart) for p in products}
        whole = [f for f in FIELDS if len(products) > 1 and all(f in m for m in missing.values())]
        if whole:
            found.append(
                Finding(
                    "product-onvolledig",
                    "middel" if "budget" in whole else "laag",
                    (data["thema"],),
                    f"{data['label']} noemt bij geen enkel product {_names_plain(whole)} "
                    "(de tabel heeft die kolom niet).",
                    _bronnen(bron(network, products[0])),
                    tuple(products),
                )
            )
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
            found.append(
                Finding(
                    "product-onvolledig",
                    severity,
                    (data["thema"],),
                    f"'{pd['label']}' ({label(network, data['thema'])}) heeft geen {_names_plain(rest)}{note}.",
                    _bronnen(bron(network, p)),
                    (p,),
                )
            )
    return found


def _names_plain(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " of " + words[-1]


# --------------------------------------------------------------------------- calendar


def delivery_quarters(data) -> tuple[str, ...]:
    """When a product is delivered, by the one rule the query oplevering-per-kwartaal.rq uses
    too: the end quarter of a span ("Start Q1 / Afronding Q3" → Q3), else every quarter named
    ("Q2 en Q4" → both). A product planned in four or more quarters is ongoing work, not a
    delivery."""
    quarters = data.get("kwartalen") or ()
    if not quarters or len(quarters) >= 4:
        return ()
    if data.get("eindKwartaal"):
        return (data["eindKwartaal"],)
    return tuple(sorted(quarters))


def quarter_peaks(network) -> list[Finding]:
    """Quarters in which one theme (THEME_PEAK) or the whole network (NETWORK_PEAK) delivers far
    more than in its other quarters of that year: at least RATIO × their mean and at least
    EXTRA more (middel)."""
    per_theme: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for product in nodes_of(network, "product"):
        for quarter in delivery_quarters(network.nodes[product]):
            for thema in network.nodes[product].get("themas", ()):
                per_theme[thema][quarter].append(product)
    found = []
    network_counts: dict[str, list[str]] = defaultdict(list)
    for thema in sorted(per_theme, key=lambda n: label(network, n)):
        for quarter, products in per_theme[thema].items():
            network_counts[quarter].extend(products)
        found += _peaks(network, per_theme[thema], THEME_PEAK, (thema,), label(network, thema), "middel")
    themes = tuple(sorted(per_theme, key=lambda n: label(network, n)))
    found += _peaks(network, network_counts, NETWORK_PEAK, themes, "Het netwerk als geheel", "middel")
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
                found.append(
                    Finding(
                        "kwartaal-piek",
                        severity,
                        themes,
                        f"{who} levert in {quarter.replace('-', ' ')} {n} producten op, tegen gemiddeld "
                        f"{_decimal(usual)} in de andere kwartalen van {year}.",
                        _bronnen([bron(network, p) for p in products]),
                        tuple(products),
                    )
                )
    return found


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def same_day_events(network) -> list[Finding]:
    """Dated events (schema:startDate) of two or more themes on the same day (middel)."""
    events = nodes_of(network, "bijeenkomst")
    dated = sorted((network.nodes[e]["datum"], e) for e in events if network.nodes[e].get("datum"))
    found = []
    for day, group in groupby(dated, key=lambda pair: pair[0]):
        events = [e for _, e in group]
        themes = {t for e in events for t in network.nodes[e].get("themas", ())}
        if len(themes) < 2:
            continue
        found.append(
            Finding(
                "bijeenkomsten-zelfde-dag",
                "middel",
                _themes(network, themes),
                f"Op {day} staan {len(events)} bijeenkomsten van {_names(network, themes)}: "
                f"{'; '.join(label(network, e) for e in events)}.",
                _bronnen([bron(network, e) for e in events]),
                tuple(events),
            )
        )
    return found
