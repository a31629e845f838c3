"""False alarms in the 2026 findings (issue 16), each fixed by a rule change, not by deleting
the finding: every test says which finding is gone (or stays) and reads back the plan line
that shows why."""

from __future__ import annotations

import pytest

from kennisgraaf.analysis.gaps import find_gaps
from kennisgraaf.analysis.network import load_network

ID = "https://w3id.org/kennisgraaf/id/"


@pytest.fixture(scope="module")
def network(store):
    return load_network(store)


@pytest.fixture(scope="module")
def findings(network):
    return find_gaps(network)


@pytest.fixture(scope="module")
def texts(data_root):
    folder = data_root / "graph" / "bronnen" / "2026"
    return {
        p.name.split("-2026-")[-1].removesuffix(".txt"): p.read_text(encoding="utf-8").splitlines()
        for p in folder.glob("kennisplan-*.txt")
    }


def about(findings, kind, item):
    return [f for f in findings if f.kind == kind and item in f.items]


def test_bal_and_bkl_count_as_worked_out_through_the_krw(findings, texts):
    # WK 66-68: "In Nederland is de richtlijn geimplementeerd via de Omgevingswet, het Besluit
    # activiteiten leefomgeving (Bal) en het Besluit kwaliteit leefomgeving (Bkl)"; the WK
    # Beslisboom (row 1, WK 190) works out the KRW: the Bal/Bkl are what it applies.
    wk = texts["waterkwaliteit"]
    assert "geimplementeerd via de Omgevingswet, het Besluit" in wk[66] and "(Bal)" in wk[66]
    assert "KRW/ZZS" in wk[191]
    for wet in ("bal", "bkl"):
        assert not about(findings, "wet-zonder-product", ID + "wet/" + wet)


def test_gezondheid_is_agreed_between_av_and_zzs(findings, texts):
    # AV's table of raised topics, line 133 "Gezondheid", names ZZS as the other theme with the
    # action "Meedoen in pilots Industrie en Omwonenden (meten en GGD-advies)" (lines 152, 158).
    av = texts["actuele-vraagstukken"]
    assert av[132] == "Gezondheid" and any("Meedoen in pilots Industrie" in x for x in av[150:165])
    assert not about(findings, "onderwerp-zonder-regie", ID + "onderwerp/gezondheid")
    # Seveso has no such agreement (AV names the Seveso-ODs, not a theme): that finding stays
    assert about(findings, "onderwerp-zonder-regie", ID + "onderwerp/seveso")


@pytest.mark.parametrize(
    "slug, written",
    [
        ("zzs-2026-projectgroep", "10x/jaar"),  # ZZS 298: meets ten times a year
        ("zzs-2026-kennisnetwerkdagen", "2x/jaar"),  # ZZS 296: two network days a year
        ("zzs-2026-kennis-aan-tafel", "n.v.t."),  # ZZS: planning does not apply
    ],
)
def test_recurring_or_not_applicable_planning_is_a_planning(network, findings, texts, slug, written):
    assert network.nodes[ID + "product/" + slug]["planning"] == written
    assert any(written in line for line in texts["zeer-zorgwekkende-stoffen"])
    assert not about(findings, "product-onvolledig", ID + "product/" + slug)


@pytest.mark.parametrize(
    "slug",
    [
        "ce-2026-overige-kosten",
        "ce-2026-reservering-additioneel-kennisproduct",
        "wk-2026-reservering-onderzoek",
        "zzs-2026-reservering-onvoorziene-onderwerpen",
    ],
)
def test_cost_lines_need_only_a_budget(network, findings, slug):
    data = network.nodes[ID + "product/" + slug]
    assert data["label"].lower().startswith(("reservering", "overige kosten")) and data.get("budget")
    assert not about(findings, "product-onvolledig", ID + "product/" + slug)


def test_a_real_missing_planning_stays(findings):
    # CE 296 'Factsheets rond nieuwe wetgeving': planning "Ntb." - not yet planned, a true finding
    (f,) = about(findings, "product-onvolledig", ID + "product/ce-2026-factsheets-nieuwe-wetgeving")
    assert "geen planning" in f.uitleg


def test_div_planning_chart_is_not_a_missing_planning(findings, texts):
    # DIV 383 "5. Planning 2026", 385-391 the quarter headers Q1..Q4 of a chart the OCR flattened.
    div = texts["data-en-informatievoorziening"]
    assert div[382].strip() == "5. Planning 2026" and [div[i].strip() for i in (384, 386, 388, 390)] == [
        "Q1",
        "Q2",
        "Q3",
        "Q4",
    ]
    (f,) = [
        f
        for f in findings
        if f.kind == "product-onvolledig" and f.themas == (ID + "thema/data-en-informatievoorziening",)
    ]
    assert "vorm of status" in f.uitleg and "planning" not in f.uitleg  # no Vorm/Status column: stays


def test_q2_deliveries_are_counted_as_the_query_counts_them(store, catalogue, findings):
    rows = catalogue.run(store, "oplevering-per-kwartaal", {"kwartaal": "2026-Q2"}).rows
    (peak,) = [
        f
        for f in findings
        if f.kind == "kwartaal-piek" and f.uitleg.startswith("Het netwerk") and "2026 Q2" in f.uitleg
    ]
    assert f"2026 Q2 {len(rows)} producten" in peak.uitleg and len(rows) == 18
