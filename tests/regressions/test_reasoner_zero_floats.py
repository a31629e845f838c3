"""Zero float and double literals ("0.0", 0E1, "-0.0") are no contradiction.

owlrl's datatype check (dt-not-type) reads a zero float as not matching its datatype, and
the build failed with "de graaf is tegenstrijdig". Only real contradictions may fail it."""

from __future__ import annotations

import pytest

from kennisgraaf.access import ensure_build
from kennisgraaf.reason import InconsistentGraph
from kennisgraaf.store import OxigraphStore

ZEROS = """@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
# measurements that happen to be zero
ex:meting ex:float "0.0"^^xsd:float ; ex:double 0E1 ; ex:negatief "-0.0"^^xsd:double ; ex:half 0.5E0 .
"""


@pytest.mark.parametrize("reasoner", ["rules", "owlrl"])
def test_zero_floats_build(mini_data, tmp_path, reasoner):
    (mini_data / "graph" / "registers" / "metingen.ttl").write_text(ZEROS, encoding="utf-8")
    report = ensure_build(mini_data, tmp_path / "cache", reasoner=reasoner)
    store = OxigraphStore(report.entry.graph_file)
    assert store.ask("ASK { <http://example.org/meting> <http://example.org/double> ?d FILTER(?d = 0) }")


@pytest.mark.parametrize("reasoner", ["rules", "owlrl"])
def test_a_real_contradiction_still_fails(mini_data, tmp_path, reasoner):
    (mini_data / "graph" / "registers" / "fout.ttl").write_text(
        ZEROS + "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "ex:Meting owl:disjointWith ex:Schatting .\nex:meting a ex:Meting , ex:Schatting .\n",
        encoding="utf-8",
    )
    with pytest.raises(InconsistentGraph, match="example.org/meting"):
        ensure_build(mini_data, tmp_path / "cache", reasoner=reasoner)
