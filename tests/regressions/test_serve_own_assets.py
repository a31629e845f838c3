"""Regression: serve's pages linked the site's style sheet at /site/static/site.css, which only
a --site folder made by serve itself held; a server started on another folder (or on none)
answered 404 for it, so its resource pages came out unstyled. Every script and style sheet a
served page loads now answers 200 (from the folder, else the package's own copy)."""

from __future__ import annotations

import html.parser

import pytest
from serve_helpers import http

from kennisgraaf.serve import KennisgraafServer, ServeConfig


class _Assets(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "stylesheet":
            self.urls.append(found["href"])
        if tag == "script" and found.get("src"):
            self.urls.append(found["src"])


@pytest.fixture(scope="module", params=["zonder-site", "lege-site"])
def server(request, build_2026, folder_2026, tmp_path_factory):
    site = tmp_path_factory.mktemp("site") if request.param == "lege-site" else None
    config = ServeConfig(
        graph_file=build_2026.entry.graph_file, queries_dir=folder_2026.queries_dir, port=0, workers=1, site=site
    )
    with KennisgraafServer(config) as running:
        yield running


@pytest.mark.parametrize("path", ["", "id/", "id/thema/", "id/thema/waterkwaliteit", "graph/", "nergens"])
def test_every_asset_of_a_served_page_answers(server, path):
    page = http("GET", server.url + path)
    parser = _Assets()
    parser.feed(page.text)
    assert "/site/static/site.css" in parser.urls
    for url in parser.urls:
        asset = http("GET", server.url + url.lstrip("/"))
        assert asset.status == 200, url
        assert asset.media_type in ("text/css", "text/javascript", "application/javascript")
