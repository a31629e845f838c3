"""The rapport: one readable Dutch report for the whole network, as Markdown or HTML.

Built once as document blocks (document.py) from an `Analysis`, so both formats carry the
same summary, matrix, overlaps, gaps (every one with its plan line), bridges and clusters.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..analysis.findings import KINDS, SEVERITIES, Analysis, Finding
from ..analysis.overlap import SPECIFIC, by_specific, matrix
from .citations import Cite, bron_place, file_links
from .document import (
    BOLD,
    CODE,
    ITALIC,
    LINK,
    Box,
    Bullets,
    Cell,
    Heading,
    Para,
    TableBlock,
    spans,
    to_html,
    to_markdown,
)
from .tables import AXIS_TITLES, Names, number

TOP_OVERLAPS = 5
TOP_SHARED = 12
MAX_MATRIX = 30
FORMATS = ("md", "html")


def render(
    analysis: Analysis,
    fmt: str = "md",
    extra: list | None = None,
    texts: Path | None = None,
    cite: Cite | None = None,
) -> str:
    """The rapport as Markdown or HTML. `extra`: blocks appended after the report (the year
    comparison, reports/vergelijking.py); `texts` (the folder of plan texts, graph/bronnen)
    makes every 'waar' a link to the plan text; `cite` links them instead (the static site:
    to the line of the rendered plan text)."""
    blocks = build(analysis, texts, cite) + list(extra or [])
    if fmt == "html":
        return to_html(blocks, title=_title(analysis))
    if fmt == "md":
        return to_markdown(blocks)
    raise ValueError(f"onbekend rapportformaat {fmt!r}; kies uit {', '.join(FORMATS)}")


def _title(analysis: Analysis) -> str:
    years = ", ".join(str(y) for y in analysis.jaren)
    return f"Overlap en gaten tussen de kennisthema's{' ' + years if years else ''}"


def build(analysis: Analysis, texts: Path | None = None, cite: Cite | None = None) -> list:
    names = Names(analysis.labels, analysis.codes)
    blocks: list = [
        Heading(1, _title(analysis)),
        Para(
            spans(
                "Kennisnetwerk VTH — alle kennisplannen in één graaf. Elke bevinding zegt wie erover gaat, "
                "wat te doen en waar het in het plan staat."
            ),
            css="meta",
        ),
        how_to_read(),
    ]
    blocks += _summary(analysis, names)
    blocks += _matrix(analysis, names)
    blocks += _top_overlaps(analysis, names)
    blocks += _gaps(analysis, names, cite or file_links(texts))
    blocks += _timeline(analysis, names)
    blocks += _bridges(analysis, names)
    blocks += _clusters(analysis, names)
    blocks += _method(analysis)
    return blocks


def how_to_read() -> Box:
    """The 'Hoe lees je dit' box: what the numbers and words mean, without algorithm names."""
    from ..analysis.bridges import VERBINDEND  # imported when a rapport is written: bridges imports networkx

    return Box(
        "Hoe lees je dit",
        [
            spans(SPECIFIC),
            spans(
                (BOLD, "Algemeen gedeeld"),
                ": wat (bijna) elk thema noemt, zoals gemeenten en provincies; het staat "
                "apart omdat het weinig zegt over wat twee thema's samen zouden moeten doen.",
            ),
            spans((BOLD, "Verbindend"), ": " + VERBINDEND),
            spans(
                (BOLD, "Ernst"),
                ": hoog = regie, capaciteit of geld ontbreekt; middel = kans op dubbel werk of een "
                "gat; laag = onvolledig of eenzijdig vastgelegd.",
            ),
            spans(
                (BOLD, "Wie, wat, waar"),
                ": bij elke bevinding staan de regisseurs van de betrokken thema's, wat er te "
                "doen is, en het plan met de paragraaf en de regel waar het staat.",
            ),
        ],
    )


def finding_spans(
    f: Finding, cite: Cite | None = None, wie: tuple[str, ...] | None = None, cites: int | None = None
) -> list:
    """One finding as a regisseur reads it: severity, what is wrong, what to do, who, where.
    `cite` links each place (citations.py); `wie` replaces the list of people (the themakaart
    names only the others); `cites` caps the places shown (default MAX_CITES)."""
    wie = f.wie if wie is None else wie
    parts: list = [
        (BOLD, f.severity),
        " — ",
        f.uitleg,
        " ",
        (BOLD, "Wat te doen:"),
        " ",
        f.actie or "—",
        " ",
        (ITALIC, "Wie: " + ("; ".join(wie) or "—") + "."),
        " Waar: ",
    ]
    if not f.waar:
        parts += _cite(f.bronnen, cite)
    cap = MAX_CITES if cites is None else cites
    shown = f.waar[:cap]
    for i, p in enumerate(shown):
        href = cite(p) if cite else None
        parts.append((LINK, p.text(), href) if href else p.text())
        parts.append("; " if i < len(shown) - 1 else "")
    if len(f.waar) > cap:
        parts.append(f" en {len(f.waar) - cap} meer")
    parts.append(".")
    return spans(*parts)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(analysis: Analysis, names: Names) -> list:
    counts = analysis.counts
    with_plan = [t for t in analysis.themas if analysis.plans.get(t)]
    without = [t for t in analysis.themas if not analysis.plans.get(t)]
    sev = {s: counts.get(f"ernst:{s}", 0) for s in SEVERITIES}
    items = [
        spans(
            (BOLD, f"{len(with_plan)} van de {len(analysis.themas)} thema's"),
            " hebben een kennisplan: ",
            ", ".join(names(t) for t in with_plan)
            + "."
            + (f" Zonder plan: {', '.join(names(t) for t in without)}." if without else ""),
        ),
        spans(
            "De graaf bevat "
            + ", ".join(
                _plural(counts.get(f"knopen:{k}", 0), one, many)
                for k, one, many in (
                    ("product", "kennisproduct", "kennisproducten"),
                    ("overleg", "overleg", "overleggen"),
                    ("organisatie", "organisatie", "organisaties"),
                    ("onderwerp", "onderwerp", "onderwerpen"),
                    ("wet", "wet of regeling", "wetten en regelingen"),
                    ("overdracht", "regieoverdracht", "regieoverdrachten"),
                )
            )
            + "."
        ),
        spans(
            (BOLD, _plural(len(analysis.findings), "bevinding", "bevindingen")),
            f": {sev['hoog']} hoog, {sev['middel']} middel, {sev['laag']} laag.",
        ),
    ]
    if analysis.overlaps:
        best = by_specific(list(analysis.overlaps))[0]
        items.append(
            spans(
                "Meeste overlap: ",
                (BOLD, f"{names(best.thema_a)} en {names(best.thema_b)}"),
                f" (overlap {number(best.specifiek_score)}).",
            )
        )
    if analysis.clusters:
        items.append(
            spans(
                "Groepen thema's die het meest op elkaar lijken: "
                + "; ".join(" + ".join(names(t) for t in c) for c in analysis.clusters)
                + "."
            )
        )
    high = [f for f in analysis.findings if f.severity == "hoog"]
    blocks = [Heading(2, "Samenvatting", "samenvatting"), Bullets(items)]
    if high:
        blocks += [
            Para(spans((BOLD, "Eerst bekijken"), " (ernst hoog):")),
            Bullets(
                [spans(f.uitleg, " ", (BOLD, "Wat te doen:"), " ", f.actie) for f in high], css=["hoog"] * len(high)
            ),
        ]
    return blocks


MAX_CITES = 6


def _cite(bronnen, cite: Cite | None = None) -> list:
    """The citations of a finding without places: "(bron: a.txt:3, b.txt:12)", each linked by `cite`."""
    if not bronnen:
        return ["(bron: —)"]
    parts: list = ["(bron: "]
    for i, bron in enumerate(bronnen[:MAX_CITES]):
        href = cite(bron_place(bron)) if cite else None
        parts += [", " if i else "", (LINK, bron, href) if href else bron]
    more = f" en {len(bronnen) - MAX_CITES} meer" if len(bronnen) > MAX_CITES else ""
    return [*parts, f"{more})"]


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
        note = [
            Para(
                spans(
                    f"Alleen de {MAX_MATRIX} thema's uit de sterkste overlappen (van {len(present)}); "
                    "kennisgraaf overlap --matrix geeft ze allemaal."
                )
            )
        ]
    themes, cells = matrix([_as_specific(o) for o in analysis.overlaps], themes)
    rows = []
    for i, t in enumerate(themes):
        row: list = [f"{names.code(t)} — {names(t)}"]
        row += [Cell("—") if v is None else Cell(number(v), heat=v) for v in cells[i]]
        rows.append(row)
    legend = ", ".join(AXIS_TITLES[a] for a in analysis.axes)
    return [
        Heading(2, "Overlapmatrix", "matrix"),
        Para(spans(f"Per paar thema's de overlap over {legend}. " + SPECIFIC)),
        TableBlock(["thema", *(names.code(t) for t in themes)], rows, [False] + [True] * len(themes)),
        *note,
    ]


def _as_specific(o):
    from dataclasses import replace

    return replace(o, score=o.specifiek_score)


def _listed(names: Names, items, top: int = TOP_SHARED) -> str:
    shown = [names(i) for i in items]
    more = f" … en {len(shown) - top} meer" if len(shown) > top else ""
    return (", ".join(shown[:top]) + more) or "—"


def _top_overlaps(analysis: Analysis, names: Names) -> list:
    blocks: list = [Heading(2, "Grootste overlappen", "overlappen"), Para(spans(SPECIFIC))]
    for rank, o in enumerate(by_specific(list(analysis.overlaps))[:TOP_OVERLAPS], 1):
        blocks.append(
            Heading(3, f"{rank}. {names(o.thema_a)} en {names(o.thema_b)} — overlap {number(o.specifiek_score)}")
        )
        rows: list[list[Cell | str]] = []
        for axis in analysis.axes:
            value = o.specifiek.get(axis, 0.0)
            rows.append(
                [
                    AXIS_TITLES[axis],
                    Cell(number(value), heat=value),
                    str(len(o.shared[axis])),
                    _listed(names, o.specific_items(axis)),
                    _listed(names, o.algemeen.get(axis, ())),
                ]
            )
        blocks.append(
            TableBlock(
                ["as", "overlap", "gedeeld", "wat ze specifiek delen", "algemeen gedeeld"],
                rows,
                [False, True, True, False, False],
            )
        )
    return blocks


def _gaps(analysis: Analysis, names: Names, cite: Cite | None = None) -> list:
    blocks: list = [
        Heading(2, "Gaten en aandachtspunten", "gaten"),
        Para(
            spans(
                "Per soort, de zwaarste eerst. Ernst: ",
                (BOLD, "hoog"),
                " = regie, capaciteit of geld ontbreekt, ",
                (BOLD, "middel"),
                " = kans op dubbel werk of een gat, ",
                (BOLD, "laag"),
                " = onvolledig of eenzijdig vastgelegd.",
            )
        ),
    ]
    by_kind = defaultdict(list)
    for f in analysis.findings:
        by_kind[f.kind].append(f)
    if not by_kind:
        blocks.append(Para(spans("Geen bevindingen.")))
    # "de zwaarste eerst" holds for the kinds too: a kind ranks by its heaviest finding, and
    # within one severity the kinds keep their order in KINDS.
    order = list(KINDS)
    kinds = sorted(
        (k for k in order if by_kind.get(k)),
        key=lambda k: (min(SEVERITIES.index(f.severity) for f in by_kind[k]), order.index(k)),
    )
    for kind in kinds:
        title = KINDS[kind]
        found = sorted(by_kind[kind], key=lambda f: SEVERITIES.index(f.severity))
        blocks.append(Heading(3, f"{title} ({len(found)})", kind))
        blocks.append(Bullets([finding_spans(f, cite) for f in found], css=[f.severity for f in found]))
    return blocks


def _timeline(analysis: Analysis, names: Names) -> list:
    if not analysis.wetten:
        return []
    rows = [
        [
            r["datumTekst"],
            r["label"],
            "ja" if r["aankomend"] else "nee",
            names.many(r["themas"], ", "),
            _listed(names, r["producten"], 4) if r["producten"] else "geen product",
        ]
        for r in analysis.wetten
    ]
    return [
        Heading(2, "Wetgeving in de tijd", "wetgeving"),
        Para(
            spans(
                "De wetten en regels die de plannen noemen en die een bekende datum van inwerkingtreding hebben "
                "of eraan komen. Een datum staat er alleen als die openbaar en zeker is (de bron staat in "
                "graph/registers/wetgeving.ttl); aankomend = nog niet (helemaal) in werking."
            )
        ),
        TableBlock(["in werking", "wet of regel", "aankomend", "genoemd door", "uitgewerkt in"], rows),
    ]


def _bridges(analysis: Analysis, names: Names) -> list:
    from ..analysis.bridges import VERBINDEND  # imported when a rapport is written: bridges imports networkx

    if not analysis.verbinders and not analysis.bridges:
        return []
    blocks: list = [Heading(2, "Verbindende organisaties en onderwerpen", "verbinders"), Para(spans(VERBINDEND))]
    rows: list[list[Cell | str]] = [
        [names(org), str(len(themes)), ", ".join(names.code(t) for t in themes)] for org, themes in analysis.verbinders
    ]
    if rows:
        blocks += [
            Heading(3, "Organisaties"),
            TableBlock(["naam", "thema's", "welke"], rows, [False, True, False]),
            Para(spans("Dezelfde lijst geeft ", (CODE, "kennisgraaf query organisaties-per-thema -p minimum=2"), ".")),
        ]
    topics = [b for b in analysis.bridges if b.kind == "onderwerp"]
    if topics:
        blocks += [
            Heading(3, "Onderwerpen"),
            Para(
                spans("Onderwerpen die de meeste thema's met elkaar in verband brengen, de sterkste verbinder eerst.")
            ),
            TableBlock(
                ["naam", "thema's", "welke"],
                [[names(b.node), str(len(b.themas)), ", ".join(names.code(t) for t in b.themas)] for b in topics],
                [False, True, False],
            ),
        ]
    return blocks


def _clusters(analysis: Analysis, names: Names) -> list:
    if not analysis.clusters:
        return []
    items = [
        spans((BOLD, f"Cluster {i}"), ": " + ", ".join(names(t) for t in c)) for i, c in enumerate(analysis.clusters, 1)
    ]
    return [
        Heading(2, "Clusters van thema's", "clusters"),
        Para(
            spans(
                "Groepen thema's die onderling het meest dezelfde onderwerpen en wetgeving behandelen; "
                "elke keer dezelfde indeling."
            )
        ),
        Bullets(items),
    ]


def _method(analysis: Analysis) -> list:
    return [
        Heading(2, "Hoe dit is berekend", "methode"),
        Bullets(
            [
                spans(
                    "De graaf is de beredeneerde RDF-graaf van alle plannen (",
                    (CODE, "kennisgraaf build"),
                    "); de analyse leest hem als netwerk (networkx).",
                ),
                spans(
                    SPECIFIC + " Onderwerpen tellen met hun bredere onderwerpen mee (PFAS telt ook als ZZS); "
                    "overkoepelende begrippen die geen plan zelf noemt (Stoffen, Water) tellen niet."
                ),
                spans(
                    "Verbindende onderwerpen: hoe vaak een onderwerp op de kortste weg tussen twee thema's ligt; "
                    "groepen: thema's die onderling meer overlappen dan met de rest."
                ),
                spans(
                    "Elke bevinding noemt plan, paragraaf en regel in de plantekst (graph/bronnen); staat er '(niet "
                    "in de tekst)', dan gaat het om iets dat het plan níet zegt."
                ),
            ]
        ),
    ]
