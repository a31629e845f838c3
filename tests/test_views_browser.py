"""The views in a real browser: headless Chromium (Debian's `chromium`, installed by
scripts/system-packages) opens every page of the 2026 site and of the tiny graph from a file,
waits until vis-network has drawn and laid out the network, and checks that nothing went
wrong: no console errors or exceptions, no request but the page itself, a canvas with
colour on it, hostile titles shown as text. A screenshot of every page goes into pytest's
temporary folder (the path is printed with -s).

Not optional: a missing Chromium or websocket-client fails these tests, it does not skip them.
"""

from __future__ import annotations

import json

import pytest
from test_views import ET, P_XSS, THEMES_WITH_PLAN_2026, WK, XSS_TITLE, XSS_TOPIC, S, tiny_context

from kennisgraaf.namespaces import ID
from kennisgraaf.views import Context, load_config, page_name, write_site
from kennisgraaf.views.browser import LOADED, Browser

PAGES = ["themas.html", "overdrachten.html", "organisaties.html", "alles.html"]
PAGES_2026 = PAGES + sorted(page_name("thema", t) for t in THEMES_WITH_PLAN_2026)
PAGES_TINY = PAGES + [page_name("thema", ET), page_name("thema", WK)]
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def browser():
    with Browser(timeout=60) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def site_2026(store, folder_2026, tmp_path_factory):
    ctx = Context(store, folder_2026.sources_texts_dir)
    folder = tmp_path_factory.mktemp("site-2026")
    return folder, {w.path.name: w for w in write_site(ctx, load_config(), folder)}


@pytest.fixture(scope="module")
def site_tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site-tiny")
    return folder, {w.path.name: w for w in write_site(tiny_context(tmp_path_factory), load_config(), folder)}


def check_page(browser, shots, which: str, written):
    result = browser.open(written.path)
    (shots / f"{which}-{written.path.stem}.png").write_bytes(result.screenshot)
    assert not result.errors, result.errors
    assert result.requests == [result.url], "the page fetched something besides itself"
    assert not result.dialogs
    assert result.stats["nodes"] == len(written.view.nodes) and result.stats["edges"] == len(written.view.edges)
    assert set(result.positions) == written.view.node_set()
    assert result.coloured_pixels > 500, "the canvas is (nearly) blank"
    assert result.screenshot.startswith(PNG)
    return result


@pytest.mark.parametrize("name", PAGES_2026)
def test_2026_page_draws_without_errors(browser, shots, site_2026, name):
    result = check_page(browser, shots, "2026", site_2026[1][name])
    if name == "alles.html":
        print(
            f"\nalles: {result.stats['nodes']} knopen, {result.stats['edges']} lijnen, "
            f"stabiel na {result.stats['layoutMs']} ms (pagina: {result.stats['stabilisedMs']} ms)"
        )


@pytest.mark.parametrize("name", PAGES_TINY)
def test_tiny_page_draws_without_errors(browser, shots, site_tiny, name):
    check_page(browser, shots, "tiny", site_tiny[1][name])


@pytest.mark.parametrize("which", ["site_2026", "site_tiny"])
def test_index_links_every_page(browser, shots, request, which):
    folder, written = request.getfixturevalue(which)
    result = browser.open(folder / "index.html", ready=LOADED)
    (shots / f"{which}-index.png").write_bytes(result.screenshot)
    assert not result.errors and result.requests == [result.url]
    links = json.loads(
        browser.evaluate("JSON.stringify([...document.querySelectorAll('a')].map(a => a.getAttribute('href')))")
    )
    assert set(links) == set(written)


def test_hostile_title_shows_as_text_in_the_tooltip(browser, shots, site_tiny):
    written = site_tiny[1][page_name("thema", ET)]
    browser.open(written.path)
    start = len(browser.events)
    text = browser.hover(P_XSS)
    (shots / "tiny-tooltip-xss.png").write_bytes(browser.screenshot())
    assert XSS_TITLE in text  # shown, as the characters it is made of
    assert browser.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert browser.evaluate("document.querySelectorAll('body script').length") == 3
    topic = browser.hover(S["gevaar"])
    assert XSS_TOPIC in topic
    after = browser.events_since(start)
    assert not after.dialogs and not after.errors and not after.requests


def test_same_input_same_picture(browser, site_2026):
    for name in ("organisaties.html", page_name("thema", ID["thema"]["circulaire-economie"])):
        first = browser.open(site_2026[1][name].path).positions
        second = browser.open(site_2026[1][name].path).positions
        assert first.keys() == second.keys()
        moved = [
            n for n in first if abs(first[n]["x"] - second[n]["x"]) > 0.5 or abs(first[n]["y"] - second[n]["y"]) > 0.5
        ]
        assert not moved, f"{name}: {len(moved)} nodes moved between two loads"


def test_search_finds_and_selects_a_node(browser, site_2026):
    browser.open(site_2026[1]["organisaties.html"].path)
    browser.evaluate(
        "document.getElementById('kg-search').value = 'rivm';"
        "document.getElementById('kg-search-form').requestSubmit(); true"
    )
    browser.pump(0.2)
    assert browser.evaluate("window.kgNetwork.getSelectedNodes()")[0] == ID["organisatie"]["rivm"]
    assert browser.evaluate("document.getElementById('kg-search-status').textContent").startswith("1 treffer")
    browser.evaluate(
        "document.getElementById('kg-search').value = 'bestaat-niet';"
        "document.getElementById('kg-search-form').requestSubmit(); true"
    )
    assert "Niets gevonden" in browser.evaluate("document.getElementById('kg-search-status').textContent")


def test_filter_hides_a_class(browser, site_2026):
    written = site_2026[1]["alles.html"]
    browser.open(written.path)
    browser.evaluate("document.querySelector('input[data-kind=product]').click(); true")
    hidden = browser.evaluate("window.kgNetwork.body.data.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert set(hidden) == written.view.node_set("product")
    assert "Zichtbaar:" in browser.evaluate("document.getElementById('kg-counts').textContent")
