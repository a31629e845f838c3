"""Make a finding actionable: who (the regisseurs of the themes involved), what to do (one
Dutch sentence per finding kind) and where (plan, section heading and line).

The rules (gaps_*.py) say what is wrong; this module says who should talk to whom about it.
It reads only the network and the finding, so every rule gets the same treatment and a new
kind needs one entry in ACTIONS (a test fails for a kind without one).
"""

from __future__ import annotations

from dataclasses import replace

from .findings import Finding, Plaats
from .gaps_common import _names, in_sentence
from .gaps_topics import date_text
from .graph import label_of, memo
from .network import label, nodes_of, plans_of, targets
from .textlines import heading_at

NO_PLAN = "geen regisseur (geen kennisplan)"
OTHERS = "de andere thema's"


def regisseurs(network, thema: str) -> list[str]:
    """The kennisregisseurs of a theme, by name, from the colofon of its plans."""
    return sorted(
        {network.nodes[p]["regisseur"] for p in plans_of(network, thema) if network.nodes[p].get("regisseur")}
    )


def who(network, themas) -> tuple[str, ...]:
    """'Suzanne Giardina (Waterkwaliteit)' per theme involved, in the finding's order."""
    # per theme once per network: at 1 M findings name 3.5 million themes between them
    known = memo(network, "wie", dict)
    name = label_of(network)
    out = []
    for thema in themas:
        if thema not in known:
            names = regisseurs(network, thema)
            known[thema] = f"{' en '.join(names)} ({name(thema)})" if names else f"{name(thema)}: {NO_PLAN}"
        out.append(known[thema])
    return tuple(out)


def where(network, bronnen) -> tuple[Plaats, ...]:
    """Each 'bestand:regel' as plan name + section heading + line."""
    by_file = memo(
        network,
        "plans_by_file",
        lambda: {network.nodes[p]["bestand"]: p for p in nodes_of(network, "plan") if network.nodes[p].get("bestand")},
    )
    out = []
    for bron in bronnen:
        bestand, _, regel = bron.partition(":")
        plan = by_file.get(bestand)
        number = int(regel) if regel.isdigit() else None
        kop = heading_at(network.nodes[plan].get("koppen", ()), number) if plan and number else None
        pad = network.nodes[plan].get("bestand_pad") if plan else None
        out.append(Plaats(label(network, plan) if plan else bestand, bestand, number, kop, pad))
    return tuple(out)


def _topic(network, node) -> str:
    data = network.nodes[node]
    if data.get("onderwerpTekst"):
        return data["onderwerpTekst"]
    topics = sorted(targets(network, node, "kn:onderwerp"))
    return _names(network, topics, sentence=True) if topics else in_sentence(network, node)


def _first(f: Finding, network, kind: str) -> str | None:
    return next((i for i in f.items if i in network and network.nodes[i]["kind"] == kind), None)


def _handover(network, f: Finding) -> str:
    h = _first(f, network, "overdracht")
    topic = _topic(network, h) if h else "het onderwerp"
    naar = label(network, f.themas[-1])
    if f.kind == "overdracht-zonder-plan":
        return (
            f"Stem met {label(network, f.themas[0])} af wie de regie over {topic} neemt zolang "
            f"{naar} geen kennisplan heeft."
        )
    said = "noemt het onderwerp niet" if f.severity == "hoog" else "noemt het onderwerp wel, maar maakt er niets over"
    return f"Stem af wie de regie over {topic} neemt; {naar} {said}."


def _cooperation(network, f: Finding) -> str:
    s = _first(f, network, "samenwerking")
    product = _first(f, network, "product")
    topics = sorted(targets(network, s, "kn:onderwerp")) if s else []
    what = (
        f"'{label(network, product)}'"
        if product
        else f"het werk aan {_names(network, topics, sentence=True)}"
        if topics
        else "het gezamenlijke werk"
    )
    partner = label(network, f.themas[-1])
    if f.kind == "samenwerking-eenzijdig":
        return (
            f"Bespreek met {partner} de samenwerking aan {what} en neem die in beide plannen op; "
            f"het plan {partner} noemt haar nog niet."
        )
    return (
        f"Spreek met {partner} af wanneer het bijdraagt aan {what}: in dat kwartaal plant {partner} "
        f"zelf niets of heeft het geen plan."
    )


