"""Stage 3: materialise the entailments the queries rely on.

Everything that knows about owlrl is in this module, so a faster reasoner (the Rust
`reasonable`, or SPARQL rules on Oxigraph) can replace it without touching its callers.
The result is only the *new* triples, kept apart from the asserted ones so a user can
always tell what a plan says from what the reasoner concluded.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace
from rdflib.namespace import OWL, RDF, RDFS

from .errors import KennisgraafError

MODES = ("owlrl", "rdfs", "none")
_OWLRL_ERRORS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")


class InconsistentGraph(KennisgraafError):
    """The reasoner found a contradiction (e.g. one node in two disjoint classes)."""

    exit_code = 1

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("de graaf is tegenstrijdig volgens de ontologie:\n  " + "\n  ".join(messages))


# Triples every OWL-RL closure adds that no query here asks for; they only bloat the cache.
_NOISE_PREDICATES = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty}
_NOISE_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, RDF.Property}


def infer(asserted: Graph, mode: str = "owlrl") -> Graph:
    """The triples `mode` entails from `asserted` that it does not already state."""
    inferred = Graph()
    if mode == "none":
        return inferred
    import owlrl

    semantics = {"owlrl": owlrl.OWLRL_Semantics, "rdfs": owlrl.RDFS_Semantics}[mode]
    closure = Graph()
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    problems = sorted(str(m) for m in closure.objects(None, _OWLRL_ERRORS.error))
    problems += [f"{s} is lid van owl:Nothing" for s in closure.subjects(RDF.type, OWL.Nothing)]
    if problems:
        raise InconsistentGraph(problems)
    for s, p, o in closure:
        if (s, p, o) in asserted or not _worth_keeping(s, p, o):
            continue
        inferred.add((s, p, o))
    return inferred


def _worth_keeping(s, p, o) -> bool:
    if isinstance(s, Literal) or isinstance(p, Literal):
        return False  # owlrl's literal subjects: no store accepts them
    if isinstance(s, BNode) or isinstance(o, BNode):
        return False  # axiom internals (lists, restrictions)
    if p in _NOISE_PREDICATES:
        return False
    if p == RDF.type and o in _NOISE_OBJECTS:
        return False
    if p in (RDFS.subClassOf, RDFS.subPropertyOf) and s == o:
        return False
    return True
