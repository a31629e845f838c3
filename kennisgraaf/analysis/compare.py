"""What changed between two plan years: `kennisgraaf vergelijk 2026 2027 [--thema X]`.

Per theme that has a plan in both years: products new, dropped, moved (quarter), re-budgeted,
changed form or status, renamed; partners, meetings and laws that came or went; handovers new,
dropped, resolved or reopened; gap findings that appeared or were resolved. A theme with a plan
in only one of the two years is one line ("plan nieuw" / "nog geen plan"), not a list of
everything that "went".

Products are matched across years by a stable identity, strongest first:

1. an explicit `kn:vervolgOp` link from the new product to the old one (curator or nieuw-jaar);
2. the same IRI in both years' plans;
3. otherwise a fuzzy match of the titles within the theme (ratio >= TITLE_MATCH), marked
   "titel (gok)" in the output so a reader checks it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import networkx as nx

from .network import items_of, label, nodes_of, plans_of, targets
from .textlines import euro
from .years import scope

#: the least similarity (difflib ratio on case-folded titles) for a title match
TITLE_MATCH = 0.8
LINK, SAME, GUESS = "vervolgOp", "zelfde IRI", "titel (gok)"


@dataclass(frozen=True)
class Change:
    """One difference: its kind (see KINDS), the theme, what it is about, the value in each year."""

    soort: str
    thema: str
    wat: str
    van: str = ""
    naar: str = ""
    toelichting: str = ""
    items: tuple[str, ...] = ()


#: every change kind, in report order, with its Dutch heading
KINDS = {
    "plan-nieuw": "Thema met een plan in het nieuwe jaar, niet in het oude",
    "plan-ontbreekt": "Thema met een plan in het oude jaar, (nog) niet in het nieuwe",
    "product-nieuw": "Nieuwe kennisproducten",
    "product-vervallen": "Vervallen kennisproducten",
    "product-verschoven": "Producten in een ander kwartaal",
    "product-herbegroot": "Producten met een ander budget",
    "product-vorm": "Producten met een andere vorm",
    "product-status": "Producten met een andere status",
    "product-hernoemd": "Producten met een andere titel",
    "partner-erbij": "Organisaties erbij",
    "partner-weg": "Organisaties weg",
    "overleg-erbij": "Overleggen erbij",
    "overleg-weg": "Overleggen weg",
    "wet-erbij": "Wetgeving erbij",
    "wet-weg": "Wetgeving weg",
    "overdracht-nieuw": "Nieuwe regieoverdrachten",
    "overdracht-vervallen": "Vervallen regieoverdrachten",
    "overdracht-opgepakt": "Regieoverdrachten die nu opgepakt zijn",
    "overdracht-open": "Regieoverdrachten die niet meer opgepakt zijn",
    "bevinding-nieuw": "Nieuwe bevindingen",
    "bevinding-opgelost": "Opgeloste bevindingen",
}


@dataclass(frozen=True)
class Comparison:
    van: int
    naar: int
    thema: str | None
    changes: tuple[Change, ...]
    labels: dict[str, str] = field(default_factory=dict)

    def of(self, soort: str) -> list[Change]:
        return [c for c in self.changes if c.soort == soort]


def compare(network: nx.MultiDiGraph, van: int, naar: int, thema: str | None = None) -> Comparison:
    """Every change from year `van` to year `naar` (`thema`: one theme IRI, or all)."""
    from .gaps import find_gaps

    old, new = scope(network, van), scope(network, naar)
    themes = sorted(
        {network.nodes[p]["thema"] for p in nodes_of(network, "plan") if network.nodes[p].get("jaar") in (van, naar)}
        - {None},
        key=lambda t: label(network, t).casefold(),
    )
    if thema is not None:
        themes = [t for t in themes if t == thema]
    both = [t for t in themes if plans_of(old, t) and plans_of(new, t)]
    everywhere = {t for t in nodes_of(network, "thema") if plans_of(old, t) and plans_of(new, t)}
    changes: list[Change] = []
    for t in themes:
        if t in both:
            continue
        name = label(network, t)
        if plans_of(new, t):
            changes.append(Change("plan-nieuw", name, label(new, sorted(plans_of(new, t))[0]), "", str(naar)))
        else:
            changes.append(
                Change(
                    "plan-ontbreekt",
                    name,
                    label(old, sorted(plans_of(old, t))[0]),
                    str(van),
                    "",
                    f"{naar} heeft (nog) geen plan van dit thema",
                )
            )
    old_gaps, new_gaps = find_gaps(old), find_gaps(new)  # once per year: the rules see every theme
    for t in both:
        changes += _products(network, old, new, t)
        changes += _sets(old, new, t)
        changes += _handovers(old, new, t, old_gaps, new_gaps)
    changes += _findings(old, new, both, everywhere, old_gaps, new_gaps)
    order = list(KINDS)
    changes.sort(key=lambda c: (order.index(c.soort), c.thema.casefold(), c.wat.casefold()))
    labels = {n: d.get("label", n) for n, d in network.nodes(data=True)}
    return Comparison(van, naar, thema, tuple(changes), labels)


# --------------------------------------------------------------------------- products


def match_products(network, old_products, new_products) -> list[tuple[str, str, str]]:
    """(old, new, how) pairs: vervolgOp link, then same IRI, then a title guess."""
    pairs: list[tuple[str, str, str]] = []
    old_left, new_left = set(old_products), set(new_products)
    for b in sorted(new_products):
        for a in sorted(targets(network, b, "kn:vervolgOp") & old_left):
            pairs.append((a, b, LINK))
            old_left.discard(a)
            new_left.discard(b)
            break
    for p in sorted(old_left & new_left):
        pairs.append((p, p, SAME))
    old_left, new_left = old_left - new_left, new_left - old_left
    scored = sorted(
        (
            (difflib.SequenceMatcher(None, _key(network, a), _key(network, b)).ratio(), a, b)
            for a in old_left
            for b in new_left
        ),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    for ratio, a, b in scored:
        if ratio < TITLE_MATCH:
            break
        if a in old_left and b in new_left:
            pairs.append((a, b, GUESS))
            old_left.discard(a)
            new_left.discard(b)
    return pairs


def _key(network, node) -> str:
    return " ".join(label(network, node).casefold().split())


def _products(network, old, new, thema) -> list[Change]:
    name = label(network, thema)
    a_items = sorted(items_of(old, thema, "product"))
    b_items = sorted(items_of(new, thema, "product"))
    pairs = match_products(network, a_items, b_items)
    matched_a = {a for a, _, _ in pairs}
    matched_b = {b for _, b, _ in pairs}
    out = [
        Change("product-vervallen", name, label(old, a), _summary(old, a), "", items=(a,))
        for a in a_items
        if a not in matched_a
    ]
    out += [
        Change("product-nieuw", name, label(new, b), "", _summary(new, b), items=(b,))
        for b in b_items
        if b not in matched_b
    ]
    for a, b, how in pairs:
        da, db = old.nodes[a], new.nodes[b]
        both = (a, b)
        title = label(new, b)
        qa, qb = _quarters(da), _quarters(db)
        if qa != qb:
            out.append(
                Change("product-verschoven", name, title, qa or "geen kwartaal", qb or "geen kwartaal", how, both)
            )
        ba, bb = da.get("budget"), db.get("budget")
        if ba != bb:
            delta = (bb or 0) - (ba or 0)
            sign = "+" if delta > 0 else "−"
            out.append(
                Change(
                    "product-herbegroot",
                    name,
                    title,
                    euro(ba) or "geen",
                    euro(bb) or "geen",
                    f"{sign}{euro(abs(delta))}; {how}",
                    both,
                )
            )
        for key, soort in (("vorm", "product-vorm"), ("status", "product-status")):
            if da.get(key) != db.get(key):
                out.append(Change(soort, name, title, da.get(key) or "", db.get(key) or "", how, both))
        if _key(old, a) != _key(new, b):
            out.append(Change("product-hernoemd", name, title, label(old, a), label(new, b), how, both))
    return out


def _quarters(data) -> str:
    """The quarters without their year ("Q2, Q3"): a product that stays in Q2 has not moved."""
    found = sorted({re.sub(r"^\d{4}-", "", q) for q in data.get("kwartalen", ())})
    return ", ".join(found)


def _summary(network, node) -> str:
    data = network.nodes[node]
    parts = [p for p in (_quarters(data) or data.get("planning"), euro(data.get("budget"))) if p]
    return " · ".join(parts)


# --------------------------------------------------------------------------- partners, meetings, laws


def _sets(old, new, thema) -> list[Change]:
    name = label(new, thema)
    out = []
    for kind, get in (
        ("partner", _partners),
        ("overleg", lambda g, t: items_of(g, t, "overleg")),
        ("wet", lambda g, t: targets(g, t, "kn:noemtWet")),
    ):
        a, b = set(get(old, thema)), set(get(new, thema))
        out += [Change(f"{kind}-erbij", name, label(new, n), "", "ja", items=(n,)) for n in sorted(b - a)]
        out += [Change(f"{kind}-weg", name, label(old, n), "ja", "", items=(n,)) for n in sorted(a - b)]
    return out


def _partners(network, thema) -> set[str]:
    found = set(targets(network, thema, "kn:werktMet"))
    for plan in plans_of(network, thema):
        found |= targets(network, plan, "kn:partner")
    return found


# --------------------------------------------------------------------------- handovers


def _handover_keys(network, thema, findings) -> dict[tuple, tuple[str, bool]]:
    """Per (receiving theme, topic): the handover and whether the receiver picked it up."""
    open_items = {i for f in findings if f.kind.startswith("overdracht-zonder") for i in f.items}
    out = {}
    for h in sorted(items_of(network, thema, "overdracht")):
        topic = tuple(sorted(targets(network, h, "kn:onderwerp"))) or (network.nodes[h].get("onderwerpTekst"),)
        for naar in sorted(targets(network, h, "kn:naarThema")):
            out[(naar, topic)] = (h, h not in open_items)
    return out


def _handovers(old, new, thema, old_findings, new_findings) -> list[Change]:
    name = label(new, thema)
    a, b = _handover_keys(old, thema, old_findings), _handover_keys(new, thema, new_findings)
    out = []
    for key in sorted(set(a) | set(b), key=str):
        what = label(new, b[key][0]) if key in b else label(old, a[key][0])
        if key not in a:
            out.append(Change("overdracht-nieuw", name, what, "", _picked(b[key][1]), items=(b[key][0],)))
        elif key not in b:
            out.append(Change("overdracht-vervallen", name, what, _picked(a[key][1]), "", items=(a[key][0],)))
        elif a[key][1] != b[key][1]:
            soort = "overdracht-opgepakt" if b[key][1] else "overdracht-open"
            out.append(Change(soort, name, what, _picked(a[key][1]), _picked(b[key][1]), items=(a[key][0], b[key][0])))
    return out


def _picked(done: bool) -> str:
    return "opgepakt" if done else "open"


# --------------------------------------------------------------------------- findings


def _findings(old, new, themes, everywhere, old_findings, new_findings) -> list[Change]:
    """Findings about the compared themes whose every theme has a plan in both years (a finding
    that only disappears because the other theme has no plan yet is not resolved), matched by
    kind, themes and what they are about (labels with the year taken out, so 'Kennisplan X 2026'
    meets 'Kennisplan X 2027')."""
    keep = set(themes)

    def keyed(network, findings):
        out = {}
        for f in findings:
            if not f.themas or f.themas[0] not in keep or not set(f.themas) <= everywhere:
                continue
            about = tuple(sorted(re.sub(r"\b20\d\d\b", "", label(network, i)).strip() for i in f.items if i in network))
            out.setdefault((f.kind, f.themas, about or (_no_year(f.uitleg),)), f)
        return out

    a, b = keyed(old, old_findings), keyed(new, new_findings)
    out = [
        Change("bevinding-nieuw", label(new, k[1][0]), k[0], "", f.severity, f.uitleg, f.items)
        for k, f in sorted(b.items(), key=lambda kv: str(kv[0]))
        if k not in a
    ]
    out += [
        Change("bevinding-opgelost", label(old, k[1][0]), k[0], f.severity, "", f.uitleg, f.items)
        for k, f in sorted(a.items(), key=lambda kv: str(kv[0]))
        if k not in b
    ]
    return out


def _no_year(text: str) -> str:
    return re.sub(r"\b20\d\d\b", "", re.sub(r"\S+\.txt:\d+", "", text))
