"""Findings on the real 2026 plans that a reader can check in the plan texts.

Each test names the plan lines it rests on and reads them back from graph/bronnen/2026,
so a finding and the sentence behind it are checked together (by hand once, by the test
from then on).
"""

from __future__ import annotations

import re

import networkx as nx
import pytest

from kennisgraaf.analysis import analyse
from kennisgraaf.analysis.bridges import bridges, clusters
from kennisgraaf.analysis.gaps import find_gaps
from kennisgraaf.analysis.network import load_network
from kennisgraaf.analysis.overlap import overlaps

ID = "https://w3id.org/kennisgraaf/id/"
T = {
    code: ID + "thema/" + slug
    for code, slug in {
        "ZZS": "zeer-zorgwekkende-stoffen",
        "WK": "waterkwaliteit",
        "BO": "bodem-en-ondergrond",
        "CE": "circulaire-economie",
        "ET": "energietransitie",
        "DIV": "data-en-informatievoorziening",
        "AV": "actuele-vraagstukken",
    }.items()
}


@pytest.fixture(scope="module")
def network(store) -> nx.MultiDiGraph:
    return load_network(store)


@pytest.fixture(scope="module")
def findings(network):
    return find_gaps(network)


@pytest.fixture(scope="module")
def texts(data_root):
    folder = data_root / "graph" / "bronnen" / "2026"
    return {p.name: p.read_text(encoding="utf-8").splitlines() for p in folder.glob("*.txt")}


def line(texts, cite: str) -> str:
    name, number = cite.split(":")
    return texts[name][int(number) - 1]


def sentence(texts, cite: str, after: int = 3) -> str:
    """The cited line and the next few: a kn:bronRegel points at the first line of a sentence
    or paragraph (WK 347 "bouwt voort op bestaande allianties, waaronder:" ... 350 "ZZS, ...")."""
    name, number = cite.split(":")
    return " ".join(texts[name][int(number) - 1 : int(number) + after])


def of_kind(findings, kind):
    return [f for f in findings if f.kind == kind]


def test_every_cited_line_exists(findings, texts):
    for f in findings:
        assert f.bronnen, f
        for cite in f.bronnen:
            name, _, number = cite.partition(":")
            assert name in texts, cite
            if number:
                assert 1 <= int(number) <= len(texts[name]), cite


def test_staalslakken_go_to_a_theme_without_plan(findings, texts):
    # CE 184-187: "Afgesproken is dat in 2026 de regie ... bij andere kennisthema's ligt." /
    # "Staalslakken > Bodem en ondergrond"; intro: Bodem en ondergrond has no 2026 plan.
    (f,) = of_kind(findings, "overdracht-zonder-plan")
    assert f.themas == (T["CE"], T["BO"]) and f.severity == "hoog"
    assert f.items == (ID + "overdracht/ce-2026-staalslakken",)
    assert line(texts, f.bronnen[0]) == "Staalslakken > Bodem en ondergrond"


def test_renure_goes_to_waterkwaliteit_which_never_mentions_it(findings, texts):
    # CE 191 "Renure > Waterkwaliteit"; the Waterkwaliteit text has no "renure" at all.
    (f,) = of_kind(findings, "overdracht-zonder-product")
    assert f.themas == (T["CE"], T["WK"]) and f.severity == "hoog"
    assert line(texts, f.bronnen[0]) == "Renure > Waterkwaliteit"
    assert not any("renure" in x.lower() for x in texts["kennisplan-2026-waterkwaliteit.txt"])
    # the biobrandstoffen handover (CE 189) is covered: ET row 12, "Onderzoek naar relevantie
    # biobrandstoffen" (ET 201)
    assert all("Biobrandstoffen" not in g.uitleg for g in findings)


def test_bodem_en_ondergrond_is_named_by_five_plans_but_has_none(findings, texts):
    (f,) = of_kind(findings, "thema-zonder-plan")
    assert f.themas[0] == T["BO"] and set(f.themas[1:]) == {T[c] for c in ("CE", "DIV", "ET", "WK", "ZZS")}
    for cite in f.bronnen:  # e.g. WK 118 "zoals ZZS, Bodem & ondergrond, ...", ET 92 "Bodem & Ondergrond"
        # ZZS 413: "de kennisregisseurs ... thema-overstijgende activiteiten" (all themes, Bodem too)
        assert re.search(r"bodem|staalslakken|kennisregisseurs", sentence(texts, cite), re.I), cite


