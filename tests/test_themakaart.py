"""The themakaart (issue 16): one printable page per theme, HTML and PDF, from the real data."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from kennisgraaf.analysis import analyse
from kennisgraaf.analysis.network import load_network
from kennisgraaf.cli import app, commands  # noqa: F401
from kennisgraaf.reports.themakaart import build, render, themes_with_plan

ID = "https://w3id.org/kennisgraaf/id/"
runner = CliRunner()


@pytest.fixture(scope="module")
def network(store):
    return load_network(store)


@pytest.fixture(scope="module")
def analysis(network):
    return analyse(network)


def test_every_theme_with_a_plan_gets_a_card(network):
    assert [t.rsplit("/", 1)[-1] for t in themes_with_plan(network)] == [
        "actuele-vraagstukken",
        "circulaire-economie",
        "data-en-informatievoorziening",
        "energietransitie",
        "waterkwaliteit",
        "zeer-zorgwekkende-stoffen",
    ]


def test_card_has_every_section_and_the_theme_s_findings(network, analysis, data_root):
    wk = ID + "thema/waterkwaliteit"
    page = render(network, analysis, wk, data_root / "graph" / "bronnen")
    for heading in (
        "Themakaart Waterkwaliteit 2026",
        "Hoe lees je dit",
        "Het plan in cijfers",
        "Producten per kwartaal (oplevering)",
        "Partners",
        "Overdrachten en samenwerking met andere thema",
        "Meeste overlap met",
        "Open bevindingen",
    ):
        assert heading in page, heading
    assert "Suzanne Giardina" in page and "€ 152.680" in page and "@page{size:A4" in page
    mine = [f for f in analysis.findings if wk in f.themas]
    assert page.count('<li class="hoog">') + page.count('<li class="middel">') + page.count('<li class="laag">') == len(
        mine
    )
    assert "regie over Renure ← Circulaire economie" in page  # CE 191 hands Renure to WK
    assert 'href="file://' in page and "Wat te doen:" in page


def test_card_labels_are_escaped(network, analysis):
    wk = ID + "thema/waterkwaliteit"
    labels = dict(analysis.labels)
    labels[wk] = "<script>x</script>"
    from dataclasses import replace

    blocks = build(network, replace(analysis, labels=labels), wk)
    from kennisgraaf.reports.document import to_html

    assert "<script>x" not in to_html(blocks, "t")


@pytest.mark.browser  # headless Chromium prints the PDF; pdfinfo (poppler-utils) counts its pages
def test_cli_writes_html_and_a_one_page_pdf(build_2026, cache_dir, tmp_path):
    out = tmp_path / "kaarten"
    result = runner.invoke(
        app, ["themakaart", "--cache-dir", str(cache_dir), "-q", "--thema", "ZZS", "--out-dir", str(out)]
    )
    assert result.exit_code == 0, result.output
    html = out / "themakaart-zeer-zorgwekkende-stoffen.html"
    pdf = out / "themakaart-zeer-zorgwekkende-stoffen.pdf"
    assert html.is_file() and pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run([shutil.which("pdfinfo") or "pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout


def test_cli_html_only_and_a_bad_out_dir(build_2026, cache_dir, tmp_path):
    out = tmp_path / "html"
    result = runner.invoke(
        app, ["themakaart", "--cache-dir", str(cache_dir), "-q", "--geen-pdf", "--out-dir", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.html"))) == 6 and not list(out.glob("*.pdf"))
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    result = runner.invoke(
        app, ["themakaart", "--cache-dir", str(cache_dir), "-q", "--geen-pdf", "--out-dir", str(blocker / "sub")]
    )
    assert result.exit_code != 0 and "--out-dir" in result.output and "Traceback" not in result.output
