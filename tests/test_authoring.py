"""The plan workbook: round trip for every 2026 plan, every error kind with its exact Dutch
message, nothing written from an invalid workbook, and the CLI door (werkboek → inlezen)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from typer.testing import CliRunner

from kennisgraaf.authoring.columns import SHEETS
from kennisgraaf.authoring.model import AuthoringError, from_rows
from kennisgraaf.authoring.plans import read_plan_workbook, write_plan_workbook
from kennisgraaf.authoring.registers import Registers
from kennisgraaf.authoring.turtle import serialise
from kennisgraaf.authoring.workbook import read_workbook
from kennisgraaf.cli import app
from kennisgraaf.sources import DataFolder

BESLISBOOM = URIRef("https://w3id.org/kennisgraaf/id/product/wk-2026-beslisboom-vth")
PARTNER = URIRef("https://w3id.org/kennisgraaf/def#partner")
PLANS = sorted(p.stem for p in (Path(__file__).parents[1] / "graph" / "plans" / "2026").glob("*.ttl"))


@pytest.fixture(scope="module")
def registers(folder_2026) -> Registers:
    return Registers.load(folder_2026)


@pytest.fixture(scope="module")
def wk_book(tmp_path_factory, folder_2026) -> Path:
    return write_plan_workbook(folder_2026, "Waterkwaliteit", "2026", tmp_path_factory.mktemp("wb") / "wk.xlsx")


def _edited(book: Path, tmp_path: Path, edits: dict[str, object]) -> Path:
    """A copy of the workbook with some cells changed: {"Producten!E3": "Bindent"}."""
    wb = load_workbook(book)
    for ref, value in edits.items():
        sheet, cell = ref.split("!")
        wb[sheet][cell] = value
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


def _problems(path: Path, registers: Registers, add_new: bool = False) -> list[str]:
    with pytest.raises(AuthoringError) as caught:
        from_rows(read_workbook(path), registers, add_new=add_new)
    return caught.value.problems


@pytest.mark.parametrize("theme", PLANS)
def test_round_trip_is_isomorphic(theme, folder_2026, registers, tmp_path):
    """werkboek then inlezen gives today's named graph of the plan (modulo comments)."""
    book = write_plan_workbook(folder_2026, theme, "2026", tmp_path / f"{theme}.xlsx")
    result = from_rows(read_workbook(book), registers)
    text = serialise(result.graph, result.plan, result.comments, book.name)
    again = Graph().parse(data=text, format="turtle")
    today = Graph().parse(folder_2026.graph_dir / "plans" / "2026" / f"{theme}.ttl", format="turtle")
    if not isomorphic(today, again):
        _, lost, added = graph_diff(to_isomorphic(today), to_isomorphic(again))
        pytest.fail(f"verloren: {sorted(lost)[:5]}\nerbij: {sorted(added)[:5]}")


def test_workbook_has_every_sheet_with_comments_dropdowns_and_frozen_header(wk_book):
    wb = load_workbook(wk_book)
    assert wb.sheetnames[0] == "Toelichting"
    for sheet in SHEETS:
        ws = wb[sheet.name]
        assert [c.value for c in ws[1]][: len(sheet.columns)] == [c.header for c in sheet.columns]
        assert all(ws.cell(row=1, column=i + 1).comment for i in range(len(sheet.columns)))
        assert ws.freeze_panes == "A2"
    status = [dv for dv in wb["Producten"].data_validations.dataValidation if "E2" in str(dv.sqref)]
    assert status and status[0].type == "list" and status[0].formula1.startswith("=Lijsten!")
    assert wb["Lijsten"].sheet_state == "hidden"
    lists = {wb["Lijsten"].cell(row=1, column=c).value: c for c in range(1, wb["Lijsten"].max_column + 1)}
    statuses = [wb["Lijsten"].cell(row=r, column=lists["status"]).value for r in range(2, 20)]
    assert "Bindend" in statuses


