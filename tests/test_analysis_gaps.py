"""Every gap kind on a small hand-built network, with the answer worked out by hand.

Themes Alfa (A), Beta (B) and Gamma (C) have a 2026 plan (a.txt, b.txt, c.txt); Delta (D)
has none. Each test adds only the items its rule needs, so the expected findings can be
read off the test itself.
"""

from __future__ import annotations

import pytest

from kennisgraaf.analysis.findings import KINDS, Finding
from kennisgraaf.analysis.gaps import find_gaps
from kennisgraaf.analysis.gaps_planning import delivery_quarters
from kennisgraaf.analysis.network import Builder

NS = "https://example.org/"
A, B, C, D = (NS + "thema/" + x for x in ("alfa", "beta", "gamma", "delta"))
PA, PB, PC = (NS + "plan/" + x for x in ("a", "b", "c"))


def t(slug):  # a topic
    return NS + "onderwerp/" + slug


def base() -> Builder:
    b = Builder()
    for iri, name in ((A, "Alfa"), (B, "Beta"), (C, "Gamma"), (D, "Delta")):
        b.thema(iri, name, code=name[0])
    for plan, thema, file in ((PA, A, "a.txt"), (PB, B, "b.txt"), (PC, C, "c.txt")):
        b.plan(plan, thema, bestand=file, jaar=2026, regels={})
    return b


def topic(b: Builder, slug: str, label: str | None = None, broader: str | None = None) -> str:
    b.node(t(slug), "onderwerp", label or slug.capitalize(), namen=(label or slug.capitalize(),))
    if broader:
        b.edge(t(slug), "skos:broader", t(broader))
    return t(slug)


def product(b: Builder, plan: str, slug: str, regel: int, complete: bool = True, **attrs) -> str:
    if complete:
        attrs = {"vorm": "Notitie", "status": "Adviserend", "kwartalen": ("2026-Q4",), "budget": 1000, **attrs}
    return b.item("product", NS + "product/" + slug, plan, slug, regel=regel, **attrs)


def of_kind(network, kind) -> list[Finding]:
    return [f for f in find_gaps(network) if f.kind == kind]


def test_every_rule_returns_known_kinds_and_severities():
    b = base()
    found = find_gaps(b.infer())
    assert all(f.kind in KINDS for f in found)
    assert found == []  # three empty plans and a theme nobody names: nothing to report


# --------------------------------------------------------------------------- handovers


def handover(b, slug, topic_iri, naar, regel):
    h = b.item(
        "overdracht", NS + "overdracht/" + slug, PA, f"{slug} > {naar}", regel=regel, onderwerpTekst=slug.capitalize()
    )
    b.edge(h, "kn:onderwerp", topic_iri)
    b.edge(h, "kn:naarThema", naar)
    return h


def test_handover_to_a_theme_without_plan():
    b = base()
    h = handover(b, "slak", topic(b, "slak"), D, 10)
    (f,) = of_kind(b.infer(), "overdracht-zonder-plan")
    assert (f.severity, f.themas, f.items, f.bronnen) == ("hoog", (A, D), (h,), ("a.txt:10",))
    assert "Alfa legt de regie over Slak bij Delta" in f.uitleg


def test_handover_without_product_or_mention_is_high_with_mention_middle_with_product_none():
    b = base()
    h_none = handover(b, "renure", topic(b, "renure"), B, 11)  # B says nothing about it
    h_text = handover(b, "mest", topic(b, "mest"), C, 12)  # C's plan names it, no product
    b.edge(PC, "kn:onderwerp", t("mest"))
    h_made = handover(b, "bio", topic(b, "bio"), B, 13)  # B has a product on a narrower topic
    topic(b, "biogas", broader="bio")
    b.edge(product(b, PB, "b-biogas", 40), "kn:onderwerp", t("biogas"))
    found = {f.items[0]: f for f in of_kind(b.infer(), "overdracht-zonder-product")}
    assert set(found) == {h_none, h_text}
    assert found[h_none].severity == "hoog" and found[h_none].bronnen == ("a.txt:11", "b.txt")
    assert found[h_text].severity == "middel" and found[h_text].themas == (A, C)
    assert h_made not in found


# --------------------------------------------------------------------------- relations between themes


