"""Partners a plan names as a whole (kn:partner on the plan) cited only the plan file: the
plan texts give the line ("Belangrijke partners zijn:", "samenwerking met het RIVM"), so a
regisseur now lands on it, in the views and on the site's theme pages."""

from __future__ import annotations

import re

import pytest

from kennisgraaf.analysis.textlines import mention_line

TEXT = [
    "Uit rapportages van de ILT blijkt dat de doelen niet worden gehaald.",  # in passing
    "",
    "Samenwerking in de waterketen is essentieel. Belangrijke partners zijn:",
    "Rijkswaterstaat",
    "",
    "ILT",
    "",
    "Veiligheidsregio\u2019s",
    "Een tabelcel met RIVM.",
]


def test_a_partner_is_found_in_the_list_of_partners_not_in_passing():
    assert mention_line(TEXT, ("ILT",), partners=True) == 6
    assert mention_line(TEXT, ("ILT",)) == 1  # a topic or law: the first mention, as before
    assert mention_line(TEXT, ("Veiligheidsregio's",), partners=True) == 8  # the typographic apostrophe
    assert mention_line(TEXT[:3] + ["", *[""] * 40, "RIVM"], ("RIVM",), partners=True) is None  # list long over


@pytest.fixture(scope="module")
def network(store, folder_2026):
    from kennisgraaf.analysis.network import load_network
    from kennisgraaf.analysis.years import latest

    return latest(load_network(store, folder_2026.sources_texts_dir))


def _plan(network, name):
    return next(n for n, d in network.nodes(data=True) if d.get("kind") == "plan" and name in (d.get("bestand") or ""))


@pytest.mark.parametrize("name", ["waterkwaliteit", "zeer-zorgwekkende-stoffen"])
def test_every_plan_level_partner_of_the_hand_checked_plans_has_the_line_that_names_it(network, folder_2026, name):
    plan = _plan(network, name)
    data = network.nodes[plan]
    lines = (folder_2026.sources_texts_dir / data["bestand_pad"]).read_text(encoding="utf-8").splitlines()
    partners = [t for _, t, p in network.out_edges(plan, keys=True) if p == "kn:partner"]
    assert partners
    for partner in partners:
        line = data["regels"].get(f"kn:partner {partner}")
        assert line, f"{partner}: geen regel in {data['bestand']}"
        names = network.nodes[partner].get("namen") or (network.nodes[partner]["label"],)
        shown = (lines[line - 1] + " " + (lines[line] if line < len(lines) else "")).replace("\u2019", "'")
        assert any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", shown, re.I) for n in names), (partner, line)


def test_the_site_theme_page_cites_a_plan_level_partner_at_its_line(network, store, folder_2026, tmp_path):
    import kennisgraaf.serve  # noqa: F401 - first: site.resource_page and serve.pages import each other
    from kennisgraaf.site.links import Linker
    from kennisgraaf.site.model import SiteModel
    from kennisgraaf.site.theme_sections import theme_sections

    plan = _plan(network, "zeer-zorgwekkende-stoffen")
    data = network.nodes[plan]
    thema = data["thema"]
    html = theme_sections(Linker("id/thema/x"), SiteModel(store, folder_2026.sources_texts_dir), thema, True)
    for partner in (t for _, t, p in network.out_edges(plan, keys=True) if p == "kn:partner"):
        line = data["regels"][f"kn:partner {partner}"]
        assert f"{data['bestand'].removesuffix('.txt')}.html#r{line}" in html, partner
