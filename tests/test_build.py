"""The build pipeline: load → validate → reason → cache, and every kind of bad input."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kennisgraaf.access import ensure_build
from kennisgraaf.cache import KEEP_PER_FOLDER, Cache
from kennisgraaf.cli import app
from kennisgraaf.errors import DataFolderError, SourceError, ValidationFailed
from kennisgraaf.store import OxigraphStore

runner = CliRunner()
PLAN = "graph/plans/2026/proef.ttl"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_mini_build_reasons_and_caches(mini_data, tmp_path):
    cache = tmp_path / "cache"
    first = ensure_build(mini_data, cache)
    assert not first.from_cache
    assert first.inferred > 0
    assert set(first.seconds) == {"inlezen", "valideren", "redeneren", "opslaan"}
    second = ensure_build(mini_data, cache)
    assert second.from_cache, "an unchanged source must not be re-reasoned"
    assert second.entry.folder == first.entry.folder


def test_touched_source_rebuilds(mini_data, tmp_path):
    cache = tmp_path / "cache"
    first = ensure_build(mini_data, cache)
    plan = mini_data / PLAN
    plan.write_text(plan.read_text() + "\n# a comment changes the hash\n")
    second = ensure_build(mini_data, cache)
    assert not second.from_cache
    assert second.entry.folder != first.entry.folder


def test_property_chain_infers_a_triple_not_in_the_sources(mini_data, tmp_path):
    store = OxigraphStore(ensure_build(mini_data, tmp_path / "c").entry.graph_file)
    ask = """ASK { GRAPH <https://w3id.org/kennisgraaf/graph/inferred> {
                 thema:energietransitie kn:raaktOnderwerp onderwerp:waterstof } }"""
    assert store.ask(ask)
    # and through the transitive broader topic, the wider topic too
    assert store.ask("ASK { thema:energietransitie kn:raaktOnderwerp onderwerp:energiedragers }")
    assert store.ask("ASK { thema:energietransitie kn:werktMet organisatie:rivm }")
    # none of these is stated in any source graph
    asserted = """ASK { GRAPH ?g { thema:energietransitie kn:raaktOnderwerp ?x }
                  FILTER(?g != <https://w3id.org/kennisgraaf/graph/inferred>) }"""
    assert not store.ask(asserted)


def test_turtle_syntax_error_names_file_and_line(mini_data, tmp_path):
    plan = mini_data / PLAN
    lines = plan.read_text().splitlines()
    lines[30] = lines[30] + ' "unterminated'
    plan.write_text("\n".join(lines) + "\n")
    with pytest.raises(SourceError) as err:
        ensure_build(mini_data, tmp_path / "c")
    assert str(err.value).startswith(f"{PLAN}:31: ")
    result = invoke("build", "--data", mini_data, "--cache-dir", tmp_path / "c")
    assert result.exit_code == 2
    assert f"{PLAN}:31:" in result.output
    assert "Traceback" not in result.output


def test_shacl_violation_lists_node_property_and_file(mini_data, tmp_path):
    plan = mini_data / PLAN
    plan.write_text(plan.read_text().replace('kn:budget "15000"^^xsd:decimal', 'kn:budget "-5"^^xsd:decimal'))
    with pytest.raises(ValidationFailed) as err:
        ensure_build(mini_data, tmp_path / "c")
    [problem] = [v for v in err.value.violations if v.is_error]
    assert problem.label == "Kennisopbouw waterstof (proef)"
    assert problem.path == "kn:budget"
    assert problem.source == PLAN
    assert problem.line == 194
    result = invoke("validate", "--data", mini_data)
    assert result.exit_code == 1
    assert "kn:budget" in result.output and "proef.ttl" in result.output


def test_failed_build_keeps_last_good_cache(mini_data, tmp_path):
    cache = tmp_path / "cache"
    good = ensure_build(mini_data, cache)
    before = sorted(p.name for p in cache.iterdir())
    good_bytes = good.entry.graph_file.read_bytes()
    plan = mini_data / PLAN
    plan.write_text(plan.read_text() + "\nthis is not turtle\n")
    with pytest.raises(SourceError):
        ensure_build(mini_data, cache)
    assert sorted(p.name for p in cache.iterdir()) == before
    assert good.entry.graph_file.read_bytes() == good_bytes


def test_unknown_and_empty_data_folders(tmp_path):
    with pytest.raises(DataFolderError, match="bestaat niet"):
        ensure_build(tmp_path / "nope", tmp_path / "c")
    (tmp_path / "leeg").mkdir()
    with pytest.raises(DataFolderError, match="geen Turtle-bronnen"):
        ensure_build(tmp_path / "leeg", tmp_path / "c")
    result = invoke("stats", "--data", tmp_path / "nope")
    assert result.exit_code == 2
    assert "datamap bestaat niet" in result.output


def test_cache_prunes_old_builds(tmp_path):
    cache = Cache(tmp_path)
    (tmp_path / "weergaven").mkdir()  # not a build: never pruned
    for n in range(8):
        cache.store(f"k{n}", lambda folder: (folder / "graph.nq").write_bytes(b""), {"n": n, "data": "/een/datamap"})
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == [f"k{n}" for n in range(8 - KEEP_PER_FOLDER, 8)] + ["weergaven"]


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "kn:partner organisatie:rivm",
            "kn:partner organisatie:rivn",
            "Verwijzing naar iets zonder naam (ongelabelde-verwijzing-violation.rq)",
        ),
        (
            "kn:bronRegel 194",
            "kn:bronRegel 99999",
            "regel 99999 bestaat niet in 2026/kennisplan-2026-energietransitie.txt",
        ),
        (
            "kn:kwartaal kwartaal:2026-Q4 ;",
            "kn:kwartaal kwartaal:2026-Q4 , kwartaal:2026-Q3 ; kn:startKwartaal kwartaal:2026-Q4 ; "
            "kn:eindKwartaal kwartaal:2026-Q3 ;",
            "Planning die eindigt voor ze begint",
        ),
        (
            "kn:kwartaal kwartaal:2026-Q4 ;",
            "kn:kwartaal kwartaal:2026-Q2 , kwartaal:2026-Q4 ; kn:startKwartaal kwartaal:2026-Q2 ; "
            "kn:eindKwartaal kwartaal:2026-Q4 ;",
            "Span zonder zijn eigen kwartalen",
        ),
    ],
)
def test_integrity_checks_fail_the_build(mini_data, tmp_path, old, new, message):
    plan = mini_data / PLAN
    text = plan.read_text()
    assert old in text
    plan.write_text(text.replace(old, new))
    with pytest.raises(ValidationFailed) as err:
        ensure_build(mini_data, tmp_path / "c")
    messages = [v.message for v in err.value.violations if v.is_error]
    assert any(message in m for m in messages), messages


