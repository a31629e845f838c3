"""The word index that makes `sentence_form` linear finds exactly what a plain substring scan
at word edges finds, and the per-network memo is read again when the network changes."""

from __future__ import annotations

import re

import networkx as nx

from kennisgraaf.analysis.graph import memo, nodes_of
from kennisgraaf.analysis.textlines import PlanTexts, _find, _word_edges
from kennisgraaf.analysis.wordstarts import WordStarts

TRICKY = (
    "Bodem en bodemkwaliteit; de Bodem-kwaliteit, Bodemsanering. Water_kwaliteit, water "
    "Waterkwaliteit\nWaterkwaliteit: ijzer-Bodem Bodem2 é Émissies émissies Ⓐx (Bodem) Bodem"
)


def _plain(text: str, name: str) -> list[int]:
    return [i for i in _find(text, name) if _word_edges(text, i, len(name))]


def _indexed(text: str, name: str) -> list[int]:
    return [i for i in WordStarts(text).find(name, _find) if _word_edges(text, i, len(name))]


def test_same_matches_as_the_plain_scan_on_tricky_text() -> None:
    names = ["Bodem", "bodem", "Bodem-kwaliteit", "Water", "water", "Waterkwaliteit", "Émissies", "Ⓐx", "x", "-"]
    for name in names:
        assert _indexed(TRICKY, name) == _plain(TRICKY, name), name
    assert len(_plain(TRICKY, "Bodem")) == 3  # the test text does exercise matches


def test_same_matches_on_the_shipped_plan_texts() -> None:
    text = PlanTexts()._all_text()
    names = sorted(set(re.findall(r"[A-Z][\w-]+(?: [\w-]+)?", text)))
    assert len(names) > 100
    words = WordStarts(text)
    for name in names:
        lower = name[0].lower() + name[1:]
        for form in (name, lower):
            found = [i for i in words.find(form, _find) if _word_edges(text, i, len(form))]
            assert found == _plain(text, form), form


def test_memo_reads_again_when_the_network_grows() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", kind="thema")
    assert nodes_of(g, "thema") == ["a"]
    g.add_node("b", kind="thema")
    assert nodes_of(g, "thema") == ["a", "b"]
    calls = []
    assert memo(g, "x", lambda: calls.append(1) or len(calls)) == 1
    assert memo(g, "x", lambda: calls.append(1) or len(calls)) == 1
    assert calls == [1]
