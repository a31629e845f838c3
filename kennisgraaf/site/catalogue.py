"""The query catalogue in the site: every named query with its question, its SPARQL and, when
it runs without parameters (or with its defaults), its answer as a table and as CSV, xlsx and
JSON downloads — the same `Table` and serialisers `kennisgraaf query` uses."""

from __future__ import annotations

from pathlib import Path

from ..errors import KennisgraafError
from ..htmltext import esc
from ..tables import Table, cell_text, render
from .layout import QUERIES_DIR, page
from .links import Linker

MAX_SHOWN = 500  # rows in the HTML table; the downloads hold them all


def _table_html(table: Table) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in table.columns)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{esc(cell_text(v))}</td>" for v in row) + "</tr>" for row in table.rows[:MAX_SHOWN]
    )
    more = f'<p class="note">Eerste {MAX_SHOWN} van {len(table.rows)} rijen.</p>' if len(table.rows) > MAX_SHOWN else ""
    return f"{more}<table><thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody></table>"


def write_catalogue(link: Linker, store, catalogue, out: Path) -> list[Path]:
    """vragen/index.html, a page per query and its downloads; the files written."""
    from ..xlsx import workbook

    folder = out / QUERIES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    entries = []
    for name, query in sorted(catalogue.queries.items()):
        here = link.at(f"{QUERIES_DIR}/{name}")
        try:
            table: Table | None = catalogue.run(store, name)
            problem = ""
        except KennisgraafError as err:
            table, problem = None, str(err)
        example = query.example or f"kennisgraaf query {name}"
        parts = [
            f"<h1>{esc(query.title or name)}</h1>",
            f"<p>{esc(query.question)}</p>" if query.question else "",
            f'<p class="meta">Op de opdrachtregel: <code>{esc(example)}</code></p>',
        ]
        if table is not None:
            downloads = []
            for suffix, data in (
                (".csv", render(table, "csv").encode("utf-8")),
                (".xlsx", workbook([table])),
                (".json", render(table, "json").encode("utf-8")),
            ):
                target = folder / f"{name}{suffix}"
                target.write_bytes(data)
                written.append(target)
                downloads.append(f'<a href="{esc(here.href(f"{QUERIES_DIR}/{name}", suffix=suffix))}">{suffix[1:]}</a>')
            parts.append(f"<p>{len(table.rows)} rijen · download als " + " · ".join(downloads) + "</p>")
            parts.append(_table_html(table))
        else:
            parts.append(f'<p class="note">Deze vraag heeft een parameter nodig: {esc(problem)}</p>')
        parts.append(f"<h2>SPARQL</h2>\n<pre>{esc(query.text)}</pre>")
        target = folder / f"{name}.html"
        target.write_text(page(here, query.title or name, "\n".join(p for p in parts if p)), encoding="utf-8")
        written.append(target)
        count = f"{len(table.rows)} rijen" if table is not None else "met parameter"
        entries.append(
            f'<li><a href="{esc(link.at(QUERIES_DIR + "/index").href(f"{QUERIES_DIR}/{name}"))}">'
            f'{esc(query.title or name)}</a> <span class="count">{esc(count)}</span></li>'
        )
    index = folder / "index.html"
    body = "<h1>Vaste vragen</h1>\n<ul>\n" + "\n".join(entries) + "\n</ul>"
    index.write_text(page(link.at(f"{QUERIES_DIR}/index"), "Vaste vragen", body), encoding="utf-8")
    return [*written, index]