def _law(network, f: Finding) -> str:
    wet = _first(f, network, "wet")
    name = label(network, wet) if wet else "deze wet"
    if f.kind == "wet-aankomend-zonder-product":
        date = network.nodes[wet].get("inwerkingtreding") if wet else None
        when = f" vóór {date_text(date)}" if date else ""
        return f"Plan een kennisproduct (bijvoorbeeld een protocol of factsheet) over {name}{when}."
    return f"Spreek af welk thema uitwerkt wat {name} voor de uitvoering betekent, en leg dat vast in een product."


def _organisation(network, f: Finding) -> str:
    org = _first(f, network, "organisatie")
    others = _names(network, f.themas[1:])
    return (
        f"Vraag {label(network, f.themas[0])} of {label(network, org) if org else 'deze organisatie'} "
        f"ook met {others} kan samenwerken."
    )


ACTIONS = {
    "overdracht-zonder-plan": _handover,
    "overdracht-zonder-product": _handover,
    "thema-zonder-plan": lambda n, f: (
        f"Leg vast wie namens {label(n, f.themas[0])} de vragen oppakt die andere thema's daar neerleggen, "
        "zolang het geen kennisplan heeft."
    ),
    "samenhang-eenzijdig": lambda n, f: (
        f"Vraag {label(n, f.themas[1])} of het de samenhang met {label(n, f.themas[0])} in het volgende plan "
        "opneemt, of leg vast waarom niet."
    ),
    "onderwerp-zonder-regie": lambda n, f: (
        f"Spreek af welk thema de regie over {in_sentence(n, f.items[0])} neemt, zodat de producten op "
        "elkaar aansluiten."
    ),
    "samenwerking-eenzijdig": _cooperation,
    "samenwerking-zonder-capaciteit": _cooperation,
    "wet-aankomend-zonder-product": _law,
    "wet-zonder-product": _law,
    "organisatie-een-thema": _organisation,
    "begroting-telt-niet-op": lambda n, f: (
        f"Laat {label(n, f.themas[0])} de producttabel en het totaal nalopen en één bedrag vaststellen."
    ),
    "begroting-boven-budget": lambda n, f: (
        f"Laat {label(n, f.themas[0])} kiezen: producten schrappen of uitstellen, of het budget laten verhogen."
    ),
    "product-onvolledig": lambda n, f: (
        f"Vul in de producttabel van {label(n, f.themas[0])} aan wat ontbreekt, of schrijf erbij waarom het "
        "niet van toepassing is."
    ),
    "kwartaal-piek": lambda n, f: (
        "Kijk of er in dat kwartaal genoeg mensen zijn voor alle opleveringen, of schuif er een paar door."
    ),
    "bijeenkomsten-zelfde-dag": lambda n, f: (
        "Verzet een van de bijeenkomsten of maak er één gezamenlijke bijeenkomst van."
    ),
    "jaar-in-opbouw": lambda n, f: (
        f"Vraag {_names(n, f.themas) or OTHERS} wanneer hun plan komt; de overdrachten naar die "
        "thema's wachten tot dan."
    ),
}


def actionable(network, finding: Finding) -> Finding:
    """The finding with `wie`, `actie` and `waar` filled in."""
    return replace(
        finding,
        wie=who(network, finding.themas),
        actie=ACTIONS[finding.kind](network, finding),
        waar=where(network, finding.bronnen),
    )


def concerns(network, finding: Finding, regisseur: str) -> bool:
    """Whether a finding is about a theme this person is the regisseur of (name, any case)."""
    key = regisseur.casefold().strip()
    return any(key in (r.casefold() for r in regisseurs(network, t)) for t in finding.themas)
