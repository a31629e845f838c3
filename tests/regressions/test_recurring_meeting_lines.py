"""Regression: a meeting named by the plans of two years was checked against every plan's text.

A recurring meeting keeps its IRI across years, so one node carries both plans' kn:inPlan and
kn:bronRegel. `validate` checked every line against every plan's text, and blamed the 2026
file for the 2027 lines ("regel 342 bestaat niet in 2027/..."). Each plan file states its own
line in its own named graph; the check and the analysis now pair them per graph.
"""

from __future__ import annotations

from kennisgraaf.analysis.years import scope
from kennisgraaf.load import load
from kennisgraaf.sources import DataFolder
from kennisgraaf.validate import validate

MEETING = "https://w3id.org/kennisgraaf/id/overleg/bovenregionaal-overleg-zzs"


def test_each_plan_line_is_checked_against_its_own_plan(jaren27_root):
    folder = DataFolder.resolve(jaren27_root)
    errors = [v for v in validate(load(folder), folder) if v.is_error]
    assert errors == []


def test_a_wrong_2027_line_is_blamed_on_the_2027_file(jaren27_root, tmp_path):
    import shutil

    root = tmp_path / "data"
    shutil.copytree(jaren27_root, root)
    plan = root / "graph" / "plans" / "2027" / "zeer-zorgwekkende-stoffen.ttl"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("kn:bronRegel 35 ;", "kn:bronRegel 350 ;"), encoding="utf-8"
    )
    folder = DataFolder.resolve(root)
    errors = [v for v in validate(load(folder), folder) if v.is_error]
    assert [(v.node, v.source, v.line) for v in errors] == [
        (MEETING, "graph/plans/2027/zeer-zorgwekkende-stoffen.ttl", 350)
    ]
    assert "2027/kennisplan-2027-zeer-zorgwekkende-stoffen.txt" in errors[0].message


def test_the_meeting_cites_the_line_of_the_year_shown(jaren27_network):
    assert scope(jaren27_network, 2026).nodes[MEETING]["bron"] == "kennisplan-2026-zeer-zorgwekkende-stoffen.txt:342"
    assert scope(jaren27_network, 2027).nodes[MEETING]["bron"] == "kennisplan-2027-zeer-zorgwekkende-stoffen.txt:35"
