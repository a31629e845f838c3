"""The static site of the 2026 data, crawled from index.html as a reader would: every link
leads to a file (and anchor) that exists, every citation to a line of the plan it names, every
resource of the graph has a page; search ranks alike in Python and finds what regisseurs ask."""

from __future__ import annotations

import html.parser
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.serve.resources import ID_BASE
from kennisgraaf.site.model import SiteModel
from kennisgraaf.site.search import Doc, SearchIndex, terms
from kennisgraaf.site.writer import all_documents, write


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[tuple[str, str]] = []  # (attribute, value)
        self.ids: set[str] = set()
        self.classes: list[tuple[str, str]] = []  # (class, href) of links
        self.inline_scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(("href", attrs["href"]))
            self.classes.append((attrs.get("class") or "", attrs["href"]))
        if tag == "link" and attrs.get("href"):
            self.hrefs.append(("href", attrs["href"]))
        if tag == "script":
            if attrs.get("src"):
                self.hrefs.append(("src", attrs["src"]))
            elif attrs.get("type") != "application/json":
                self.inline_scripts += 1


@pytest.fixture(scope="module")
def site(store, folder_2026, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    report = write(store, folder_2026, out)
    return out, report


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def crawl(root: Path):
    """Every page reachable from index.html; the links that lead nowhere; the citations."""
    seen: dict[Path, _Links] = {}
    todo = [root / "index.html"]
    broken, citations, anchors_wanted = [], [], []
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        parsed = seen[page] = _parse(page)
        for _, href in parsed.hrefs:
            parts = urllib.parse.urlsplit(href)
            if parts.scheme in ("http", "https", "mailto", "data"):  # data: images inline in the page
                continue
            assert not parts.scheme, f"{page}: link naar {href}"
            target = (page.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append((page, href))
                continue
            if parts.fragment:
                anchors_wanted.append((page, target, parts.fragment))
            if target.suffix == ".html" and target.is_relative_to(root.resolve()):
                todo.append(target)
        for css, href in parsed.classes:
            if css == "bron":
                citations.append((page, href))
    return seen, broken, citations, anchors_wanted


def test_crawl_finds_no_broken_link_and_every_citation_opens_its_line(site):
    root, report = site
    seen, broken, citations, anchors = crawl(root)
    assert not broken, broken[:10]
    ids = {}
    for page, target, fragment in anchors:
        if target not in ids:
            ids[target] = seen[target].ids if target in seen else _parse(target).ids
        assert fragment in ids[target], f"{page}: #{fragment} ontbreekt in {target}"
    assert len(citations) > 500
    for page, href in citations:
        path, _, fragment = href.partition("#")
        target = (page.parent / urllib.parse.unquote(path)).resolve()
        assert target.parent.name == "tekst", (page, href)
        assert fragment.startswith("r") and fragment in ids[target], (page, href)
    assert len(seen) >= report.pages * 0.9, "pages written but not reachable from index.html"


def test_every_resource_of_the_graph_has_a_page_with_turtle_and_json_ld(site, store):
    root, _ = site
    rows = store.select("SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } FILTER(isIRI(?x)) }").rows
    iris = {r["x"].value for r in rows if r["x"].value.startswith(ID_BASE)}
    assert len(iris) > 400
    for iri in iris:
        path = root / (iri[len("https://w3id.org/kennisgraaf/") :] + ".html")
        assert path.is_file(), iri
    iri = ID_BASE + "thema/waterkwaliteit"
    turtle = (root / "id/thema/waterkwaliteit.ttl").read_bytes()
    expected = set(store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": ox.NamedNode(iri)}))
    assert {q.triple for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)} == expected
    jsonld = (root / "id/thema/waterkwaliteit.jsonld").read_bytes()
    assert {q.triple for q in ox.parse(jsonld, format=ox.RdfFormat.JSON_LD)} == expected


def test_a_product_page_shows_its_theme_partners_and_plan_line(site, store):
    root, _ = site
    row = store.select(
        "SELECT ?p ?regel WHERE { ?p a kn:Kennisproduct ; kn:partner ?o ; kn:bronRegel ?regel ;"
        " kn:inPlan/kn:thema thema:zeer-zorgwekkende-stoffen } LIMIT 1"
    ).rows[0]
    slug = row["p"].value.rsplit("/", 1)[-1]
    text = (root / "id/product" / f"{slug}.html").read_text(encoding="utf-8")
    assert 'href="../thema/zeer-zorgwekkende-stoffen.html"' in text
    assert "partner" in text and 'href="../organisatie/' in text
    assert f"kennisplan-2026-zeer-zorgwekkende-stoffen.html#r{row['regel'].value}" in text


def test_pages_load_no_inline_script_and_nothing_from_elsewhere(site):
    root, _ = site
    for page in [root / "index.html", root / "zoeken.html", *sorted((root / "id/thema").glob("*.html"))]:
        parsed = _parse(page)
        assert parsed.inline_scripts == 0, page
        for attr, href in parsed.hrefs:
            if attr == "src" or href.endswith(".css"):
                assert not urllib.parse.urlsplit(href).scheme, (page, href)


def test_search_finds_what_regisseurs_ask_with_diacritics_folded(store, folder_2026):
    index = SearchIndex(all_documents(SiteModel(store, folder_2026.sources_texts_dir)))
    top = {q: index.search(q, 5) for q in ("PFAS", "Staalslakken", "Renure", "pfás", "STAALSLAKKEN")}
    assert top["PFAS"][0].doc.id == "id/onderwerp/pfas"
    assert top["Staalslakken"][0].doc.id == "id/onderwerp/staalslakken"
    assert "renure" in top["Renure"][0].doc.naam.lower() or "renure" in top["Renure"][0].doc.tekst.lower()
    assert [h.doc.id for h in top["pfás"]] == [h.doc.id for h in top["PFAS"]]
    assert [h.doc.id for h in top["STAALSLAKKEN"]] == [h.doc.id for h in top["Staalslakken"]]


def test_ranking_follows_bm25_prefix_and_field_boosts():
    docs = [
        Doc("a", "Waterstof", "onderwerp"),
        Doc("b", "Iets anders", "product", tekst="waterstofnet en waterstof"),
        Doc("c", "Energie", "thema", anders="H2 waterstofketen"),
        Doc("d", "Café", "onderwerp"),
    ]
    index = SearchIndex(docs)
    assert index.search("waterstof")[0].doc.id == "a"  # the name outweighs text (boost 3)
    assert [h.doc.id for h in index.search("cafe")] == ["d"]
    assert [h.doc.id for h in index.search("waterstofk")] == ["c"]  # a prefix of a longer term
    assert index.search("xyz") == []
    assert terms("Bodem & Ondergrond") == ["bodem", "en", "ondergrond"]


def test_zoek_command_and_its_bad_input(build_2026, cache_dir):
    runner = CliRunner()
    result = runner.invoke(app, ["zoek", "staalslakken", "--format", "csv", "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].split(",")[3] == "id/onderwerp/staalslakken"
    bad = runner.invoke(app, ["zoek", "!!", "-q", "--cache-dir", str(cache_dir)])
    assert bad.exit_code != 0 and "zoekterm" in bad.output and "Traceback" not in bad.output


class _Text(html.parser.HTMLParser):
    """The text a reader sees (links and attributes apart)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("header", "footer", "script")

    def handle_endtag(self, tag):
        self.skip -= tag in ("header", "footer", "script")

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.parts.append(data.strip())


def _visible(text: str) -> list[str]:
    parser = _Text()
    parser.feed(text)
    return parser.parts


def test_serve_answers_the_same_resource_pages_as_the_site(site, build_2026, folder_2026, tmp_path):
    """One renderer: what serve shows at /id/... reads as the static page (only links differ),
    and its citations open the plan text under /site/ at the cited line."""
    from serve_helpers import http

    from kennisgraaf.serve import KennisgraafServer, ServeConfig
    from kennisgraaf.serve.site import write_site
    from kennisgraaf.store import OxigraphStore

    root, _ = site
    served_site = tmp_path / "served"
    write_site(OxigraphStore(build_2026.entry.graph_file), folder_2026, served_site)
    config = ServeConfig(
        graph_file=build_2026.entry.graph_file,
        queries_dir=folder_2026.queries_dir,
        port=0,
        workers=1,
        site=served_site,
    )
    with KennisgraafServer(config) as running:
        for path in ("id/thema/waterkwaliteit", "id/product/wk-2026-beslisboom-vth", "id/organisatie/rivm"):
            served = http("GET", running.url + path)
            assert served.status == 200
            static = (root / f"{path}.html").read_text(encoding="utf-8")
            # the static theme page also links its themakaart; serve has no themakaart pages
            assert [t for t in _visible(served.text) if t != "Themakaart"] == [
                t for t in _visible(static) if t not in ("Themakaart", "(het thema op één afdrukbare pagina)")
            ], path
            cites = [href for css, href in _parse_text(served.text).classes if css == "bron"]
            assert cites, path
            target, _, anchor = cites[0].partition("#")
            assert target.startswith("/site/tekst/")
            text = http("GET", running.url + target.lstrip("/"))
            assert text.status == 200 and f'id="{anchor}"' in text.text


def _parse_text(text: str) -> _Links:
    parser = _Links()
    parser.feed(text)
    return parser


def test_a_hostile_title_stays_text_on_every_page_and_in_the_index(mini_data, tmp_path):
    from kennisgraaf.access import open_local
    from kennisgraaf.sources import DataFolder

    nasty = "<script>alert(\"x\")</script> & 'quote'"
    plan = mini_data / "graph" / "plans" / "2026" / "proef.ttl"
    title = 'dcterms:title "Kennisopbouw waterstof (proef)"@nl'
    text = plan.read_text(encoding="utf-8")
    assert title in text
    plan.write_text(text.replace(title, f'dcterms:title "{nasty.replace(chr(34), chr(92) + chr(34))}"@nl'), "utf-8")
    store = open_local(mini_data, tmp_path / "cache")
    out = tmp_path / "site"
    write(store, DataFolder.resolve(mini_data), out)
    pages = [p for p in out.rglob("*.html") if "weergaven" not in p.parts]
    shown = 0
    for page in pages:
        body = page.read_text(encoding="utf-8")
        assert "<script>alert" not in body, page
        shown += "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quote&#x27;" in body
    assert shown >= 2  # the product's own page and the pages that link to it
    index = (out / "static" / "zoekindex.js").read_text(encoding="utf-8")
    assert "</script>" not in index and "\\u003cscript\\u003e" in index
    crawled, broken, _, _ = crawl(out)
    assert not broken, broken[:5]


def test_catalogue_pages_offer_their_answers_as_downloads(site):
    import csv
    import json

    root, _ = site
    folder = root / "vragen"
    queries = sorted(p.stem for p in folder.glob("*.html") if p.stem != "index")
    assert len(queries) > 10
    with_answers = [q for q in queries if (folder / f"{q}.csv").is_file()]
    assert with_answers
    for name in with_answers:
        rows = list(csv.reader((folder / f"{name}.csv").open(encoding="utf-8")))
        data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        assert len(rows) - 1 == len(data)
        assert (folder / f"{name}.xlsx").read_bytes().startswith(b"PK")
        page = (folder / f"{name}.html").read_text(encoding="utf-8")
        assert f"{len(data)} rijen" in page and f'href="{name}.csv"' in page


def test_site_command_writes_the_site_and_refuses_a_wrong_folder(build_2026, cache_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "site"
    done = runner.invoke(app, ["site", "--out", str(out), "-q", "--cache-dir", str(cache_dir)])
    assert done.exit_code == 0, done.output
    assert (out / "index.html").is_file() and (out / "static" / "zoekindex.js").is_file()
    again = runner.invoke(app, ["site", "--out", str(out), "-q", "--cache-dir", str(cache_dir)])
    assert again.exit_code == 0, again.output  # an earlier site is replaced
    a_file = tmp_path / "bestand.txt"
    a_file.write_text("x", encoding="utf-8")
    for bad, message in ((a_file, "is een bestand"), (tmp_path, "niet leeg")):
        result = runner.invoke(app, ["site", "--out", str(bad), "-q", "--cache-dir", str(cache_dir)])
        assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def _resolved(page: Path, href: str) -> tuple[Path, str]:
    path, _, fragment = href.partition("#")
    return (page.parent / urllib.parse.unquote(path)).resolve(), urllib.parse.unquote(fragment)


def _cited(root: Path, places) -> set[tuple[Path, str]]:
    """Where the site should link these places: the plan text's page, at the line when known."""
    from kennisgraaf.site.links import text_page

    return {
        ((root / f"{text_page(p.bestand)}.html").resolve(), f"r{p.regel}" if p.regel else "")
        for p in places
        if p.bestand
    }


def test_rapport_and_themakaarten_link_every_place_to_its_line(site, store, folder_2026):
    from kennisgraaf.analysis import analyse
    from kennisgraaf.analysis.years import latest
    from kennisgraaf.reports.rapport import MAX_CITES
    from kennisgraaf.reports.themakaart import CITES
    from kennisgraaf.site.layout import REPORT_PAGE
    from kennisgraaf.site.theme_sections import themakaart_page

    root, _ = site
    seen, _, _, _ = crawl(root)
    analysis = analyse(latest(SiteModel(store, folder_2026.sources_texts_dir).network))
    pages = {root / f"{REPORT_PAGE}.html": [p for f in analysis.findings for p in f.waar[:MAX_CITES]]}
    for thema in analysis.themas:
        card = root / f"{themakaart_page(thema)}.html"
        if card.is_file():
            pages[card] = [p for f in analysis.findings if thema in f.themas for p in f.waar[:CITES]]
    assert len(pages) >= 5
    for page, places in pages.items():
        assert page.resolve() in seen, f"{page} niet bereikbaar vanaf index.html"
        parsed = seen[page.resolve()]
        assert not [h for _, h in parsed.hrefs if h.startswith("file:")], page
        linked = {_resolved(page, h) for _, h in parsed.hrefs if "/tekst/" in f"/{h}" or h.startswith("../tekst/")}
        wanted = _cited(root, places)
        assert wanted and wanted == linked, (page, sorted(wanted ^ linked)[:5])
        for target, fragment in linked:
            assert not fragment or fragment in _parse(target).ids, (page, target, fragment)


def test_home_page_links_a_citation_of_every_latest_finding(site, store, folder_2026):
    from kennisgraaf.analysis import analyse
    from kennisgraaf.analysis.findings import severity_key
    from kennisgraaf.analysis.years import latest
    from kennisgraaf.site.overview import HOME_CITES, LATEST_FINDINGS, finding_citations

    root, _ = site
    analysis = analyse(latest(SiteModel(store, folder_2026.sources_texts_dir).network))
    latest_findings = sorted(analysis.findings, key=severity_key)[:LATEST_FINDINGS]
    home = root / "index.html"
    parsed = _parse(home)
    linked = {_resolved(home, h) for css, h in parsed.classes if css in ("bron", "plantekst")}
    wanted = set()
    for f in latest_findings:
        cites = finding_citations(f)
        assert cites, f"bevinding zonder bron: {f.uitleg}"
        for bron in cites[:HOME_CITES]:
            name, _, line = bron.partition(":")
            wanted |= {
                ((root / "tekst" / name).with_suffix(".html").resolve(), f"r{n.strip()}" if n.strip() else "")
                for n in (line.split(",") if line else [""])
            }
    assert wanted == linked, sorted(wanted ^ linked)[:5]
    for target, fragment in linked:
        assert not fragment or fragment in _parse(target).ids, (target, fragment)


def test_view_pages_share_one_copy_of_vis_network(site, folder_2026):
    from kennisgraaf.site.layout import VIEWS_DIR
    from kennisgraaf.site.shared_assets import VIS_JS, VisAssets
    from kennisgraaf.views import load_config

    root, _ = site
    assets = VisAssets.of(load_config(folder_2026.visuals_dir))
    views = [p for p in (root / VIEWS_DIR).rglob("*.html") if 'id="kg-network"' in p.read_text(encoding="utf-8")]
    assert len(views) >= 8
    assert (root / "static" / VIS_JS).read_text(encoding="utf-8") == assets.js
    for page in views:
        text = page.read_text(encoding="utf-8")
        assert assets.js not in text and assets.css not in text, page
        src = [h for attr, h in _parse(page).hrefs if attr == "src"]
        assert [(page.parent / s).resolve() for s in src] == [(root / "static" / VIS_JS).resolve()], page
