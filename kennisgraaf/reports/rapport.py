"""The rapport: one readable Dutch report for the whole network, as Markdown or HTML.

Built once as document blocks (document.py) from an `Analysis`, so both formats carry the
same summary, matrix, overlaps, gaps (every one with its plan line), bridges and clusters.
"""

from __future__ import annotations

from collections import defaultdict

from ..analysis.findings import KINDS, SEVERITIES, Analysis
from ..analysis.overlap import matrix
from .document import BOLD, CODE, ITALIC, Bullets, Cell, Heading, Para, TableBlock, spans, to_html, to_markdown
from .tables import AXIS_TITLES, Names, number

TOP_OVERLAPS = 5
TOP_SHARED = 12
MAX_MATRIX = 30
FORMATS = ("md", "html")


def render(analysis: Analysis, fmt: str = "md", extra: list | None = None) -> str:
    """`extra`: blocks appended after the report (the year comparison, reports/vergelijking.py)."""
    blocks = build(analysis) + list(extra or [])
    if fmt == "html":
        return to_html(blocks, title=_title(analysis))
    if fmt == "md":
        return to_markdown(blocks)
    raise ValueError(f"onbekend rapportformaat {fmt!r}; kies uit {', '.join(FORMATS)}")


def _title(analysis: Analysis) -> str:
    years = ", ".join(str(y) for y in analysis.jaren)
    return f"Overlap en gaten tussen de kennisthema's{' ' + years if years else ''}"


def build(analysis: Analysis) -> list:
    names = Names(analysis.labels, analysis.codes)
    blocks: list = [
        Heading(1, _title(analysis)),
        Para(spans("Kennisnetwerk VTH — alle kennisplannen in één graaf. Elke bevinding noemt het plan en de "
                   "regel waar het staat (bestand:regel in graph/bronnen)."), css="meta"),
    ]
    blocks += _summary(analysis, names)
    blocks += _matrix(analysis, names)
    blocks += _top_overlaps(analysis, names)
    blocks += _gaps(analysis, names)
    blocks += _bridges(analysis, names)
    blocks += _clusters(analysis, names)
    blocks += _method(analysis)
    return blocks


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(analysis: Analysis, names: Names) -> list:
    counts = analysis.counts
    with_plan = [t for t in analysis.themas if analysis.plans.get(t)]
    without = [t for t in analysis.themas if not analysis.plans.get(t)]
    sev = {s: counts.get(f"ernst:{s}", 0) for s in SEVERITIES}
    items = [
        spans((BOLD, f"{len(with_plan)} van de {len(analysis.themas)} thema's"), " hebben een kennisplan: ",
              ", ".join(names(t) for t in with_plan) + "."
              + (f" Zonder plan: {', '.join(names(t) for t in without)}." if without else "")),
        spans("De graaf bevat " + ", ".join(
            _plural(counts.get(f"knopen:{k}", 0), one, many) for k, one, many in (
                ("product", "kennisproduct", "kennisproducten"), ("overleg", "overleg", "overleggen"),
                ("organisatie", "organisatie", "organisaties"), ("onderwerp", "onderwerp", "onderwerpen"),
                ("wet", "wet of regeling", "wetten en regelingen"),
                ("overdracht", "regieoverdracht", "regieoverdrachten"),
            )) + "."),
        spans((BOLD, _plural(len(analysis.findings), "bevinding", "bevindingen")),
              f": {sev['hoog']} hoog, {sev['middel']} middel, {sev['laag']} laag."),
    ]
    if analysis.overlaps:
        best = analysis.overlaps[0]
        items.append(spans("Meeste overlap: ", (BOLD, f"{names(best.thema_a)} en {names(best.thema_b)}"),
                           f" (score {number(best.score)})."))
    if analysis.clusters:
        items.append(spans("Clusters van thema's die het meest op elkaar lijken: "
                           + "; ".join(" + ".join(names(t) for t in c) for c in analysis.clusters) + "."))
    high = [f for f in analysis.findings if f.severity == "hoog"]
    blocks = [Heading(2, "Samenvatting", "samenvatting"), Bullets(items)]
    if high:
        blocks += [Para(spans((BOLD, "Eerst bekijken"), " (ernst hoog):")),
                   Bullets([spans(f.uitleg, " ", (ITALIC, _cite(f.bronnen))) for f in high], css=["hoog"] * len(high))]
    return blocks


MAX_CITES = 6


def _cite(bronnen) -> str:
    if not bronnen:
        return "(bron: —)"
    shown = ", ".join(bronnen[:MAX_CITES])
    more = f" en {len(bronnen) - MAX_CITES} meer" if len(bronnen) > MAX_CITES else ""
    return f"(bron: {shown}{more})"


def _matrix(analysis: Analysis, names: Names) -> list:
    present = {t for o in analysis.overlaps for t in (o.thema_a, o.thema_b)}
    themes = [t for t in analysis.themas if t in present]
    if not themes:
        return []
    note = []
    if len(themes) > MAX_MATRIX:  # a big network: the themes of the strongest overlaps
        keep: list[str] = []
        for o in analysis.overlaps:
            for t in (o.thema_a, o.thema_b):
                if t not in keep and len(keep) < MAX_MATRIX:
                    keep.append(t)
            if len(keep) >= MAX_MATRIX:
                break
        themes = [t for t in themes if t in keep]
        note = [Para(spans(f"Alleen de {MAX_MATRIX} thema's uit de sterkste overlappen (van {len(present)}); "
                           "kennisgraaf overlap --matrix geeft ze allemaal."))]
    themes, cells = matrix(list(analysis.overlaps), themes)
    rows = []
    for i, t in enumerate(themes):
        row: list = [f"{names.code(t)} — {names(t)}"]
        row += [Cell("—") if v is None else Cell(number(v), heat=v) for v in cells[i]]
        rows.append(row)
    legend = ", ".join(AXIS_TITLES[a] for a in analysis.axes)
    return [
        Heading(2, "Overlapmatrix", "matrix"),
        Para(spans(f"Per paar thema's de gemiddelde overeenkomst (Jaccard) over {legend}: 0 = niets gedeeld, "
                   "1 = precies dezelfde onderwerpen, partners, wetten en overlegpartners.")),
        TableBlock(["thema", *(names.code(t) for t in themes)], rows, [False] + [True] * len(themes)),
        *note,
    ]


