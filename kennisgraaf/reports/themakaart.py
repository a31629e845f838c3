"""The themakaart: one printable page per theme that a regisseur hands out.

The plan in numbers, products per quarter, partners, handovers and cooperation in and out,
overlaps with other themes and the open findings with their action. Built as document blocks
(document.py) from the network and one `Analysis`, written as HTML with print CSS (A4), and as
PDF by headless Chromium (`to_pdf`).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..analysis.actions import regisseurs
from ..analysis.findings import Analysis, severity_key
from ..analysis.gaps_planning import delivery_quarters
from ..analysis.network import items_of, label, nodes_of, plans_of, targets
from ..analysis.overlap import SPECIFIC, by_specific
from ..analysis.textlines import euro
from ..errors import KennisgraafError
from .citations import Cite, file_links
from .document import BOLD, Box, Bullets, Cell, Heading, Para, TableBlock, spans, to_html
from .rapport import finding_spans
from .tables import Names, number

TOP_OVERLAPS = 3
TOP_ITEMS = 6
CITES = 2  # places shown per finding on the card (the rapport shows more)

PRINT_CSS = """
html{font-size:13px}
body{max-width:64rem;line-height:1.3;column-count:2;column-gap:1.6rem}
h1{font-size:1.5rem;margin:.2rem 0 .2rem;column-span:all}
p.meta{column-span:all;margin:.1rem 0 .5rem}
h2{font-size:1.05rem;margin:.7rem 0 .25rem;break-after:avoid}
table{font-size:.9rem;margin:.2rem 0 .4rem;width:100%}
th,td{padding:.1rem .3rem}
ul{margin:.2rem 0;padding-left:1rem}
li{margin:.2rem 0;font-size:.92rem}
div.box{padding:.1rem .6rem;margin:.4rem 0;font-size:.88rem;break-inside:avoid}
div.box h2{margin:.2rem 0;font-size:.95rem}
table,li,p{break-inside:avoid}
@page{size:A4 landscape;margin:7mm}
@media print{html{font-size:6.1pt}body{max-width:none;margin:0;padding:0}a{color:inherit;text-decoration:none}}
"""


def build(network, analysis: Analysis, thema: str, texts: Path | None = None, cite: Cite | None = None) -> list:
    """The blocks of one theme's card; the findings' places link by `cite`, else to the plan
    texts in `texts` (citations.py)."""
    names = Names(analysis.labels, analysis.codes)
    plans = sorted(plans_of(network, thema))
    who = ", ".join(regisseurs(network, thema)) or "geen (geen kennisplan)"
    title = f"Themakaart {label(network, thema)}" + (
        f" {' '.join(str(y) for y in analysis.jaren)}" if analysis.jaren else ""
    )
    blocks: list = [
        Heading(1, title),
        Para(
            spans(
                (BOLD, "Kennisregisseur: "),
                who,
                "  ·  ",
                (BOLD, "Plan: "),
                ", ".join(label(network, p) for p in plans) or "geen kennisplan",
            ),
            css="meta",
        ),
    ]
    blocks.append(
        Box(
            "Hoe lees je dit",
            [
                spans(
                    "Ernst: hoog = regie, capaciteit of geld ontbreekt; middel = kans op dubbel werk of een gat; "
                    "laag = onvolledig of eenzijdig vastgelegd."
                ),
                spans(SPECIFIC),
                spans("Waar: het plan, de paragraaf (kop in de plantekst) en de regel waar het staat."),
            ],
        )
    )
    blocks += _numbers(network, thema, plans)
    blocks += _quarters(network, thema, names)
    blocks += _partners(network, analysis, thema, names)
    blocks += _routes(network, thema, names)
    blocks += _overlaps(analysis, thema, names)
    blocks += _findings(analysis, thema, cite or file_links(texts))
    return blocks


def _numbers(network, thema, plans) -> list:
    products = items_of(network, thema, "product")
    rows: list[list[Cell | str]] = [
        ["kennisproducten", str(len(products))],
        ["overleggen en netwerken", str(len(items_of(network, thema, "overleg")))],
        ["organisaties waarmee het thema werkt", str(len(targets(network, thema, "kn:werktMet")))],
    ]
    for plan in plans:
        data = network.nodes[plan]
        if data.get("activiteitenbudget") is not None:
            rows.append(["activiteitenbudget", euro(data["activiteitenbudget"])])
        if data.get("tabelTotaal") is not None:
            rows.append(["totaal van de producttabel", euro(data["tabelTotaal"])])
    return [Heading(2, "Het plan in cijfers"), TableBlock(["", "aantal of bedrag"], rows, [False, True])]


def _quarters(network, thema, names) -> list:
    per: dict[str, list[str]] = {}
    ongoing, unplanned = [], []
    for p in sorted(items_of(network, thema, "product"), key=lambda n: label(network, n).casefold()):
        data = network.nodes[p]
        quarters = delivery_quarters(data)
        if quarters:
            for q in quarters:
                per.setdefault(q, []).append(label(network, p))
        elif len(data.get("kwartalen") or ()) >= 4:
            ongoing.append(label(network, p))
        else:
            unplanned.append(label(network, p))
    rows: list[list[Cell | str]] = [[q.replace("-", " "), str(len(per[q])), "; ".join(per[q])] for q in sorted(per)]
    if ongoing:
        rows.append(["het hele jaar", str(len(ongoing)), "; ".join(ongoing)])
    if unplanned:
        rows.append(["zonder kwartaal", str(len(unplanned)), "; ".join(unplanned)])
    if not rows:
        return []
    return [
        Heading(2, "Producten per kwartaal (oplevering)"),
        TableBlock(["kwartaal", "aantal", "producten"], rows, [False, True, False]),
    ]


def _partners(network, analysis, thema, names) -> list:
    connecting = {org for org, themes in analysis.verbinders}
    orgs = sorted(targets(network, thema, "kn:werktMet"), key=lambda n: label(network, n).casefold())
    if not orgs:
        return []
    text = ", ".join(_short(network, o) + (" *" if o in connecting else "") for o in orgs)
    return [Heading(2, "Partners"), Para(spans(text + ".", " (* = verbindend: werkt ook met andere thema's)"))]


def _short(network, node) -> str:
    """The shortest name of an organisation (its abbreviation: IPO, RWS), to keep the card on one page."""
    found = [n for n in network.nodes[node].get("namen", ()) if len(n) >= 2] or [label(network, node)]
    return min(found, key=lambda n: (len(n), n))


def _routes(network, thema, names) -> list:
    """Handovers and cooperation, out (this plan routes work to another theme) and in."""
    out, into = [], []
    for h in nodes_of(network, "overdracht"):
        data = network.nodes[h]
        topic = data.get("onderwerpTekst") or label(network, h)
        for naar in targets(network, h, "kn:naarThema"):
            if thema in data.get("themas", ()):
                out.append(f"regie over {topic} → {label(network, naar)}")
            if naar == thema:
                into.append(f"regie over {topic} ← {names.many(data.get('themas', ()), ', ')}")
    for kind, prop in (("samenwerking", "kn:partnerThema"), ("aangedragen", "kn:anderThema")):
        for item in nodes_of(network, kind):
            data = network.nodes[item]
            product = sorted(targets(network, item, "kn:betreftProduct"))
            what = (
                label(network, product[0])
                if product
                else (
                    data.get("label")
                    if kind == "aangedragen"
                    else ", ".join(label(network, t) for t in sorted(targets(network, item, "kn:onderwerp")))
                    or "samenwerking"
                )
            )
            partners = targets(network, item, prop)
            if thema in data.get("themas", ()) and partners:
                out.append(f"{what}: {data.get('aard', 'samen met')} {names.many(sorted(partners), ', ')}")
            if thema in partners:
                into.append(f"{what}: gevraagd door {names.many(data.get('themas', ()), ', ')}")
    if not out and not into:
        return []
    rows: list[list[Cell | str]] = [["uit", "; ".join(out) or "—"], ["in", "; ".join(into) or "—"]]
    return [Heading(2, "Overdrachten en samenwerking met andere thema's"), TableBlock(["richting", "wat"], rows)]


def _overlaps(analysis, thema, names) -> list:
    mine = [o for o in by_specific(list(analysis.overlaps)) if thema in (o.thema_a, o.thema_b)]
    rows = []
    for o in mine[:TOP_OVERLAPS]:
        shared = [names(i) for axis in analysis.axes for i in o.specific_items(axis)]
        rows.append(
            [
                names(o.other(thema)),
                number(o.specifiek_score),
                ", ".join(shared[:TOP_ITEMS])
                + (f" … en {len(shared) - TOP_ITEMS} meer" if len(shared) > TOP_ITEMS else "")
                or "—",
            ]
        )
    if not rows:
        return []
    return [
        Heading(2, "Meeste overlap met"),
        TableBlock(["thema", "overlap", "wat ze specifiek delen"], rows, [False, True, False]),
    ]


def _findings(analysis, thema, cite: Cite | None) -> list:
    found = sorted((f for f in analysis.findings if thema in f.themas), key=severity_key)
    if not found:
        return [Heading(2, "Open bevindingen"), Para(spans("Geen."))]
    own = {f"{r} ({label_of(analysis, thema)})" for r in analysis.regisseurs.get(thema, ())}
    return [
        Heading(2, f"Open bevindingen ({len(found)}), de zwaarste eerst"),
        Bullets(
            [
                finding_spans(
                    f, cite, wie=tuple(w for w in f.wie if w not in own) or ("alleen dit thema",), cites=CITES
                )
                for f in found
            ],
            css=[f.severity for f in found],
        ),
    ]


def label_of(analysis, node) -> str:
    from ..labels import name_of

    return name_of(node, analysis.labels.get(node))


def render(network, analysis: Analysis, thema: str, texts: Path | None = None, cite: Cite | None = None) -> str:
    blocks = build(network, analysis, thema, texts, cite)
    return to_html(blocks, title=blocks[0].text, extra_css=PRINT_CSS)


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def to_pdf(html_file: Path, pdf_file: Path, timeout: float = 120) -> Path:
    """Print an HTML file to PDF with headless Chromium (A4, the page's print CSS)."""
    browser = chromium()
    if browser is None:
        raise KennisgraafError(
            "PDF maken kan niet: Chromium is niet geïnstalleerd (zie scripts/system-packages); "
            "gebruik --geen-pdf voor alleen HTML"
        )
    with tempfile.TemporaryDirectory(prefix="kennisgraaf-chromium-") as profile:
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={Path(pdf_file).resolve()}",
            Path(html_file).resolve().as_uri(),
        ]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise KennisgraafError(f"PDF maken duurde langer dan {timeout:.0f} s: {pdf_file}") from exc
    if done.returncode != 0 or not Path(pdf_file).is_file():
        raise KennisgraafError(
            f"PDF maken mislukt voor {html_file}: {done.stderr.decode(errors='replace').strip()[-300:]}"
        )
    return Path(pdf_file)


def themes_with_plan(network) -> list[str]:
    from ..analysis.network import counted_themes

    return [t for t in counted_themes(network) if plans_of(network, t)]
