"""The public Python API: one `Kennisgraaf` object that a notebook, the CLI and the server share.

Why one object: a question (a named query, an overlap, the gaps of one regisseur) needs the
data folder, the built graph, the plan year and the labels; a notebook should not need five
internal imports to get them, and the CLI should not hold behaviour a notebook cannot reach.
`open` only remembers its options; the graph is built (or read from the cache) the first
time something needs it, as `sqlite_utils.Database` opens its file once and every method
shares it.

Every question answers with a `Result`: `.rows` for Python, `.to_table()` for a `Table`, and
`.render(fmt)` for text (table, csv, json, md) or bytes (xlsx), through the one set of
renderers in `kennisgraaf.tables`; the CLI writes exactly that rendering.

>>> import kennisgraaf
>>> kg = kennisgraaf.open()
>>> q2 = kg.query("oplevering-per-kwartaal", kwartaal="Q2").where(thema="Waterkwaliteit")
>>> for titel in q2.column("titel"):
...     print(titel)
Beslisboom VTH bij aantreffen van KRW/ZZS/overige stoffen (Juridisch kader)
Landelijke dag Vergunningverlening Lozingen
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:  # the heavy modules load when a method needs them: `import kennisgraaf` stays cheap
    import networkx as nx

    from .build import BuildReport, Progress
    from .queries import Catalogue
    from .sources import DataFolder
    from .store import Store
    from .tables import Table
    from .years import Jaarkeuze

__all__ = [
    "FORMATS",
    "Kennisgraaf",
    "Result",
    "check_format",
    "open",
    "rapport_format",
    "render_tables",
]

#: the formats of a table result (`Result.render`)
FORMATS = ("table", "csv", "json", "md", "xlsx")
#: formats a person reads: names instead of IRIs
_LABELLED = ("table", "md", "xlsx")
#: the tables of `stats`: key → (catalogue query, title)
STATS_TABLES = {"themas": ("thema-overzicht", "Per thema"), "tellingen": ("tellingen", "Tellingen")}
STAGE_NAMES = ("inlezen", "valideren", "redeneren", "opslaan")


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    """One Dutch message for a format a result cannot take, before any work is done.

    >>> check_format("csv")
    'csv'
    >>> check_format("pdf")
    Traceback (most recent call last):
    kennisgraaf.errors.KennisgraafError: onbekend formaat 'pdf'; kies uit: table, csv, json, md, xlsx
    """
    if fmt not in allowed:
        from .errors import KennisgraafError

        raise KennisgraafError(f"onbekend formaat {fmt!r}; kies uit: {', '.join(allowed)}")
    return fmt


def render_tables(
    tables: Sequence[Table],
    fmt: str = "table",
    *,
    keys: Sequence[str] | None = None,
    excel: bool = False,
    width: int | None = None,
    terminal: bool = False,
    limit: int | None = None,
) -> str | bytes:
    """Several tables as ONE document: xlsx sheets, one JSON object (by `keys`), one Markdown
    file, or one terminal page (`width`/`terminal`/`limit` as the screen has them). CSV holds
    one table only: callers pick which.

    >>> from kennisgraaf.tables import Table
    >>> print(render_tables([Table(["a"], [[1]]), Table(["b"], [[2]])], "json", keys=["x", "y"]))
    {
      "x": [
        {
          "a": 1
        }
      ],
      "y": [
        {
          "b": 2
        }
      ]
    }
    <BLANKLINE>
    """
    import json

    from .tables import _json_value, markdown, render

    check_format(fmt)
    if fmt == "xlsx":
        from .xlsx import workbook

        return bytes(workbook(list(tables)))
    if fmt == "table":
        if width is not None:
            from .screen import render as screen_render

            return "\n".join(screen_render(t, width=width, terminal=terminal, limit=limit) for t in tables)
        return "\n".join(render(t, "table") for t in tables)
    if fmt == "md":
        return "\n".join(markdown(t) for t in tables)
    if len(tables) == 1:
        return render(tables[0], fmt, excel=excel)
    if fmt == "json":
        payload = {
            key: [dict(zip(t.columns, (_json_value(v) for v in row), strict=True)) for row in t.rows]
            for key, t in zip(keys or [t.title for t in tables], tables, strict=True)
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    raise ValueError("CSV holds one table; choose one before render_tables")


def rapport_format(out: Path | str | None) -> str:
    """The rapport's format when none is named: HTML for an .html file, Markdown otherwise.

    >>> rapport_format("rapport.html"), rapport_format(None)
    ('html', 'md')
    """
    return "html" if out is not None and Path(out).suffix.lower() in (".html", ".htm") else "md"


@dataclass
class _Parts:
    """What a result is made of, computed once when first needed (see `Result`)."""

    tables: Callable[[bool, bool], list[Table]]  # (labels, wide) → the document's tables
    raw: Any = None
    title: str = ""
    json: Callable[[], str] | None = None  # a native JSON form (SPARQL results, findings)
    text: Callable[[str], str] | None = None  # not a table at all (Turtle of a CONSTRUCT)
    summary: Callable[[], Table] | None = None  # a screen's first table, unless `alles`
    keuze: Jaarkeuze | None = None
    #: the tables' first `limit` rows, made without the rest (a 1 M build's overlap table has
    #: 2.7 million rows, two minutes to make, for a screen that shows 40)
    head: Callable[[int], list[Table]] | None = None


class Result:
    """The answer to a question, in every form a reader asks for.

    Why lazy: a command checks every option (format, table, year) before the graph is built,
    so a typing error costs nothing; the work happens at the first `.rows`, `.to_table()` or
    `.render()`. `.raw` is the underlying object (a SPARQL ResultSet, the findings, the
    overlaps) for Python that wants more than the table.

    >>> from kennisgraaf.tables import Table
    >>> r = Result.of([Table(["thema", "n"], [["Water", 2], ["Bodem", 1]], title="Tellen")])
    >>> r.rows
    [['Water', 2], ['Bodem', 1]]
    >>> r.records()[0]
    {'thema': 'Water', 'n': 2}
    >>> print(r.render("csv"), end="")
    thema,n
    Water,2
    Bodem,1
    """

    def __init__(
        self,
        make: Callable[[], _Parts],
        *,
        keys: Sequence[str] | None = None,
        formats: Sequence[str] = FORMATS,
        limited: bool = False,
        csv_key: str | None = None,
        csv_message: str = "CSV bevat één tabel",
        keep_screen: Callable[[Callable[[], list[Table]]], list[Table]] | None = None,
    ) -> None:
        self._make = make
        #: how a cached build keeps this result's screenful (`screen_tables`), if it does
        self.keep_screen = keep_screen
        self.keys = list(keys) if keys else None
        self.formats = tuple(formats)
        self.limited = limited  # a terminal shows a screenful unless `alles`
        self.csv_key = csv_key
        self.csv_message = csv_message
        self._tables: dict[tuple[bool, bool], list[Table]] = {}

    @classmethod
    def of(
        cls, tables: Sequence[Table], *, keys: Sequence[str] | None = None, raw: Any = None, limited: bool = False
    ) -> Result:
        """A result of tables already made."""
        made = list(tables)
        return cls(
            lambda: _Parts(lambda labels, wide: made, raw=raw, title=made[0].title if made else ""),
            keys=keys,
            limited=limited,
        )

    @cached_property
    def _parts(self) -> _Parts:
        return self._make()

    @property
    def raw(self) -> Any:
        return self._parts.raw

    @property
    def title(self) -> str:
        return self._parts.title

    @property
    def keuze(self) -> Jaarkeuze | None:
        """The plan year(s) the result is about, when it is scoped to years."""
        return self._parts.keuze

    def tables(self, labels: bool = True, wide: bool = False) -> list[Table]:
        """Every table of the document (`stats` and `export alles` have several)."""
        key = (labels, wide)
        if key not in self._tables:
            self._tables[key] = self._parts.tables(labels, wide)
        return self._tables[key]

    def to_table(self, labels: bool = True, wide: bool = False) -> Table:
        """The (first) table; `labels`: names for IRIs, as a person reads them."""
        return self.tables(labels, wide)[0]

    @property
    def columns(self) -> list[str]:
        return self.to_table(labels=False).columns

    @property
    def rows(self) -> list[list[object]]:
        """The rows as Python values: numbers stay numbers, IRIs are compacted (`thema:zzs`)."""
        return self.to_table(labels=False).rows

    def records(self, labels: bool = False) -> list[dict[str, object]]:
        """One dict per row, by column name."""
        table = self.to_table(labels=labels)
        return [dict(zip(table.columns, row, strict=True)) for row in table.rows]

    def where(self, **equal: object) -> Result:
        """The rows whose columns equal the given values (a notebook's filter).

        >>> from kennisgraaf.tables import Table
        >>> Result.of([Table(["thema", "n"], [["Water", 2], ["Bodem", 1]])]).where(thema="Bodem").rows
        [['Bodem', 1]]
        """
        from .tables import Table

        def keep(table: Table) -> Table:
            at = {name: table.columns.index(name) for name in equal}
            rows = [row for row in table.rows if all(row[i] == equal[n] for n, i in at.items())]
            return Table(list(table.columns), rows, title=table.title, money=set(table.money), lists=table.lists)

        return Result(lambda: _Parts(lambda labels, wide: [keep(self.to_table(labels, wide))], title=self.title))

    def column(self, name: str) -> list[object]:
        """One column's values, top to bottom."""
        at = self.columns.index(name)
        return [row[at] for row in self.rows]

    def render(
        self,
        fmt: str = "table",
        *,
        alles: bool = True,
        excel: bool = False,
        width: int | None = None,
        terminal: bool = False,
        limit: int | None = None,
    ) -> str | bytes:
        """The result as one document in `fmt` (xlsx: bytes). `alles=False` is the screen's
        short form: a summary first where there is one, and with `width` at most `limit` rows."""
        check_format(fmt, self.formats)
        if fmt == "table" and not alles and self.limited and width is not None and limit is None and self.keep_screen:
            from .screen import ROW_LIMIT

            return render_tables(self.screen_tables(), fmt, width=width, terminal=terminal, limit=ROW_LIMIT)
        keys = self.keys
        if fmt == "csv" and keys and len(keys) > 1:
            if self.csv_key is None:
                from .errors import KennisgraafError

                raise KennisgraafError(self.csv_message)
            keys = [self.csv_key]
        parts = self._parts
        if parts.text is not None:
            return parts.text(fmt)
        if fmt == "json" and parts.json is not None:
            return parts.json()
        tables = self.tables(labels=fmt in _LABELLED, wide=fmt in ("csv", "xlsx"))
        if keys is not None and self.keys is not None and keys != self.keys:
            tables = [tables[self.keys.index(k)] for k in keys]
        if fmt == "table" and not alles and parts.summary is not None:
            tables = [parts.summary(), *tables]
        if limit is None and fmt == "table" and not alles and self.limited:
            from .screen import ROW_LIMIT

            limit = ROW_LIMIT
        return render_tables(tables, fmt, keys=keys, excel=excel, width=width, terminal=terminal, limit=limit)

    def screen_tables(self) -> list[Table]:
        """What a screen shows of the result (`render(alles=False)` at a width): the summary,
        then the first rows of each table. Why kept apart: at 1 M the overlaps are 2.7 million
        pairs, minutes to unpickle and lay out, for a screen that shows 40 of them."""
        from .screen import ROW_LIMIT, screenful

        def compute() -> list[Table]:
            parts = self._parts
            summary = [parts.summary()] if parts.summary is not None else []
            if parts.head is not None:
                return [*summary, *parts.head(ROW_LIMIT)]
            return [*summary, *(screenful(t, ROW_LIMIT) for t in self.tables(labels=True, wide=False))]

        return compute() if self.keep_screen is None else self.keep_screen(compute)

    def __repr__(self) -> str:
        return f"<Result {self.title!r}>"


def _names(network: nx.MultiDiGraph) -> Any:
    """The display names of an analysis network (labels, and theme codes)."""
    from .analysis.network import nodes_of
    from .reports.tables import Names

    return Names(
        {n: d.get("label", n) for n, d in network.nodes(data=True)},
        {t: network.nodes[t].get("code") or "" for t in nodes_of(network, "thema")},
    )


@dataclass
class ThemakaartWritten:
    """The files of one theme's card: the HTML page and (with `pdf`) its PDF."""

    thema: str
    files: list[Path] = field(default_factory=list)


class Kennisgraaf:
    """The knowledge graph of one data folder (or one SPARQL endpoint), for one plan year.

    Build it with `kennisgraaf.open`. The store, the catalogue and the network are made once,
    when first needed, and shared by every question; `jaar` is the plan year every question is
    about (None: the latest year with plans; "alle" where years can be mixed).

    >>> kg = open()
    >>> kg.stats().columns[:3]
    ['thema', 'kennisplan', 'producten']
    """

    def __init__(
        self,
        data: Path | str | None = None,
        cache_dir: Path | str | None = None,
        endpoint: str | None = None,
        jaar: int | str | None = None,
        *,
        timeout: float | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.data = Path(data) if data is not None else None
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.endpoint = endpoint
        self.jaar = jaar
        self.timeout = timeout
        self.progress = progress

    @classmethod
    def of(cls, store: Store, folder: DataFolder, jaar: int | str | None = None) -> Kennisgraaf:
        """The graph of a store already loaded (serve: one load for its site, rapport and pages)."""
        graaf = cls(folder.root, jaar=jaar)
        graaf.__dict__.update(store=store, folder=folder)  # the cached properties, given
        return graaf

    def __repr__(self) -> str:
        where = self.endpoint or (str(self.data) if self.data else "meegeleverde data")
        return f"<Kennisgraaf {where}{'' if self.jaar is None else f' jaar {self.jaar}'}>"

    # --- what every question shares -------------------------------------------------------

    @cached_property
    def folder(self) -> DataFolder:
        """The data folder: ontology, graph, queries, visuals and plan texts."""
        from .sources import DataFolder

        return DataFolder.resolve(self.data)

    @cached_property
    def store(self) -> Store:
        """The graph: the local build (made now if the sources changed) or the endpoint."""
        from .access import open_store

        return open_store(
            self.folder, self.cache_dir, endpoint=self.endpoint, progress=self.progress, timeout=self.timeout
        )

    @cached_property
    def catalogue(self) -> Catalogue:
        """The named questions of `queries/*.rq`."""
        from .queries import Catalogue

        return Catalogue.load(self.folder.queries_dir)

    def check_jaar(self) -> None:
        """A malformed year fails before any build."""
        from .years import parse_year

        parse_year(self.jaar)

    def jaarkeuze(self) -> Jaarkeuze:
        """The plan year(s) a catalogue question or an export is scoped to."""
        from .years import choose

        return choose(self.store, self.jaar)

    @cached_property
    def network(self) -> nx.MultiDiGraph:
        """The analysis network of every plan year, with the plan texts for line references."""
        from .analysis.precomputed import load_network  # kept beside the build after the first use

        self.check_jaar()
        return load_network(self.store, self.folder.sources_texts_dir)

    @cached_property
    def network_keuze(self) -> Jaarkeuze:
        """The one plan year the analyses look at (never "alle": an overlap is of one year)."""
        from .analysis.precomputed import plan_years  # kept beside the build: no network to load
        from .years import pick

        self.check_jaar()
        return pick(plan_years(self.store, self.folder.sources_texts_dir), self.jaar, allow_all=False)

    @cached_property
    def year_network(self) -> nx.MultiDiGraph:
        """The analysis network cut to the chosen plan year."""
        from .analysis.years import scope

        return scope(self.network, self.network_keuze.jaar)

    # --- questions --------------------------------------------------------------------------

    def query(self, name: str, /, **params: str) -> Result:
        """A named question of the catalogue, its parameters as you type them ("zzs", "RIVM").

        >>> open().query("regisseurs").columns
        ['thema', 'regisseur', 'email']
        """
        from .years import uses_year

        named = self.catalogue.get(name)  # an unknown name → the list, before any build
        self.check_jaar()

        def make() -> _Parts:
            title, keuze = named.title, None
            if uses_year(named.text):
                keuze = self.jaarkeuze()
                title = f"{title} — {keuze.label()}"
            raw = self.catalogue.execute(self.store, name, dict(params), jaar=keuze)
            return self._query_parts(raw, title, keuze)

        return Result(make, limited=True)

    def run_file(self, path: Path | str) -> Result:
        """A query of your own from a `.rq` file (UTF-8), read-only."""
        from .errors import QueryError
        from .files import read_utf8

        path = Path(path)
        if not path.is_file():
            raise QueryError(f"bestand niet gevonden: {path}")
        text = read_utf8(path, "--file")
        return Result(lambda: self._query_parts(self.store.run(text), path.name, None), limited=True)

    def sparql(self, text: str) -> Result:
        """Any read-only SPARQL (SELECT, ASK, CONSTRUCT); kn:, skos:, thema: ... are declared.

        >>> open().sparql("ASK { ?t a kn:Thema }").rows
        [['ja']]
        """
        return Result(lambda: self._query_parts(self.store.run(text), "", None), limited=True)

    def _query_parts(self, raw: Any, title: str, keuze: Jaarkeuze | None) -> _Parts:
        """One rendering rule for every query result: SELECT, ASK or CONSTRUCT."""
        from .store import AskResult, GraphResult, SelectResult
        from .tables import Table, from_results, sparql_json

        if isinstance(raw, AskResult):
            answer = Table(["antwoord"], [["ja" if raw else "nee"]], title=title)
            return _Parts(lambda labels, wide: [answer], raw, title, json=lambda: sparql_json(raw), keuze=keuze)
        if isinstance(raw, GraphResult):  # CONSTRUCT / DESCRIBE: Turtle
            triples = raw.triples

            def turtle(fmt: str) -> str:
                if fmt == "xlsx":
                    from .errors import QueryError

                    raise QueryError("xlsx is een tabel: alleen voor SELECT en ASK; CONSTRUCT geeft Turtle")
                import pyoxigraph as ox

                from .namespaces import PREFIXES

                text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
                return text.decode("utf-8") if isinstance(text, bytes) else str(text)

            def no_table(labels: bool, wide: bool) -> list[Table]:
                from .errors import QueryError

                raise QueryError("CONSTRUCT geeft triples, geen tabel: gebruik .raw of .render()")

            return _Parts(no_table, raw, title, text=turtle, keuze=keuze)
        results: SelectResult = raw

        def tables(labels: bool, wide: bool) -> list[Table]:
            from .labels import with_labels

            named = cast("Callable[[Store, SelectResult], SelectResult]", with_labels)
            table = from_results(named(self.store, results) if labels else results, title=title)
            if not table.rows:
                table.notes.append("(geen resultaten)")
            return [table]

        return _Parts(tables, raw, title, json=lambda: sparql_json(results), keuze=keuze)

    def list_queries(self) -> Result:
        """The catalogue: every named question with its parameters."""
        from .tables import Table

        def table() -> Table:
            rows: list[list[object]] = []
            for query in self.catalogue.queries.values():
                params = ", ".join(
                    f"{p.name} ({p.kind}{', verplicht' if p.required else ''}"
                    f"{', standaard ' + p.default if p.default else ''})"
                    for p in query.params
                )
                rows.append([query.name, query.title, params or "—"])
            return Table(["naam", "vraag", "parameters"], rows, title="Vragen (queries/*.rq)")

        return Result(lambda: _Parts(lambda labels, wide: [table()], title="Vragen (queries/*.rq)"))

    @staticmethod
    def prefixes() -> Result:
        """The prefixes every query may use without declaring them."""
        from .namespaces import PREFIXES
        from .tables import Table

        return Result.of([Table(["prefix", "IRI"], [[p + ":", iri] for p, iri in PREFIXES.items()], title="Prefixen")])

    def export(self, table: str) -> Result:
        """A fixed export table (producten, overdrachten, ...; or "alles"), columns guaranteed.

        >>> open().export("producten").columns
        ['thema', 'titel', 'vorm', 'status', 'planning', 'budget_eur', 'bron']
        """
        from .errors import KennisgraafError
        from .exports import COLUMNS, export_table

        if table not in (*COLUMNS, "alles"):  # before any build: the list of valid tables
            raise KennisgraafError(f"onbekende exporttabel {table!r}; kies uit: {', '.join(COLUMNS)} of alles")
        self.check_jaar()
        names = list(COLUMNS) if table == "alles" else [table]

        def make() -> _Parts:
            made = [export_table(self.store, self.folder.queries_dir, name, self.jaar) for name in names]
            return _Parts(lambda labels, wide: made, title=made[0].title)

        return Result(
            make,
            keys=names,
            formats=("csv", "json", "xlsx"),
            limited=True,
            csv_message="CSV bevat één tabel: kies er een, of gebruik --format xlsx of json voor alles",
        )

    def stats(self, tabel: str | None = None) -> Result:
        """Per theme the plan, products, partners, ...; then the counts of the whole network.

        `tabel`: only "themas" or "tellingen". As CSV (one table) the per-theme table.
        """
        from .errors import KennisgraafError

        self.check_jaar()
        if tabel is not None and tabel not in STATS_TABLES:
            raise KennisgraafError(f"onbekende tabel {tabel!r}; kies uit: {', '.join(STATS_TABLES)}")
        keys = [tabel] if tabel else list(STATS_TABLES)

        def make() -> _Parts:
            keuze = self.jaarkeuze()
            tables = []
            for key in keys:
                name, title = STATS_TABLES[key]
                table = self.catalogue.run(self.store, name, jaar=keuze)
                table.title = f"{title} — {keuze.label()}" if len(keuze.jaren) > 1 else title
                if key == "tellingen":
                    table.notes.append("Per klasse van de ontologie: kennisgraaf query klassen")
                tables.append(table)
            return _Parts(lambda labels, wide: tables, title=tables[0].title, keuze=keuze)

        return Result(make, keys=keys, csv_key="themas", limited=True)

    def validate(self) -> Result:
        """The sources checked: Turtle syntax and the SHACL shapes. `.raw`: the findings
        (each with `is_error`); no build is needed."""
        from .load import load
        from .validate import validate as run_validation

        problems = run_validation(load(self.folder), self.folder)

        return Result(
            lambda: _Parts(lambda labels, wide: [violation_table(problems)], problems, "Validatie"), limited=True
        )

    def build(self, force: bool = False, reasoner: str = "rules") -> Result:
        """Build the graph now (skipped when the cache matches the sources); `.raw`: the report."""
        from .access import ensure_build
        from .errors import KennisgraafError
        from .reason import MODES
        from .tables import Table

        if reasoner not in MODES:
            raise KennisgraafError(f"onbekende redeneerder {reasoner!r}; kies uit: {', '.join(MODES)}")
        report: BuildReport = ensure_build(
            self.folder,
            self.cache_dir,
            reasoner=reasoner,
            force=force,
            progress=self.progress,
        )
        rows: list[list[object]] = [
            ["bronbestanden", report.sources],
            ["triples (bronnen)", report.asserted],
            ["triples (afgeleid)", report.inferred],
            ["triples (totaal)", report.asserted + report.inferred],
        ]
        if not report.from_cache:  # a warm build did no work: the manifest's timings are of an earlier run
            rows += [[f"tijd {name} (s)", round(report.seconds.get(name, 0.0), 2)] for name in STAGE_NAMES]
        warnings = [w for w in report.warnings if not w.is_error]
        title = f"Build ({report.reasoner})" + (" uit de cache" if report.from_cache else "")
        notes = [f"{len(warnings)} waarschuwing(en); zie: kennisgraaf validate"] if warnings else []
        return Result.of([Table(["", "waarde"], rows, title=title, notes=notes)], raw=report)

    # --- analyses ---------------------------------------------------------------------------

    def overlaps(self, thema: str | None = None, langs: str = "alles", matrix: bool = False) -> Result:
        """Where themes overlap: per pair what they share, per axis and in total, most first.

        `langs`: onderwerpen, organisaties, wetgeving, overleggen or alles (comma-separated);
        `thema`: one theme against all others; `matrix`: a theme × theme table instead.
        """
        if langs != "alles":  # the default needs no check, nor the import of networkx a check costs
            from .analysis.overlap import parse_axes

            parse_axes(langs)  # a wrong axis fails before any build
        self.check_jaar()

        def make() -> _Parts:
            from .analysis.overlap import by_specific
            from .reports.summary import overlap_summary
            from .reports.tables import matrix_table, overlap_table, overlaps_json

            def compute() -> tuple[Any, ...]:
                from .analysis.network import counted_themes, find_theme, label, targets
                from .analysis.overlap import overlaps, parse_axes
                from .errors import KennisgraafError

                axes = parse_axes(langs)
                network = self.year_network
                chosen = find_theme(network, thema) if thema else None
                if chosen and chosen not in counted_themes(network):  # a sub-theme without a plan has no overlap
                    parents = ", ".join(label(network, p) for p in targets(network, chosen, "kn:subthemaVan"))
                    raise KennisgraafError(
                        f"{label(network, chosen)} is een subthema van {parents} zonder eigen plan; "
                        f"kies --thema {parents.split(', ')[0]}"
                    )
                return axes, chosen, overlaps(network, axes, thema=chosen), _names(network)

            axes, chosen, found, names = self._kept("overlap", (thema, langs), compute)
            if matrix:
                return _Parts(lambda labels, wide: [matrix_table(found, names)], found, keuze=self.network_keuze)
            return _Parts(
                lambda labels, wide: [overlap_table(found, names, axes, focus=chosen, wide=wide)],
                found,
                json=lambda: overlaps_json(found, names, axes),
                summary=lambda: overlap_summary(found, names, focus=chosen),
                keuze=self.network_keuze,
                # the table is in by_specific's order: its first rows are of the first pairs
                head=lambda limit: [
                    replace(overlap_table(by_specific(found)[:limit], names, axes, focus=chosen), total=len(found))
                ],
            )

        return Result(make, limited=True, keep_screen=self._keeper("overlap-scherm", (thema, langs, matrix)))

    def _keeper(self, kind: str, options: tuple[Any, ...]) -> Callable[[Callable[[], Any]], Any]:
        """`_kept` with its name and options bound: how a `Result` keeps its screenful."""
        return lambda compute: self._kept(kind, options, compute)

    def _kept(self, kind: str, options: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """`compute()` on the chosen year's network, kept beside a cached build as plain data."""
        from .analysis.precomputed import kept_for_year

        keuze = self.network_keuze
        return kept_for_year(self.store, self.folder.sources_texts_dir, keuze.jaar, kind, options, compute)

    def regisseurs(self) -> list[str]:
        """Every kennisregisseur named in a plan's colophon, sorted."""
        from .analysis.actions import regisseurs
        from .analysis.network import nodes_of

        network = self.year_network
        return sorted({r for t in nodes_of(network, "thema") for r in regisseurs(network, t)})

    def gaps(
        self,
        soort: Iterable[str] | None = None,
        ernst: str | None = None,
        thema: str | None = None,
        regisseur: str | None = None,
    ) -> Result:
        """What falls between two chairs: findings, the heaviest first.

        `soort`: only these kinds; `ernst`: this severity or heavier (hoog, middel, laag);
        `thema`: what touches this theme; `regisseur`: what touches the themes of this
        kennisregisseur (name as in the colophon).

        >>> kg = open()
        >>> {f.severity for f in kg.gaps(ernst="hoog").raw}
        {'hoog'}
        """
        from .analysis.findings import KINDS, SEVERITIES
        from .errors import KennisgraafError

        kinds = list(soort or [])
        for kind in kinds:
            if kind not in KINDS:
                raise KennisgraafError(f"onbekende soort {kind!r}; kies uit: {', '.join(KINDS)}")
        if ernst is not None and ernst not in SEVERITIES:
            raise KennisgraafError(f"onbekende ernst {ernst!r}; kies uit: {', '.join(SEVERITIES)}")
        self.check_jaar()

        def make() -> _Parts:
            from .reports.summary import gaps_summary
            from .reports.tables import findings_json, gaps_table

            def compute() -> tuple[Any, ...]:
                from .analysis.actions import concerns
                from .analysis.findings import severity_key
                from .analysis.gaps import find_gaps
                from .analysis.network import find_theme
                from .reports.summary import heaviest_first

                network = self.year_network
                found = heaviest_first(find_gaps(network))
                if kinds:
                    found = [f for f in found if f.kind in kinds]
                if ernst:
                    found = [f for f in found if SEVERITIES.index(f.severity) <= SEVERITIES.index(ernst)]
                title = "Gaten tussen de thema's"
                if thema:
                    chosen = find_theme(network, thema)
                    found = [f for f in found if chosen in f.themas]
                if regisseur:
                    known = self.regisseurs()
                    if regisseur.casefold().strip() not in {r.casefold() for r in known}:
                        raise KennisgraafError(
                            f"onbekende regisseur {regisseur!r} (--regisseur); kies uit: {', '.join(known)}"
                        )
                    found = [f for f in found if concerns(network, f, regisseur)]
                    title = f"Wat {regisseur} aangaat"
                return sorted(found, key=severity_key), _names(network), title

            found, names, title = self._kept("gaten", (tuple(kinds), ernst, thema, regisseur), compute)
            return _Parts(
                lambda labels, wide: [gaps_table(found, names, title)],
                found,
                title,
                json=lambda: findings_json(found, names),
                summary=lambda: gaps_summary(found),
                keuze=self.network_keuze,
                head=lambda limit: [replace(gaps_table(found[:limit], names, title), total=len(found))],
            )

        return Result(
            make, limited=True, keep_screen=self._keeper("gaten-scherm", (tuple(kinds), ernst, thema, regisseur))
        )

    def rapport(self, fmt: str = "md") -> str:
        """One readable report for the whole network (Markdown or self-contained HTML); with an
        earlier plan year, a chapter on what changed since."""
        from .reports.rapport import FORMATS as RAPPORT_FORMATS

        check_format(fmt, RAPPORT_FORMATS)
        keuze = self.network_keuze
        earlier = [y for y in keuze.jaren if keuze.jaar is not None and y < keuze.jaar]
        texts = self.folder.sources_texts_dir if fmt == "html" else None

        def compute() -> str:
            from .analysis import analyse
            from .analysis.compare import compare
            from .reports.rapport import render
            from .reports.vergelijking import comparison_blocks

            extra = comparison_blocks(compare(self.network, earlier[-1], keuze.jaar)) if earlier and keuze.jaar else []
            return str(render(analyse(self.year_network), fmt, extra, texts))

        return str(self._kept("rapport", (fmt, tuple(earlier)), compute))

    def vergelijk(self, a: int | str, b: int | str, thema: str | None = None) -> Result:
        """What changed between two plan years, per theme (products, partners, findings, ...)."""
        from .errors import KennisgraafError
        from .years import parse_year

        van, naar = parse_year(a, "jaar"), parse_year(b, "jaar")
        if not isinstance(van, int) or not isinstance(naar, int):
            raise KennisgraafError("vergelijk vraagt twee jaartallen, bijvoorbeeld: kennisgraaf vergelijk 2026 2027")
        if van == naar:
            raise KennisgraafError(f"vergelijk {van} met een ander jaar, niet met zichzelf")

        def make() -> _Parts:
            from .analysis.compare import compare
            from .analysis.network import find_theme
            from .analysis.years import plan_years
            from .reports.vergelijking import comparison_json, comparison_table
            from .years import pick

            network = self.network
            for year in (van, naar):
                pick(plan_years(network), year, option="jaar")  # a year without plans: one message
            chosen = find_theme(network, thema) if thema else None
            result = compare(network, van, naar, chosen)
            return _Parts(lambda labels, wide: [comparison_table(result)], result, json=lambda: comparison_json(result))

        return Result(make, limited=True)

    # --- documents written to files --------------------------------------------------------

    def view(self, name: str, thema: str | None = None, out: Path | str | None = None) -> Any:
        """One interactive network view as a self-contained HTML page; returns what was
        written (`.path`, `.view.nodes`, `.view.edges`). Without `out`: the user's cache."""
        from .errors import KennisgraafError
        from .views import load_config, page_name, write_view

        config = load_config(self.folder.visuals_dir)
        definition = config.view(name)  # an unknown name fails here, before any build
        if definition.needs_thema and not thema:
            raise KennisgraafError(f"de weergave {name!r} heeft --thema nodig, bijvoorbeeld --thema Waterkwaliteit")
        ctx = self._view_context()
        iri = None
        if thema:
            from .resolve import resolve

            found = resolve(self.store, "thema", thema, name="--thema")
            iri = found[0].value if isinstance(found, list) else found.value
        target = Path(out) if out is not None else default_views_dir() / page_name(name, iri)
        return write_view(ctx, config, name, target, iri)

    def _view_context(self, year: int | None = None) -> Any:
        from .views import Context

        texts = self.folder.sources_texts_dir
        if year is None and "year_network" not in self.__dict__:  # read when a page is not kept already
            return Context(self.store, texts, jaar=self.network_keuze.jaar)
        from .analysis.years import scope

        network = self.year_network if year is None else scope(self.network, year)
        return Context(self.store, texts, network=network)

    def views(self, out_dir: Path | str | None = None, on_year: Callable[[int, Path], None] | None = None) -> Any:
        """Every view and an index page in `out_dir`; with several plan years every other year
        in `out_dir/<jaar>/`, and on every page a switch to the same page of the other years.
        Returns the pages written for the chosen year."""
        from .analysis.network import nodes_of
        from .analysis.years import scope
        from .views import load_config, page_name, write_site

        config = load_config(self.folder.visuals_dir)
        target = Path(out_dir) if out_dir is not None else default_views_dir()
        keuze = self.network_keuze
        if len(keuze.jaren) < 2:
            return write_site(self._view_context(), config, target)
        home = keuze.jaar
        folders = {y: "" if y == home else f"{y}/" for y in keuze.jaren}
        scoped = {y: scope(self.network, y) for y in keuze.jaren}
        pages = {
            y: {page_name(n) for n in config.views}
            | {page_name("thema", scoped[y].nodes[p]["thema"]) for p in nodes_of(scoped[y], "plan")}
            for y in keuze.jaren
        }

        def switch(here: int) -> Callable[[str], tuple[tuple[int, str | None], ...]]:
            up = "" if here == home else "../"

            def years(page: str) -> tuple[tuple[int, str | None], ...]:
                return tuple(
                    (y, None if y == here else up + folders[y] + (page if page in pages[y] else "index.html"))
                    for y in keuze.jaren
                )

            return years

        from .views import Context

        written: list[Any] = []
        for y in keuze.jaren:
            ctx = Context(self.store, self.folder.sources_texts_dir, network=scoped[y])
            done = write_site(ctx, config, target / folders[y] if folders[y] else target, switch(y))
            if on_year is not None and y != home:
                on_year(y, target / str(y))
            written += done if y == home else []
        return written

    def site(self, out: Path | str, progress: Callable[[str], None] | None = None) -> Any:
        """The static website of the whole network in `out` (`kennisgraaf site`); its SiteReport."""
        from .site.writer import write

        return write(self.store, self.folder, Path(out), progress=progress)

    def zoek(self, term: str, limit: int | None = 20) -> Result:
        """The site's search (`kennisgraaf zoek`): labels, descriptions and plan lines, best first.
        A term without letters or digits is refused before any build."""
        from .errors import KennisgraafError
        from .site.model import SiteModel
        from .site.search import SearchIndex, terms
        from .site.writer import all_documents
        from .tables import Table

        if not terms(term):
            raise KennisgraafError(f"zoekterm {term!r} bevat geen letters of cijfers")

        def table() -> Table:
            hits = SearchIndex(all_documents(SiteModel(self.store, self.folder.sources_texts_dir))).search(term, limit)
            rows = [[i, h.doc.naam, h.doc.soort, h.doc.id, round(h.score, 3)] for i, h in enumerate(hits, 1)]
            return Table(["#", "naam", "soort", "pagina", "score"], rows, title=f"Zoeken: {term}")

        def make() -> _Parts:
            made = table()
            return _Parts(lambda labels, wide: [made], title=made.title)

        return Result(make)

    def themakaart(
        self,
        out_dir: Path | str,
        thema: str | None = None,
        pdf: bool = True,
        on_written: Callable[[ThemakaartWritten], None] | None = None,
    ) -> list[ThemakaartWritten]:
        """One printable page per theme (HTML, and PDF with Chromium) in `out_dir`."""
        from .analysis import analyse
        from .analysis.network import find_theme
        from .errors import KennisgraafError
        from .reports.themakaart import render, themes_with_plan, to_pdf
        from .slugs import local_name

        folder = Path(out_dir)
        network = self.year_network
        themes = [find_theme(network, thema)] if thema else themes_with_plan(network)
        analysis = analyse(network)
        texts = self.folder.sources_texts_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KennisgraafError(f"kan de map {folder} (--out-dir) niet maken: {exc.strerror}") from exc
        done = []
        for t in themes:
            name = f"themakaart-{local_name(t)}"
            html_file = folder / f"{name}.html"
            html_file.write_text(render(network, analysis, t, texts), encoding="utf-8")
            card = ThemakaartWritten(t, [html_file])
            if pdf:
                card.files.append(to_pdf(html_file, folder / f"{name}.pdf"))
            if on_written is not None:
                on_written(card)
            done.append(card)
        return done

    # --- authoring: plans in and out ------------------------------------------------------

    def scan(
        self, text: Path | str, thema: str | None = None, jaar: str = "2026", workbook: Path | str | None = None
    ) -> Result:
        """Every term of the registers found in a plan text, against what the graph links
        (mentioned but not linked, linked but never mentioned, unknown abbreviations); with
        `workbook`, a plan workbook filled in beforehand with what it found. `.raw`: the report."""
        from .authoring.plans import resolve_theme
        from .authoring.registers import Registers
        from .authoring.scan import scan as run_scan
        from .authoring.scan import workbook_rows
        from .authoring.workbook import write_workbook

        registers = Registers.load(self.folder)
        registers.add_plan_texts(self.folder)
        theme = resolve_theme(registers, thema) if thema else None
        report = run_scan(Path(text), self.folder, theme=theme, year=jaar if theme else None, registers=registers)
        if workbook is not None:
            write_workbook(workbook_rows(report, registers, jaar), registers, Path(workbook))
        return Result.of([report.table()], raw=report, limited=True)

    def werkboek(self, thema: str, out: Path | str, jaar: str = "2026") -> Path:
        """The Excel workbook of a plan (one sheet per table, pick lists from the registers);
        an empty one for a theme and year without a plan yet."""
        from .authoring.plans import write_plan_workbook

        return Path(write_plan_workbook(self.folder, thema, jaar, Path(out)))

    def inlezen(self, workbook: Path | str, add_new: bool = False) -> Any:
        """A filled-in workbook read and checked cell by cell, nothing written yet: `.diff`,
        `.changed`, `.target`; write it with `kennisgraaf.authoring.plans.write`."""
        from .authoring.plans import read_plan_workbook

        return read_plan_workbook(Path(workbook), self.folder, add_new=add_new)

    def nieuw_jaar(self, jaar: int, thema: str, van: int | None = None) -> Any:
        """Next year's plan begun as a copy of this year's (graph/plans/<jaar>/<thema>.ttl),
        never over an existing plan."""
        from .newyear import new_year, theme_slug

        return new_year(self.folder, jaar, theme_slug(self.folder, thema), van)

    # --- sharing the graph ------------------------------------------------------------------

    def publish(
        self,
        store: str,
        *,
        user: str | None = None,
        password: str | None = None,
        prune: bool = True,
        timeout: float = 120.0,
        again: bool = False,
        progress: Callable[[str], None] | None = None,
        on_resume: Callable[[int], None] | None = None,
    ) -> Result:
        """Every named graph of the build into a triple store (one PUT per graph, Graph Store
        HTTP Protocol); an interrupted run resumes unless `again`. `.raw`: the publish report."""
        from .access import ensure_build
        from .cache import Cache
        from .publish import GraphStore, PublishState, short_name
        from .publish import publish as run_publish
        from .tables import Table

        report = ensure_build(self.folder, self.cache_dir, progress=self.progress)
        target = GraphStore(store, user=user, password=password, timeout=timeout)
        build_key = report.entry.folder.name
        state = PublishState(Cache(self.cache_dir).root, target.url, build_key)
        if again:
            state.clear()
        elif state.done() and on_resume is not None:
            on_resume(len(state.done()))
        result = run_publish(
            report.entry.graph_file, target, build_key=build_key, prune=prune, progress=progress, state=state
        )
        status = {200: "vervangen", 201: "nieuw", 204: "vervangen"}
        rows: list[list[object]] = [
            [short_name(g.graph), g.triples, status.get(g.status, str(g.status))] for g in result.graphs
        ]
        rows += [[short_name(g), 0, "al vervangen (vorige poging)"] for g in result.skipped]
        rows += [[short_name(g), 0, "verwijderd"] for g in result.removed]
        sent = f"{result.triples} triples in {len(result.graphs)} grafen"
        notes = [f"{sent} naar {result.store} in {result.seconds:.1f} s"]
        return Result.of([Table(["graaf", "triples", "actie"], rows, title="Gepubliceerd", notes=notes)], raw=result)

    def server(self, site: Path | str | None = None, make_site: Path | str | None = None, **limits: Any) -> Any:
        """A local HTTP server on the build (SPARQL endpoint, question pages, resource pages,
        the views under /site/), not yet serving: call `.serve_forever()`, then `.close()`.
        `make_site`: first write the views and the rapport there (from the same loaded graph)
        and serve those. `limits`: the fields of `kennisgraaf.serve.ServeConfig` (host, port,
        timeout, max_rows, workers, ...); it binds to 127.0.0.1 unless told otherwise."""
        import contextlib

        from .access import ensure_build
        from .serve import KennisgraafServer, ServeConfig
        from .serve.server import default_workers
        from .store import OxigraphStore

        report = ensure_build(self.folder, self.cache_dir, progress=self.progress)
        store = OxigraphStore(report.entry.graph_file)  # loaded once: for the site and for the server
        if make_site is not None:
            from .serve.site import write_site

            stage = self.progress("weergaven en rapport maken") if self.progress else None
            with stage if isinstance(stage, contextlib.AbstractContextManager) else contextlib.nullcontext():
                write_site(store, self.folder, Path(make_site))
            site = make_site
        limits["workers"] = limits.get("workers") or default_workers()
        config = ServeConfig(
            graph_file=report.entry.graph_file,
            queries_dir=self.folder.queries_dir,
            site=Path(site) if site is not None else None,
            **limits,
        )
        try:
            return KennisgraafServer(config, store)
        except OSError as err:
            from .errors import KennisgraafError

            raise KennisgraafError(listen_error(config.host, config.port, err)) from None


def listen_error(host: str, port: int, err: OSError) -> str:
    """Why a server cannot listen, in Dutch: a busy port names the way out."""
    import errno

    if err.errno == errno.EADDRINUSE:
        return f"poort {port} op {host} is al in gebruik; kies een andere met --port (--port 0: een vrije)"
    return f"kan niet luisteren op {host}:{port}: {err.strerror or err}"


def violation_table(violations: Iterable[Any]) -> Table:
    """The findings of `validate` as one table: file (and plan line), node, property, message."""
    from .tables import Table

    rows: list[list[object]] = [
        [
            v.severity,
            v.source + (f" (planregel {v.line})" if v.line else ""),
            v.label,
            v.path,
            v.message + (f" [waarde: {v.value}]" if v.value else ""),
        ]
        for v in violations
    ]
    return Table(["ernst", "bestand", "knoop", "eigenschap", "melding"], rows, title="Validatie")


def default_views_dir() -> Path:
    """Where pages go when no folder is given: a folder of its own in the user's cache (not
    inside the build cache, whose old folders are pruned)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kennisgraaf-weergaven", appauthor=False))


def open(
    data: Path | str | None = None,
    cache_dir: Path | str | None = None,
    endpoint: str | None = None,
    jaar: int | str | None = None,
    *,
    timeout: float | None = None,
    progress: Progress | None = None,
) -> Kennisgraaf:
    """The knowledge graph of `data` (default: the shipped plans), built on first use into
    `cache_dir` (default: $KENNISGRAAF_CACHE_DIR or the user's cache); or a SPARQL endpoint.

    >>> kg = open(jaar=2026)
    >>> kg.query("budget-per-thema").columns[:2]
    ['thema', 'activiteitenbudget']
    """
    return Kennisgraaf(data, cache_dir, endpoint, jaar, timeout=timeout, progress=progress)
