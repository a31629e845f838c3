"""Issue 12: a slow SELECT on a cached build is kept beside it and read back, so a warm
`stats` at 1 M triples takes 1 s, not 16 s; what is read back is the answer itself."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kennisgraaf import store as store_module
from kennisgraaf.access import ensure_build
from kennisgraaf.store import OxigraphStore

QUERY = "SELECT ?t (COUNT(?p) AS ?n) WHERE { ?p kn:inPlan/kn:thema ?t } GROUP BY ?t ORDER BY ?t"


@pytest.fixture
def opened(mini_data, tmp_path):
    return ensure_build(mini_data, tmp_path / "c").entry


def kept_answers(entry):
    folder = entry.folder / "afgeleid"
    return sorted(p.name for p in folder.glob("antwoord-*")) if folder.is_dir() else []


def test_a_slow_answer_is_kept_and_read_back(opened, monkeypatch):
    monkeypatch.setattr(store_module, "KEEP_ANSWER_AFTER", 0.0)
    fresh = opened.open().select(QUERY)
    assert fresh.rows and len(kept_answers(opened)) == 1
    store = opened.open()
    monkeypatch.setattr(OxigraphStore, "_query", lambda self, q: pytest.fail("asked again"))
    assert store.select(QUERY) == fresh


def test_each_bound_value_and_each_build_has_its_own_answer(opened, monkeypatch):
    monkeypatch.setattr(store_module, "KEEP_ANSWER_AFTER", 0.0)
    store = opened.open()
    some = store.select(QUERY, {"t": ox.NamedNode("https://w3id.org/kennisgraaf/id/thema/energietransitie")})
    none = store.select(QUERY, {"t": ox.NamedNode("https://w3id.org/kennisgraaf/id/thema/geen")})
    assert some.rows and not none.rows
    assert len(kept_answers(opened)) == 2


def test_a_quick_or_big_answer_and_a_store_in_memory_keep_nothing(opened, monkeypatch):
    opened.open().select(QUERY)  # well under the 0.2 s
    monkeypatch.setattr(store_module, "KEEP_ANSWER_AFTER", 0.0)
    monkeypatch.setattr(store_module, "KEEP_ANSWER_ROWS", 0)
    opened.open().select(QUERY)
    assert kept_answers(opened) == []
    OxigraphStore(opened.graph_file).select(QUERY)
    assert kept_answers(opened) == []
