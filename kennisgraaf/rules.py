"""OWL 2 RL rules read from the ontology's own axioms, run on Oxigraph to a fixpoint.

Nothing here names a property of ours. `Axioms.read` collects what the ontology states
(subclass, subproperty, equivalence, inverse, symmetric and transitive properties, property
chains of any length, domain, range, functional properties, disjointness), `derive` turns
each kind of axiom into one generic rule of the OWL 2 RL/RDF rule set (cax-sco, prp-spo1,
prp-inv, prp-trp, prp-spo2, ...) whose axiom instances travel as a VALUES table, and `run`
executes the rules as SPARQL updates inside Oxigraph: a new axiom in the ontology is a new
VALUES row, never new code.

Evaluation is semi-naive: round 0 joins the whole graph once; every later round evaluates
each rule once per body atom with that atom restricted to the triples the previous round
added (a scratch graph), so a round only joins what is new. A rule writes a triple only
when no graph has it yet (FILTER NOT EXISTS), so the fixpoint is reached when a round adds
nothing. An ontology construct that these rules do not interpret (a class restriction, a
key) is refused by name rather than silently ignored: owlrl covers those.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from .errors import KennisgraafError
from .load import select
from .namespaces import GRAPH_BASE, OWL, RDF, RDFS
from .namespaces import INFERRED_GRAPH as INFERRED

#: scratch graphs holding the triples of the previous / the current round
_DELTA = (GRAPH_BASE + "redeneren-delta-a", GRAPH_BASE + "redeneren-delta-b")
SCRATCH_GRAPHS = frozenset(_DELTA)

#: classes every closure could add but no query asks for (as the owlrl path filters them)
_TRIVIAL_CLASSES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, RDF.Property}

#: OWL 2 RL constructs the rules below do not interpret; their presence is refused by name
_UNSUPPORTED = {
    OWL.someValuesFrom: "owl:someValuesFrom",
    OWL.allValuesFrom: "owl:allValuesFrom",
    OWL.hasValue: "owl:hasValue",
    OWL.intersectionOf: "owl:intersectionOf",
    OWL.unionOf: "owl:unionOf",
    OWL.oneOf: "owl:oneOf",
    OWL.complementOf: "owl:complementOf",
    OWL.maxCardinality: "owl:maxCardinality",
    OWL.maxQualifiedCardinality: "owl:maxQualifiedCardinality",
    OWL.hasKey: "owl:hasKey",
    OWL.sourceIndividual: "owl:NegativePropertyAssertion",
}


class UnsupportedAxiom(KennisgraafError):
    """The ontology uses a construct the rule engine does not interpret."""


@dataclass
class Axioms:
    """The axioms of the asserted graphs, as plain IRI tuples."""

    sub_class: set[tuple[str, str]] = field(default_factory=set)
    sub_property: set[tuple[str, str]] = field(default_factory=set)
    inverse: set[tuple[str, str]] = field(default_factory=set)
    transitive: set[str] = field(default_factory=set)
    symmetric: set[str] = field(default_factory=set)
    domain: set[tuple[str, str]] = field(default_factory=set)
    range: set[tuple[str, str]] = field(default_factory=set)
    chains: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)
    functional: set[str] = field(default_factory=set)
    inverse_functional: set[str] = field(default_factory=set)
    disjoint: set[tuple[str, str]] = field(default_factory=set)
    disjoint_properties: set[tuple[str, str]] = field(default_factory=set)
    irreflexive: set[str] = field(default_factory=set)
    asymmetric: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, store: ox.Store, graphs: list) -> Axioms:
        ax = cls()
        pairs = _Pairs(store, graphs)
        ax.sub_class = pairs(RDFS.subClassOf) | pairs(OWL.equivalentClass, both=True)
        ax.sub_property = pairs(RDFS.subPropertyOf) | pairs(OWL.equivalentProperty, both=True)
        ax.inverse = pairs(OWL.inverseOf, both=True)
        ax.domain, ax.range = pairs(RDFS.domain), pairs(RDFS.range)
        ax.disjoint = pairs(OWL.disjointWith, both=True)
        ax.disjoint_properties = pairs(OWL.propertyDisjointWith, both=True)
        ax.transitive = pairs.typed(OWL.TransitiveProperty)
        ax.symmetric = pairs.typed(OWL.SymmetricProperty)
        ax.functional = pairs.typed(OWL.FunctionalProperty)
        ax.inverse_functional = pairs.typed(OWL.InverseFunctionalProperty)
        ax.irreflexive = pairs.typed(OWL.IrreflexiveProperty)
        ax.asymmetric = pairs.typed(OWL.AsymmetricProperty)
        for prop, head in pairs.all(OWL.propertyChainAxiom):
            steps = pairs.members(head)
            if not isinstance(prop, ox.NamedNode) or any(not isinstance(s, ox.NamedNode) for s in steps):
                raise UnsupportedAxiom(
                    f"owl:propertyChainAxiom van {prop}: alleen ketens van benoemde eigenschappen "
                    "worden door de regels gelezen; bouw met --reasoner owlrl"
                )
            ax.chains.add((prop.value, tuple(s.value for s in steps)))
        for kind, members in (
            (OWL.AllDisjointClasses, ax.disjoint),
            (OWL.AllDisjointProperties, ax.disjoint_properties),
        ):
            for node in pairs.subjects(kind):
                for head in pairs.objects(node, OWL.members):
                    found = [m.value for m in pairs.members(head) if isinstance(m, ox.NamedNode)]
                    members.update((a, b) for a in found for b in found if a != b)
        for predicate, name in _UNSUPPORTED.items():
            if pairs.used(predicate):
                raise UnsupportedAxiom(
                    f"de ontologie gebruikt {name}, dat de regelredeneerder niet kent; bouw met --reasoner owlrl"
                )
        return ax


class _Pairs:
    """Small readers over the union of `graphs`, for the axiom shapes above."""

    def __init__(self, store: ox.Store, graphs: list):
        self.store, self.graphs = store, graphs

    def all(self, predicate: str):
        p = ox.NamedNode(predicate)
        for g in self.graphs:
            for q in self.store.quads_for_pattern(None, p, None, g):
                yield q.subject, q.object

    def __call__(self, predicate: str, both: bool = False) -> set[tuple[str, str]]:
        found = {
            (s.value, o.value)
            for s, o in self.all(predicate)
            if isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)
        }
        return found | {(b, a) for a, b in found} if both else found

    def subjects(self, cls: str) -> list:
        t, c = ox.NamedNode(RDF.type), ox.NamedNode(cls)
        return [q.subject for g in self.graphs for q in self.store.quads_for_pattern(None, t, c, g)]

    def typed(self, cls: str) -> set[str]:
        return {s.value for s in self.subjects(cls) if isinstance(s, ox.NamedNode)}

    def objects(self, subject, predicate: str) -> list:
        p = ox.NamedNode(predicate)
        return [q.object for g in self.graphs for q in self.store.quads_for_pattern(subject, p, None, g)]

    def used(self, predicate: str) -> bool:
        return next(self.all(predicate), None) is not None

    def members(self, head) -> list:
        """The items of an RDF list (rdf:first / rdf:rest)."""
        items, seen = [], set()
        while isinstance(head, (ox.BlankNode, ox.NamedNode)) and head.value != RDF.nil and head not in seen:
            seen.add(head)
            items += self.objects(head, RDF.first)[:1]
            rest = self.objects(head, RDF.rest)
            head = rest[0] if rest else None
        return items


def closure(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Every strict ancestor of each node of a (possibly cyclic) hierarchy."""
    parents: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        parents[a].add(b)
    ancestors: dict[str, set[str]] = {}
    for start in list(parents):
        found, todo = set(), list(parents[start])
        while todo:
            node = todo.pop()
            if node not in found:
                found.add(node)
                todo.extend(parents.get(node, ()))
        found.discard(start)
        ancestors[start] = found
    return ancestors


