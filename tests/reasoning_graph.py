"""A plan-shaped graph of asserted triples only, for the reasoner parity test.

Unlike benchmarks/synth.py it writes nothing a reasoner would derive, and it touches every
kind of axiom the ontology has: subclasses (Netwerk ⊑ Overleg ⊑ samenwerkingsverband,
Subthema ⊑ Thema), subproperties (partner ⊑ noemtOrganisatie, startKwartaal ⊑ kwartaal,
tabelpost ⊑ begrotingspost), inverses (thema / heeftPlan, org:holds / org:heldBy, skos:broader
/ skos:narrower), transitive broader topics four levels deep, every property chain (also the
recursive raaktOnderwerp ∘ broaderTransitive), domains and ranges. Same seed, same graph.
"""

from __future__ import annotations

import random

import pyoxigraph as ox

from kennisgraaf.namespaces import GRAPH_BASE, ID, KN, ORG, RDF, SKOS

GRAPH = ox.NamedNode(GRAPH_BASE + "parity")


def plan_shaped(plans: int, seed: int = 12) -> list[ox.Quad]:
    """About 150 triples per plan, with registers that grow along."""
    rng = random.Random(seed)
    quads: list[ox.Quad] = []

    def add(s: str, p: str, o: str) -> None:
        quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o), GRAPH))

    def lit(s: str, p: str, value: str) -> None:
        quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.Literal(value, language="nl"), GRAPH))

    themes = [ID["thema"][f"t{i}"] for i in range(max(2, plans))]
    for i, t in enumerate(themes):
        add(t, RDF.type, KN.Subthema if i % 7 == 6 else KN.Thema)
        if i % 7 == 6:
            add(t, KN.subthemaVan, themes[i - 1])
        lit(t, SKOS.prefLabel, f"Thema {i}")
    topics = [ID["onderwerp"][f"o{i}"] for i in range(12 * plans)]
    for i, o in enumerate(topics):
        add(o, RDF.type, SKOS.Concept)
        if i >= 4 and rng.random() < 0.8:  # a forest: parents have lower numbers, up to ~4 deep
            add(o, SKOS.broader, topics[rng.randrange(max(1, i // 4), i) // 4])
    orgs = [ID["organisatie"][f"org{i}"] for i in range(6 * plans)]
    for o in orgs:
        add(o, RDF.type, ORG.FormalOrganization)
    laws = [ID["wet"][f"w{i}"] for i in range(3 * plans)]
    for w in laws:
        add(w, RDF.type, KN.Wet)
    quarters = [ID["kwartaal"][f"q{i}"] for i in range(1, 5)]
    for q in quarters:
        add(q, RDF.type, KN.Kwartaal)

    for n in range(plans):
        theme, plan = themes[n], ID["plan"][f"p{n}"]
        add(plan, RDF.type, KN.Kennisplan)
        add(plan, KN.thema, theme)
        add(plan, KN.bronDocument, ID["document"][f"d{n}"])
        person, post = ID["persoon"][f"r{n}"], ID["post"][f"r{n}"]
        add(plan, KN.kennisregisseur, person)
        add(post, RDF.type, ORG.Post)
        if n % 2:
            add(post, ORG.heldBy, person)
        else:
            add(person, ORG.holds, post)
        add(post, KN.voorThema, theme)
        for o in rng.sample(orgs, 3):
            add(plan, rng.choice([KN.partner, KN.stakeholder]), o)
        for w in rng.sample(laws, 2):
            add(plan, KN.wet, w)
        for o in rng.sample(topics, 3):
            add(plan, KN.onderwerp, o)
        for other in rng.sample(themes, 2):
            if other != theme:
                add(plan, KN.samenhangMet, other)
        for k in range(2):
            line = ID["begroting"][f"p{n}-b{k}"]
            add(plan, KN.tabelpost if k == 0 else KN.begrotingspost, line)
            add(line, KN.inPlan, plan)
        for k in range(rng.randint(6, 10)):
            product = ID["product"][f"p{n}-{k}"]
            add(product, RDF.type, KN.Kennisproduct)
            add(product, KN.inPlan, plan)
            for o in rng.sample(topics, rng.randint(1, 2)):
                add(product, KN.onderwerp, o)
            if rng.random() < 0.4:
                add(product, KN.partner, rng.choice(orgs))
            if rng.random() < 0.3:
                add(product, KN.wet, rng.choice(laws))
            start = rng.randrange(4)
            add(product, KN.startKwartaal, quarters[start])
            add(product, KN.eindKwartaal, quarters[min(3, start + rng.randrange(2))])
        for k in range(rng.randint(3, 6)):
            meeting = ID["overleg"][f"p{n}-m{k}"]
            add(meeting, RDF.type, rng.choice([KN.Overleg, KN.Netwerk, KN.Werkgroep]))
            add(meeting, KN.inPlan, plan)
            for o in rng.sample(orgs, rng.randint(0, 3)):
                add(meeting, ORG.hasMember, o)
            if rng.random() < 0.5:
                add(meeting, KN.onderwerp, rng.choice(topics))
        if n % 3 == 0:
            handover = ID["overdracht"][f"p{n}-h"]
            add(handover, RDF.type, KN.Regieoverdracht)
            add(handover, KN.inPlan, plan)
            add(handover, KN.naarThema, rng.choice(themes))
            add(handover, KN.onderwerp, rng.choice(topics))
    return quads
