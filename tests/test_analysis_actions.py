"""Every finding kind reads who / what / where (issue 16), on hand-built graphs: the text of
each kind's action, the regisseurs named, and the plan section of each cited line."""

from __future__ import annotations

import pytest

from kennisgraaf.analysis.actions import ACTIONS, actionable, concerns, where
from kennisgraaf.analysis.findings import KINDS, Finding
from kennisgraaf.analysis.gaps import find_gaps
from kennisgraaf.analysis.network import Builder
from kennisgraaf.analysis.textlines import heading_at, headings

NS = "https://example.org/"
A, B, C = (NS + "thema/" + x for x in ("alfa", "beta", "gamma"))
PA, PB = NS + "plan/a", NS + "plan/b"
KOPPEN = ((1, "Inleiding"), (10, "Samenhang met andere thema's"), (20, "Tabel: kennisproducten 2026"))


def network():
    b = Builder()
    for iri, name in ((A, "Alfa"), (B, "Beta"), (C, "Gamma")):
        b.thema(iri, name)
    b.plan(PA, A, bestand="a.txt", bestand_pad="2026/a.txt", jaar=2026, regels={}, regisseur="Anna Alfa", koppen=KOPPEN)
    b.plan(PB, B, bestand="b.txt", bestand_pad="2026/b.txt", jaar=2026, regels={}, regisseur="Bert Beta", koppen=KOPPEN)
    b.node(NS + "onderwerp/renure", "onderwerp", "RENURE")
    b.node(NS + "onderwerp/omgevingsplannen", "onderwerp", "Omgevingsplannen", inZin="omgevingsplannen")
    b.item("overdracht", NS + "h", PA, "h", regel=12, onderwerpTekst="Renure")
    b.edge(NS + "h", "kn:naarThema", B)
    b.node(NS + "wet/x", "wet", "Wet X", aankomend=True, inwerkingtreding="2026-07-01")
    b.node(NS + "organisatie/o", "organisatie", "Vakberaad")
    b.item("product", NS + "product/p", PA, "Voorbeeldcasussen", regel=21, kwartalen=("2026-Q2",))
    b.item("samenwerking", NS + "s", PA, "s", regel=11, aard="samen met")
    b.edge(NS + "s", "kn:betreftProduct", NS + "product/p")
    b.edge(NS + "s", "kn:partnerThema", B)
    return b.infer()


ITEMS = {
    "overdracht-zonder-plan": ((A, C), (NS + "h",), "hoog"),
    "overdracht-zonder-product": ((A, B), (NS + "h",), "hoog"),
    "thema-zonder-plan": ((C, A), (), "hoog"),
    "samenhang-eenzijdig": ((A, B), (PA, PB), "laag"),
    "onderwerp-zonder-regie": ((A, B), (NS + "onderwerp/omgevingsplannen",), "middel"),
    "samenwerking-eenzijdig": ((A, B), (NS + "s", NS + "product/p"), "middel"),
    "samenwerking-zonder-capaciteit": ((A, B), (NS + "s", NS + "product/p"), "middel"),
    "wet-aankomend-zonder-product": ((A,), (NS + "wet/x",), "hoog"),
    "wet-zonder-product": ((A, B), (NS + "wet/x",), "middel"),
    "organisatie-een-thema": ((A, B), (NS + "organisatie/o",), "laag"),
    "begroting-telt-niet-op": ((A,), (PA,), "hoog"),
    "begroting-boven-budget": ((A,), (PA,), "middel"),
    "product-onvolledig": ((A,), (NS + "product/p",), "laag"),
    "kwartaal-piek": ((A,), (NS + "product/p",), "middel"),
    "bijeenkomsten-zelfde-dag": ((A, B), (), "middel"),
    "jaar-in-opbouw": ((C,), (), "laag"),
}