def test_theme_named_by_others_without_plan():
    b = base()
    b.edge(PA, "kn:samenhangMet", D)
    b.edge(PB, "kn:samenhangMet", D)
    b.graph.nodes[PA]["regels"] = {f"kn:samenhangMet {D}": 5}
    h = handover(b, "slak", topic(b, "slak"), D, 10)
    (f,) = of_kind(b.infer(), "thema-zonder-plan")
    assert f.severity == "hoog"
    assert f.themas == (D, A, B)
    assert f.bronnen == ("a.txt:5", "b.txt", "a.txt:10")  # b.txt: no line found for the mention
    assert f.items == (h,)
    assert "Delta wordt genoemd door 2 thema's (Alfa en Beta) en krijgt 1 regieoverdracht" in f.uitleg


def test_one_sided_relation():
    b = base()
    b.edge(PA, "kn:samenhangMet", B)  # mutual: nothing
    b.edge(PB, "kn:samenhangMet", A)
    b.edge(PB, "kn:samenhangMet", C)  # C does not answer: finding
    b.edge(PA, "kn:samenhangMet", D)  # D has no plan: thema-zonder-plan, not this kind
    b.graph.nodes[PB]["regels"] = {f"kn:samenhangMet {C}": 8}
    (f,) = of_kind(b.infer(), "samenhang-eenzijdig")
    assert (f.severity, f.themas, f.bronnen, f.items) == ("laag", (B, C), ("b.txt:8",), (PB, PC))


# --------------------------------------------------------------------------- topics, laws, organisations


def test_topic_without_lead():
    b = base()
    two, three, none = topic(b, "twee"), topic(b, "drie"), topic(b, "niemand")
    one, named, field = topic(b, "een"), topic(b, "beta", "Beta"), topic(b, "veld")
    topic(b, "smal", broader="veld")
    for plan, slug, regel, topics in (
        (PA, "a1", 20, (two, three, one, named, field)),
        (PB, "b1", 21, (two, three, named, field)),
        (PC, "c1", 22, (three,)),
    ):
        p = product(b, plan, slug, regel)
        for x in topics:
            b.edge(p, "kn:onderwerp", x)
    b.edge(PB, "kn:onderwerp", one)  # B names it, only A makes a product: A owns it
    b.edge(PA, "kn:onderwerp", none)  # two themes name it, nobody makes anything
    b.edge(PC, "kn:onderwerp", none)
    found = {f.items[0]: f for f in of_kind(b.infer(), "onderwerp-zonder-regie")}
    assert set(found) == {two, three, none}  # 'beta' is Beta's own subject; 'veld' is a field
    assert found[three].severity == "hoog" and found[three].themas == (A, B, C)
    assert found[three].bronnen == ("a.txt:20", "b.txt:21", "c.txt:22")
    assert found[two].severity == "middel" and found[two].themas == (A, B)
    assert "maken allebei producten over Twee" in found[two].uitleg
    assert found[none].severity == "laag" and found[none].bronnen == ("a.txt", "c.txt")


def test_topic_handed_over_has_a_lead():
    b = base()
    x = topic(b, "x")
    handover(b, "x", x, B, 10)
    for plan, slug in ((PB, "b1"), (PC, "c1")):
        b.edge(product(b, plan, slug, 30), "kn:onderwerp", x)
    assert of_kind(b.infer(), "onderwerp-zonder-regie") == []


def test_law_named_by_two_themes_without_product():
    b = base()
    for slug, label, upcoming in (("w1", "Wet een", None), ("w2", "Wet twee", True), ("w3", "Wet drie", None)):
        b.node(NS + "wet/" + slug, "wet", label, aankomend=upcoming)
    b.edge(PA, "kn:wet", NS + "wet/w1")
    b.edge(PB, "kn:wet", NS + "wet/w1")
    b.edge(PA, "kn:wet", NS + "wet/w2")
    b.edge(PC, "kn:wet", NS + "wet/w2")
    b.edge(PA, "kn:wet", NS + "wet/w3")
    b.edge(product(b, PB, "b1", 30), "kn:wet", NS + "wet/w3")  # worked out in a product: fine
    network = b.infer()
    found = {f.items[0]: f for f in of_kind(network, "wet-zonder-product")}
    assert set(found) == {NS + "wet/w1"}
    assert found[NS + "wet/w1"].severity == "middel" and found[NS + "wet/w1"].bronnen == ("a.txt", "b.txt")
    (w2,) = of_kind(network, "wet-aankomend-zonder-product")  # upcoming laws have their own kind
    assert w2.severity == "middel" and "noemen de aankomende Wet twee, maar geen thema" in w2.uitleg


