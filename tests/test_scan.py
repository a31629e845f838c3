"""The plan-text scan and the shared name matching behind it (resolve.NameIndex)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from kennisgraaf.authoring.registers import Registers
from kennisgraaf.authoring.scan import SCAN_KINDS, scan
from kennisgraaf.cli import app
from kennisgraaf.resolve import NameIndex, normalise, slugify

ROOT = Path(__file__).parents[1]
TEXTS = sorted((ROOT / "graph" / "bronnen" / "2026").glob("kennisplan-2026-*.txt"))
GOLDEN = ROOT / "tests" / "expected" / "scan" / "genoemd-niet-gekoppeld.csv"
REGISTER_KINDS = [k for k in SCAN_KINDS if k != "overleg"]


@pytest.fixture(scope="module")
def registers(folder_2026) -> Registers:
    found = Registers.load(folder_2026)
    found.add_plan_texts(folder_2026)
    return found


@pytest.fixture(scope="module")
def reports(folder_2026, registers):
    return {text.stem: scan(text, folder_2026, registers=registers) for text in TEXTS}


@pytest.mark.parametrize("text", [t.stem for t in TEXTS])
def test_scan_finds_every_register_concept_the_plan_links(text, reports, registers, folder_2026):
    """Recall of linked concepts is 100 %: each organisation, law, topic, theme and platform the
    plan's graph links is named somewhere in the plan text."""
    report = reports[text]
    graph = Graph().parse(folder_2026.graph_dir / "plans" / "2026" / f"{report.theme}.ttl", format="turtle")
    linked = {str(o) for o in graph.objects() if isinstance(o, URIRef) and registers.kind_of(str(o)) in REGISTER_KINDS}
    named = {f.iri for f in report.named}
    assert linked, "the plan links register concepts"
    assert sorted(linked - named) == []


def test_genoemd_maar_niet_gekoppeld_matches_the_reviewed_golden_file(reports):
    """Every entry was checked by hand against the plan text; its verdict is in the file."""
    with GOLDEN.open(encoding="utf-8") as handle:
        golden = list(csv.DictReader(handle))
    assert all(row["oordeel"].strip() for row in golden), "every entry has a verdict"
    expected = {(row["plan"], row["begrip"], row["regels"]) for row in golden}
    found = {
        (r.theme, f"{f.kind}:{f.iri.rsplit('/', 1)[-1]}", " ".join(map(str, f.lines)))
        for r in reports.values()
        for f in r.not_linked
    }
    assert sorted(found - expected) == [], "new entries: review them by hand and add them with a verdict"
    assert sorted(expected - found) == [], "entries no longer found: remove them from the golden file"


def test_scan_reports_lines_and_the_sentence(reports):
    wk = reports["kennisplan-2026-waterkwaliteit"]
    rivm = next(f for f in wk.named if f.iri.endswith("/organisatie/rivm"))
    assert 41 in rivm.lines and "RIVM" in rivm.sentence


def test_name_running_on_to_the_next_line_counts_for_its_first_line():
    index = NameIndex()
    index.add("x:vakberaad-advies", "Vakberaad Advies", preferred=True)
    found = index.find_in(["in samenwerking met het vakberaad", "Advies en anderen"])
    assert [(m.iri, m.line) for m in found] == [("x:vakberaad-advies", 1)]


def test_short_abbreviations_match_only_as_written():
    index = NameIndex()
    index.add("wet:bal", "Besluit activiteiten leefomgeving", preferred=True)
    index.add("wet:bal", "Bal")
    assert index.find_in(["een bal op straat"]) == []
    assert [m.text for m in index.find_in(["het Bal (2024)"])] == ["Bal"]


def test_longest_name_wins_within_a_kind_and_series_are_expanded():
    index = NameIndex()
    for iri, label in (("t:bodem", "Bodem"), ("t:bo", "Bodem en ondergrond"), ("w:p29", "PGS 29"), ("w:p37", "PGS 37")):
        index.add(iri, label, preferred=True)
    assert {m.iri for m in index.find_in(["Bodem & ondergrond"])} == {"t:bo"}
    assert {m.iri for m in index.find_in(["PGS PGS15, 29 en 37"])} == {"w:p29", "w:p37"}


def test_email_address_is_not_the_website():
    index = NameIndex()
    index.add("p:website", "omgevingsdienst.nl")
    assert index.find_in(["Contact: jverburg@omgevingsdienst.nl"]) == []
    assert len(index.find_in(["zie omgevingsdienst.nl"])) == 1


def test_normalise_and_slugify_are_the_one_rule():
    assert normalise("Bodem & Ondergrond") == normalise("bodem en ondergrond")
    assert slugify("Zó Werkt Water") == "zo-werkt-water"
    index = NameIndex()
    index.add("s:bindend", "Bindend", preferred=True)
    assert index.suggest("Bindent") == ["Bindend"] and index.suggest("xyz") == []


def test_unknown_abbreviations_in_a_new_text(tmp_path, folder_2026, registers):
    text = tmp_path / "kennisplan-2027-bodem-en-ondergrond.txt"
    text.write_text("De RIVM en de XQZB werken samen aan PFAS in de bodem.\n", encoding="utf-8")
    report = scan(text, folder_2026, registers=registers)
    assert report.theme is None  # no 2027 plan yet: nothing to compare with
    assert {"rivm", "pfas"} <= {f.iri.rsplit("/", 1)[-1] for f in report.named}
    assert [f.label for f in report.unknown] == ["XQZB"]


def test_scan_cli_and_prefilled_workbook(tmp_path):
    book = tmp_path / "bo.xlsx"
    text = tmp_path / "plan.txt"
    text.write_text("Partners: RIVM en Rijkswaterstaat.\nWetgeving: de Omgevingswet.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["scan", str(text), "--thema", "bodem", "--jaar", "2027", "--format", "csv", "--workbook", str(book)]
    )
    assert result.exit_code == 0, result.output
    assert "gekoppeld maar nergens genoemd" not in result.output  # no 2027 plan links anything
    wb = load_workbook(book)
    assert wb["Plan"]["A2"].value == "Bodem en ondergrond"
    organisations = {wb["Organisaties"].cell(row=r, column=1).value for r in range(2, 4)}
    assert organisations == {"Rijksinstituut voor Volksgezondheid en Milieu", "Rijkswaterstaat"}
    assert wb["Wetgeving"]["A2"].value == "Omgevingswet"


def test_scan_of_a_missing_file_is_one_clear_message(tmp_path):
    result = CliRunner().invoke(app, ["scan", str(tmp_path / "weg.txt")])
    assert result.exit_code == 2 and "weg.txt: bestand bestaat niet" in result.output
