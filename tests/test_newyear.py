"""`kennisgraaf nieuw-jaar`: next year's plan file from this year's, for the curator to edit."""

from __future__ import annotations

import re
import shutil

import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.errors import KennisgraafError
from kennisgraaf.namespaces import KN
from kennisgraaf.newyear import copy_plan, new_year
from kennisgraaf.sources import DataFolder, shipped_root

runner = CliRunner()
ZZS_2026 = shipped_root() / "graph" / "plans" / "2026" / "zeer-zorgwekkende-stoffen.ttl"
CE_2026 = shipped_root() / "graph" / "plans" / "2026" / "circulaire-economie.ttl"


def _parse(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


@pytest.mark.parametrize("source", [ZZS_2026, CE_2026], ids=["zzs", "ce"])
def test_copy_changes_the_year_clears_lines_and_links_every_item(source):
    old = _parse(source.read_text(encoding="utf-8"))
    text, links, cleared = copy_plan(source.read_text(encoding="utf-8"), 2026, 2027)
    new = _parse(text)
    assert not list(new.objects(None, URIRef(KN.bronRegel)))
    assert cleared == len(list(old.objects(None, URIRef(KN.bronRegel))))
    linked_kinds = {URIRef(KN + k) for k in ("Kennisplan", "Kennisproduct", "Regieoverdracht")}
    old_items = {
        s
        for s, o in old.subject_objects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))
        if o in linked_kinds
    }
    vervolg = dict(new.subject_objects(URIRef(KN.vervolgOp)))
    assert links == len(old_items) == len(vervolg)
    assert set(vervolg.values()) == old_items
    for new_iri, old_iri in vervolg.items():
        assert str(new_iri) == str(old_iri).replace("2026-", "2027-", 1)
    years = {str(o) for o in new.objects(None, URIRef(KN.jaar))}
    assert years == {"2027"}

    def shifted(graph, years):
        return {
            re.sub(r"/(\d{4})-Q", lambda m: f"/{int(m.group(1)) + years}-Q", str(q))
            for q in graph.objects(None, URIRef(KN.kwartaal))
        }

    assert shifted(old, 1) == shifted(new, 0) and shifted(new, 0)
    # recurring things keep their IRI
    partners = URIRef(KN.partner)
    assert set(new.objects(None, partners)) == set(old.objects(None, partners))


def test_the_draft_names_its_own_source_document():
    text, _, _ = copy_plan(ZZS_2026.read_text(encoding="utf-8"), 2026, 2027)
    assert 'kn:bestandsnaam "2027/kennisplan-2027-zeer-zorgwekkende-stoffen.txt"' in text
    assert text.startswith("# DRAFT 2027:")


def test_command_writes_the_file_and_never_overwrites(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(shipped_root() / "ontology", root / "ontology")
    shutil.copytree(shipped_root() / "graph", root / "graph")
    args = ["nieuw-jaar", "2027", "--thema", "ZZS", "--data", str(root)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    target = root / "graph" / "plans" / "2027" / "zeer-zorgwekkende-stoffen.ttl"
    # 23 lines: 20 of the products and meetings + 3 of the kn:Samenwerking blocks (issue 16)
    assert target.is_file() and "13 vervolgOp-links, 23 planregels leeggemaakt" in first.output
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "bestaat al" in again.output and "Traceback" not in again.output
    # the draft is valid Turtle; validate lists each cleared line as the curator's to-do
    result = runner.invoke(app, ["validate", "--data", str(root), "--format", "csv"])
    todo = [line for line in result.stdout.splitlines() if "kn:bronRegel" in line and "2027" in line]
    assert len(todo) >= 12, result.stdout


def test_no_earlier_plan_is_one_message(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(shipped_root() / "ontology", root / "ontology")
    shutil.copytree(shipped_root() / "graph", root / "graph")
    with pytest.raises(KennisgraafError, match=re.escape("geen plan voor thema 'bodem-en-ondergrond' vóór 2027")):
        new_year(DataFolder.resolve(root), 2027, "bodem-en-ondergrond")