ACTIE = {
    "overdracht-zonder-plan": "Stem met Alfa af wie de regie over Renure neemt zolang Gamma geen kennisplan heeft.",
    "overdracht-zonder-product": "Stem af wie de regie over Renure neemt; Beta noemt het onderwerp niet.",
    "thema-zonder-plan": "Leg vast wie namens Gamma de vragen oppakt die andere thema's daar neerleggen, zolang "
    "het geen kennisplan heeft.",
    "samenhang-eenzijdig": "Vraag Beta of het de samenhang met Alfa in het volgende plan opneemt, of leg vast "
    "waarom niet.",
    "onderwerp-zonder-regie": "Spreek af welk thema de regie over omgevingsplannen neemt, zodat de producten op "
    "elkaar aansluiten.",
    "samenwerking-eenzijdig": "Bespreek met Beta de samenwerking aan 'Voorbeeldcasussen' en neem die in beide "
    "plannen op; het plan Beta noemt haar nog niet.",
    "samenwerking-zonder-capaciteit": "Spreek met Beta af wanneer het bijdraagt aan 'Voorbeeldcasussen': in dat "
    "kwartaal plant Beta zelf niets of heeft het geen plan.",
    "wet-aankomend-zonder-product": "Plan een kennisproduct (bijvoorbeeld een protocol of factsheet) over Wet X "
    "vóór 1 juli 2026.",
    "wet-zonder-product": "Spreek af welk thema uitwerkt wat Wet X voor de uitvoering betekent, en leg dat vast "
    "in een product.",
    "organisatie-een-thema": "Vraag Alfa of Vakberaad ook met Beta kan samenwerken.",
    "begroting-telt-niet-op": "Laat Alfa de producttabel en het totaal nalopen en één bedrag vaststellen.",
    "begroting-boven-budget": "Laat Alfa kiezen: producten schrappen of uitstellen, of het budget laten verhogen.",
    "product-onvolledig": "Vul in de producttabel van Alfa aan wat ontbreekt, of schrijf erbij waarom het niet "
    "van toepassing is.",
    "kwartaal-piek": "Kijk of er in dat kwartaal genoeg mensen zijn voor alle opleveringen, of schuif er een paar "
    "door.",
    "bijeenkomsten-zelfde-dag": "Verzet een van de bijeenkomsten of maak er één gezamenlijke bijeenkomst van.",
    "jaar-in-opbouw": "Vraag Gamma wanneer hun plan komt; de overdrachten naar die thema's wachten tot dan.",
}


def test_every_kind_has_an_action_and_a_case_here():
    assert set(ACTIONS) == set(KINDS) == set(ITEMS) == set(ACTIE)


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_says_who_what_and_where(kind):
    g = network()
    themas, items, severity = ITEMS[kind]
    f = actionable(g, Finding(kind, severity, themas, "uitleg", ("a.txt:12", "b.txt"), items))
    assert f.actie == ACTIE[kind]
    expected_who = {A: "Anna Alfa (Alfa)", B: "Bert Beta (Beta)", C: "Gamma: geen regisseur (geen kennisplan)"}
    assert f.wie == tuple(expected_who[t] for t in themas)
    assert [p.text() for p in f.waar] == [
        "Kennisplan Alfa, § Samenhang met andere thema's, regel 12",
        "Kennisplan Beta, (niet in de tekst)",
    ]
    assert f.waar[0].pad == "2026/a.txt"


def test_the_milder_handover_says_the_topic_is_named():
    g = network()
    f = actionable(g, Finding("overdracht-zonder-product", "middel", (A, B), "u", (), (NS + "h",)))
    assert f.actie == "Stem af wie de regie over Renure neemt; Beta noemt het onderwerp wel, maar maakt er niets over."


def test_concerns_matches_a_regisseur_by_name_in_any_case():
    g = network()
    f = Finding("samenhang-eenzijdig", "laag", (A, B), "u")
    assert concerns(g, f, "bert beta") and not concerns(g, f, "Carla Gamma")


def test_headings_of_a_plan_text_and_the_section_of_a_line():
    lines = [
        "Colofon",
        "",
        "De regie van dit kennisplan lag bij Omgevingsdienst NL, kennisregisseur X.",
        "",
        "Samenhang met andere thema'\u2019s",
        "",
        "Het kennisthema staat niet op zichzelf. Er is nauwe samenhang met andere thema's.",
        "",
        "Beslisboom VTH bij",
        "aantreffen van",
        "Tabel: kennisproducten 2026",
        "",
        "Beslisboom",
    ]
    found = headings(lines)
    assert found == ((1, "Colofon"), (5, "Samenhang met andere thema\u2019s"), (11, "Tabel: kennisproducten 2026"))
    assert heading_at(found, 7) == "Samenhang met andere thema\u2019s" and heading_at(found, 13).startswith("Tabel")
    assert [p.kop for p in where(network(), ("a.txt:25",))] == ["Tabel: kennisproducten 2026"]