@dataclass(frozen=True)
class Rule:
    """One generic rule: body atoms joined, `head` written; axiom instances as VALUES rows."""

    name: str
    body: tuple[str, ...]
    head: str
    variables: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    condition: str = ""

    def updates(self, new_graph: str, delta_graph: str | None = None, at: int = 0) -> list[str]:
        """The SPARQL updates of this rule; with `delta_graph`, atom `at` reads only that graph.

        A join is written out once per axiom instance, with its properties as constants: the
        store then walks its predicate indexes instead of every triple of a shared node. The
        delta atom comes first, the smallest side to start a join from.
        """
        if len(self.body) == 1 or not self.variables:
            return [self._update(self.body, self.head, self._values(self.rows), new_graph, delta_graph, at)]
        out = []
        for row in self.rows:
            bound = dict(zip(self.variables, row, strict=True))

            def fill(text: str, bound=bound) -> str:
                return _VARIABLE.sub(lambda m: f"<{bound[m.group(1)]}>" if m.group(1) in bound else m.group(0), text)

            out.append(self._update([fill(a) for a in self.body], fill(self.head), "", new_graph, delta_graph, at))
        return out

    def _values(self, rows) -> str:
        if not self.variables:
            return ""
        table = " ".join("(" + " ".join(f"<{iri}>" for iri in row) + ")" for row in rows)
        return f"VALUES ({' '.join(f'?{v}' for v in self.variables)}) {{ {table} }}\n  "

    def _update(self, body, head, values, new_graph, delta_graph, at) -> str:
        atoms = list(body)
        if delta_graph:
            atoms.insert(0, f"GRAPH <{delta_graph}> {{ {atoms.pop(at)} }}")
        where = " .\n  ".join(atoms)
        condition = f"\n  FILTER({self.condition})" if self.condition else ""
        # DISTINCT: many joins reach one conclusion (a theme's items share topics); write it once
        head_vars = " ".join(f"?{v}" for v in sorted(set(_VARIABLE.findall(head))))
        return (
            f"INSERT {{ {head} GRAPH <{INFERRED}> {{ {head} }} GRAPH <{new_graph}> {{ {head} }} }}\n"
            f"WHERE {{ SELECT DISTINCT {head_vars} WHERE {{\n"
            f"  {values}{where} .{condition}\n"
            f"  FILTER NOT EXISTS {{ {head} }}\n}} }}"
        )