def test_one_sided_relations(findings, texts):
    # DIV 349-350 names "Bodem en ondergrond, Waterkwaliteit, ZZS, circulaire economie en energie";
    # CE, ET and ZZS name Data & IV only in the intro sentence that lists every plan.
    # WK 350-351 names "Actuele vraagstukken"; the AV plan names Waterkwaliteit only in that intro.
    found = {f.themas for f in of_kind(findings, "samenhang-eenzijdig")}
    assert found == {(T["DIV"], T["CE"]), (T["DIV"], T["ET"]), (T["DIV"], T["ZZS"]), (T["WK"], T["AV"])}
    for f in of_kind(findings, "samenhang-eenzijdig"):
        assert f.severity == "laag"
    (wk,) = [f for f in of_kind(findings, "samenhang-eenzijdig") if f.themas[0] == T["WK"]]
    assert "Actuele vraagstukken" in line(texts, wk.bronnen[0])


def test_omgevingsplannen_three_themes_make_products_without_a_lead(findings, texts):
    # AV 237/255-256 "Omgevingswet" / "Adviesrol omgevingsplannen"; CE 252 "CE in omgevingsplan";
    # ET 165 "Vergunningverlening energieopslag" (prose 113-114: "regels voor energieopslag in het
    # omgevingsplan").
    (f,) = [f for f in of_kind(findings, "onderwerp-zonder-regie") if f.items[0] == ID + "onderwerp/omgevingsplannen"]
    assert f.severity == "hoog" and set(f.themas) == {T["AV"], T["CE"], T["ET"], T["WK"]}
    assert set(f.themas[:3]) == {T["AV"], T["CE"], T["ET"]}
    assert "omgevingsplan" in line(texts, "kennisplan-2026-circulaire-economie.txt:252").lower()
    assert f.bronnen == (
        "kennisplan-2026-actuele-vraagstukken.txt:237",
        "kennisplan-2026-circulaire-economie.txt:252",
        "kennisplan-2026-energietransitie.txt:165",
    )


def test_actuele_vraagstukken_rows_do_not_add_up(findings, texts):
    # AV financiën 318-345 (page 1: 93.000) and 374-379 (page 2: 8.000 + 15.000 + 22.500 + 37.500)
    # = 176.000, while line 380 prints the total 150.000.
    (f,) = of_kind(findings, "begroting-telt-niet-op")
    assert f.themas == (T["AV"],) and f.severity == "hoog"
    assert "€ 176.000" in f.uitleg and "€ 150.000" in f.uitleg and "€ 26.000" in f.uitleg
    assert line(texts, f.bronnen[0]) == "150.000"


def test_waterkwaliteit_plans_more_than_its_budget(findings, texts):
    # WK 183 "Het activiteitenbudget voor 2026 bedraagt €150.000"; WK 338 "€ 152.680" (Totaal).
    (f,) = of_kind(findings, "begroting-boven-budget")
    assert f.themas == (T["WK"],) and "€ 2.680" in f.uitleg
    assert "€150.000" in line(texts, f.bronnen[0]) and line(texts, f.bronnen[1]) == "€ 152.680"


def test_no_budget_gap_where_the_plan_adds_up(findings):
    # ZZS: €160.000 of rows of which €10.000 from 2025 (ZZS 302-308) = €150.000 (ZZS 175);
    # DIV budgets per category (DIV 517-525: 10.000 + 35.000 + 10.000 + 5.000 = 60.000).
    budget_kinds = ("begroting-telt-niet-op", "begroting-boven-budget")
    themes = {t for f in findings if f.kind in budget_kinds for t in f.themas}
    assert themes == {T["AV"], T["WK"]}
    div = [f for f in of_kind(findings, "product-onvolledig") if T["DIV"] in f.themas]
    # DIV: no Vorm/Status column; the planning is a chart (383) the OCR kept without columns (issue 16)
    assert len(div) == 1 and "vorm of status" in div[0].uitleg and "budget" not in div[0].uitleg
    assert "planning" not in div[0].uitleg


