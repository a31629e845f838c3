"""A synthetic knowledge graph with the shape of the 2026 plans, at any multiple of their size.

    python benchmarks/synth.py --scale 100 [--seed 2026] [--out synth.nq]

What it keeps from the plans (2026 figures in brackets):
  - themes, three in four with a plan; the others only named by other plans (Bodem en ondergrond)
  - per plan 10-19 products (14), 5-12 meetings (9), a few dated events, handovers in
    one plan in three, raised topics in one plan in ten (Actuele vraagstukken)
  - products with form, status, quarters (a span or one quarter), budget — each left out now
    and then, as in the tables; table totals that sometimes disagree with the rows
  - registers of topics (SKOS, with grouping concepts), organisations and laws whose
    popularity follows a Zipf law: a few are named by almost every plan (gemeenten, the
    Omgevingswet), most by one or two
  - the triples the reasoner would add and the analysis reads (kn:vanThema, kn:raaktOnderwerp
    with every broader topic, kn:werktMet, kn:noemtWet, kn:verwantMet, class memberships),
    written directly: owlrl on 600k triples takes minutes and is measured in benchmarks/build.py.
At --scale 1 it makes about as many triples as the 2026 build; --scale 100 about 100 times as
many. The same seed gives the same graph.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kennisgraaf.namespaces import DCTERMS, GRAPH_BASE, ID, KN, ORG, RDF, SCHEMA, SKOS, XSD

RDF_TYPE = RDF.type
SCHEME = ID["schema-id"]["onderwerpen"]
GRAPH = ox.NamedNode(GRAPH_BASE + "synth")

#: registers per unit of scale, as in the 2026 build
PER_SCALE = {"themes": 8, "topics": 96, "orgs": 51, "laws": 38}
FORMS = ["Handreiking", "Notitie", "Kennissessie", "Webinar", "Werkgroep", "Factsheet", "Kennisdag"]
STATUSES = ["Adviserend", "Bindend", "Verbindend", "Kennisdeling"]


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _id(kind: str, slug: str) -> str:
    return ID[kind][slug]


class Zipf:
    """Draws register entries with Zipf-like popularity (rank r has weight 1 / r^s)."""

    def __init__(self, items: list[str], rng: random.Random, s: float = 1.1):
        self.items, self.rng = items, rng
        self.weights = [1 / (r**s) for r in range(1, len(items) + 1)]

    def sample(self, k: int) -> set[str]:
        k = min(k, len(self.items))
        found: set[str] = set()
        while len(found) < k:
            found.update(self.rng.choices(self.items, weights=self.weights, k=k - len(found)))
        return found


def generate(scale: int = 1, seed: int = 2026, for_folder: bool = False) -> Iterator[ox.Quad]:
    """The synthetic graph; `for_folder` gives only what a plan states (no derived triples),
    in one named graph per file of a data folder, valid against the real shapes."""
    rng = random.Random(seed)
    out: list[tuple] = []
    current = {"graph": GRAPH}

    def into(name: str) -> None:
        current["graph"] = ox.NamedNode(GRAPH_BASE + name) if for_folder else GRAPH

    def add(s: str, p: str, o, literal: bool = False, datatype: str | None = None, lang: str | None = None):
        if literal:
            obj = (
                ox.Literal(str(o), language=lang)
                if lang
                else ox.Literal(str(o), datatype=_n(datatype) if datatype else None)
            )
        else:
            obj = _n(o)
        out.append((_n(s), _n(p), obj, current["graph"]))

    def label(s: str, text: str, prop: str = SKOS + "prefLabel"):
        add(s, prop, text, literal=True, lang="nl")

    # registers ----------------------------------------------------------------------
    into("registers/themas")
    n_themes = PER_SCALE["themes"] * scale
    themes = [_id("thema", f"t{i}") for i in range(n_themes)]
    for i, t in enumerate(themes):
        add(t, RDF_TYPE, KN + "Thema")
        label(t, f"Thema {i}")
        add(t, SKOS + "notation", f"T{i}", literal=True)
    into("registers/onderwerpen")
    if for_folder:
        add(SCHEME, RDF_TYPE, SKOS + "ConceptScheme")
        label(SCHEME, "Onderwerpen")
    topics = [_id("onderwerp", f"o{i}") for i in range(PER_SCALE["topics"] * scale)]
    groups = topics[: max(1, len(topics) // 12)]
    broader: dict[str, str] = {}
    for i, t in enumerate(topics):
        add(t, RDF_TYPE, SKOS + "Concept")
        add(t, SKOS + "inScheme", SCHEME)
        label(t, f"Onderwerp {i}")
        if t not in groups and rng.random() < 0.7:
            broader[t] = rng.choice(groups)
            add(t, SKOS + "broader", broader[t])
    into("registers/organisaties")
    orgs = [_id("organisatie", f"org{i}") for i in range(PER_SCALE["orgs"] * scale)]
    for i, o in enumerate(orgs):
        add(o, RDF_TYPE, ORG + "Organization")
        add(o, RDF_TYPE, ORG + "FormalOrganization")
        label(o, f"Organisatie {i}")
    into("registers/wetgeving")
    laws = [_id("wet", f"w{i}") for i in range(PER_SCALE["laws"] * scale)]
    for i, w in enumerate(laws):
        add(w, RDF_TYPE, KN + "Wet")
        label(w, f"Wet {i}")
        if rng.random() < 0.15:
            add(w, KN + "aankomend", "true", literal=True, datatype=XSD + "boolean")
    into("registers/kwartalen")
    quarters = {q: _id("kwartaal", f"2026-Q{q}") for q in range(1, 5)}
    for q, iri in quarters.items():
        add(iri, RDF_TYPE, KN + "Kwartaal")
        label(iri, f"Q{q} 2026")
        add(iri, KN + "jaar", "2026", literal=True, datatype=XSD + "gYear")
        add(iri, KN + "volgnummer", q, literal=True, datatype=XSD + "integer")
    if for_folder:  # the real vocabularies, copied with the ontology
        vormen, statussen = vocabulary("vormen"), vocabulary("statussen")
    else:
        vormen = [_id("vorm", f"v{i}") for i in range(len(FORMS))]
        statussen = [_id("status", f"s{i}") for i in range(len(STATUSES))]
        for iri, text in [*zip(vormen, FORMS, strict=True), *zip(statussen, STATUSES, strict=True)]:
            label(iri, text)

    topic_pick, org_pick, law_pick = Zipf(topics, rng), Zipf(orgs, rng), Zipf(laws, rng)
    planned = [t for i, t in enumerate(themes) if i % 4 != 3]

    def closure(topic: str) -> list[str]:
        found = [topic]
        while found[-1] in broader:
            found.append(broader[found[-1]])
        return found

    for n, thema in enumerate(planned):
        into(f"plans/2026/p{n}")
        plan, doc = _id("plan", f"2026-p{n}"), _id("document", f"p{n}")
        add(plan, RDF_TYPE, KN + "Kennisplan")
        label(plan, f"Kennisplan {n} 2026")
        add(plan, KN + "thema", thema)
        add(plan, KN + "jaar", "2026", literal=True, datatype=XSD + "gYear")
        add(plan, KN + "bronDocument", doc)
        if for_folder:
            add(doc, RDF_TYPE, KN + "Brondocument")
            add(doc, DCTERMS + "title", f"Kennisplan {n} 2026 (synthetisch)", literal=True, lang="nl")
        add(doc, KN + "bestandsnaam", f"synth/kennisplan-{n}.txt", literal=True)
        raakt: set[str] = set()
        werkt: set[str] = set()
        noemt: set[str] = set()
        for other in rng.sample(themes, rng.randint(1, 5)):
            if other != thema:
                add(plan, KN + "samenhangMet", other)
                if not for_folder:
                    add(thema, KN + "verwantMet", other)
        for o in org_pick.sample(rng.randint(3, 12)):
            add(plan, KN + "partner", o)
            werkt.add(o)
        for o in org_pick.sample(rng.randint(3, 12)):
            add(plan, KN + "stakeholder", o)
        for w in law_pick.sample(rng.randint(1, 10)):
            add(plan, KN + "wet", w)
            noemt.add(w)
        for t in topic_pick.sample(rng.randint(4, 15)):
            add(plan, KN + "onderwerp", t)
            raakt.update(closure(t))

        def item(kind: str, cls: str, slug: str, line: int, name: str, n=n, plan=plan, thema=thema) -> str:
            iri = _id(kind, f"p{n}-{slug}")
            add(iri, RDF_TYPE, KN + cls)
            add(iri, KN + "inPlan", plan)
            if not for_folder:
                add(iri, KN + "vanThema", thema)
            add(iri, KN + "bronRegel", line, literal=True, datatype=XSD + "integer")
            label(iri, name, DCTERMS + "title" if kind == "product" else SKOS + "prefLabel")
            return iri

        total = 0
        for k in range(rng.randint(10, 19)):
            p = item("product", "Kennisproduct", f"{k}", 150 + 3 * k, f"Product {k} van plan {n}")
            add(p, KN + "volgnummer", k + 1, literal=True, datatype=XSD + "integer")
            if rng.random() < 0.9:
                add(p, KN + "vorm", rng.choice(vormen))
            if rng.random() < 0.9:
                add(p, KN + "status", rng.choice(statussen))
            if rng.random() < 0.85:
                start = rng.randint(1, 4)
                end = min(4, start + rng.choice([0, 0, 1, 2, 3]))
                add(p, KN + "planning", f"Q{start}-Q{end}", literal=True)
                for q in range(start, end + 1):
                    add(p, KN + "kwartaal", quarters[q])
                if end > start:
                    add(p, KN + "startKwartaal", quarters[start])
                    add(p, KN + "eindKwartaal", quarters[end])
            if rng.random() < 0.9:
                budget = rng.choice([1000, 2500, 5000, 10000, 15000, 20000])
                total += budget
                add(p, KN + "budget", budget, literal=True, datatype=XSD + "decimal")
            for t in topic_pick.sample(rng.randint(1, 3)):
                add(p, KN + "onderwerp", t)
                raakt.update(closure(t))
            if rng.random() < 0.3:
                for o in org_pick.sample(rng.randint(1, 2)):
                    add(p, KN + "partner", o)
                    werkt.add(o)
            if rng.random() < 0.3:
                w = law_pick.sample(1).pop()
                add(p, KN + "wet", w)
                noemt.add(w)
        if rng.random() < 0.8:
            add(plan, KN + "activiteitenbudget", 150000, literal=True, datatype=XSD + "decimal")
        if rng.random() < 0.7:
            stated = total if rng.random() < 0.85 else total + rng.choice([-5000, 2680, 26000])
            add(plan, KN + "tabelTotaal", stated, literal=True, datatype=XSD + "decimal")
        for k in range(rng.randint(5, 12)):
            cls = rng.choice(["Overleg", "Netwerk", "Werkgroep"])
            m = item("overleg", cls, f"m{k}", 330 + 2 * k, f"Overleg {k} van plan {n}")
            if not for_folder:
                for extra in ({"Overleg"} | {cls}) - {cls}:
                    add(m, RDF_TYPE, KN + extra)
                add(m, RDF_TYPE, ORG + "Organization")
            for o in org_pick.sample(rng.randint(0, 5)):
                add(m, ORG + "hasMember", o)
                werkt.add(o)
            for t in topic_pick.sample(rng.randint(0, 2)):
                add(m, KN + "onderwerp", t)
                raakt.update(closure(t))
        for k in range(rng.randint(0, 4)):
            e = item("bijeenkomst", "Bijeenkomst", f"e{k}", 380 + k, f"Bijeenkomst {k} van plan {n}")
            if rng.random() < 0.4:
                add(
                    e,
                    SCHEMA + "startDate",
                    f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    literal=True,
                    datatype=XSD + "date",
                )
        if rng.random() < 0.33:
            for k in range(rng.randint(1, 3)):
                h = item("overdracht", "Regieoverdracht", f"h{k}", 185 + 2 * k, f"Overdracht {k} van plan {n}")
                add(h, KN + "onderwerp", topic_pick.sample(1).pop())
                add(h, KN + "onderwerpTekst", f"Onderwerp van overdracht {k}", literal=True)
                add(h, KN + "naarThema", rng.choice(themes))
        if rng.random() < 0.1:
            for k in range(rng.randint(10, 15)):
                a = item("aangedragen", "AangedragenOnderwerp", f"a{k}", 120 + k, f"Aangedragen {k} van plan {n}")
                t = topic_pick.sample(1).pop()
                add(a, KN + "onderwerp", t)
                raakt.update(closure(t))
        if for_folder:
            continue  # what follows is for the reasoner to derive
        for t in raakt:
            add(thema, KN + "raaktOnderwerp", t)
        for o in werkt:
            add(thema, KN + "werktMet", o)
        for w in noemt:
            add(thema, KN + "noemtWet", w)
    for s, p, o, g in out:
        yield ox.Quad(s, p, o, g)


def vocabulary(name: str) -> list[str]:
    """The concepts of one of the ontology's vocabularies (ontology/vocabularies/<name>.ttl)."""
    from kennisgraaf.sources import shipped_root

    store = ox.Store()
    store.load(path=str(shipped_root() / "ontology" / "vocabularies" / f"{name}.ttl"), format=ox.RdfFormat.TURTLE)
    scheme = ox.NamedNode(ID["schema-id"][name])
    return sorted(q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(SKOS + "inScheme"), scheme))