def test_disk_store_holds_exactly_the_quads_of_the_nquads(build_2026):
    """The store is written from memory quad by quad, no longer from the dumped N-Quads:
    both files of one build must still say the same, graph names and blank nodes included."""
    import gc

    import pyoxigraph as ox

    entry = build_2026.entry
    from_file = ox.Store()
    from_file.bulk_load(path=str(entry.graph_file), format=ox.RdfFormat.N_QUADS)
    disk = ox.Store.read_only(str(entry.store_dir))
    try:
        canon = ox.RdfFormat.N_QUADS
        assert len(disk) == len(from_file) == entry.manifest["quads"]
        disk_lines = sorted(ox.serialize(disk, format=canon).splitlines())
        file_lines = sorted(ox.serialize(from_file, format=canon).splitlines())
        assert _without_blank_ids(disk_lines) == _without_blank_ids(file_lines)
        blanks = sum(1 for q in disk if isinstance(q.subject, ox.BlankNode))
        assert blanks == sum(1 for q in from_file if isinstance(q.subject, ox.BlankNode)) > 0
    finally:
        del disk
        gc.collect()


def _without_blank_ids(lines: list[bytes]) -> list[bytes]:
    import re

    return sorted(re.sub(rb"_:[A-Za-z0-9]+", b"_:b", line) for line in lines)


