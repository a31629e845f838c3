"""The analysis network and results kept beside a build (analysis/precomputed.py): read back
exactly as computed, recomputed when damaged or when the build is not a cached one, per year."""

from __future__ import annotations

import pytest

from kennisgraaf.access import ensure_build
from kennisgraaf.analysis import _analyse, analyse, network, precomputed
from kennisgraaf.analysis.overlap import parse_axes
from kennisgraaf.analysis.years import scope
from kennisgraaf.cache import DERIVED_DIR, entry_of
from kennisgraaf.sources import DataFolder
from kennisgraaf.store import OxigraphStore


def _same_graph(a, b) -> bool:
    """Equal nodes, edges and attributes, in the same order (the reports print in that order)."""
    strip = {k: v for k, v in a.graph.items() if k != precomputed.SOURCE}
    other = {k: v for k, v in b.graph.items() if k != precomputed.SOURCE}
    return (
        list(a.nodes(data=True)) == list(b.nodes(data=True))
        and list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
        and strip == other
    )


@pytest.fixture()
def build(tmp_path):
    """A build of the shipped data of its own, so damaging its files harms no other test."""
    return ensure_build(None, tmp_path / "cache")


def _derived(entry):
    return sorted((entry.folder / DERIVED_DIR).glob("*.pickle"))


def test_the_network_is_kept_and_read_back_as_computed(build):
    texts = DataFolder.resolve(None).sources_texts_dir
    store = build.entry.open()
    assert entry_of(store) is not None
    fresh = network.load_network(store, texts)
    first = precomputed.load_network(store, texts)
    kept = _derived(build.entry)
    assert [p.name.split("-")[0] for p in kept] == ["netwerk"]
    again = precomputed.load_network(build.entry.open(), texts)
    assert first is not again
    assert _same_graph(fresh, first) and _same_graph(fresh, again)
    build.entry.verify()  # what is kept beside the build does not make the build look damaged


def test_a_damaged_kept_network_is_computed_again(build):
    texts = DataFolder.resolve(None).sources_texts_dir
    store = build.entry.open()
    fresh = network.load_network(store, texts)
    precomputed.load_network(store, texts)
    (kept,) = _derived(build.entry)
    data = bytearray(kept.read_bytes())
    data[-10] ^= 0xFF
    kept.write_bytes(bytes(data))
    assert build.entry.derived(kept.name) is None
    assert _same_graph(fresh, precomputed.load_network(store, texts))
    assert build.entry.derived(kept.name) is not None  # and written whole again


def test_a_store_not_opened_from_the_cache_is_not_cached(build):
    texts = DataFolder.resolve(None).sources_texts_dir
    loose = OxigraphStore(build.entry.graph_file)
    assert entry_of(loose) is None
    got = precomputed.load_network(loose, texts)
    assert precomputed.SOURCE not in got.graph
    assert _derived(build.entry) == []


def test_analysis_is_kept_per_year_and_equals_a_fresh_one(jaren_root, tmp_path):
    report = ensure_build(jaren_root, tmp_path / "cache")
    texts = DataFolder.resolve(jaren_root).sources_texts_dir
    everything = precomputed.load_network(report.entry.open(), texts)
    results = {}
    for jaar in (2026, 2027):
        scoped = scope(everything, jaar)
        results[jaar] = analyse(scoped)
        assert results[jaar] == _analyse(scoped, parse_axes(None), 10)
    assert results[2026] != results[2027]
    kept = [p.name.split("-")[0] for p in _derived(report.entry)]
    assert kept.count("analyse") == 2
    # a later command reads both back, each for its own year
    again = precomputed.load_network(report.entry.open(), texts)
    for jaar in (2026, 2027):
        assert analyse(scope(again, jaar)) == results[jaar]
    assert [p.name.split("-")[0] for p in _derived(report.entry)].count("analyse") == 2


def test_other_options_are_other_analyses(build):
    texts = DataFolder.resolve(None).sources_texts_dir
    net = precomputed.load_network(build.entry.open(), texts)
    assert analyse(net, "onderwerpen").axes == ("onderwerpen",)
    assert analyse(net).axes == parse_axes(None)


def test_a_name_index_is_kept_and_gives_the_same_answers(build):
    from kennisgraaf.resolve import index, resolve

    store = build.entry.open()
    fresh = index(store, "thema")
    assert resolve(store, "thema", "zzs") == resolve(OxigraphStore(build.entry.graph_file), "thema", "zzs")
    kept = [p for p in _derived(build.entry) if p.name.startswith("namen-")]
    assert len(kept) == 1
    again = build.entry.open()
    assert resolve(again, "thema", "Waterkwaliteit").value.endswith("/waterkwaliteit")
    assert [p for p in _derived(build.entry) if p.name.startswith("namen-")] == kept
    from kennisgraaf.derived import read

    assert read(build.entry, kept[0].name) == fresh