_VARIABLE = re.compile(r"\?([A-Za-z_][A-Za-z0-9_]*)")
_SAME = f"<{OWL.sameAs}>"
_TYPE = f"<{RDF.type}>"


def derive(ax: Axioms, mode: str = "rules") -> list[Rule]:
    """The rules the axioms call for; `mode="rdfs"` keeps the four RDFS ones."""
    rules: list[Rule] = []

    def rule(name, body, head, variables, rows, condition=""):
        rows = tuple(sorted(set(rows)))
        if rows:
            rules.append(Rule(name, tuple(body), head, tuple(variables), rows, condition))

    supers = closure(ax.sub_class)

    def with_supers(cls: str) -> set[str]:
        return ({cls} | supers.get(cls, set())) - _TRIVIAL_CLASSES

    # cax-sco / cax-eqc: one step to every superclass (the hierarchy is closed here, not per round)
    rule(
        "cax-sco",
        ["?x a ?c"],
        "?x a ?d",
        ("c", "d"),
        [(c, d) for c, ds in supers.items() for d in ds if d not in _TRIVIAL_CLASSES],
    )
    # prp-spo1 / prp-eqp: likewise for the property hierarchy
    rule(
        "prp-spo1",
        ["?x ?p ?y"],
        "?x ?q ?y",
        ("p", "q"),
        [(p, q) for p, qs in closure(ax.sub_property).items() for q in qs],
    )
    # prp-dom / prp-rng, straight to the superclasses of the domain or range
    rule("prp-dom", ["?x ?p ?y"], "?x a ?c", ("p", "c"), [(p, c) for p, d in ax.domain for c in with_supers(d)])
    rule(
        "prp-rng",
        ["?x ?p ?y"],
        "?y a ?c",
        ("p", "c"),
        [(p, c) for p, r in ax.range for c in with_supers(r)],
        "!isLiteral(?y)",
    )
    if mode == "rdfs":
        return rules
    rule("prp-inv", ["?x ?p ?y"], "?y ?q ?x", ("p", "q"), ax.inverse, "!isLiteral(?y)")
    rule("prp-symp", ["?x ?p ?y"], "?y ?p ?x", ("p",), [(p,) for p in ax.symmetric], "!isLiteral(?y)")
    rule("prp-trp", ["?x ?p ?y", "?y ?p ?z"], "?x ?p ?z", ("p",), [(p,) for p in ax.transitive])
    for length in sorted({len(steps) for _, steps in ax.chains} - {0}):
        body = [f"?u{i} ?p{i + 1} ?u{i + 1}" for i in range(length)]
        rule(
            "prp-spo2",
            body,
            f"?u0 ?q ?u{length}",
            ("q", *(f"p{i + 1}" for i in range(length))),
            [(q, *s) for q, s in ax.chains if len(s) == length],
        )
    rule(
        "prp-fp",
        ["?x ?p ?y1", "?x ?p ?y2"],
        f"?y1 {_SAME} ?y2",
        ("p",),
        [(p,) for p in ax.functional],
        "?y1 != ?y2 && !isLiteral(?y1) && !isLiteral(?y2)",
    )
    rule(
        "prp-ifp",
        ["?x1 ?p ?y", "?x2 ?p ?y"],
        f"?x1 {_SAME} ?x2",
        ("p",),
        [(p,) for p in ax.inverse_functional],
        "?x1 != ?x2",
    )
    return rules


