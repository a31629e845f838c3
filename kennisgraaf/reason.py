"""Stage 3: materialise the entailments the queries rely on.

`materialise(store)` is the one entry point: it reasons over the asserted named graphs of a
pyoxigraph Store and writes only the *new* triples into `INFERRED_GRAPH`, kept apart from the
asserted ones so a user can always tell what a plan says from what the reasoner concluded.

- "rules" (the default): the OWL 2 RL rules the ontology's own axioms call for, run inside
  Oxigraph to a fixpoint (kennisgraaf/rules.py) — tens of times faster than owlrl;
- "owlrl": the owlrl closure, the reference the rules are tested against;
- "rdfs": only the RDFS rules (subclass, subproperty, domain, range); "none": nothing.

`infer(graph, mode)` is the same for an rdflib Graph, for callers that still hold one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from . import sparql
from .errors import KennisgraafError
from .load import select
from .namespaces import INFERRED_GRAPH, OWL, RDF, RDFS, XSD

MODES = ("rules", "owlrl", "rdfs", "none")
_OWLRL_ERRORS = "http://www.daml.org/2002/03/agents/agent-ont#error"
_OWLRL_LEXICAL = re.compile(r"^Lexical value of the literal '(.*)' does not match its datatype \((.*)\)$", re.S)


class InconsistentGraph(KennisgraafError):
    """The reasoner found a contradiction (e.g. one node in two disjoint classes)."""

    exit_code = 1

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("de graaf is tegenstrijdig volgens de ontologie:\n  " + "\n  ".join(messages))


# Triples every OWL-RL closure adds that no query here asks for; they only bloat the cache.
_NOISE_PREDICATES = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty}
_NOISE_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, RDF.Property}
#: the W3C vocabularies themselves: owlrl's axioms about them (xsd:string a rdfs:Datatype,
#: rdfs:label a owl:AnnotationProperty) are not facts of the data
_VOCABULARIES = (str(RDF), str(RDFS), str(OWL), str(XSD))


def asserted_graphs_of(store: ox.Store) -> list[ox.NamedNode]:
    """Every named graph of the store except what reasoning writes."""
    from .rules import SCRATCH_GRAPHS

    skip = {INFERRED_GRAPH, *SCRATCH_GRAPHS}
    return sorted(
        (g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in skip), key=lambda g: g.value
    )


def materialise(store: ox.Store, *, mode: str = "rules", asserted_graphs=None) -> int:
    """Reason over the named graphs (or `asserted_graphs`); write what follows; return its size.

    Raises InconsistentGraph on a real contradiction, leaving no inferred graph behind.
    """
    return write_conclusions(store, conclude(store, mode=mode, asserted_graphs=asserted_graphs))


@dataclass(frozen=True)
class Conclusions:
    """What a reasoner concluded, not yet in the store: `rules` leaves them in the inferred graph
    of its workspace, `owlrl` as N-Triples; None for `none`."""

    workspace: ox.Store | None = None
    ntriples: bytes | None = None


def conclude(
    store: ox.Store, *, mode: str = "rules", asserted_graphs=None, union: ox.Store | None = None
) -> Conclusions:
    """The reasoning itself, which only reads `store`: the build validates the same store in
    another process meanwhile, and writes the conclusions only when both are done, so
    validation never sees an inferred triple. `union` is a workspace already made
    (`load.load(folder, union)`) holding the union of the asserted graphs; it is grown."""
    if mode not in MODES:
        raise KennisgraafError(f"onbekende redeneerder {mode!r}; kies uit: {', '.join(MODES)}")
    graphs = [ox.NamedNode(g) if isinstance(g, str) else g for g in asserted_graphs or asserted_graphs_of(store)]
    if mode == "none":
        return Conclusions()
    if mode == "owlrl":
        return Conclusions(ntriples=_owlrl(_to_rdflib(store, graphs)).serialize(format="nt", encoding="utf-8"))
    return Conclusions(workspace=_rules(store, graphs, mode, union))


def write_conclusions(store: ox.Store, conclusions: Conclusions) -> int:
    """Put `conclusions` in the inferred graph of `store` (replacing what was there); its size."""
    target = ox.NamedNode(INFERRED_GRAPH)
    _clear(store, target)
    if conclusions.ntriples is not None:
        store.load(conclusions.ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=target)
    elif conclusions.workspace is not None:
        # quad by quad, not through N-Triples: the same terms, without serialising and re-parsing
        store.bulk_extend(conclusions.workspace.quads_for_pattern(None, None, None, target))
    else:
        return 0
    rows = list(select(store, sparql.text("graph_size"), substitutions={ox.Variable("g"): target}))
    return int(rows[0]["n"].value) if rows else 0


def infer(asserted, mode: str = "rules"):
    """The triples `mode` entails from the rdflib Graph `asserted` that it does not already state."""
    from rdflib import Graph

    if mode == "owlrl":
        return _owlrl(asserted)
    inferred = Graph()
    if mode == "none":
        return inferred
    store = ox.Store()
    source = ox.NamedNode(INFERRED_GRAPH + "-bron")
    store.load(asserted.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=source)
    materialise(store, mode=mode, asserted_graphs=[source])
    out = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(INFERRED_GRAPH))
    return inferred.parse(data=out.decode("utf-8"), format="nt") if out else inferred


def _rules(store: ox.Store, graphs: list, mode: str, union: ox.Store | None = None) -> ox.Store:
    """The rules run in a `workspace` (the asserted union as one default graph), returned with
    what they concluded in its inferred graph; an exception when the closure is contradictory."""
    from .rules import Axioms, contradictions, derive, run, schema_closure, workspace

    work = workspace(store, graphs) if union is None else union
    axioms = Axioms.read(work, [ox.DefaultGraph()])
    run(work, derive(axioms, mode))
    target = ox.NamedNode(INFERRED_GRAPH)
    stated = [ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o)) for s, p, o in schema_closure(axioms)]
    work.extend(
        [
            ox.Quad(t.subject, t.predicate, t.object, target)
            for t in sorted(stated, key=str)
            if next(work.quads_for_pattern(t.subject, t.predicate, t.object, ox.DefaultGraph()), None) is None
        ]
    )
    problems = contradictions(work, axioms) if mode == "rules" else []
    if problems:
        raise InconsistentGraph(problems)
    # the same noise the owlrl path leaves out: equalities, and axiom internals (blank nodes)
    work.update(f"""DELETE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}
WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }}
  FILTER(?p IN (<{OWL.sameAs}>, <{OWL.equivalentClass}>, <{OWL.equivalentProperty}>) || isBlank(?s) || isBlank(?o))
}}""")
    return work


def _clear(store: ox.Store, graph: ox.NamedNode) -> None:
    if store.contains_named_graph(graph):
        store.remove_graph(graph)


def _to_rdflib(store: ox.Store, graphs: list):
    from rdflib import Graph

    merged = Graph()
    for g in graphs:
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
        if data:
            merged.parse(data=data.decode("utf-8"), format="nt")
    return merged


def _owlrl(asserted):
    """owlrl's OWL 2 RL closure of `asserted`, less what it already states and less noise."""
    import owlrl
    from rdflib import Graph, URIRef

    closure = Graph()
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    problems = sorted(m for m in map(str, closure.objects(None, URIRef(_OWLRL_ERRORS))) if not _well_formed(m))
    problems += [f"{s} is lid van owl:Nothing" for s in closure.subjects(URIRef(RDF.type), URIRef(OWL.Nothing))]
    if problems:
        raise InconsistentGraph(problems)
    inferred = Graph()
    for s, p, o in closure:
        if (s, p, o) not in asserted and worth_keeping(s, p, o):
            inferred.add((s, p, o))
    return inferred


def _well_formed(message: str) -> bool:
    """owlrl reports every zero float or double ("0.0", 0E1) as not matching its datatype;
    such a message is no contradiction when rdflib reads the literal fine."""
    from rdflib import Literal, URIRef

    found = _OWLRL_LEXICAL.match(message)
    if found is None:
        return False
    return not Literal(found.group(1), datatype=URIRef(found.group(2))).ill_typed


def worth_keeping(s, p, o) -> bool:
    """False for what a closure adds that is no fact of the data (rdflib terms)."""
    from rdflib import BNode, Literal

    if isinstance(s, Literal) or isinstance(p, Literal):
        return False  # owlrl's literal subjects: no store accepts them
    if isinstance(s, BNode) or isinstance(o, BNode):
        return False  # axiom internals (lists, restrictions)
    if str(s).startswith(_VOCABULARIES):
        return False  # axioms about RDF, OWL and XSD themselves
    if str(p) in _NOISE_PREDICATES:
        return False
    if str(p) == RDF.type and str(o) in _NOISE_OBJECTS:
        return False
    if str(p) in (RDFS.subClassOf, RDFS.subPropertyOf) and s == o:
        return False
    if str(p) in (RDFS.subClassOf, RDFS.domain, RDFS.range) and str(o) in _NOISE_OBJECTS:
        return False  # every class under owl:Thing, every property on it
    return True