def test_incomplete_products_quote_what_the_plan_says(findings, texts):
    # CE 296 "Ntb." in the planning column of 'Factsheets rond nieuwe wetgeving'.
    by_item = {f.items[0]: f for f in of_kind(findings, "product-onvolledig") if len(f.items) == 1}
    f = by_item[ID + "product/ce-2026-factsheets-nieuwe-wetgeving"]
    assert "'Ntb.'" in f.uitleg


def test_actuele_vraagstukken_deliver_most_in_q2(findings):
    # AV Planning 287-316 and 367-372: Q2 for rows 4, 5, 7, 18 and end of Q1-Q2 for rows 2 and 8.
    peaks = {
        (f.themas if len(f.themas) == 1 else "netwerk", f.uitleg.split(" producten")[0][-2:].strip())
        for f in of_kind(findings, "kwartaal-piek")
    }
    assert ((T["AV"],), "6") in peaks


def test_no_two_themes_meet_on_the_same_day(findings):
    # Only the CE plan gives dates (Jaarplanning bijeenkomsten, CE 380-393).
    assert of_kind(findings, "bijeenkomsten-zelfde-dag") == []


def test_vakberaad_advies_works_with_one_theme_only(findings, texts):
    # AV 103-104 "Adviesrol bij de totstandkoming van Omgevingsplannen, in samenwerking met het
    # vakberaad Advies"; CE, ET and WK also make or name omgevingsplannen but do not name it.
    found = {f.items[0]: f for f in of_kind(findings, "organisatie-een-thema")}
    f = found[ID + "organisatie/vakberaad-advies"]
    assert f.themas[0] == T["AV"] and set(f.themas[1:]) == {T["CE"], T["ET"], T["WK"]}


def test_overlap_of_waterkwaliteit_and_zzs_shares_pfas(network):
    # ZZS 69-70 (PFAS focus) and WK 55 (PFAS among the substances in water).
    pair = next(o for o in overlaps(network, thema=T["WK"]) if o.other(T["WK"]) == T["ZZS"])
    assert ID + "onderwerp/pfas" in pair.shared["onderwerpen"]
    assert 0 < pair.score < 1


def test_bridges_and_clusters(network):
    found = bridges(network, top=None)
    assert all(len(b.themas) >= 2 for b in found)
    orgs = [b for b in found if b.kind == "organisatie"]
    assert orgs[0].betweenness >= orgs[-1].betweenness
    groups = clusters(network)
    assert sorted(t for g in groups for t in g) == sorted(T[c] for c in ("AV", "CE", "DIV", "ET", "WK", "ZZS"))
    assert clusters(network) == groups  # fixed seed: the same every run


def test_analyse_bundles_everything(network):
    result = analyse(network)
    assert result.jaren == (2026,)
    assert result.counts["themas_met_plan"] >= 6
    assert sum(result.counts[f"ernst:{s}"] for s in ("hoog", "middel", "laag")) == len(result.findings)


def test_subtheme_energiebesparing_is_not_a_theme_without_plan(network):
    """Energiebesparing has its own programme (MUKA, ET lines 56-60): the report must not
    count it among the themes that lack a plan."""
    themes = {network.nodes[t]["label"] for t in analyse(network).themas}
    assert "Energiebesparing" not in themes
    assert len(themes) == 7 and "Bodem en ondergrond" in themes


def test_findings_match_the_hand_checked_golden_file(network, findings):
    """tests/expected/findings-2026.csv: every 2026 finding, re-checked by hand against the plan
    texts, with a one-line verdict (oordeel + waarom). A change in the findings fails here; edit
    the file by hand after checking the new finding against the text (there is no refresh
    command: the verdict cannot be generated)."""
    import csv
    from pathlib import Path

    from kennisgraaf.analysis.network import label as name

    path = Path(__file__).parent / "expected" / "findings-2026.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        golden = list(csv.DictReader(fh))
    now = [[f.kind, f.severity, "; ".join(name(network, t) for t in f.themas), f.uitleg] for f in findings]
    assert now == [[r["soort"], r["ernst"], r["thema's"], r["uitleg"]] for r in golden], f"update {path} by hand"
    assert all(r["oordeel"] in ("terecht", "terecht, zwak") and len(r["waarom"]) > 20 for r in golden)