def test_new_plan_gives_an_empty_workbook_with_theme_and_year(folder_2026, tmp_path):
    book = write_plan_workbook(folder_2026, "bodem", "2027", tmp_path / "bo.xlsx")
    rows = read_workbook(book)
    assert rows["Plan"][0]["Thema"] == "Bodem en ondergrond" and rows["Plan"][0]["Jaar"] == 2027
    assert rows["Producten"] == []


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ({"Producten!E3": "Bindent"}, "Producten!E3: onbekende status 'Bindent' — bedoelt u 'Bindend'?"),
        ({"Producten!D2": "Handreikin"}, "Producten!D2: onbekende vorm 'Handreikin' — bedoelt u 'Handreiking'?"),
        ({"Producten!G2": "Q5 2026"}, "Producten!G2: onbekend kwartaal 'Q5 2026' — bedoelt u 'Q4 2026'?"),
        (
            {"Producten!J2": "tien"},
            "Producten!J2: 'tien' is geen bedrag — schrijf een getal zonder €-teken of punten, bijv. 15000",
        ),
        ({"Producten!B2": "een"}, "Producten!B2: 'een' is geen geheel getal — schrijf alleen cijfers, bijv. 12"),
        ({"Plan!H2": "12 maart"}, "Plan!H2: '12 maart' is geen datum — schrijf JJJJ-MM-DD, bijv. 2026-03-12"),
        ({"Producten!C4": None}, "Producten!C4: Titel is verplicht"),
        (
            {"Producten!A3": "wk-2026-beslisboom-vth"},
            "Producten!A3: ID 'wk-2026-beslisboom-vth' komt al voor in Producten!A2 — geef elke regel een eigen ID",
        ),
        (
            {"Producten!A3": "Mijn ID"},
            "Producten!A3: ID 'Mijn ID' mag alleen kleine letters, cijfers en '-' bevatten",
        ),
        ({"Overleggen!B2": "Overlg"}, "Overleggen!B2: onbekende soort 'Overlg' — bedoelt u 'Overleg'?"),
        (
            {"Organisaties!B2": "vriend"},
            "Organisaties!B2: onbekende rol 'vriend' — kies uit: partner, stakeholder, genoemd",
        ),
        (
            {"Wetgeving!A2": "Wet op de bijenteelt"},
            "Wetgeving!A2: onbekende wet 'Wet op de bijenteelt' — kies een waarde uit de keuzelijst",
        ),
        (
            {"Producten!O2": "Stichting Zeldzaam Water"},
            "Producten!O2: organisatie 'Stichting Zeldzaam Water' is nieuw: niet in het register — controleer de naam, "
            "of voeg haar toe met --nieuw-toevoegen",
        ),
        (
            {"Producten!S2": "product:bestaat-niet"},
            "Producten!S2: onbekende verwijzing 'product:bestaat-niet' — schrijf blad-voorvoegsel en ID, "
            "bijv. product:wk-2026-beslisboom-vth",
        ),
        ({"Plan!A2": "Waterkwalitijd"}, "Plan!A2: onbekend thema 'Waterkwalitijd' — bedoelt u 'Waterkwaliteit'?"),
    ],
)
def test_each_error_names_the_cell_and_what_to_do(edits, message, wk_book, registers, tmp_path):
    assert message in _problems(_edited(wk_book, tmp_path, edits), registers)


def test_every_problem_is_reported_at_once(wk_book, registers, tmp_path):
    book = _edited(wk_book, tmp_path, {"Producten!E3": "Bindent", "Producten!J2": "tien", "Producten!C4": None})
    assert len(_problems(book, registers)) == 3


def test_an_abbreviation_finds_the_register_organisation(wk_book, registers, tmp_path):
    book = _edited(wk_book, tmp_path, {"Producten!O2": "RIVM; stowa"})
    result = from_rows(read_workbook(book), registers)
    partners = set(result.graph.objects(BESLISBOOM, PARTNER))
    assert {p.rsplit("/", 1)[-1] for p in partners} == {"rivm", "stowa"}


def test_new_organisation_is_listed_not_invented(wk_book, folder_2026, tmp_path):
    book = _edited(wk_book, tmp_path, {"Producten!O2": "Stichting Zeldzaam Water"})
    result = from_rows(read_workbook(book), Registers.load(folder_2026), add_new=True)
    assert [(n.kind, n.iri.rsplit("/", 1)[-1], n.where) for n in result.new] == [
        ("organisatie", "stichting-zeldzaam-water", "Producten!O2")
    ]


def test_structure_errors(wk_book, registers, tmp_path):
    wb = load_workbook(wk_book)
    wb["Producten"]["D1"] = "Soort product"
    del wb["Samenhang"]
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(AuthoringError) as caught:
        read_workbook(tmp_path / "bad.xlsx")
    assert caught.value.problems == [
        "Producten!D1: kolom 'Vorm' verwacht, gevonden 'Soort product' — verplaats of hernoem geen kolommen",
        "bad.xlsx: blad 'Samenhang' ontbreekt — maak het werkboek met 'kennisgraaf werkboek'",
    ]


def test_not_a_workbook(tmp_path):
    from kennisgraaf.errors import KennisgraafError

    (tmp_path / "plan.xlsx").write_text("geen excel", encoding="utf-8")
    with pytest.raises(KennisgraafError, match=r"plan.xlsx: geen leesbaar Excel-werkboek"):
        read_workbook(tmp_path / "plan.xlsx")


@pytest.fixture
def data_copy(tmp_path, data_root) -> Path:
    root = tmp_path / "data"
    shutil.copytree(data_root / "ontology", root / "ontology")
    shutil.copytree(data_root / "graph", root / "graph")
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.ttl"))}


