"""The public Python API (`kennisgraaf.open`): its examples run, the README question is answered
from Python, and every CLI command's behaviour is reachable through it, byte for byte.
"""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest
from command_outputs import ENV
from typer.testing import CliRunner

import kennisgraaf
from kennisgraaf import api
from kennisgraaf.cli.app import app


@pytest.fixture
def kg(build_2026, cache_dir, monkeypatch):
    monkeypatch.setenv("KENNISGRAAF_CACHE_DIR", str(cache_dir))
    return kennisgraaf.open()


def test_docstring_examples_run(build_2026, cache_dir, monkeypatch):
    monkeypatch.setenv("KENNISGRAAF_CACHE_DIR", str(cache_dir))
    failed, tried = doctest.testmod(api, optionflags=doctest.ELLIPSIS)
    assert tried >= 10
    assert failed == 0


def test_readme_question_in_three_lines(kg):
    """'Welke producten van Waterkwaliteit leveren in Q2?' Checked by hand against
    /work/shared/sources/kennisplan-2026-waterkwaliteit.txt, "Tabel: kennisproducten 2026"
    (regels 188-235): of the twelve products, the planning column gives "Start Q1 / Afronding
    Q2" for the first (Beslisboom VTH ..., regel 190) and "Q2" for the fifth (Landelijke dag
    Vergunningverlening Lozingen, regel 207); every other one ends in Q3, Q4, 'n.t.b.', 2026 or
    has no quarter."""
    q2 = kg.query("oplevering-per-kwartaal", kwartaal="Q2").where(thema="Waterkwaliteit")
    assert q2.column("titel") == [
        "Beslisboom VTH bij aantreffen van KRW/ZZS/overige stoffen (Juridisch kader)",
        "Landelijke dag Vergunningverlening Lozingen",
    ]
    assert {r["kwartaalnaam"] for r in q2.records()} == {"Q2 2026"}