def schema_closure(ax: Axioms) -> set[tuple[str, str, str]]:
    """The hierarchy facts the rules use, stated: scm-sco, scm-spo, scm-dom1/2, scm-rng1/2.

    Written beside the instance-level triples so a query can read `rdfs:subClassOf` or a
    property's domain without a path expression.
    """
    classes, props = closure(ax.sub_class), closure(ax.sub_property)
    found = {(c, RDFS.subClassOf, d) for c, ds in classes.items() for d in ds if d not in _TRIVIAL_CLASSES}
    found |= {(p, RDFS.subPropertyOf, q) for p, qs in props.items() for q in qs}
    for predicate, pairs in ((RDFS.domain, ax.domain), (RDFS.range, ax.range)):
        stated: dict[str, set[str]] = defaultdict(set)
        for p, c in pairs:
            stated[p].add(c)
        for p in set(stated) | set(props):
            for q in {p} | props.get(p, set()):
                for c in stated.get(q, ()):
                    found |= {(p, predicate, d) for d in ({c} | classes.get(c, set())) - _TRIVIAL_CLASSES}
    return found


#: eq-sym, eq-trans, eq-rep-s, eq-rep-o: run only once some owl:sameAs exists
_EQUALITY = [
    Rule("eq-sym", (f"?x {_SAME} ?y",), f"?y {_SAME} ?x", (), ((),)),
    Rule("eq-trans", (f"?x {_SAME} ?y", f"?y {_SAME} ?z"), f"?x {_SAME} ?z", (), ((),), "?x != ?z"),
    Rule("eq-rep-s", (f"?s {_SAME} ?s2", "?s ?p ?o"), "?s2 ?p ?o", (), ((),)),
    Rule("eq-rep-o", (f"?o {_SAME} ?o2", "?s ?p ?o"), "?s ?p ?o2", (), ((),)),
]


def workspace(store: ox.Store, graphs: list) -> ox.Store:
    """A new store whose default graph holds the union of `graphs`: what `run` reads and grows.

    A pattern over a union of N named graphs is N index lookups in Oxigraph; with one graph
    per plan file every join, and every FILTER NOT EXISTS, grew with the number of files (a
    100 k build has 238, a 1 M build 2,300), and reasoning went quadratic. In the default
    graph a pattern is one lookup and an update needs no USING dataset at all.
    """
    work = ox.Store()
    # the store's own terms, so a blank node that two graphs share (an RDF list) stays one
    # node; a quad at a time, because a dump, re-parse and ADD per graph took 2–3× as long
    work.bulk_extend(
        ox.Quad(q.subject, q.predicate, q.object) for g in graphs for q in store.quads_for_pattern(None, None, None, g)
    )
    return work


