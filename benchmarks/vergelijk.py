"""Time `kennisgraaf vergelijk`: on the plan-years fixture and on a synthetic two-year graph.

    python benchmarks/vergelijk.py [--runs 5] [--scale 20] [--big-runs 3]

Per graph, medians over the runs, in process:
  load      load_network(store): the analysis network of every year
  scope     scope(network, year) for both years: the network of one year, re-derived
  compare   compare(network, A, B): both scopes, product matching, sets, handovers, and the
            gap rules of both years (the bulk of the time)
And once, the whole `kennisgraaf vergelijk 2026 2027 --thema ZZS` process on the fixture
(warm cache), as a user feels it.

The fixture is the real 2026 data plus the fictional plans of tests/fixtures/jaren/. The
synthetic graph is benchmarks/synth.py's 2026 graph (`--scale`) with a 2027 year derived from
it here (synth.py itself makes one year): every plan again, one product in ten dropped, one in
ten new, one in ten moved to another quarter, one in ten re-budgeted, `kn:vervolgOp` on the
products that carry on, meetings kept under their IRI with a 2027 kn:inPlan and line.
At the default scale the two years hold about 100 k triples. The machines are shared and
noisy: read medians and ratios, not single figures.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
from synth import generate
from timing import median_time, wall

from kennisgraaf.namespaces import GRAPH_BASE, ID, KN, RDF, XSD

ROOT = Path(__file__).resolve().parents[1]
YEAR_GRAPH = ox.NamedNode(GRAPH_BASE + "synth-2027")
#: item kinds that are new nodes each year; meetings recur under one IRI
YEARLY = ("product", "bijeenkomst", "overdracht", "aangedragen")


def two_years(scale: int, seed: int = 2026) -> list[ox.Quad]:
    """synth.py's 2026 graph, plus a 2027 year derived from it in a graph of its own."""
    rng = random.Random(seed + 1)
    quads = list(generate(scale, seed))
    by_subject: dict[ox.NamedNode, list[ox.Quad]] = {}
    for q in quads:
        by_subject.setdefault(q.subject, []).append(q)
    rdf_type, in_plan, jaar = ox.NamedNode(RDF.type), ox.NamedNode(KN.inPlan), ox.NamedNode(KN.jaar)
    plans = {q.subject for q in quads if q.predicate == rdf_type and q.object.value == KN.Kennisplan}
    plan_map = {p: ox.NamedNode(p.value.replace("/2026-", "/2027-")) for p in plans}
    quarter = {
        ox.NamedNode(ID["kwartaal"][f"2026-Q{n}"]): ox.NamedNode(ID["kwartaal"][f"2027-Q{n}"]) for n in range(1, 5)
    }
    out = list(quads)

    def emit(s, p, o):
        out.append(ox.Quad(s, p, o, YEAR_GRAPH))

    for old, new in quarter.items():
        for q in by_subject.get(old, ()):
            o = ox.Literal("2027", datatype=ox.NamedNode(XSD.gYear)) if q.predicate == jaar else q.object
            emit(new, q.predicate, o)
    items = {q.subject for q in quads if q.predicate == in_plan}
    item_map = {
        i: ox.NamedNode("/y2027-".join(i.value.rsplit("/", 1)))
        for i in items
        if any(f"/id/{k}/" in i.value for k in YEARLY)
    }
    for plan in sorted(plans, key=lambda n: n.value):
        for q in by_subject[plan]:
            o = ox.Literal("2027", datatype=ox.NamedNode(XSD.gYear)) if q.predicate == jaar else q.object
            emit(plan_map[plan], q.predicate, o)
        emit(plan_map[plan], ox.NamedNode(KN.vervolgOp), plan)
    for item in sorted(items, key=lambda n: n.value):
        rows = by_subject[item]
        if item not in item_map:  # a meeting that carries on: this year's plan and line
            for q in rows:
                if q.predicate == in_plan:
                    emit(item, in_plan, plan_map[q.object])
                elif q.predicate.value == KN.bronRegel:
                    emit(item, q.predicate, q.object)
            continue
        is_product = "/id/product/" in item.value
        if is_product and rng.random() < 0.1:
            continue  # dropped
        new = item_map[item]
        move, rebudget = is_product and rng.random() < 0.1, is_product and rng.random() < 0.1
        for q in rows:
            o = q.object
            if q.predicate == in_plan:
                o = plan_map[o]
            elif o in quarter:
                o = quarter[ox.NamedNode(ID["kwartaal"][f"2026-Q{rng.randint(1, 4)}"])] if move else quarter[o]
            elif rebudget and q.predicate.value == KN.budget:
                o = ox.Literal(str(int(float(o.value)) + 2500), datatype=o.datatype)
            emit(new, q.predicate, o)
        if is_product:
            emit(new, ox.NamedNode(KN.vervolgOp), item)
            if rng.random() < 0.1:  # a new product next to it
                extra = ox.NamedNode(new.value + "-nieuw")
                for q in rows:
                    o = plan_map[q.object] if q.predicate == in_plan else quarter.get(q.object, q.object)
                    if q.predicate.value.endswith("title"):
                        o = ox.Literal(q.object.value + " (nieuw)", language="nl")
                    emit(extra, q.predicate, o)
    return out