def _top_overlaps(analysis: Analysis, names: Names) -> list:
    blocks: list = [Heading(2, "Grootste overlappen", "overlappen")]
    for rank, o in enumerate(analysis.overlaps[:TOP_OVERLAPS], 1):
        blocks.append(Heading(3, f"{rank}. {names(o.thema_a)} en {names(o.thema_b)} — score {number(o.score)}"))
        rows = []
        for axis in analysis.axes:
            shared = [names(i) for i in o.shared[axis]]
            more = f" … en {len(shared) - TOP_SHARED} meer" if len(shared) > TOP_SHARED else ""
            rows.append([AXIS_TITLES[axis], Cell(number(o.similarity[axis]), heat=o.similarity[axis]),
                         str(len(shared)), (", ".join(shared[:TOP_SHARED]) + more) or "—"])
        blocks.append(TableBlock(["as", "overeenkomst", "gedeeld", "wat ze delen"], rows, [False, True, True, False]))
    return blocks


def _gaps(analysis: Analysis, names: Names) -> list:
    blocks: list = [Heading(2, "Gaten en aandachtspunten", "gaten"),
                    Para(spans("Per soort, de zwaarste eerst. Ernst: ", (BOLD, "hoog"), " = regie of geld ontbreekt, ",
                               (BOLD, "middel"), " = kans op dubbel werk of een lek, ", (BOLD, "laag"),
                               " = onvolledig of eenzijdig vastgelegd."))]
    by_kind = defaultdict(list)
    for f in analysis.findings:
        by_kind[f.kind].append(f)
    if not by_kind:
        blocks.append(Para(spans("Geen bevindingen.")))
    for kind, title in KINDS.items():
        found = sorted(by_kind.get(kind, []), key=lambda f: SEVERITIES.index(f.severity))
        if not found:
            continue
        blocks.append(Heading(3, f"{title} ({len(found)})", kind))
        blocks.append(Bullets(
            [spans((BOLD, f.severity), " — ", f.uitleg, " ", (ITALIC, _cite(f.bronnen))) for f in found],
            css=[f.severity for f in found]))
    return blocks


def _bridges(analysis: Analysis, names: Names) -> list:
    if not analysis.bridges:
        return []
    blocks: list = [Heading(2, "Verbindende organisaties en onderwerpen", "verbinders"),
                    Para(spans("Wie of wat de thema's het meest met elkaar verbindt. Betweenness: welk deel van de "
                               "kortste verbindingen tussen twee thema's (via gedeelde organisaties en onderwerpen) "
                               "door deze organisatie of dit onderwerp loopt; 0,10 = een tiende van alle paren."))]
    for kind, title in (("organisatie", "Organisaties"), ("onderwerp", "Onderwerpen")):
        rows = [[names(b.node), Cell(number(b.betweenness, 3)), str(len(b.themas)),
                 ", ".join(names.code(t) for t in b.themas)] for b in analysis.bridges if b.kind == kind]
        if rows:
            blocks += [Heading(3, title), TableBlock(["naam", "betweenness", "thema's", "welke"], rows,
                                                     [False, True, True, False])]
    return blocks


def _clusters(analysis: Analysis, names: Names) -> list:
    if not analysis.clusters:
        return []
    items = [spans((BOLD, f"Cluster {i}"), ": " + ", ".join(names(t) for t in c))
             for i, c in enumerate(analysis.clusters, 1)]
    return [Heading(2, "Clusters van thema's", "clusters"),
            Para(spans("Groepen thema's die onderling het meest dezelfde onderwerpen en wetgeving behandelen "
                       "(Louvain-communities, vaste seed).")),
            Bullets(items)]


def _method(analysis: Analysis) -> list:
    return [
        Heading(2, "Hoe dit is berekend", "methode"),
        Bullets([
            spans("De graaf is de beredeneerde RDF-graaf van alle plannen (", (CODE, "kennisgraaf build"),
                  "); de analyse leest hem als netwerk (networkx)."),
            spans("Overlap per as = Jaccard: gedeelde items gedeeld door alle items van de twee thema's samen. "
                  "Onderwerpen tellen met hun bredere onderwerpen mee (PFAS telt ook als ZZS); overkoepelende "
                  "begrippen die geen plan zelf noemt (Stoffen, Water) tellen niet."),
            spans("Verbinders: betweenness-centraliteit over de kortste paden van thema naar thema; clusters: "
                  "Louvain op de overlap over onderwerpen en wetgeving."),
            spans("Elke bevinding verwijst naar ", (CODE, "bestand:regel"), " in de plantekst; staat er alleen een "
                  "bestand, dan gaat het om iets dat het plan níet zegt, of om een gegeven zonder eigen regel."),
        ]),
    ]
