"""`kennisgraaf site`: every page of the static site into one folder.

The statements are read once (alle-uitspraken.rq) and the labels in one query, so a page per
resource costs no query of its own; the analysis runs once for the home page, the themakaarten,
the views and the rapport.
"""

from __future__ import annotations

import shutil
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path

import pyoxigraph as ox

from .. import sparql
from ..labels import label_map
from ..namespaces import ID_KINDS, PREFIXES, SKOS, XSD
from ..serve.resources import ID_BASE, Node, ResourceView, assemble
from ..slugs import local_name
from .layout import SEARCH_PAGE, VIEWS_DIR
from .links import DEF_PAGE, Linker, page_of, text_page
from .model import SiteModel
from .overview import home_page, kinds_page, listing_page, plan_texts_titles, search_page, terms_page
from .plantext import plan_text_page, text_lines, texts_index
from .resource_page import resource_page
from .search import Doc, index_script
from .theme_sections import themakaart_page, theme_sections

STATIC = ("site.css", "minisearch.js", "minisearch-LICENSE.txt", "zoek.js")
#: literals that name a resource besides its label (found by search as "anders")
OTHER_NAMES = {SKOS.altLabel, SKOS.hiddenLabel, SKOS.notation}
_TEXT_TYPES = {XSD.string, "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}

Progress = Callable[[str], None]


@dataclass
class SiteReport:
    out: Path
    pages: int = 0
    files: int = 0
    bytes: int = 0
    resources: int = 0
    documents: int = 0
    counts: list[tuple[str, int]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def _write(report: SiteReport, path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.write_bytes(raw)
    report.files += 1
    report.bytes += len(raw)
    if path.suffix == ".html":
        report.pages += 1


def _copy_static(report: SiteReport, out: Path) -> None:
    here = importlib_resources.files(__package__).joinpath("static")
    for name in STATIC:
        _write(report, out / "static" / name, here.joinpath(name).read_bytes())


def _statements(store) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """Rows per page IRI: its statements (p, o, g) and those naming it (x, p, g)."""
    outgoing: dict[str, list[dict]] = defaultdict(list)
    incoming: dict[str, list[dict]] = defaultdict(list)
    for row in store.select(sparql.text("alle-uitspraken")).rows:
        s, o = row["s"], row["o"]
        if isinstance(s, ox.NamedNode) and page_of(s.value):
            outgoing[s.value].append({"p": row["p"], "o": o, "g": row["g"]})
        if isinstance(o, ox.NamedNode) and page_of(o.value) and isinstance(s, ox.NamedNode):
            incoming[o.value].append({"x": s, "p": row["p"], "g": row["g"]})
    return outgoing, incoming


def _kind(iri: str) -> str:
    return iri[len(ID_BASE) :].split("/", 1)[0]


def _search_doc(view: ResourceView, path: str) -> Doc:
    others, texts = [], []
    for s in view.outgoing:
        if s.value.iri is not None or s.value.datatype:
            continue  # links, numbers and dates are not searched
        if s.predicate.iri in OTHER_NAMES:
            others.append(s.value.text)
        elif s.value.text != view.label:
            texts.append(s.value.text)
    return Doc(path, view.label, _kind(view.iri), " ".join(others), " ".join(texts))


def _rdf(rows: list[dict], iri: str) -> tuple[bytes, bytes]:
    subject = ox.NamedNode(iri)
    triples = sorted({ox.Triple(subject, r["p"], r["o"]) for r in rows}, key=str)
    prefixes = {p: ns for p, ns in PREFIXES.items()}
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    jsonld = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
    return turtle or b"", jsonld or b""


def resource_views(model: SiteModel) -> Iterator[tuple[str, ResourceView, list[dict]]]:
    """(site path, page data, its own statement rows) for every resource with a page."""
    store = model.store
    outgoing, incoming = _statements(store)
    iris = sorted(set(outgoing) | set(incoming))
    seen: set[str] = set(iris)
    for rows in outgoing.values():
        for r in rows:
            seen.add(r["p"].value)
            if isinstance(r["o"], ox.NamedNode):
                seen.add(r["o"].value)
    for rows in incoming.values():
        for r in rows:
            seen.update((r["p"].value, r["x"].value))
    names = label_map(store, seen)
    for iri in iris:
        path = page_of(iri)
        if path is None or _kind(iri) not in ID_KINDS.values():
            continue
        yield (
            path,
            assemble(iri, outgoing.get(iri, []), incoming.get(iri, []), names, model.cites),
            outgoing.get(iri, []),
        )


def write_resources(report: SiteReport, model: SiteModel, out: Path, link: Linker, themes_with_card) -> list[Doc]:
    docs = []
    members: dict[str, list[Node]] = defaultdict(list)
    for path, view, rows in resource_views(model):
        kind = _kind(view.iri)
        here = link.at(path)
        extra = theme_sections(here, model, view.iri, view.iri in themes_with_card) if kind == "thema" else ""
        _write(report, out / f"{path}.html", resource_page(here, view, extra))
        turtle, jsonld = _rdf(rows, view.iri)
        _write(report, out / f"{path}.ttl", turtle)
        _write(report, out / f"{path}.jsonld", jsonld)
        docs.append(_search_doc(view, path))
        members[kind].append(Node(view.label, iri=view.iri))
        report.resources += 1
    report.counts = sorted((kind, len(found)) for kind, found in members.items())
    for kind, found in members.items():
        found.sort(key=lambda n: n.text.casefold())
        _write(report, out / "id" / kind / "index.html", listing_page(link.at(f"id/{kind}/index"), kind, found))
    _write(report, out / "id" / "index.html", kinds_page(link.at("id/index"), report.counts))
    return docs


def text_documents(model: SiteModel) -> list[Doc]:
    """One search document per non-empty line of every plan text."""
    titles = plan_texts_titles(model.network)
    docs = []
    for name, path in model.text_files.items():
        where = text_page(name)
        for number, line in enumerate(text_lines(path), 1):
            if line.strip():
                docs.append(
                    Doc(f"{where}#r{number}", f"{titles.get(name, name)}, regel {number}", "plantekst", "", line)
                )
    return docs


def write_texts(report: SiteReport, model: SiteModel, out: Path, link: Linker) -> list[Doc]:
    titles = plan_texts_titles(model.network)
    for name, path in model.text_files.items():
        where = text_page(name)
        _write(report, out / f"{where}.html", plan_text_page(link.at(where), path, titles.get(name)))
    _write(report, out / "tekst" / "index.html", texts_index(link.at("tekst/index"), model.text_files, titles))
    return text_documents(model)


def write_search(report: SiteReport, out: Path, link: Linker, docs: list[Doc]) -> None:
    here = link.at(SEARCH_PAGE)
    hrefs = []
    for doc in docs:
        path, _, anchor = doc.id.partition("#")
        hrefs.append(here.href(path, anchor or None))
    _write(report, out / "static" / "zoekindex.js", index_script(docs, hrefs))
    _write(report, out / f"{SEARCH_PAGE}.html", search_page(here))
    report.documents = len(docs)


def write_terms(report: SiteReport, store, folder, out: Path, link: Linker) -> None:
    """def/index.html: the ontology documentation (pyLODE), else a plain list of the terms."""
    target = out / f"{DEF_PAGE}.html"
    try:  # H7's pyLODE page, the same one serve answers at /def
        from ..ontology_docs import render_html

        _write(report, target, render_html(folder.ontology_dir))
        return
    except Exception as err:  # noqa: BLE001 - pyLODE missing or failing: the plain term list below
        print(f"let op: ontologiedocumentatie niet gemaakt ({err}); een eenvoudige lijst in de plaats", file=sys.stderr)
    kinds = {"Class": "klasse", "ObjectProperty": "eigenschap", "DatatypeProperty": "eigenschap"}
    found: dict[str, tuple[str, str, str, str]] = {}
    for row in store.select(sparql.text("ontologie-termen")).rows:
        local = local_name(row["term"].value)
        kind = kinds.get(local_name(row["soort"].value), "eigenschap")
        name = row["naam"].value if row.get("naam") else ""
        comment = row["uitleg"].value if row.get("uitleg") else ""
        if local not in found or (name and not found[local][2]):
            found[local] = (local, kind, name, comment)
    _write(report, target, terms_page(link.at(DEF_PAGE), sorted(found.values(), key=lambda r: r[0].casefold())))


def all_documents(model: SiteModel) -> list[Doc]:
    """Every search document, as the site indexes them (`kennisgraaf zoek` and serve's search)."""
    return [_search_doc(view, path) for path, view, _ in resource_views(model)] + text_documents(model)


def write(store, folder, out: Path, progress: Progress | None = None) -> SiteReport:
    """The whole static site into `out` (emptied first when it holds an earlier site)."""
    from ..analysis import analyse
    from ..analysis.years import latest, plan_years
    from ..queries import Catalogue
    from ..reports import themakaart
    from ..serve.site import write_views
    from .catalogue import write_catalogue

    step = progress or (lambda _: None)
    out = Path(out)
    if (out / "static" / "zoekindex.js").is_file():
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    report = SiteReport(out)
    link = Linker()
    model = SiteModel(store, folder.sources_texts_dir)
    step("analyse")
    network = latest(model.network)
    analysis = analyse(network)
    with_card = set(themakaart.themes_with_plan(network))
    _copy_static(report, out)
    step("bronpagina's")
    docs = write_resources(report, model, out, link, with_card)
    step("plannen")
    docs += write_texts(report, model, out, link)
    step("themakaarten")
    for thema in sorted(with_card):
        _write(report, out / f"{themakaart_page(thema)}.html", themakaart.render(network, analysis, thema))
    step("weergaven en rapport")
    for path in write_views(store, folder, out / VIEWS_DIR, network, analysis):
        report.files += 1
        report.pages += path.suffix == ".html"
        report.bytes += path.stat().st_size
    step("vragen")
    for path in write_catalogue(link, store, Catalogue.load(folder.queries_dir), out):
        report.files += 1
        report.pages += path.suffix == ".html"
        report.bytes += path.stat().st_size
    step("ontologie")
    write_terms(report, store, folder, out, link)
    step("zoekindex")
    write_search(report, out, link, docs)
    years = plan_years(network)
    jaar = ", ".join(str(y) for y in years) if years else ""
    _write(report, out / "index.html", home_page(link, report.counts, network, analysis, jaar))
    return report


def write_served_extras(store, folder, target: Path) -> list[Path]:
    """For serve's /site/: the plan texts, the search page and index and the static files,
    with links as the server answers them (resource pages at /id/...)."""
    report = SiteReport(target)
    link = Linker(served=True)
    model = SiteModel(store, folder.sources_texts_dir)
    _copy_static(report, target)
    write_texts(report, model, target, link)
    write_search(report, target, link, all_documents(model))
    return [target / "static", target / "tekst", target / f"{SEARCH_PAGE}.html"]