def test_import_is_cheap_and_open_is_lazy():
    code = (
        "import sys, kennisgraaf; assert 'kennisgraaf.api' not in sys.modules; "
        "kennisgraaf.open; assert 'kennisgraaf.api' in sys.modules; "
        "assert not any(m.startswith(('pyoxigraph', 'networkx', 'rdflib', 'typer')) for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert set(kennisgraaf.__all__) == {"open", "Kennisgraaf", "__version__"}
    with pytest.raises(AttributeError):
        kennisgraaf.no_such_thing  # noqa: B018


def test_open_builds_nothing_until_asked(tmp_path):
    graaf = kennisgraaf.open(data=tmp_path / "bestaat-niet", cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()
    from kennisgraaf.errors import KennisgraafError

    with pytest.raises(KennisgraafError):
        graaf.stats().render("csv")


def test_bad_options_fail_before_any_build(tmp_path):
    from kennisgraaf.errors import KennisgraafError

    graaf = kennisgraaf.open(cache_dir=tmp_path / "cache", jaar="volgend")
    for ask in (
        lambda: graaf.stats(),
        lambda: graaf.gaps(ernst="enorm"),
        lambda: graaf.overlaps(langs="kleur"),
        lambda: graaf.export("alles").render("csv"),
        lambda: graaf.stats().render("pdf"),
    ):
        with pytest.raises(KennisgraafError):
            ask()
    assert not (tmp_path / "cache").exists()


def test_result_forms_agree(kg):
    result = kg.query("producten-van-thema", thema="zzs")
    table = result.to_table(labels=False)
    assert result.rows == table.rows and result.columns == table.columns
    assert len(result.records()) == len(result.rows) > 0
    assert result.render("csv").splitlines()[0] == ",".join(result.columns)
    assert isinstance(result.render("xlsx"), bytes)


def test_gap_filters_live_in_the_api(kg):
    every = kg.gaps().raw
    heavy = kg.gaps(ernst="middel").raw
    assert heavy and len(heavy) < len(every)
    assert {f.severity for f in heavy} <= {"hoog", "middel"}
    mine = kg.gaps(regisseur="Suzanne Giardina").raw
    assert 0 < len(mine) < len(every)
    kinds = {f.kind for f in every}
    one = sorted(kinds)[0]
    assert {f.kind for f in kg.gaps(soort=[one]).raw} == {one}


#: every CLI command → how the API gives its behaviour (a new command must be added here)
COMMANDS = {
    "build": "Kennisgraaf.build",
    "validate": "Kennisgraaf.validate",
    "stats": "Kennisgraaf.stats",
    "query": "Kennisgraaf.query / .run_file / .list_queries",
    "sparql": "Kennisgraaf.sparql / .prefixes",
    "export": "Kennisgraaf.export",
    "overlap": "Kennisgraaf.overlaps",
    "gaps": "Kennisgraaf.gaps",
    "rapport": "Kennisgraaf.rapport",
    "view": "Kennisgraaf.view / .views",
    "themakaart": "Kennisgraaf.themakaart",
    "vergelijk": "Kennisgraaf.vergelijk",
    "nieuw-jaar": "Kennisgraaf.nieuw_jaar",
    "werkboek": "Kennisgraaf.werkboek",
    "inlezen": "Kennisgraaf.inlezen",
    "scan": "Kennisgraaf.scan",
    "serve": "Kennisgraaf.server",
    "publish": "Kennisgraaf.publish",
    "site": "Kennisgraaf.site",
    "zoek": "Kennisgraaf.zoek",
}


def test_every_command_has_its_api():
    import typer.main

    assert set(typer.main.get_command(app).commands) == set(COMMANDS)
    for where in COMMANDS.values():
        for name in where.replace("Kennisgraaf", "").split(" / "):
            assert callable(getattr(api.Kennisgraaf, name.strip(". "))), where


def _screen(result, alles=False):
    return result.render("table", alles=alles, width=100, terminal=False)


#: (command line, the same through the API): each command's output equals rendering the API's result
SAME = [
    (["stats"], lambda kg: _screen(kg.stats())),
    (["stats", "--format", "json"], lambda kg: kg.stats().render("json")),
    (["stats", "--tabel", "tellingen", "-f", "md"], lambda kg: kg.stats("tellingen").render("md")),
    (["query", "--list"], lambda kg: _screen(kg.list_queries())),
    (["query", "regisseurs"], lambda kg: _screen(kg.query("regisseurs"))),
    (
        ["query", "producten-van-thema", "-p", "thema=Waterkwaliteit", "-f", "csv"],
        lambda kg: kg.query("producten-van-thema", thema="Waterkwaliteit").render("csv"),
    ),
    (
        ["query", "oplevering-per-kwartaal", "-p", "kwartaal=Q2", "-f", "json"],
        lambda kg: kg.query("oplevering-per-kwartaal", kwartaal="Q2").render("json"),
    ),
    (["query", "thema-overzicht", "--alles"], lambda kg: _screen(kg.query("thema-overzicht"), alles=True)),
    (
        ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv"],
        lambda kg: kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").render("csv"),
    ),
    (["sparql", "--explain", "-f", "md"], lambda kg: kg.prefixes().render("md")),
    (["export", "producten"], lambda kg: kg.export("producten").render("csv")),
    (["export", "alles", "--format", "json"], lambda kg: kg.export("alles").render("json")),
    (["overlap"], lambda kg: _screen(kg.overlaps())),
    (["overlap", "--matrix", "-f", "csv"], lambda kg: kg.overlaps(matrix=True).render("csv")),
    (["gaps", "-f", "csv"], lambda kg: kg.gaps().render("csv")),
    (
        ["gaps", "--regisseur", "Suzanne Giardina", "--ernst", "middel", "-f", "md"],
        lambda kg: kg.gaps(ernst="middel", regisseur="Suzanne Giardina").render("md"),
    ),
    (["gaps", "--thema", "zzs", "-f", "json"], lambda kg: kg.gaps(thema="zzs").render("json")),
    (["rapport"], lambda kg: kg.rapport("md")),
    (["validate", "-f", "csv"], lambda kg: kg.validate().render("csv")),
]


@pytest.mark.parametrize(("args", "through_api"), SAME, ids=[" ".join(a[:2]) for a, _ in SAME])
def test_command_output_is_the_api_result_rendered(args, through_api, kg, cache_dir, monkeypatch):
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    extra = [] if args[0] == "validate" or "--list" in args or "--explain" in args else ["-q"]
    result = CliRunner().invoke(app, args + extra, env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == through_api(kg)


def test_written_documents_are_the_api_documents(kg, tmp_path, cache_dir, monkeypatch):
    """rapport --out, view --out and themakaart --out-dir write what the API writes."""
    monkeypatch.setenv("KENNISGRAAF_CACHE_DIR", str(cache_dir))
    runner = CliRunner()
    cli, mine = tmp_path / "cli", tmp_path / "api"
    runner.invoke(app, ["rapport", "-q", "--out", str(cli / "r.html")], catch_exceptions=False)
    assert (cli / "r.html").read_text(encoding="utf-8") == kg.rapport("html")
    runner.invoke(app, ["view", "thema", "-t", "zzs", "-q", "--out", str(cli / "v.html")], catch_exceptions=False)
    done = kg.view("thema", "zzs", mine / "v.html")
    assert (cli / "v.html").read_bytes() == done.path.read_bytes()
    runner.invoke(app, ["themakaart", "-t", "zzs", "--geen-pdf", "-q", "-o", str(cli / "k")], catch_exceptions=False)
    [card] = kg.themakaart(mine / "k", "zzs", pdf=False)
    assert [p.name for p in card.files] == sorted(p.name for p in (cli / "k").iterdir())
    assert card.files[0].read_bytes() == (cli / "k" / card.files[0].name).read_bytes()


def test_readme_python_example_is_true(build_2026, cache_dir, monkeypatch):
    """The README's "Python" section runs as a doctest: the three lines and their answer."""
    from pathlib import Path

    monkeypatch.setenv("KENNISGRAAF_CACHE_DIR", str(cache_dir))
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Python\n", 1)[1].split("```pycon\n", 1)[1].split("```", 1)[0]
    test = doctest.DocTestParser().get_doctest(block, {}, "README.md#python", "README.md", 0)
    assert len(test.examples) == 3
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