def test_workspace_keeps_a_blank_node_two_graphs_share():
    """An RDF list whose cells are stated in two files is one list for the rules (one node,
    not one copy per graph), as it was when the workspace was one re-parsed document."""
    import pyoxigraph as ox

    from kennisgraaf.rules import workspace

    store = ox.Store()
    cell, p = ox.BlankNode(), ox.NamedNode("urn:p")
    a, b = ox.NamedNode("urn:g:a"), ox.NamedNode("urn:g:b")
    store.add(ox.Quad(ox.NamedNode("urn:s"), p, cell, a))
    store.add(ox.Quad(cell, ox.NamedNode("urn:q"), ox.Literal("x"), b))
    store.add(ox.Quad(ox.NamedNode("urn:elders"), p, ox.Literal("niet meegenomen"), ox.NamedNode("urn:g:c")))
    work = workspace(store, [a, b])
    assert len(work) == 2 and not list(work.named_graphs())
    [row] = work.query("SELECT ?v WHERE { <urn:s> <urn:p> ?l . ?l <urn:q> ?v }")
    assert row["v"] == ox.Literal("x")


@pytest.mark.parametrize("parallel", [True, False])
def test_validation_and_reasoning_side_by_side_keep_their_order(mini_data, tmp_path, monkeypatch, parallel):
    """A big build validates in a forked process while it reasons (issue 12); what it reports
    stays as when one came after the other: a validation error wins over a contradiction in
    the same data, a contradiction alone fails the build, and neither leaves a build behind."""
    from kennisgraaf import build
    from kennisgraaf.reason import InconsistentGraph

    monkeypatch.setattr(build, "PARALLEL_FROM", 0 if parallel else 10**9)
    plan = mini_data / PLAN
    good = plan.read_text()
    # a handover is a prov:Entity (ontology); said to be disjoint from it, the plan contradicts
    contradiction = (
        "\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix prov: <http://www.w3.org/ns/prov#> .\n"
        "kn:Regieoverdracht owl:disjointWith prov:Entity .\n"
    )
    plan.write_text(good.replace('kn:budget "15000"^^xsd:decimal', 'kn:budget "-5"^^xsd:decimal') + contradiction)
    cache = tmp_path / "c"
    with pytest.raises(ValidationFailed) as err:
        ensure_build(mini_data, cache)
    assert any(v.is_error and v.path == "kn:budget" for v in err.value.violations)
    report = None
    plan.write_text(good + contradiction)
    with pytest.raises(InconsistentGraph, match="is lid van zowel"):
        report = ensure_build(mini_data, cache)
    assert report is None and not (cache.exists() and Cache(cache).builds())
    plan.write_text(good)
    built = ensure_build(mini_data, cache)
    assert list(built.seconds) == ["inlezen", "valideren", "redeneren", "opslaan"]


def test_a_failed_validation_process_validates_again_in_the_build(mini_data, tmp_path, monkeypatch):
    """Whatever goes wrong in the validation process (a source changed since the build began,
    an error that does not pickle, a lost process), the build validates again in its own
    process and reports the usual error."""
    from kennisgraaf import build

    monkeypatch.setattr(build, "PARALLEL_FROM", 0)
    plan = mini_data / PLAN
    plan.write_text(plan.read_text().replace('kn:budget "15000"^^xsd:decimal', 'kn:budget "-5"^^xsd:decimal'))
    # the key the build computes is not the one the process computes (in a fresh interpreter,
    # without this patch): the process refuses, as for a source changed during the build
    monkeypatch.setattr(build, "cache_key", lambda *args: "veranderd")
    here = []
    real = build._validate
    monkeypatch.setattr(build, "_validate", lambda store, folder: here.append(1) or real(store, folder))
    with pytest.raises(ValidationFailed) as err:
        ensure_build(mini_data, tmp_path / "c")
    assert here == [1], "validated again in the build's own process"
    assert [v.path for v in err.value.violations if v.is_error] == ["kn:budget"]
