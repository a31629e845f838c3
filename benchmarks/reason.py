"""Time the reasoners: the ontology's rules on Oxigraph against owlrl, medians and ratios.

    python benchmarks/reason.py [--runs 3] [--sizes 2026,10000,100000] [--owlrl-max 100000]

Each size is the ontology plus asserted triples only: the 2026 data as built, or the graph of
benchmarks/synth.py at the scale that gives about that many triples, less the theme-level
triples synth.py writes in the reasoner's place (so the reasoner has to derive them).
Both reasoners get the same pyoxigraph Store through `reason.materialise`; owlrl's time
includes the conversion to rdflib, which is part of what it costs in the build. Sizes above
--owlrl-max run the rules only (owlrl takes minutes there). The machines are shared and
noisy: read medians and ratios, not single figures.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from synth import generate

from kennisgraaf.namespaces import GRAPH_BASE, KN
from kennisgraaf.reason import materialise
from kennisgraaf.sources import DataFolder

#: what synth.py writes directly although the ontology entails it
PRE_INFERRED = {KN.vanThema, KN.raaktOnderwerp, KN.werktMet, KN.noemtWet, KN.verwantMet}
TRIPLES_PER_SCALE = 3100  # synth.py at --scale 1, less PRE_INFERRED


def store_2026() -> ox.Store:
    store = ox.Store()
    for source in DataFolder.resolve(None).sources():
        store.bulk_load(path=str(source.path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(source.graph_iri))
    return store


def store_synth(size: int) -> ox.Store:
    store = ox.Store()
    ontology = DataFolder.resolve(None).ontology_dir / "kennisgraaf.ttl"
    store.bulk_load(path=str(ontology), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH_BASE + "ontologie"))
    scale = max(1, round(size / TRIPLES_PER_SCALE))
    store.bulk_extend(q for q in generate(scale) if q.predicate.value not in PRE_INFERRED)
    return store


def fresh(make):
    """A function that reasons over a new copy of the store each call (materialise mutates it)."""
    template = make()
    dump = template.dump(format=ox.RdfFormat.N_QUADS)

    def copy() -> ox.Store:
        store = ox.Store()
        store.bulk_load(dump, format=ox.RdfFormat.N_QUADS)
        return store

    return len(template), copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="2026,10000,100000")
    parser.add_argument("--owlrl-max", type=int, default=100_000)
    args = parser.parse_args()
    print(f"{'grootte':>10} {'asserted':>9} {'afgeleid':>9} {'rules (s)':>10} {'owlrl (s)':>10} {'ratio':>7}")
    for size in args.sizes.split(","):
        asserted, copy = fresh(store_2026 if size == "2026" else lambda s=int(size): store_synth(s))

        def timed(mode: str, copy=copy):
            def once():
                store = copy()
                started = time.perf_counter()
                count = materialise(store, mode=mode)
                return time.perf_counter() - started, count

            runs = [once() for _ in range(args.runs)]
            return sorted(r[0] for r in runs)[len(runs) // 2], runs[-1][1]

        rules_s, inferred = timed("rules")
        owlrl_s = None
        if size == "2026" or int(size) <= args.owlrl_max:
            owlrl_s, owlrl_count = timed("owlrl")
            if owlrl_count != inferred:
                print(f"  let op: owlrl leidt {owlrl_count} triples af, de regels {inferred}", file=sys.stderr)
        ratio = f"{owlrl_s / rules_s:6.1f}×" if owlrl_s else "-"
        owlrl_text = f"{owlrl_s:10.2f}" if owlrl_s else f"{'-':>10}"
        print(f"{size:>10} {asserted:>9} {inferred:>9} {rules_s:10.2f} {owlrl_text} {ratio:>7}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"piek-RSS van dit proces: {peak:.0f} MB; mediaan van {args.runs} runs; gedeelde machine", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