def cooperation(partner_plan: bool, partner_topic: bool, partner_quarter: str | None):
    """A with a product made 'samen met' B on topic PFAS in Q2-Q3; B as asked."""
    b = Builder()
    b.thema(A, "Alfa")
    b.thema(B, "Beta")
    b.plan(PA, A, bestand="a.txt", jaar=2026, regels={})
    b.node(NS + "onderwerp/pfas", "onderwerp", "PFAS")
    p = b.item(
        "product",
        NS + "product/p",
        PA,
        "Voorbeeldcasussen",
        regel=20,
        kwartalen=("2026-Q2", "2026-Q3"),
        vorm="Notitie",
        status="Adviserend",
        budget=1,
    )
    s = b.item("samenwerking", NS + "s", PA, "s", regel=11, aard="samen met")
    b.edge(s, "kn:betreftProduct", p)
    b.edge(s, "kn:partnerThema", B)
    b.edge(s, "kn:onderwerp", NS + "onderwerp/pfas")
    if partner_plan:
        b.plan(PB, B, bestand="b.txt", jaar=2026, regels={})
        if partner_topic:
            b.edge(PB, "kn:onderwerp", NS + "onderwerp/pfas")
        if partner_quarter:
            q = b.item(
                "product",
                NS + "product/q",
                PB,
                "Eigen",
                regel=5,
                kwartalen=(partner_quarter,),
                vorm="Notitie",
                status="Adviserend",
                budget=1,
            )
            b.edge(q, "kn:onderwerp", NS + "onderwerp/pfas")
    return [f for f in find_gaps(b.infer()) if f.kind.startswith("samenwerking")]


def test_cooperation_with_a_theme_without_plan_is_without_capacity():
    (f,) = cooperation(partner_plan=False, partner_topic=False, partner_quarter=None)
    assert (f.kind, f.severity) == ("samenwerking-zonder-capaciteit", "hoog")
    assert f.uitleg == (
        "Alfa maakt 'Voorbeeldcasussen' in 2026 Q2 tot en met 2026 Q3 samen met Beta, maar Beta "
        "heeft geen kennisplan voor 2026 en dus niemand ingepland."
    )
    assert f.bronnen == ("a.txt:11", "a.txt:20")


def test_cooperation_the_other_plan_does_not_name():
    found = {f.kind: f for f in cooperation(partner_plan=True, partner_topic=False, partner_quarter=None)}
    assert found["samenwerking-eenzijdig"].uitleg == (
        "Alfa wil 'Voorbeeldcasussen' samen met Beta maken, maar het plan Beta noemt PFAS niet."
    )
    assert found["samenwerking-zonder-capaciteit"].severity == "middel"


def test_cooperation_the_other_plan_names_and_plans_in_time_is_fine():
    assert cooperation(partner_plan=True, partner_topic=True, partner_quarter="2026-Q3") == []
    (late,) = cooperation(partner_plan=True, partner_topic=True, partner_quarter="2026-Q4")
    assert late.uitleg.endswith("maar Beta plant in die kwartalen zelf geen product over PFAS.")


def test_upcoming_law_named_by_one_theme_without_product():
    b = Builder()
    b.thema(A, "Alfa")
    b.plan(PA, A, bestand="a.txt", jaar=2026, regels={})
    b.node(NS + "wet/x", "wet", "Afgifteplicht", inwerkingtreding="2026-07-01")  # upcoming by its date
    b.node(NS + "wet/y", "wet", "Oude wet", inwerkingtreding="2024-01-01")
    b.edge(PA, "kn:wet", NS + "wet/x")
    b.edge(PA, "kn:wet", NS + "wet/y")
    (f,) = [f for f in find_gaps(b.infer()) if f.kind.startswith("wet-")]
    assert (f.kind, f.severity, f.items) == ("wet-aankomend-zonder-product", "hoog", (NS + "wet/x",))
    assert f.uitleg == (
        "Alfa noemt de aankomende Afgifteplicht (in werking per 1 juli 2026), maar geen thema heeft "
        "er een kennisproduct over."
    )


def test_a_product_on_the_directive_works_out_the_regulation_that_implements_it():
    b = Builder()
    for iri, name in ((A, "Alfa"), (B, "Beta")):
        b.thema(iri, name)
    b.plan(PA, A, bestand="a.txt", jaar=2026, regels={})
    b.plan(PB, B, bestand="b.txt", jaar=2026, regels={})
    b.node(NS + "wet/krw", "wet", "KRW")
    b.node(NS + "wet/bal", "wet", "Bal")
    for plan in (PA, PB):
        b.edge(plan, "kn:wet", NS + "wet/bal")
    assert [f.items for f in find_gaps(b.infer()) if f.kind == "wet-zonder-product"] == [(NS + "wet/bal",)]
    b.edge(NS + "wet/bal", "kn:implementeert", NS + "wet/krw")
    b.edge(b.item("product", NS + "product/p", PA, "Beslisboom", regel=3), "kn:wet", NS + "wet/krw")
    assert [f for f in find_gaps(b.infer()) if f.kind == "wet-zonder-product"] == []