def test_organisation_central_to_three_themes_engaged_by_one():
    b = base()
    x = topic(b, "x")
    lonely, shared = NS + "org/eenzaam", NS + "org/gedeeld"
    b.node(lonely, "organisatie", "Eenzaam")
    b.node(shared, "organisatie", "Gedeeld")
    a1 = product(b, PA, "a1", 20)
    b.edge(a1, "kn:onderwerp", x)
    b.edge(a1, "kn:partner", lonely)
    b.edge(a1, "kn:partner", shared)
    meeting = b.item("overleg", NS + "overleg/m", PB, "Overleg", regel=50)
    b.edge(meeting, "org:hasMember", shared)  # shared is engaged by A and B: no finding
    b.edge(PB, "kn:onderwerp", x)
    b.edge(PC, "kn:onderwerp", x)
    (f,) = of_kind(b.infer(), "organisatie-een-thema")
    assert (f.severity, f.themas, f.items, f.bronnen) == ("laag", (A, B, C), (lonely, x), ("a.txt:20",))
    assert f.uitleg.startswith("Eenzaam werkt met Alfa aan X; die onderwerpen raken ook Beta en Gamma")


# --------------------------------------------------------------------------- budgets and products


def test_budget_rows_against_total_and_declared_budget():
    b = base()
    data = b.graph.nodes[PA]
    data.update(tabelTotaal=120, activiteitenbudget=100, regels={"kn:tabelTotaal": 90, "kn:activiteitenbudget": 3})
    product(b, PA, "a1", 20, budget=50)
    product(b, PA, "a2", 21, budget=60)
    product(b, PA, "a3", 22, budget=10, budgetjaar=2025)  # last year's money: reported, not counted
    # B budgets per category (as Data en informatievoorziening): 30 + 20 = the total 50
    b.graph.nodes[PB].update(
        tabelTotaal=50,
        begrotingsposten=(
            {"iri": NS + "post/1", "label": "1", "budget": 30, "budgetjaar": None, "programmalijn": NS + "lijn/1"},
            {"iri": NS + "post/2", "label": "2", "budget": 20, "budgetjaar": None, "programmalijn": NS + "lijn/2"},
        ),
    )
    for i in (1, 2):
        product(b, PB, f"b{i}", 30 + i, budget=None, programmalijn_iri=NS + f"lijn/{i}")
    network = b.infer()
    (total,) = of_kind(network, "begroting-telt-niet-op")
    assert (total.severity, total.themas, total.bronnen) == ("middel", (A,), ("a.txt:90",))  # 10 of 120 < 10%
    assert "tellen de 3 producten op tot € 110 (plus € 10 uit een ander budgetjaar)" in total.uitleg
    assert "totaal € 120 (verschil € 10)" in total.uitleg
    (over,) = of_kind(network, "begroting-boven-budget")
    assert (over.severity, over.bronnen) == ("hoog", ("a.txt:3", "a.txt:90"))  # 20 over 100 > 5%
    assert "begroot € 120 (het tabeltotaal), € 20 boven het activiteitenbudget van € 100" in over.uitleg
    assert not [f for f in find_gaps(network) if f.kind == "product-onvolledig"]  # B's budgets are per category


def test_incomplete_products_per_product_and_per_missing_column():
    b = base()
    product(b, PC, "c1", 20)  # complete
    c2 = product(b, PC, "c2", 21, vorm=None, kwartalen=(), planning="n.t.b.")  # no form, no quarter
    c3 = product(b, PC, "c3", 22, budget=None)  # no budget at all
    c4 = product(b, PC, "c4", 23, budget=None, budgetTekst="n.v.t.", kwartalen=())
    event = b.item("bijeenkomst", NS + "bijeenkomst/dag", PC, "Dag", regel=60, datum="2026-10-01")
    b.edge(c4, "rdfs:seeAlso", event)  # dated event = planned
    b1 = product(b, PB, "b1", 30, vorm=None, status=None, kwartalen=())  # B's table has no such columns
    b2 = product(b, PB, "b2", 31, vorm=None, status=None, kwartalen=())
    found = {f.items: f for f in of_kind(b.infer(), "product-onvolledig")}
    assert set(found) == {(c2,), (c3,), (b1, b2)}  # c4: the plan says budget 'n.v.t.' (issue 16)
    assert found[(c2,)].severity == "laag"
    assert found[(c2,)].uitleg == "'c2' (Gamma) heeft geen vorm of planning (er staat planning 'n.t.b.')."
    assert found[(c3,)].severity == "middel" and found[(c3,)].bronnen == ("c.txt:22",)
    assert found[(b1, b2)].uitleg.endswith(
        "noemt bij geen enkel product vorm, status of planning (de tabel heeft die kolom niet)."
    )


