"""The 2026 graph against the counts a person checked by hand in each plan text
(tests/expected/plans/<plan>.json): product rows, budgets and totals, handovers,
organisations, meetings, events, laws and related themes."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from golden import PLANS, plan_expectations
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.exports import COLUMNS
from kennisgraaf.namespaces import GRAPH_BASE

PLAN_SLUGS = sorted(p.stem for p in PLANS.glob("*.json"))

COUNTS = """
SELECT
  (COUNT(DISTINCT ?product) AS ?products)
  (COUNT(DISTINCT ?handover) AS ?handovers)
  (COUNT(DISTINCT ?meeting) AS ?meetings)
  (COUNT(DISTINCT ?event) AS ?events)
WHERE { GRAPH ?g {
  { ?product a kn:Kennisproduct } UNION { ?handover a kn:Regieoverdracht }
  UNION { ?meeting a ?mc VALUES ?mc { kn:Overleg kn:Netwerk kn:Werkgroep } } UNION { ?event a kn:Bijeenkomst }
} }
"""
ORGS = """SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g {
  ?x kn:partner|kn:stakeholder|org:hasMember|kn:beheerder ?o } }"""
LAWS = "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { GRAPH ?g { ?x kn:wet ?w } }"
BUDGET = "SELECT (SUM(?b) AS ?n) WHERE { GRAPH ?g { ?p a kn:Kennisproduct ; kn:budget ?b } }"
PLAN = """SELECT ?totaal ?budget WHERE { GRAPH ?g { ?plan a kn:Kennisplan .
  OPTIONAL { ?plan kn:tabelTotaal ?totaal } OPTIONAL { ?plan kn:activiteitenbudget ?budget } } }"""
SAMENHANG = "SELECT ?t WHERE { GRAPH ?g { ?plan kn:samenhangMet ?t } }"


def graph_of(slug: str):
    import pyoxigraph as ox

    return {"g": ox.NamedNode(f"{GRAPH_BASE}plans/2026/{slug}")}


def number(term) -> Decimal | None:
    return Decimal(term.value) if term is not None else None


def test_every_plan_text_has_a_plan_file_and_expectations(data_root):
    bronnen = data_root / "graph/bronnen/2026"
    texts = {p.stem.removeprefix("kennisplan-2026-") for p in bronnen.glob("kennisplan-*.txt")}
    files = {p.stem for p in (data_root / "graph/plans/2026").glob("*.ttl")}
    assert texts == files == set(PLAN_SLUGS)
    assert len(texts) == 6


@pytest.mark.parametrize("slug", PLAN_SLUGS)
def test_plan_counts_match_the_hand_checked_expectations(store, slug):
    expected = plan_expectations(slug)
    bound = graph_of(slug)
    [row] = store.select(COUNTS, bound).rows
    actual = {k: int(row[k].value) for k in ("products", "handovers", "meetings", "events")}
    actual["organisations"] = int(store.select(ORGS, bound).rows[0]["n"].value)
    actual["laws"] = int(store.select(LAWS, bound).rows[0]["n"].value)
    wanted = {k: expected[k] for k in actual}
    assert actual == wanted
    related = {r["t"].value.rsplit("/", 1)[-1] for r in store.select(SAMENHANG, bound).rows}
    assert related == set(expected["samenhang"])


@pytest.mark.parametrize("slug", PLAN_SLUGS)
def test_budgets_reconcile_with_the_plan_or_record_its_discrepancy(store, slug):
    expected = plan_expectations(slug)
    bound = graph_of(slug)
    total = store.select(BUDGET, bound).rows[0].get("n")
    assert (number(total) or 0) == Decimal(str(expected["product_budget_sum"]))
    [plan] = store.select(PLAN, bound).rows
    stated = number(plan.get("totaal"))
    declared = number(plan.get("budget"))
    assert stated == (Decimal(str(expected["tabel_totaal"])) if expected["tabel_totaal"] is not None else None)
    assert declared == (
        Decimal(str(expected["activiteitenbudget"])) if expected["activiteitenbudget"] is not None else None
    )
    lines = (
        store.select("SELECT (SUM(?b) AS ?n) WHERE { GRAPH ?g { ?plan kn:tabelpost/kn:budget ?b } }", bound)
        .rows[0]
        .get("n")
    )
    this_year = (
        store.select(
            """SELECT (SUM(?b) AS ?n) WHERE { GRAPH ?g { ?p a kn:Kennisproduct ; kn:budget ?b
           FILTER NOT EXISTS { ?p kn:budgetjaar ?y FILTER(?y != "2026"^^xsd:gYear) } } }""",
            bound,
        )
        .rows[0]
        .get("n")
    )
    if stated is not None:
        adds_up = (number(this_year) or 0) + (number(lines) or 0) == stated
        # where the plan's own numbers disagree, the expectations say so in words
        assert adds_up or expected["discrepancies"], (
            f"{slug}: products + budget lines = {number(this_year) or 0} + {number(lines) or 0}, "
            f"table says {stated}, and no discrepancy is recorded"
        )


def test_handovers_as_the_plans_state_them(store):
    rows = store.select("""
        SELECT ?van ?naar ?onderwerp WHERE {
          ?h a kn:Regieoverdracht ; kn:vanThema ?van ; kn:naarThema ?naar ; kn:onderwerpTekst ?onderwerp }
        ORDER BY ?onderwerp""").rows
    pairs = {(r["onderwerp"].value, r["naar"].value.rsplit("/", 1)[-1]) for r in rows}
    assert ("Staalslakken", "bodem-en-ondergrond") in pairs
    assert len(rows) == sum(plan_expectations(s)["handovers"] for s in PLAN_SLUGS)


def test_organisations_are_one_node_across_plans(store):
    rows = store.select("""
        SELECT ?o (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t kn:werktMet ?o } GROUP BY ?o""").rows
    by_org = {r["o"].value.rsplit("/", 1)[-1]: int(r["n"].value) for r in rows}
    assert by_org["ipo"] >= 3 and by_org["vng"] >= 3
    labels = store.select("""SELECT ?label (COUNT(DISTINCT ?o) AS ?n) WHERE {
        ?o a org:Organization ; skos:prefLabel ?label } GROUP BY ?label HAVING (COUNT(DISTINCT ?o) > 1)""").rows
    assert labels == [], f"one organisation with several IRIs: {[r['label'].value for r in labels]}"


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_exports_open_as_spreadsheets(build_2026, cache_dir, name):
    result = CliRunner().invoke(app, ["export", name, "--cache-dir", str(cache_dir), "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == COLUMNS[name]
    assert len(rows) > 1
    assert all(len(r) == len(COLUMNS[name]) for r in rows)
    if name == "producten":
        assert len(rows) - 1 == sum(plan_expectations(s)["products"] for s in PLAN_SLUGS)
    if name == "overdrachten":
        assert len(rows) - 1 == sum(plan_expectations(s)["handovers"] for s in PLAN_SLUGS)
