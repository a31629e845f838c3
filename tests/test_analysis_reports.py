"""Renderings of the same findings: tables, JSON, the Markdown and HTML rapport, the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from kennisgraaf.analysis import analyse
from kennisgraaf.analysis.findings import KINDS
from kennisgraaf.analysis.network import Builder
from kennisgraaf.cli import app, commands  # noqa: F401
from kennisgraaf.reports.document import Bullets, Cell, Heading, Para, TableBlock, spans, to_html, to_markdown
from kennisgraaf.reports.rapport import render
from kennisgraaf.reports.tables import Names, findings_json, gaps_table, overlaps_json

runner = CliRunner()
NS = "https://example.org/"
EVIL = "<script>alert('x')</script> | *vet* [link](http://x)"


@pytest.fixture(scope="module")
def nasty():
    """Two themes sharing a topic whose name is hostile markup; one theme hands a topic to a
    theme without plan."""
    b = Builder()
    a, c, d = NS + "a", NS + "c", NS + "d"
    b.thema(a, "Alfa & Omega", code="AO")
    b.thema(c, "Gamma", code="G")
    b.thema(d, "Delta <b>", code="D")
    for thema, file in ((a, "a.txt"), (c, "c.txt")):
        b.plan(thema + "/plan", thema, bestand=file, jaar=2026, regels={})
    b.node(NS + "t", "onderwerp", EVIL)
    for thema in (a, c):
        b.edge(thema + "/plan", "kn:onderwerp", NS + "t")
    h = b.item("overdracht", NS + "h", a + "/plan", "h", regel=7, onderwerpTekst=EVIL)
    b.edge(h, "kn:naarThema", d)
    return analyse(b.infer())


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_rapport_escapes_everything_and_needs_no_network(nasty):
    page = render(nasty, "html")
    parser = _Collector()
    parser.feed(page)
    tags = {t for t, _ in parser.tags}
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert not re.search(r"(src|href)=", page)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Delta &lt;b&gt;" in page and "Alfa &amp; Omega" in page
    assert EVIL in "".join(parser.text)  # shown as text, exactly
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_markdown_rapport_escapes_table_and_emphasis_characters(nasty):
    text = render(nasty, "md")
    assert "\\<script\\>" in text and "\\| \\*vet\\*" in text
    tables, current = [], []
    for row in text.splitlines() + [""]:
        if row.startswith("|"):
            current.append(len(re.findall(r"(?<!\\)\|", row)))  # unescaped pipes = column borders
        elif current:
            tables.append(current)
            current = []
    assert tables and all(len(set(widths)) == 1 for widths in tables)
    assert "## Samenvatting" in text and "## Overlapmatrix" in text and "## Gaten en aandachtspunten" in text


def test_rapport_has_every_section_and_cites_every_finding(store, data_root):
    from kennisgraaf.analysis.network import load_network

    result = analyse(load_network(store))
    text = render(result, "md")
    assert "> **Hoe lees je dit**" in text
    for heading in (
        "Samenvatting",
        "Overlapmatrix",
        "Grootste overlappen",
        "Gaten en aandachtspunten",
        "Wetgeving in de tijd",
        "Verbindende organisaties en onderwerpen",
        "Clusters van thema's",
        "Hoe dit is berekend",
    ):
        assert f"## {heading}" in text
    for kind in {f.kind for f in result.findings}:
        assert KINDS[kind] in text
    for jargon in ("Jaccard", "Betweenness", "betweenness", "Louvain", "seed"):
        assert jargon not in text
    gaps_part = text.split("## Gaten en aandachtspunten")[1].split("## Wetgeving in de tijd")[0]
    bullets = [line for line in gaps_part.splitlines() if line.startswith("- ")]
    assert len(bullets) == len(result.findings)
    for b in bullets:  # who, what and where (plan, section, line) in every finding
        assert "**Wat te doen:** " in b and "_Wie: " in b, b
        assert re.search(r"Waar: Kennisplan [^,]+ 2026, (§ [^,]+, )?(regel \d+|\(niet in de tekst\))", b), b
    html = render(result, "html", texts=data_root / "graph" / "bronnen")
    assert html.count("<li class=") >= len(result.findings)
    assert '<a href="file://' in html and "kennisplan-2026-waterkwaliteit.txt" in html
    assert '<div class="box"><h2>Hoe lees je dit</h2>' in html


def test_document_model_renders_both_ways():
    blocks = [
        Heading(2, "Kop"),
        Para(spans("a ", ("b", "vet"))),
        Bullets([spans("één")], css=["hoog"]),
        TableBlock(["x", "n"], [["r", Cell("0,5", heat=0.5)]], [False, True]),
    ]
    md = to_markdown(blocks)
    assert md == "## Kop\n\na **vet**\n\n- één\n\n| x | n |\n|---|---:|\n| r | 0,5 |\n"
    page = to_html(blocks, "T")
    assert '<li class="hoog">één</li>' in page and "rgba(31,111,139," in page and "<b>vet</b>" in page


def test_tables_and_json_carry_iris_and_labels(nasty):
    names = Names(nasty.labels, nasty.codes)
    table = gaps_table(list(nasty.findings), names)
    assert table.columns == ["soort", "ernst", "thema's", "uitleg", "wie", "wat te doen", "waar", "bronnen"]
    payload = json.loads(findings_json(list(nasty.findings), names))
    handover = next(p for p in payload if p["kind"] == "overdracht-zonder-plan")
    assert handover["items"] == [{"iri": NS + "h", "label": "h"}] and handover["bronnen"] == ["a.txt:7"]
    pairs = json.loads(overlaps_json(list(nasty.overlaps), names, nasty.axes))
    assert pairs[0]["shared"]["onderwerpen"] == [{"iri": NS + "t", "label": EVIL}]


# --------------------------------------------------------------------------- CLI


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_overlap_formats(build_2026, cache_dir):
    result = invoke("overlap", "--cache-dir", cache_dir, "-q", "--format", "json")
    assert result.exit_code == 0, result.output
    pairs = json.loads(result.stdout)
    assert pairs[0]["score"] >= pairs[-1]["score"]
    assert set(pairs[0]["similarity"]) == {"onderwerpen", "organisaties", "wetgeving", "overleggen"}
    result = invoke("overlap", "--cache-dir", cache_dir, "-q", "-f", "csv", "--thema", "wk", "--langs", "wetgeving")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["ander thema", "score", "wetgeving", "jaccard", "gedeeld: wetgeving"]
    assert "Circulaire economie" in {r[0] for r in rows[1:]}
    result = invoke("overlap", "--cache-dir", cache_dir, "-q", "-f", "md", "--matrix")
    assert "| thema | AV | CE | DIV | ET | WK | ZZS |" in result.stdout


def test_cli_gaps_filters(build_2026, cache_dir):
    result = invoke("gaps", "--cache-dir", cache_dir, "-q", "-f", "json", "--soort", "overdracht-zonder-plan")
    assert result.exit_code == 0, result.output
    (only,) = json.loads(result.stdout)
    assert only["items"][0]["iri"].endswith("/overdracht/ce-2026-staalslakken")
    result = invoke(
        "gaps", "--cache-dir", cache_dir, "-q", "-f", "csv", "--ernst", "middel", "--thema", "Energietransitie"
    )
    rows = list(csv.reader(io.StringIO(result.stdout)))[1:]
    assert rows and all(r[1] in ("hoog", "middel") and "Energietransitie" in r[2] for r in rows)


@pytest.mark.parametrize(
    "args, message",
    [
        (("overlap", "--langs", "kleur"), "onbekende as 'kleur'"),
        (("gaps", "--soort", "alles-kwijt"), "onbekende soort 'alles-kwijt'"),
        (("gaps", "--ernst", "enorm"), "onbekende ernst 'enorm'"),
        (("rapport", "--format", "pdf"), "onbekend formaat 'pdf'"),
    ],
)
def test_cli_wrong_options_fail_in_one_line_before_any_build(tmp_path, args, message):
    result = invoke(*args, "--cache-dir", tmp_path / "leeg", "-q")
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "leeg").exists()


def test_cli_unknown_theme(build_2026, cache_dir):
    result = invoke("overlap", "--cache-dir", cache_dir, "-q", "--thema", "Waterkwalitijt")
    assert result.exit_code == 2 and "bedoelde u: 'Waterkwaliteit'" in result.output


def test_cli_rapport_writes_html_by_extension(build_2026, cache_dir, tmp_path):
    out = tmp_path / "uit" / "rapport.html"
    result = invoke("rapport", "--cache-dir", cache_dir, "-q", "--out", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Staalslakken" in page
    result = invoke("rapport", "--cache-dir", cache_dir, "-q")
    assert result.stdout.startswith("# Overlap en gaten tussen de kennisthema's 2026")


def test_cli_gaps_for_one_regisseur_heaviest_first(build_2026, cache_dir):
    result = invoke("gaps", "--cache-dir", cache_dir, "-q", "-f", "json", "--regisseur", "suzanne giardina")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found and all("Waterkwaliteit" in {t["label"] for t in f["themas"]} for f in found)
    order = ["hoog", "middel", "laag"]
    assert [order.index(f["severity"]) for f in found] == sorted(order.index(f["severity"]) for f in found)
    assert all(f["actie"] and f["wie"] and f["waar"] for f in found)
    assert any("Suzanne Giardina (Waterkwaliteit)" in f["wie"] for f in found)
    result = invoke("gaps", "--cache-dir", cache_dir, "-q", "--regisseur", "Niemand")
    assert result.exit_code == 2 and "onbekende regisseur 'Niemand' (--regisseur)" in result.output