def test_invalid_workbook_writes_nothing(data_copy, wk_book, tmp_path):
    before = _snapshot(data_copy)
    book = _edited(wk_book, tmp_path, {"Producten!E3": "Bindent", "Producten!O2": "Stichting Zeldzaam Water"})
    result = CliRunner().invoke(
        app, ["inlezen", str(book), "--data", str(data_copy), "--vervangen", "--nieuw-toevoegen"]
    )
    assert result.exit_code == 2
    assert "Producten!E3: onbekende status 'Bindent' — bedoelt u 'Bindend'?" in result.output
    assert "er is niets geschreven" in result.output
    assert _snapshot(data_copy) == before


def test_a_workbook_that_fails_validation_writes_nothing(data_copy, wk_book, tmp_path):
    """Cell checks pass, SHACL/source-line checks do not: still nothing written."""
    before = _snapshot(data_copy)
    book = _edited(wk_book, tmp_path, {"Producten!T2": 99999})
    result = CliRunner().invoke(app, ["inlezen", str(book), "--data", str(data_copy), "--vervangen"])
    assert result.exit_code == 2, result.output
    assert (
        "validatie: Beslisboom VTH bij aantreffen van KRW/ZZS/overige stoffen (Juridisch kader) "
        "(Producten, kolom Bronregel): regel 99999 bestaat niet" in " ".join(result.output.split())
    )
    assert _snapshot(data_copy) == before


def test_existing_plan_is_replaced_only_after_the_diff_and_with_vervangen(data_copy, tmp_path):
    target = data_copy / "graph" / "plans" / "2026" / "waterkwaliteit.ttl"
    original = target.read_text(encoding="utf-8")
    runner = CliRunner()
    made = runner.invoke(
        app, ["werkboek", "--thema", "wk", "--out", str(tmp_path / "wk.xlsx"), "--data", str(data_copy)]
    )
    assert made.exit_code == 0, made.output
    book = _edited(tmp_path / "wk.xlsx", tmp_path, {"Producten!J2": 6000})
    dry = runner.invoke(app, ["inlezen", str(book), "--data", str(data_copy), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert '+    kn:budget "6000"^^xsd:decimal ;' in dry.output and "--dry-run: niets geschreven." in dry.output
    refused = runner.invoke(app, ["inlezen", str(book), "--data", str(data_copy)])
    assert refused.exit_code == 1 and "herhaal met --vervangen" in refused.output
    assert target.read_text(encoding="utf-8") == original
    done = runner.invoke(app, ["inlezen", str(book), "--data", str(data_copy), "--vervangen"])
    assert done.exit_code == 0, done.output
    assert "gevalideerd" in done.output
    written = Graph().parse(target, format="turtle")
    assert written.value(BESLISBOOM, URIRef("https://w3id.org/kennisgraaf/def#budget")) == Literal(
        "6000", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    )
    assert (
        "#################################################################\n# Tabel: kennisproducten"
        in target.read_text()
    )
    again = runner.invoke(app, ["inlezen", str(book), "--data", str(data_copy)])
    assert again.exit_code == 0 and "ongewijzigd" in again.output


def test_new_plan_with_new_organisation_goes_into_the_register(data_copy, tmp_path):
    """A 2027 plan from an empty workbook; the new organisation is appended to the register."""
    runner = CliRunner()
    book = tmp_path / "bo.xlsx"
    assert (
        runner.invoke(
            app, ["werkboek", "--thema", "Bodem", "--jaar", "2027", "--out", str(book), "--data", str(data_copy)]
        ).exit_code
        == 0
    )
    wb = load_workbook(book)
    wb["Plan"]["D2"] = "kennisplan-2026-waterkwaliteit"  # a register document (no 2027 text yet)
    wb["Organisaties"].append(["Bodemcollectief Oost", "partner"])
    wb["Organisaties"].append(["RIVM", "stakeholder"])
    wb.save(book)
    refused = runner.invoke(app, ["inlezen", str(book), "--data", str(data_copy)])
    assert refused.exit_code == 2
    assert "Organisaties!A2: organisatie 'Bodemcollectief Oost' is nieuw" in refused.output
    done = runner.invoke(app, ["inlezen", str(book), "--data", str(data_copy), "--nieuw-toevoegen"])
    assert done.exit_code == 0, done.output
    assert "nieuw: organisatie 'Bodemcollectief Oost' (Organisaties!A2)" in done.output
    assert (data_copy / "graph" / "plans" / "2027" / "bodem-en-ondergrond.ttl").is_file()
    register = (data_copy / "graph" / "registers" / "organisaties.ttl").read_text(encoding="utf-8")
    assert (
        'organisatie:bodemcollectief-oost a org:Organization ;\n    skos:prefLabel "Bodemcollectief Oost"@nl .'
        in register
    )
    DataFolder.resolve(data_copy)  # still a loadable data folder
    from kennisgraaf.load import load

    load(DataFolder.resolve(data_copy))


def test_read_plan_workbook_validates_the_unchanged_plan(folder_2026, wk_book):
    """The real 2026 plan read back from its workbook passes validate with the other plans."""
    result = read_plan_workbook(wk_book, folder_2026)
    assert result.target.name == "waterkwaliteit.ttl" and result.changed
