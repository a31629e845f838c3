"""The static site in headless Chromium, opened from file://: search (MiniSearch over the index
`kennisgraaf site` wrote) finds PFAS, Staalslakken and Renure and its links open the right
pages; the browser folds text as Python does; a product page shows its theme, partners and
plan line; nothing is fetched from elsewhere and no script fails.

Not optional: a missing Chromium fails these tests, it does not skip them.
"""

from __future__ import annotations

import json

import pytest

from kennisgraaf.site.model import SiteModel
from kennisgraaf.site.search import SearchIndex
from kennisgraaf.site.writer import all_documents, write
from kennisgraaf.slugs import normalise
from kennisgraaf.views.browser import LOADED, Browser

pytestmark = pytest.mark.browser
SEARCH_READY = "document.body && document.body.dataset.zoek === 'klaar' ? '{}' : null"


@pytest.fixture(scope="module")
def browser():
    with Browser(timeout=60) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def site(store, folder_2026, tmp_path_factory):
    out = tmp_path_factory.mktemp("site-browser") / "site"
    write(store, folder_2026, out)
    return out


def _search(browser, term: str) -> list[dict]:
    script = (
        "(() => { const i = document.getElementById('zoekterm'); i.value = " + json.dumps(term) + ";"
        " i.dispatchEvent(new Event('input')); return JSON.stringify([...document.querySelectorAll("
        "'#zoekresultaten li a')].slice(0, 5).map(a => ({text: a.textContent, href: a.href}))); })()"
    )
    return json.loads(browser.evaluate(script))


@pytest.mark.parametrize(
    ("term", "page", "heading"),
    [
        ("PFAS", "/id/onderwerp/pfas.html", "PFAS"),
        ("Staalslakken", "/id/onderwerp/staalslakken.html", "staalslakken"),
        ("Renure", "/id/onderwerp/renure.html", "renure"),
    ],
)
def test_search_finds_and_opens_the_right_page(browser, site, store, folder_2026, term, page, heading):
    result = browser.open(site / "zoeken.html", ready=SEARCH_READY)
    assert not result.errors, result.errors
    assert all(url.startswith("file://") for url in result.requests), result.requests
    hits = _search(browser, term)
    assert hits, f"niets gevonden voor {term}"
    python = SearchIndex(all_documents(SiteModel(store, folder_2026.sources_texts_dir))).search(term, 5)
    assert [h["href"].split("/site/", 1)[1] for h in hits] == [
        (h.doc.id.split("#")[0] + ".html" + ("#" + h.doc.id.split("#")[1] if "#" in h.doc.id else "")) for h in python
    ], "browser and Python rank differently"
    assert hits[0]["href"].endswith(page)
    browser.evaluate("document.querySelector('#zoekresultaten li a').click()")
    browser.pump(1.5)
    assert browser.evaluate("location.pathname").endswith(page)
    assert heading.lower() in browser.evaluate("document.querySelector('h1').textContent").lower()


def test_browser_folds_text_as_python_does(browser, site):
    browser.open(site / "zoeken.html", ready=SEARCH_READY)
    samples = ["Café Crème", "ZEER ZORGWEKKENDE", "Bodem & ondergrond", "naïef-één", "Ærø", "x_y/z", "İstanbul"]
    folded = json.loads(browser.evaluate(f"JSON.stringify({json.dumps(samples)}.map(kennisgraafFold))"))
    assert folded == [normalise(s).split() for s in samples]


def test_product_page_shows_theme_partners_and_plan_line(browser, site, store):
    row = store.select(
        "SELECT ?p ?regel WHERE { ?p a kn:Kennisproduct ; kn:partner ?o ; kn:bronRegel ?regel ;"
        " kn:inPlan/kn:thema thema:waterkwaliteit } LIMIT 1"
    ).rows[0]
    slug = row["p"].value.rsplit("/", 1)[-1]
    result = browser.open(site / "id" / "product" / f"{slug}.html", ready=LOADED)
    assert not result.errors, result.errors
    assert result.requests == [result.url] or all(u.startswith("file://") for u in result.requests)
    text = browser.evaluate("document.body.innerText")
    assert "Waterkwaliteit" in text and "partner" in text and f"regel {row['regel'].value}" in text
    browser.evaluate("document.querySelector('a.bron').click()")
    browser.pump(1.0)
    assert browser.evaluate("location.hash").startswith("#r")
    assert browser.evaluate("location.pathname").endswith(".html")


def test_a_view_page_draws_with_the_shared_vis_network_from_file(browser, site):
    result = browser.open(site / "weergaven" / "thema-waterkwaliteit.html")
    assert not result.errors, result.errors
    assert all(url.startswith("file://") for url in result.requests), result.requests
    assert any(url.endswith("/static/vis-network.min.js") for url in result.requests)
    assert result.stats["nodes"] > 10
