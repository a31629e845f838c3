"""The one interface every command reads the graph through.

A query, an analysis or a view asks a `Store` (a Protocol: `OxigraphStore` and
`remote.RemoteStore` implement it); whether the triples live in the local cached build
(Oxigraph in memory) or behind a SPARQL 1.1 endpoint is not its concern. `Store.run` answers
any read-only form with one of three result kinds (`SelectResult`, `AskResult`,
`GraphResult`), so a caller dispatches on the kind it got, never on `bool` or `list`.
Parameters are bound as a VALUES block built from RDF terms (never pasted text), placed
first inside the WHERE group — the SPARQL equivalent of rdflib's initBindings, which every
SPARQL 1.1 store understands the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

from .errors import QueryError
from .namespaces import BASE, PREFIXES
from .sparql_guard import check_read_only, has_dataset_clause, syntax_only, where_group_start

Term = ox.NamedNode | ox.Literal | ox.BlankNode
#: what may be bound to a variable: one term, or several (one VALUES row each)
Bindings = dict[str, list[Term] | Term]


@dataclass
class SelectResult:
    """A SELECT result: variable names and one dict per row (missing = unbound)."""

    variables: list[str]
    rows: list[dict[str, Term]]

    @classmethod
    def from_solutions(cls, solutions) -> SelectResult:
        """From Oxigraph's QuerySolutions (local, or parsed from an endpoint's answer)."""
        names = [v.value for v in solutions.variables]
        return cls(names, [{n: s[n] for n in names if s[n] is not None} for s in solutions])


#: the name every module used before the result kinds had names of their own
ResultSet = SelectResult


@dataclass(frozen=True)
class AskResult:
    """An ASK answer; true or false like the bool it holds."""

    value: bool

    def __bool__(self) -> bool:
        return self.value


@dataclass
class GraphResult:
    """A CONSTRUCT or DESCRIBE answer: its triples, in the store's order."""

    triples: list[ox.Triple] = field(default_factory=list)

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)


QueryResult = SelectResult | AskResult | GraphResult


_FROM = re.compile(r"(?<![\w:?$])FROM(?![\w:-])", re.I)
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def values_clause(bindings: Bindings) -> str:
    """`VALUES ?a { <x> } VALUES ?b { "y" ... }`: one block per variable, whose join is the
    cross product of the bound terms. (One block per variable rather than `VALUES (?a ?b)`:
    Virtuoso 7 fails to compile a multi-variable block that mixes an IRI and a typed literal.)

    Terms are serialised by Oxigraph (N-Triples syntax, escapes included), so a value can
    only ever be one RDF term: it cannot add a pattern or close the query.
    """
    if not bindings:
        return ""
    blocks = []
    for name, terms in bindings.items():
        if not _VARIABLE.match(name):
            raise QueryError(f"ongeldige parameternaam {name!r}")
        terms = terms if isinstance(terms, list) else [terms]
        for term in terms:
            if not isinstance(term, (ox.NamedNode, ox.Literal)):
                raise QueryError(f"parameter {name}: alleen IRI's en literals kunnen worden gebonden")
        blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}")
    return "\n" + "\n".join(blocks) + "\n"


def bind(query: str, bindings: Bindings | None) -> str:
    """The query with `bindings` as a VALUES block at the start of its WHERE group."""
    if not bindings:
        return query
    at = where_group_start(query)
    return query[:at] + values_clause(bindings) + query[at:]


def query_options(query: str, default_graphs=(), named_graphs=()) -> dict:
    """Keyword arguments for `pyoxigraph.Store.query`: project prefixes, and the dataset.

    With no dataset named (no FROM, no protocol graphs) the default graph is the union of
    every graph; Oxigraph's union flag would override a FROM clause, so it is only set
    without one. Relative IRIs resolve against the project's namespace. (The text test
    for FROM is a fast path; the parsed query decides when the word occurs.)
    """
    options: dict = {"prefixes": PREFIXES, "base_iri": BASE}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    elif not (_FROM.search(syntax_only(query)) and has_dataset_clause(query)):
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    return options


def short_message(err: Exception, limit: int = 160, query: str | None = None) -> str:
    """A parser message on one line, in Dutch; Oxigraph lists every token it expected, which
    no one reads, and says "Prefix not found" without naming the prefix."""
    text = " ".join(str(err).split())
    if "Prefix not found" in text and query is not None:
        declared = {m.group(1) for m in re.finditer(r"(?i)PREFIX\s+([\w.-]*):", query)} | set(PREFIXES)
        used = [m.group(1) for m in re.finditer(r"(?<![\w<?$\"'#/.-])([A-Za-z][\w.-]*):(?!//)", query)]
        unknown = sorted({u for u in used if u not in declared})
        if unknown:
            return (
                f"onbekend prefix {', '.join(u + ':' for u in unknown)}; declareer het met PREFIX of gebruik "
                f"een bekend prefix (kennisgraaf sparql --explain)"
            )
    text = re.sub(r"^error at (\d+):(\d+): ", r"regel \1, kolom \2: ", text)
    if "expected one of" in text and len(text) > limit:
        text = text[: text.index("expected one of")] + "onverwacht teken of onverwacht einde"
    return text if len(text) <= limit else text[: limit - 1] + "…"


