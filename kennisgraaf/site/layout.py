"""The frame around every page of the site: header with navigation and search, footer.

The site loads only its own style sheet and scripts (no CDN, fonts or inline script), so
it works offline and under the server's CSP (`script-src 'self'`).
"""

from __future__ import annotations

from ..htmltext import esc
from .links import DEF_PAGE, QUERIES_DIR, VIEWS_DIR, Linker

SEARCH_PAGE = "zoeken"
REPORT_PAGE = VIEWS_DIR + "/rapport"


def _nav(link: Linker) -> list[tuple[str, str]]:
    return [  # serve: the same links, at its routes (`Linker._served`)
        ("Thema's", link.href("id/thema/index")),
        ("Bronnen", link.href("id/index")),
        ("Plannen", link.href("tekst/index")),
        ("Vragen", link.href(QUERIES_DIR + "/index")),
        ("Weergaven", link.href(VIEWS_DIR + "/index")),
        ("Rapport", link.href(REPORT_PAGE)),
        ("Ontologie", link.href(DEF_PAGE)),
    ]


def page(
    link: Linker,
    title: str,
    body: str,
    *,
    scripts: tuple[str, ...] = (),
    formats: str = "",
    styles: tuple[str, ...] = (),
) -> str:
    """A whole HTML document; `scripts`: names of files in static/ to load (deferred);
    `styles`: links to more style sheets of the site's own (serve's query page)."""
    nav = "".join(f'<a href="{esc(href)}">{esc(text)}</a>' for text, href in _nav(link))
    home = "/" if link.served else link.href("index")
    search = "/site/" + SEARCH_PAGE + ".html" if link.served else link.href(SEARCH_PAGE)
    tags = "\n".join(f'<script src="{esc(link.static(name))}" defer></script>' for name in scripts)
    more_styles = "".join(f'<link rel="stylesheet" href="{esc(href)}">\n' for href in styles)
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · kennisgraaf</title>
<link rel="stylesheet" href="{esc(link.static("site.css"))}">
{more_styles}</head>
<body>
<header class="top">
<a class="brand" href="{esc(home)}">kennisgraaf</a>
<nav>{nav}</nav>
<form class="zoek" action="{esc(search)}" method="get" role="search">
<input type="search" name="q" placeholder="Zoek in namen en plannen" aria-label="Zoeken">
<button type="submit">Zoek</button>
</form>
</header>
<main>
{body}
</main>
<footer>Kennisnetwerk VTH · kennisgraaf{formats}</footer>
{tags}
</body>
</html>
"""
