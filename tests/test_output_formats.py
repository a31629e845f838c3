"""Regisseur-ready files: xlsx with typed cells, CSV for a Dutch Excel, one document per call."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.exports import COLUMNS

runner = CliRunner()


def _run(args, cache_dir):
    result = runner.invoke(app, [*args, "-q", "--cache-dir", str(cache_dir)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result


def _sheets(path):
    book = load_workbook(path)
    return {sheet.title: sheet for sheet in book.worksheets}


def _column(sheet, name):
    header = [c.value for c in sheet[1]]
    index = header.index(name) + 1
    return [row[0] for row in sheet.iter_rows(min_row=2, min_col=index, max_col=index)]


def test_export_alles_xlsx_has_a_typed_sheet_per_table(build_2026, cache_dir, tmp_path):
    target = tmp_path / "kennisgraaf.xlsx"
    _run(["export", "alles", "--format", "xlsx", "--out", str(target)], cache_dir)
    sheets = _sheets(target)
    assert list(sheets) == list(COLUMNS)
    for name, sheet in sheets.items():
        assert [c.value for c in sheet[1]] == COLUMNS[name]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
    budgets = [c for c in _column(sheets["producten"], "budget_eur") if c.value is not None]
    assert budgets and all(isinstance(c.value, int | float) for c in budgets)
    assert all("€" in c.number_format for c in budgets)
    assert sum(c.value for c in budgets) > 0
    when = [c.value for c in _column(sheets["bijeenkomsten"], "datum") if c.value is not None]
    dates = [v for v in when if isinstance(v, datetime)]
    assert dates and datetime(2026, 2, 23) in dates  # "Webinar CE 23 februari 2026"
    assert all(isinstance(v, str) and v.startswith("Q") for v in when if v not in dates)  # a quarter, no day
    per_year = [c.value for c in _column(sheets["overleggen"], "per_jaar") if c.value is not None]
    assert per_year and all(isinstance(v, int | float) for v in per_year)
    themes = [c for c in _column(sheets["organisaties"], "themas") if c.value]
    lists = [c for c in themes if "\n" in c.value]
    assert lists, "an organisation of several themes keeps them in one cell, a line each"
    assert all("; " not in c.value for c in themes) and all(c.alignment.wrap_text for c in lists)


@pytest.mark.parametrize(
    ("args", "numeric"),
    [
        (["stats"], "producten"),
        (["query", "budget-per-thema"], None),
        (["sparql", "SELECT ?t (COUNT(?p) AS ?n) WHERE { ?p kn:vanThema ?t } GROUP BY ?t"], "n"),
        (["overlap"], "score"),
        (["gaps"], None),
    ],
)
def test_every_table_command_writes_xlsx(build_2026, cache_dir, tmp_path, args, numeric):
    target = tmp_path / "uit.xlsx"
    _run([*args, "--format", "xlsx", "--out", str(target)], cache_dir)
    csv_args = [*args, "--format", "csv"] + (["--tabel", "themas"] if args == ["stats"] else [])
    header = next(csv.reader(io.StringIO(_run(csv_args, cache_dir).stdout)))
    sheets = _sheets(target)
    first = next(iter(sheets.values()))
    assert [c.value for c in first[1]] == header
    assert first.max_row > 1
    if numeric:
        values = [c.value for c in _column(first, numeric) if c.value is not None]
        assert values and all(isinstance(v, int | float) for v in values)
    if args == ["stats"]:
        assert list(sheets) == ["Per thema", "Tellingen"]


def test_xlsx_refuses_a_terminal_but_needs_out(build_2026, cache_dir):
    """CliRunner's stdout is no terminal: the bytes go there, and they are a workbook."""
    result = runner.invoke(app, ["stats", "--format", "xlsx", "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0
    assert load_workbook(io.BytesIO(result.stdout_bytes)).sheetnames == ["Per thema", "Tellingen"]


@pytest.mark.parametrize("table", ["producten", "organisaties", "overleggen"])
def test_excel_csv_is_semicolon_bom_crlf_and_keeps_lists_in_one_cell(build_2026, cache_dir, table):
    raw = _run(["export", table, "--excel"], cache_dir).stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n"), "every line ends in CRLF"
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == COLUMNS[table]
    assert all(len(row) == len(rows[0]) for row in rows), "a '; ' list must not split a row into columns"
    accented = {ch for ch in text if ord(ch) > 127}
    assert accented, "the data has accents (Israëls, financiële): they must survive"
    assert "Ã" not in text  # no UTF-8 read as Windows-1252 anywhere
    # every accented letter is one Windows-1252 has, so Excel's legacy import shows it too
    assert all(ch.encode("cp1252", errors="strict") for ch in accented if ch.isalpha())


def test_excel_csv_writes_decimals_with_a_comma(build_2026, cache_dir):
    rows = list(
        csv.reader(
            io.StringIO(
                _run(["overlap", "--format", "csv", "--excel"], cache_dir).stdout_bytes.decode("utf-8-sig"), newline=""
            ),
            delimiter=";",
        )
    )
    score = rows[0].index("score")
    assert all("," in row[score] or row[score] in ("0", "1") for row in rows[1:])
    plain = list(csv.reader(io.StringIO(_run(["overlap", "--format", "csv"], cache_dir).stdout)))
    assert all("," not in row[score] for row in plain[1:])


# -- SPARQL results documents: one writer (kennisgraaf.sparql_results) for CLI and server ---

PRODUCTS = """SELECT ?product ?titel ?kwartaal ?budget WHERE {
  ?product a kn:Kennisproduct ; dcterms:title ?titel .
  OPTIONAL { ?product kn:opleverkwartaal ?kwartaal } OPTIONAL { ?product kn:budget ?budget }
} ORDER BY ?product"""


def test_the_cli_and_the_server_write_the_same_sparql_json(store):
    import json

    from kennisgraaf.sparql_results import solutions_body
    from kennisgraaf.tables import sparql_json

    result = store.select(PRODUCTS)
    assert len(result.rows) > 20
    rows = [tuple(row.get(v) for v in result.variables) for row in result.rows]
    served = json.loads(solutions_body(result.variables, rows, "json"))
    assert json.loads(sparql_json(result)) == served
    assert served["results"]["bindings"][0]["product"]["type"] == "uri"


def test_csv_and_json_bytes_agree_with_the_engine_serialisers(store):
    """Where Oxigraph's own writer gives the same document, ours must too (CSV byte for byte,
    JSON as data); its XML writer leaves a carriage return raw, ours writes `&#13;`."""
    import json

    import pyoxigraph as ox

    from kennisgraaf.sparql_results import solutions_body
    from kennisgraaf.store import query_options

    def engine(fmt):
        return store.store.query(PRODUCTS, **query_options(PRODUCTS)).serialize(format=fmt)

    solutions = store.store.query(PRODUCTS, **query_options(PRODUCTS))
    names = [v.value for v in solutions.variables]
    rows = [tuple(s[n] for n in names) for s in solutions]
    assert solutions_body(names, rows, "csv") == engine(ox.QueryResultsFormat.CSV)
    assert json.loads(solutions_body(names, rows, "json")) == json.loads(engine(ox.QueryResultsFormat.JSON))
    carriage = ox.Store().query('SELECT ?x WHERE { BIND("a\\rb" AS ?x) }')
    assert b"\r" in carriage.serialize(format=ox.QueryResultsFormat.XML)
    assert b"&#13;" in solutions_body(["x"], [(ox.Literal("a\rb"),)], "xml")


def test_command_tables_and_the_rapport_share_one_markdown_table_layout(store):
    from kennisgraaf.reports.document import TableBlock, md_escape, to_markdown
    from kennisgraaf.tables import from_results, markdown, markdown_table

    table = from_results(store.select(PRODUCTS), title="Producten")
    texts = [["" if v is None else str(v) for v in row] for row in table.rows]
    command = markdown(table).splitlines()
    layout = markdown_table(table.columns, texts)
    assert command[2:4] == layout[:2] and len(command) >= len(layout)
    rapport = to_markdown([TableBlock(table.columns, [[*r[:3], "a|b_c"] for r in texts], numeric=[0, 0, 0, 1])])
    lines = rapport.splitlines()
    assert lines[1] == "|---|---|---|---:|"
    assert lines[2].endswith(" | a\\|b\\_c |")  # the rapport escapes inline Markdown too
    assert lines == markdown_table(
        table.columns, [[*r[:3], "a|b_c"] for r in texts], md_escape, [False, False, False, True]
    )