@runtime_checkable
class Store(Protocol):
    """What every command reads the graph through: read-only queries with bound values."""

    name: str

    def select(self, query: str, bindings: Bindings | None = None) -> SelectResult: ...

    def ask(self, query: str, bindings: Bindings | None = None) -> bool: ...

    def construct(self, query: str, bindings: Bindings | None = None) -> list[ox.Triple]: ...

    def run(self, query: str, bindings: Bindings | None = None) -> QueryResult:
        """Any read-only form, answered as the result kind of its form."""
        ...


class BaseStore:
    """The guard, the binding and the result kinds, shared by the stores; a store supplies
    `_select`, `_ask` and `_construct` for query text that is already checked and bound."""

    name = "store"

    def select(self, query: str, bindings: Bindings | None = None) -> SelectResult:
        if self._form(query) != "SELECT":
            raise QueryError("verwacht een SELECT-query")
        return self._select(bind(query, bindings))

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        self._form(query)
        return self._ask(bind(query, bindings))

    def construct(self, query: str, bindings: Bindings | None = None) -> list[ox.Triple]:
        self._form(query)
        return self._construct(bind(query, bindings))

    def run(self, query: str, bindings: Bindings | None = None) -> QueryResult:
        form = self._form(query)
        bound = bind(query, bindings)
        if form == "SELECT":
            return self._select(bound)
        if form == "ASK":
            return AskResult(self._ask(bound))
        return GraphResult(self._construct(bound))

    @staticmethod
    def _form(query: str) -> str:
        """Refuse what would change the graph or leave it (on the parsed query); then its form."""
        return check_read_only(query).form

    def _select(self, query: str) -> SelectResult:  # pragma: no cover - abstract
        raise NotImplementedError

    def _ask(self, query: str) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def _construct(self, query: str) -> list[ox.Triple]:  # pragma: no cover - abstract
        raise NotImplementedError


#: a SELECT on a cached build slower than this (seconds) is kept beside the build ...
KEEP_ANSWER_AFTER = 0.2
#: ... unless it has more rows than this: the analysis network's own big SELECTs are kept
#: as the network they make (analysis/precomputed.py), not twice
KEEP_ANSWER_ROWS = 50_000


class OxigraphStore(BaseStore):
    """The local build: the cache's persistent store opened read-only (`CacheEntry.open`),
    or N-Quads loaded into an in-memory store."""

    name = "lokaal"

    def __init__(self, nquads: Path | None = None, store: ox.Store | None = None):
        self.store = store if store is not None else ox.Store()
        if nquads is not None:
            self.store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)

    def _query(self, query: str):
        try:
            return self.store.query(query, **query_options(query))
        except SyntaxError as err:
            raise QueryError(f"SPARQL-fout: {short_message(err, query=query)}") from None
        except (OSError, RuntimeError) as err:
            raise QueryError(f"query kan niet worden uitgevoerd: {err}") from None

    def _select(self, query: str) -> SelectResult:
        """The answer, kept beside the build when it was slow to give and small to keep: at
        1 M triples `thema-overzicht` takes 5–8 s from the disk store, read back 10 ms.
        The name holds the build, the bound query text and pyoxigraph's version (what
        decides the answer), and the result's fields (what decides how it reads back)."""
        from .cache import entry_of

        entry = entry_of(self)
        if entry is None:
            return SelectResult.from_solutions(self._query(query))
        import hashlib
        import time

        from . import derived

        # not derived.name: hashing the package's code (12 ms) would cost more than most answers
        key = "\0".join((entry.folder.name, ox.__version__, repr(SelectResult.__dataclass_fields__.keys()), query))
        kept_as = f"antwoord-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
        found = derived.read(entry, kept_as)
        if found is not None:
            return found
        started = time.perf_counter()
        result = SelectResult.from_solutions(self._query(query))
        if time.perf_counter() - started >= KEEP_ANSWER_AFTER and len(result.rows) <= KEEP_ANSWER_ROWS:
            derived.keep(entry, kept_as, result)
        return result

    def _ask(self, query: str) -> bool:
        return bool(self._query(query))

    def _construct(self, query: str) -> list[ox.Triple]:
        return list(self._query(query))

    def quads(self):
        return self.store.quads_for_pattern(None, None, None, None)

    def with_predicate(self, predicate: ox.NamedNode):
        """Every quad of `predicate`, in any graph: what `?s <p> ?o` matches on the union of the
        graphs (with one row per graph that states it), read from Oxigraph's index without a
        query: the analysis network's 830 k links at 1 M in a third of the SELECT's time."""
        return self.store.quads_for_pattern(None, predicate, None, None)

    def __len__(self) -> int:
        return len(self.store)
