"""The catalogue of named queries in `queries/*.rq` and how to run one.

A query file opens with a comment header that a regisseur can read and this module
parses: `# Titel:`, `# Vraag:`, `# Geeft:`, `# Parameters:` (one per line:
`naam (soort, verplicht|optioneel|standaard: waarde): uitleg`) and `# Voorbeeld:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import QueryError
from .tables import Table, from_results

_KEY = re.compile(r"^#\s*(Titel|Vraag|Geeft|Parameters|Voorbeeld):\s*(.*)$")
_PARAM = re.compile(r"^#\s+([a-z_][a-z0-9_]*)\s*\(([^)]*)\)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # thema, organisatie, onderwerp, wet, kwartaal, status, vorm, product, tekst, getal
    required: bool
    default: str | None
    help: str


@dataclass
class NamedQuery:
    name: str
    path: Path
    text: str
    title: str = ""
    question: str = ""
    returns: str = ""
    example: str = ""
    params: list[Param] = field(default_factory=list)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        valid = ", ".join(p.name for p in self.params) or "geen"
        raise QueryError(f"query {self.name!r} kent geen parameter {name!r}; geldig: {valid}")


def parse_header(name: str, path: Path, text: str) -> NamedQuery:
    query = NamedQuery(name=name, path=path, text=text)
    current = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key = _KEY.match(line)
        if key:
            current, value = key.group(1), key.group(2).strip()
            if current == "Parameters":
                continue
            attr = {"Titel": "title", "Vraag": "question", "Geeft": "returns", "Voorbeeld": "example"}[current]
            setattr(query, attr, value)
            continue
        param = _PARAM.match(line) if current == "Parameters" else None
        if param:
            query.params.append(_param(name, *param.groups()))
            continue
        more = line.lstrip("#").strip()
        if more and current in ("Vraag", "Geeft", "Voorbeeld"):
            attr = {"Vraag": "question", "Geeft": "returns", "Voorbeeld": "example"}[current]
            setattr(query, attr, (getattr(query, attr) + " " + more).strip())
    return query


def _param(query: str, name: str, spec: str, help_text: str) -> Param:
    parts = [p.strip() for p in spec.split(",")]
    kind, required, default = parts[0], False, None
    for part in parts[1:]:
        if part == "verplicht":
            required = True
        elif part.startswith("standaard:"):
            default = part.split(":", 1)[1].strip().strip('"')
    return Param(name, kind, required, default, help_text.strip())


class Catalogue:
    def __init__(self, queries: dict[str, NamedQuery]):
        self.queries = queries

    @classmethod
    def load(cls, folder: Path) -> Catalogue:
        found = {}
        for path in sorted(Path(folder).glob("*.rq")):
            found[path.stem] = parse_header(path.stem, path, path.read_text(encoding="utf-8"))
        return cls(found)

    def get(self, name: str) -> NamedQuery:
        if name not in self.queries:
            import difflib

            from .resolve import unknown_name

            close = difflib.get_close_matches(name, self.queries, n=3, cutoff=0.4)
            raise QueryError(unknown_name("", "query", name, close, f"Beschikbaar: {', '.join(sorted(self.queries))}"))
        return self.queries[name]

    def bindings(self, store, query: NamedQuery, values: dict[str, str]) -> dict:
        from .resolve import resolve

        for key in values:
            query.param(key)  # unknown parameter → error listing the valid ones
        bound = {}
        for param in query.params:
            raw = values.get(param.name, param.default)
            if raw is None:
                if param.required:
                    raise QueryError(
                        f"query {query.name!r} vraagt parameter {param.name!r} ({param.kind}): {param.help}"
                    )
                continue
            bound[param.name] = resolve(store, param.kind, raw, param.name)
        return bound

    def one_year(self, store, name: str, values: dict[str, str] | None = None, jaar=None, *, option="--jaar"):
        """A named query and its bindings for one plan year, `?jaar` included when it names it.

        For callers that hand the bound text on (the server's workers) rather than run it here,
        so a year-scoped query never reaches a store unbound and mixes the years.
        """
        from .years import choose, qualify_quarters, uses_year, year_term

        query = self.get(name)
        values = dict(values or {})
        year = {}
        if uses_year(query.text):
            keuze = choose(store, jaar, allow_all=False, option=option)
            values = qualify_quarters(query.params, values, keuze)
            if keuze.jaar is not None:
                year = {"jaar": year_term(keuze.jaar)}
        return query, {**self.bindings(store, query, values), **year}

    def execute(self, store, name: str, values: dict[str, str] | None = None, jaar=None):
        """The raw result of a named query (a SelectResult, AskResult or GraphResult).

        A query that names `?jaar` is scoped to one plan year (`jaar`: a year, "alle", a
        `Jaarkeuze`, or None for the latest year with plans). With every year, a SELECT runs
        once per year and its rows come back with a leading `jaar` column.
        """
        from .years import choose, uses_year

        query = self.get(name)
        keuze = choose(store, jaar) if uses_year(query.text) else None
        if keuze is not None and keuze.alle:
            return per_year(store, query.text, self.bindings(store, query, dict(values or {})), keuze.jaren)
        query, bound = self.one_year(store, name, values, keuze)
        return store.run(query.text, bound)

    def run(self, store, name: str, values: dict[str, str] | None = None, jaar=None) -> Table:
        return from_results(self.execute(store, name, values, jaar), title=self.get(name).title)


def scoped(store, text: str, bound: dict, jaar=None):
    """Run `text` with its parameters `bound`, scoped to the plan year when it names `?jaar`."""
    from .years import choose, uses_year, year_term

    if not uses_year(text):
        return store.run(text, bound)
    keuze = choose(store, jaar)
    if keuze.jaar is not None:
        return store.run(text, {**bound, "jaar": year_term(keuze.jaar)})
    return per_year(store, text, bound, keuze.jaren)


def per_year(store, text: str, bound: dict, jaren) -> object:
    """A year-scoped query for every year in turn; a SELECT's rows with a `jaar` column first."""
    from .store import SelectResult
    from .years import year_term

    results = [(jaar, store.run(text, {**bound, "jaar": year_term(jaar)})) for jaar in jaren]
    if not results or not isinstance(results[0][1], SelectResult):
        return store.run(text, bound)
    variables = ["jaar", *[v for v in results[0][1].variables if v != "jaar"]]
    rows = [{**row, "jaar": year_term(jaar)} for jaar, found in results for row in found.rows]
    return SelectResult(variables, rows)