def measure(name: str, store, van: int, naar: int, runs: int, thema: str | None = None) -> dict:
    from kennisgraaf.analysis.compare import compare
    from kennisgraaf.analysis.network import find_theme, load_network
    from kennisgraaf.analysis.years import scope

    row: dict = {"graaf": name, "triples": len(store)}
    row["load"], network = median_time(lambda: load_network(store), runs)
    chosen = find_theme(network, thema) if thema else None
    row["scope"], _ = median_time(lambda: (scope(network, van), scope(network, naar)), runs)
    row["compare"], result = median_time(lambda: compare(network, van, naar, chosen), runs)
    row["wijzigingen"] = len(result.changes)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--big-runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from jaren_helpers import compose

    from kennisgraaf.access import ensure_build
    from kennisgraaf.store import OxigraphStore

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        data, cache = compose(Path(tmp) / "data", bodem=False), Path(tmp) / "cache"
        store = OxigraphStore(ensure_build(data, cache).entry.graph_file)
        rows.append(measure("fixture (alle thema's)", store, 2026, 2027, args.runs))
        rows.append(measure("fixture (--thema ZZS)", store, 2026, 2027, args.runs, "ZZS"))
        cli = wall(
            [
                str(Path(sys.executable).with_name("kennisgraaf")),
                "vergelijk",
                "2026",
                "2027",
                "--thema",
                "ZZS",
                "--data",
                str(data),
                "--cache-dir",
                str(cache),
                "-q",
            ],
            args.runs,
        )
    big = ox.Store()
    big.bulk_extend(two_years(args.scale))
    rows.append(measure(f"synthetisch ×{args.scale}, 2 jaar", OxigraphStore(store=big), 2026, 2027, args.big_runs))
    print(f"{'graaf':28} {'triples':>8} {'load s':>7} {'scope s':>8} {'compare s':>10} {'wijzigingen':>12}")
    for r in rows:
        print(
            f"{r['graaf']:28} {r['triples']:>8} {r['load']:>7.3f} {r['scope']:>8.3f} {r['compare']:>10.3f} "
            f"{r['wijzigingen']:>12}"
        )
    print(f"\nkennisgraaf vergelijk 2026 2027 --thema ZZS (fixture, warm cache, heel proces): {cli:.2f} s")
    small, large = rows[0], rows[-1]
    print(
        f"verhouding synthetisch / fixture: {large['triples'] / small['triples']:.1f}× triples, "
        f"{large['compare'] / small['compare']:.1f}× compare-tijd"
    )


if __name__ == "__main__":
    main()