TEXT_LINES = 450  # every kn:bronRegel the generator writes is below this


def write_folder(out: Path, scale: int = 1, seed: int = 2026) -> int:
    """A real data folder: the shipped ontology, registers and plans as Turtle, plan texts.

    Returns the number of triples written. `kennisgraaf build --data OUT` validates it
    with 0 errors and reasons over it like over the 2026 plans.
    """
    import shutil

    from kennisgraaf.sources import shipped_root

    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(shipped_root() / "ontology", out / "ontology")
    by_graph: dict[str, list[ox.Triple]] = {}
    for quad in generate(scale, seed, for_folder=True):
        by_graph.setdefault(quad.graph_name.value[len(GRAPH_BASE) :], []).append(quad.triple)
    for name, triples in by_graph.items():
        path = out / "graph" / f"{name}.ttl"
        path.parent.mkdir(parents=True, exist_ok=True)
        header = f"# Synthetisch ({name}), schaal {scale}, seed {seed}: benchmarks/synth.py\n"
        path.write_bytes(header.encode() + ox.serialize(triples, format=ox.RdfFormat.TURTLE))
    texts = out / "graph" / "bronnen" / "synth"
    texts.mkdir(parents=True)
    for name in by_graph:
        if name.startswith("plans/2026/p"):
            n = name.rsplit("p", 1)[1]
            body = "".join(f"Regel {i} van synthetisch kennisplan {n}.\n" for i in range(1, TEXT_LINES + 1))
            (texts / f"kennisplan-{n}.txt").write_text(body, encoding="utf-8")
    return sum(len(t) for t in by_graph.values())


def synthetic_store(scale: int = 1, seed: int = 2026):
    from kennisgraaf.store import OxigraphStore

    store = ox.Store()
    store.bulk_extend(generate(scale, seed))
    return OxigraphStore(store=store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, help="write N-Quads here (else only print the size)")
    parser.add_argument("--folder", type=Path, help="write a data folder (ontology, plans, texts) here")
    args = parser.parse_args()
    if args.folder:
        count = write_folder(args.folder, args.scale, args.seed)
        print(f"schaal {args.scale}: {count} triples in {args.folder}", file=sys.stderr)
        return
    quads = list(generate(args.scale, args.seed))
    if args.out:
        args.out.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    print(f"schaal {args.scale}: {len(quads)} triples", file=sys.stderr)


if __name__ == "__main__":
    main()