def _empty(store: ox.Store, graph: str) -> bool:
    """Whether a round added nothing: one quad decides it, where counting walked them all."""
    return next(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)), None) is None


def _has_same_as(store: ox.Store) -> bool:
    return next(store.quads_for_pattern(None, ox.NamedNode(OWL.sameAs), None, ox.DefaultGraph()), None) is not None


def run(store: ox.Store, rules: list[Rule]) -> int:
    """Apply `rules` to a `workspace` until nothing new follows; return the rounds.

    What follows is added to the default graph (so later rounds read it) and to the inferred
    graph (so the caller can take it out).
    """
    _drop(store, *_DELTA)
    previous, current = _DELTA
    equality = False
    for r in rules:  # round 0: the whole graph is new
        for update in r.updates(current):
            store.update(update)
    rounds = 1
    while True:
        if not equality and _has_same_as(store):
            equality = True  # from now on owl:sameAs rewrites; first over everything there is
            rules = rules + _EQUALITY
            for r in _EQUALITY:
                for update in r.updates(current):
                    store.update(update)
        if _empty(store, current):
            break
        previous, current = current, previous
        _drop(store, current)
        for r in rules:
            for at in range(len(r.body)):
                for update in r.updates(current, previous, at):
                    store.update(update)
        rounds += 1
    _drop(store, *_DELTA)
    return rounds


def _drop(store: ox.Store, *graphs: str) -> None:
    for g in graphs:
        if store.contains_named_graph(ox.NamedNode(g)):
            store.remove_graph(ox.NamedNode(g))


def contradictions(store: ox.Store, ax: Axioms) -> list[str]:
    """What the closure in a `workspace` states that the ontology forbids (cax-dw, prp-irp, ...)."""

    def values(query: str, variables: tuple[str, ...], rows) -> list:
        rows = sorted(set(rows))
        if not rows:
            return []
        table = " ".join("(" + " ".join(f"<{i}>" for i in row) + ")" for row in rows)
        head = " ".join(f"?{v}" for v in variables)
        return list(select(store, f"SELECT * WHERE {{ VALUES ({head}) {{ {table} }} {query} }}"))

    found = []
    partners: dict[str, set[str]] = defaultdict(set)
    for c1, c2 in ax.disjoint:
        if c1 < c2:
            partners[c1].add(c2)
    for c1, others in sorted(partners.items()):  # each member's types once, not once per pair
        listed = ", ".join(f"<{c}>" for c in sorted(others))
        for s in select(store, f"SELECT ?x ?c2 WHERE {{ ?x a <{c1}> . ?x a ?c2 FILTER(?c2 IN ({listed})) }}"):
            found.append(f"{s['x'].value} is lid van zowel {c1} als {s['c2'].value}, die disjunct zijn")
    for s in select(store, f"SELECT ?x WHERE {{ ?x {_TYPE} <{OWL.Nothing}> }}"):
        found.append(f"{s['x'].value} is lid van owl:Nothing")
    for s in values("?x ?p ?x", ("p",), [(p,) for p in ax.irreflexive]):
        found.append(f"{s['x'].value} {s['p'].value} zichzelf, maar de eigenschap is irreflexief")
    for s in values("?x ?p ?y . ?y ?p ?x FILTER(STR(?x) < STR(?y))", ("p",), [(p,) for p in ax.asymmetric]):
        found.append(f"{s['x'].value} en {s['y'].value} verwijzen via {s['p'].value} naar elkaar (asymmetrisch)")
    for s in values("?x ?p1 ?y . ?x ?p2 ?y FILTER(STR(?p1) < STR(?p2))", ("p1", "p2"), ax.disjoint_properties):
        found.append(
            f"{s['x'].value} is via zowel {s['p1'].value} als {s['p2'].value} met {s['y'].value} "
            "verbonden, die disjunct zijn"
        )
    for s in select(store, f"SELECT ?x ?y WHERE {{ ?x {_SAME} ?y . ?x <{OWL.differentFrom}> ?y }}"):
        found.append(f"{s['x'].value} is zowel gelijk aan als verschillend van {s['y'].value}")
    return sorted(found)
