"""Plan years as a dimension: the fictional fixture of tests/fixtures/jaren/ (a ZZS plan for 2027,
a Bodem en ondergrond plan for 2026) laid over the real 2026 data.

The "Done when" list of issue 13, one test each: every regisseur once; every 2026 output
unchanged when the 2027 data is added; `vergelijk` lists exactly the fixture's changes; the
staalslakken handover is picked up once the Bodem plan is there; the 2027 rapport has no
high "geen kennisplan" finding. The expected comparison was checked by hand against the
fixture's header (2 dropped, 2 added, 1 moved Q4 → Q2).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from golden import EXPECTED_JAREN, case_file, cases, render_case
from typer.testing import CliRunner

from kennisgraaf.access import ensure_build
from kennisgraaf.analysis import analyse
from kennisgraaf.analysis.compare import compare
from kennisgraaf.analysis.gaps import find_gaps
from kennisgraaf.analysis.network import find_theme, load_network
from kennisgraaf.analysis.overlap import overlaps
from kennisgraaf.analysis.years import in_opbouw, scope
from kennisgraaf.cli import app
from kennisgraaf.reports.rapport import render

runner = CliRunner()
ZZS = "https://w3id.org/kennisgraaf/id/thema/zeer-zorgwekkende-stoffen"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --------------------------------------------------------------------------- Done when


def test_the_fixture_builds_without_errors(jaren_root, cache_dir):
    report = ensure_build(jaren_root, cache_dir)
    assert not [w for w in report.warnings if w.is_error]


@pytest.mark.parametrize("jaar", ["2026", "2027", "alle"])
def test_regisseurs_lists_each_regisseur_once(jaren_root, cache_dir, jaar):
    result = invoke(
        "query", "regisseurs", "--jaar", jaar, "--format", "csv", "--data", jaren_root, "--cache-dir", cache_dir, "-q"
    )
    assert result.exit_code == 0, result.output
    found = rows(result.stdout)
    luuk = [r for r in found if r["regisseur"] == "Luuk van Wel"]
    assert len(luuk) == (2 if jaar == "alle" else 1), found
    if jaar == "alle":
        assert sorted(r["jaar"] for r in luuk) == ["2026", "2027"]


def test_stats_2026_equals_the_shipped_output(jaren27_root, cache_dir, build_2026):
    shipped = invoke("stats", "--format", "csv", "--cache-dir", cache_dir, "-q")
    scoped = invoke(
        "stats", "--jaar", "2026", "--format", "csv", "--data", jaren27_root, "--cache-dir", cache_dir, "-q"
    )
    assert shipped.exit_code == 0 and scoped.exit_code == 0, scoped.output
    assert scoped.stdout == shipped.stdout


def test_stats_2027_counts_the_twelve_products_of_the_2027_plan(jaren27_root, cache_dir):
    result = invoke(
        "stats", "--jaar", "2027", "--format", "csv", "--data", jaren27_root, "--cache-dir", cache_dir, "-q"
    )
    zzs = next(r for r in rows(result.stdout) if r["thema"] == "Zeer zorgwekkende stoffen")
    assert zzs["kennisplan"] == "Kennisplan Zeer zorgwekkende stoffen 2027"
    assert zzs["producten"] == "12"


@pytest.mark.parametrize("case", cases(), ids=lambda c: c["file"])
def test_every_2026_query_is_unchanged_when_2027_is_added(jaren27_store, catalogue, case):
    assert render_case(jaren27_store, catalogue, case, jaar=2026) == case_file(case).read_text(encoding="utf-8")


def test_vergelijk_zzs_lists_exactly_the_fixture_changes(jaren27_root, cache_dir):
    result = invoke(
        "vergelijk",
        "2026",
        "2027",
        "--thema",
        "ZZS",
        "--format",
        "csv",
        "--data",
        jaren27_root,
        "--cache-dir",
        cache_dir,
        "-q",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (EXPECTED_JAREN / "vergelijk-zzs-2026-2027.csv").read_text(encoding="utf-8")
    kinds = [r["soort"] for r in rows(result.stdout)]
    counts = tuple(kinds.count(k) for k in ("product-nieuw", "product-vervallen", "product-verschoven"))
    assert counts == (2, 2, 1)
    moved = next(r for r in rows(result.stdout) if r["soort"] == "product-verschoven")
    assert (moved["wat"], moved["van"], moved["naar"], moved["toelichting"]) == (
        "Basis handboek ZZS",
        "Q4",
        "Q2",
        "vervolgOp",
    )


def test_vergelijk_json_and_markdown_carry_the_same_changes(jaren27_root, cache_dir):
    base = ("vergelijk", "2026", "2027", "--thema", "ZZS", "--data", jaren27_root, "--cache-dir", cache_dir, "-q")
    data = json.loads(invoke(*base, "--format", "json").stdout)
    expected = rows((EXPECTED_JAREN / "vergelijk-zzs-2026-2027.csv").read_text(encoding="utf-8"))
    assert [(c["soort"], c["wat"]) for c in data["wijzigingen"]] == [(r["soort"], r["wat"]) for r in expected]
    assert (data["van"], data["naar"], data["thema"]) == (2026, 2027, "Zeer zorgwekkende stoffen")
    md = invoke(*base, "--format", "md").stdout
    assert "| product-verschoven | Zeer zorgwekkende stoffen | Basis handboek ZZS | Q4 | Q2 | vervolgOp |" in md


def test_staalslakken_handover_is_picked_up_once_the_bodem_plan_is_there(jaren_network, jaren27_network):
    def staalslakken(network):
        return [
            f
            for f in find_gaps(scope(network, 2026))
            if f.kind.startswith("overdracht-") and "Staalslakken" in f.uitleg
        ]

    assert [f.severity for f in staalslakken(jaren27_network)] == ["hoog"]
    assert staalslakken(jaren_network) == []


def test_regieoverdrachten_sees_the_bodem_product_in_its_own_year(jaren_store, catalogue):
    table = catalogue.run(jaren_store, "regieoverdrachten", jaar=2026)
    row = dict(zip(table.columns, next(r for r in table.rows if r[2] == "Staalslakken"), strict=True))
    assert (row["ontvanger_heeft_plan"], row["ontvanger_heeft_product"]) == (True, True)


def test_rapport_2027_has_no_geen_kennisplan_finding_in_the_high_group(jaren_network):
    network = scope(jaren_network, 2027)
    assert in_opbouw(network)
    result = analyse(network)
    assert not [f for f in result.findings if f.severity == "hoog" and "geen kennisplan" in f.uitleg]
    summary = [f for f in result.findings if f.kind == "jaar-in-opbouw"]
    assert len(summary) == 1 and summary[0].severity == "laag"
    assert "1 van de 7 thema's" in summary[0].uitleg
    text = render(result, "md")
    assert text.startswith("# Overlap en gaten tussen de kennisthema's 2027\n")


def test_rapport_2027_has_the_comparison_section(jaren27_root, cache_dir):
    result = invoke("rapport", "--data", jaren27_root, "--cache-dir", cache_dir, "-q", "--format", "html")
    assert result.exit_code == 0, result.output
    assert '<h2 id="vergelijking">Wat veranderde van 2026 naar 2027</h2>' in result.stdout
    assert "Basis handboek ZZS" in result.stdout


def test_2026_analysis_is_unchanged_when_2027_is_added(store, jaren27_network):
    shipped = load_network(store)
    scoped = scope(jaren27_network, 2026)
    assert find_gaps(scoped) == find_gaps(shipped)
    assert overlaps(scoped) == overlaps(shipped)
    assert render(analyse(scoped), "md") == render(analyse(shipped), "md")


# --------------------------------------------------------------------------- the year option


def test_default_is_the_latest_year_and_the_output_says_so(jaren27_root, cache_dir):
    result = invoke(
        "query",
        "producten-van-thema",
        "-p",
        "thema=ZZS",
        "--data",
        jaren27_root,
        "--cache-dir",
        cache_dir,
        "-q",
        "--format",
        "md",
    )
    assert "### Kennisproducten van een thema — jaar 2027" in result.stdout
    assert "Handreiking meten van PFAS in emissies (fictief)" in result.stdout
    assert "Notitie kennisniveaus ZZS" not in result.stdout


def test_export_alle_has_a_year_column(jaren27_root, cache_dir):
    result = invoke("export", "producten", "--jaar", "alle", "--data", jaren27_root, "--cache-dir", cache_dir, "-q")
    assert result.exit_code == 0, result.output
    found = rows(result.stdout)
    assert list(found[0])[0] == "jaar"
    zzs = [r for r in found if r["thema"] == "Zeer zorgwekkende stoffen"]
    assert sorted({r["jaar"] for r in zzs}) == ["2026", "2027"]
    assert sum(r["jaar"] == "2027" for r in zzs) == 12 and sum(r["jaar"] == "2026" for r in zzs) == 12


def test_budget_per_thema_alle_gives_one_row_per_plan_with_its_year(jaren27_store, catalogue):
    table = catalogue.run(jaren27_store, "budget-per-thema", jaar="alle")
    zzs = [r for r in table.rows if r[1] == "Zeer zorgwekkende stoffen"]
    assert table.columns[0] == "jaar"
    assert [(r[0], r[2]) for r in zzs] == [("2026", 150000), ("2027", 170000)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("stats", "--jaar", "1999"), "--jaar 1999: geen kennisplannen voor dat jaar (jaren met plannen: 2026)"),
        (("stats", "--jaar", "volgend"), "--jaar 'volgend': geef een jaartal (bijv. 2026) of 'alle'"),
        (("overlap", "--jaar", "alle"), "--jaar alle: kies hier één jaar"),
        (("vergelijk", "2026", "2030"), "jaar 2030: geen kennisplannen voor dat jaar"),
        (("vergelijk", "2026", "2026"), "niet met zichzelf"),
    ],
)
def test_a_wrong_year_is_one_dutch_line(build_2026, cache_dir, args, message):
    result = invoke(*args, "--cache-dir", cache_dir, "-q")
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_views_show_one_year_with_a_year_switch(jaren27_root, cache_dir, tmp_path):
    result = invoke(
        "view", "--all", "--out-dir", tmp_path / "site", "--data", jaren27_root, "--cache-dir", cache_dir, "-q"
    )
    assert result.exit_code == 0, result.output
    latest = (tmp_path / "site" / "thema-zeer-zorgwekkende-stoffen.html").read_text(encoding="utf-8")
    earlier = (tmp_path / "site" / "2026" / "thema-zeer-zorgwekkende-stoffen.html").read_text(encoding="utf-8")
    assert 'Planjaar: <a href="2026/thema-zeer-zorgwekkende-stoffen.html">2026</a> · <strong>2027</strong>' in latest
    assert "Handreiking meten van PFAS in emissies" in latest and "Notitie kennisniveaus ZZS" not in latest
    assert "Notitie kennisniveaus ZZS" in earlier and "Handreiking meten van PFAS" not in earlier
    # a theme without a 2027 plan: its 2026 page switches to the 2027 index
    wk = (tmp_path / "site" / "2026" / "thema-waterkwaliteit.html").read_text(encoding="utf-8")
    assert '<a href="../index.html">2027</a>' in wk


def test_compare_matches_by_title_as_a_guess_when_no_link_is_given(jaren27_network):
    network = jaren27_network.copy()
    new = "https://w3id.org/kennisgraaf/id/product/zzs-2027-projectgroep"
    network.remove_edge(new, "https://w3id.org/kennisgraaf/id/product/zzs-2026-projectgroep", "kn:vervolgOp")
    network.nodes[new]["budget"] = 12500.0
    result = compare(network, 2026, 2027, find_theme(network, "ZZS"))
    rebudget = result.of("product-herbegroot")
    assert [(c.wat, c.van, c.naar, c.toelichting) for c in rebudget] == [
        ("Projectgroep ZZS", "€ 10.000", "€ 12.500", "+€ 2.500; titel (gok)")
    ]
    assert not [
        c for c in result.changes if c.soort in ("product-nieuw", "product-vervallen") and c.wat == "Projectgroep ZZS"
    ]