# --------------------------------------------------------------------------- calendar


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"kwartalen": ("2026-Q2",)}, ("2026-Q2",)),
        ({"kwartalen": ("2026-Q1", "2026-Q2", "2026-Q3"), "eindKwartaal": "2026-Q3"}, ("2026-Q3",)),
        # "Q2 en Q4": two deliveries, as oplevering-per-kwartaal.rq lists them (issue 16: 16 vs 18)
        ({"kwartalen": ("2026-Q2", "2026-Q4")}, ("2026-Q2", "2026-Q4")),
        ({"kwartalen": ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"), "eindKwartaal": "2026-Q4"}, ()),
        ({}, ()),
    ],
)
def test_delivery_quarters(data, expected):
    assert delivery_quarters(data) == expected


def deliveries(b, plan, prefix, per_quarter):
    n = 0
    for q, count in per_quarter.items():
        for _ in range(count):
            n += 1
            product(b, plan, f"{prefix}{n}", 100 + n, kwartalen=(f"2026-Q{q}",))


def test_quarter_peak_of_one_theme():
    b = base()
    deliveries(b, PA, "a", {1: 1, 2: 5, 3: 1, 4: 1})  # Q2: 5 ≥ 2 × 1 and 5 - 1 ≥ 3
    (f,) = of_kind(b.infer(), "kwartaal-piek")
    assert (f.severity, f.themas, len(f.items)) == ("middel", (A,), 5)
    assert f.uitleg == "Alfa levert in 2026 Q2 5 producten op, tegen gemiddeld 1,0 in de andere kwartalen van 2026."


def test_quarter_peak_of_the_network_only():
    b = base()
    for plan, prefix in ((PA, "a"), (PB, "b"), (PC, "c")):
        deliveries(b, plan, prefix, {1: 1, 2: 3, 3: 1, 4: 1})  # per theme 3 vs 1: below the +3 bar
    (f,) = of_kind(b.infer(), "kwartaal-piek")  # network: 9 vs 3 → ≥ 1.5 × and ≥ +5
    assert f.themas == (A, B, C) and len(f.items) == 9
    assert f.uitleg.startswith("Het netwerk als geheel levert in 2026 Q2 9 producten op, tegen gemiddeld 3,0")


def test_events_of_different_themes_on_one_day():
    b = base()
    e1 = b.item("bijeenkomst", NS + "e1", PA, "Webinar A", regel=70, datum="2026-03-05")
    e2 = b.item("bijeenkomst", NS + "e2", PB, "Dag B", regel=71, datum="2026-03-05")
    b.item("bijeenkomst", NS + "e3", PA, "Ochtend A", regel=72, datum="2026-03-06")
    b.item("bijeenkomst", NS + "e4", PA, "Middag A", regel=73, datum="2026-03-06")  # same theme: fine
    (f,) = of_kind(b.infer(), "bijeenkomsten-zelfde-dag")
    assert (f.severity, f.themas, f.items, f.bronnen) == ("middel", (A, B), (e1, e2), ("a.txt:70", "b.txt:71"))
    assert f.uitleg == "Op 2026-03-05 staan 2 bijeenkomsten van Alfa en Beta: Webinar A; Dag B."


def test_findings_are_frozen_plain_data():
    f = Finding("kwartaal-piek", "laag", (A,), "x")
    with pytest.raises(AttributeError):
        f.severity = "hoog"  # type: ignore[misc]
    with pytest.raises(ValueError):
        Finding("bestaat-niet", "laag", (A,), "x")
    with pytest.raises(ValueError):
        Finding("kwartaal-piek", "erg", (A,), "x")
