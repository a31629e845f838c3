"""Tables as plain data, and their renderings: terminal (screen.py), CSV, JSON, Markdown, xlsx
(SPARQL results documents: sparql_results.py).

Every command that prints rows builds a `Table` and hands it to `render`; nothing else in
the package formats output, so a query, an export and a report never disagree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import pyoxigraph as ox

from .namespaces import PREFIXES, XSD
from .sparql_results import boolean_body, readable_json
from .store import AskResult, SelectResult

FORMATS = ("table", "csv", "json", "md", "xlsx")
_NUMERIC = {
    XSD + t for t in ("integer", "decimal", "int", "long", "double", "float", "positiveInteger", "nonNegativeInteger")
}


@dataclass
class Table:
    columns: list[str]
    rows: list[list[object]]
    title: str = ""
    notes: list[str] = field(default_factory=list)
    money: set[str] = field(default_factory=set)  # columns in euros, besides any named *_eur
    lists: set[str] | None = None  # columns whose '; ' joins a list (None: every column)
    #: the whole table's row count when `rows` holds only its first rows (a kept screenful:
    #: a screen of 10 rows need not read the 2.7 million pairs of a 1 M build)
    total: int | None = None

    def row_count(self) -> int:
        return len(self.rows) if self.total is None else self.total

    def is_money(self, column: str) -> bool:
        """One rule for which columns hold euros: named so (`budget_eur`) or marked."""
        return column in self.money or column.endswith("_eur")

    def is_list(self, column: str) -> bool:
        """Is a '; ' in this column a list separator (GROUP_CONCAT, joined names) or prose?"""
        return self.lists is None or column in self.lists


def compact(iri: str) -> str:
    """`https://w3id.org/kennisgraaf/id/thema/x` → `thema:x` (longest namespace wins)."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else iri


def plain(term, dates: bool = False) -> object:
    """A Python value for one RDF term: numbers stay numbers, IRIs are compacted; with
    `dates`, xsd:date becomes a `datetime.date` (typed cells in xlsx; ISO text elsewhere)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.Literal):
        if term.datatype.value in _NUMERIC:
            try:
                number = Decimal(term.value)
                return int(number) if number == number.to_integral_value() else number
            except ArithmeticError:
                return term.value
        if term.datatype.value == XSD + "boolean":
            return term.value in ("true", "1")
        if dates and term.datatype.value == XSD + "date":
            try:
                return date.fromisoformat(term.value)
            except ValueError:
                return term.value
        return term.value
    return str(term)


JOIN = "; "


def sort_joined(table: Table) -> Table:
    """Sort the parts of every '; '-joined cell in place: SPARQL's GROUP_CONCAT promises no
    order, and a spreadsheet or golden-file diff should not churn because a store chose another."""
    for row in table.rows:
        for index, value in enumerate(row):
            if isinstance(value, str) and JOIN in value:
                row[index] = JOIN.join(sorted(value.split(JOIN)))
    return table


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def render(table: Table, fmt: str = "table", excel: bool = False) -> str:
    """One table as text. `excel`: CSV for a Dutch Excel (';', UTF-8 BOM, CRLF, decimal comma)."""
    if fmt == "csv":
        return csv_text(table, excel)
    if fmt == "json":
        rows = [dict(zip(table.columns, (_json_value(v) for v in row), strict=True)) for row in table.rows]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return markdown(table)
    if fmt == "table":
        return rich_text(table)
    raise ValueError(f"onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}")


def csv_text(table: Table, excel: bool = False) -> str:
    buffer = io.StringIO()
    if excel:  # Excel with a Dutch locale: ';' between fields, ',' in numbers, BOM to detect UTF-8
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    else:
        writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        texts = [cell_text(v) for v in row]
        if excel:
            texts = [
                t.replace(".", ",") if isinstance(v, (float, Decimal)) else t for t, v in zip(texts, row, strict=True)
            ]
        writer.writerow(texts)
    return buffer.getvalue()


def _json_value(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def md_cell(text: str) -> str:
    """A table cell's text kept in its cell: a '|' escaped, a line break a space."""
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(columns, rows, escape: Callable[[str], str] = md_cell, numeric=None) -> list[str]:
    """The lines of one Markdown (GFM) table: the one table layout for command output and the
    rapport. `escape` is applied to every header and cell text; `numeric` columns align right."""
    numeric = numeric or [False] * len(columns)
    lines = ["| " + " | ".join(escape(c) for c in columns) + " |"]
    lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
    lines += ["| " + " | ".join(escape(v) for v in row) + " |" for row in rows]
    return lines


def markdown(table: Table) -> str:
    from .screen import cells

    lines = [f"### {table.title}", ""] if table.title else []
    lines += markdown_table(table.columns, cells(table))
    lines += [f"\n{note}" for note in table.notes]
    return "\n".join(lines) + "\n"


def rich_text(table: Table, width: int | None = None, limit: int | None = None) -> str:
    """The plain terminal rendering (as written to a file or a pipe)."""
    from .screen import render as screen_render

    return screen_render(table, width=width or 100, terminal=False, limit=limit)


def from_results(results, title: str = "") -> Table:
    """A Table from a store ResultSet, terms turned into plain values."""
    return Table(
        columns=list(results.variables),
        rows=[[plain(row.get(v), dates=True) for v in results.variables] for row in results.rows],
        title=title,
    )


def sparql_json(results: SelectResult | AskResult) -> str:
    """SPARQL 1.1 Query Results JSON for a SELECT or an ASK result (sparql_results writes it)."""
    if isinstance(results, AskResult):
        return boolean_body(results.value, "json").decode("utf-8") + "\n"
    return readable_json(results.variables, results.rows)
