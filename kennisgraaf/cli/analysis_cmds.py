"""Commands that analyse the network of themes: overlap, gaps and rapport."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import (
    AllesOpt,
    CacheOpt,
    DataOpt,
    EndpointOpt,
    ExcelOpt,
    FormatOpt,
    JaarOpt,
    OutOpt,
    QuietOpt,
    app,
    handles_errors,
)
from .output import check_format, emit, emit_all, err_console, progress, write_text

ThemaOpt = Annotated[
    str | None,
    typer.Option(
        "--thema",
        "-t",
        metavar="THEMA",
        help="Alleen dit thema (naam, afkorting of code) tegen alle andere.",
        show_default=False,
    ),
]
LangsOpt = Annotated[
    str,
    typer.Option(
        "--langs",
        "-l",
        metavar="ASSEN",
        help="As: onderwerpen, organisaties, wetgeving, overleggen of alles (meerdere: komma's).",
    ),
]


def _network(data, cache_dir, endpoint, quiet, jaar=None):
    """The analysis network of one plan year (default: the latest), with the plan texts of
    `data`; the year is said on stderr, so a table or a file stays as it was."""
    from ..analysis.years import scope

    network, keuze = _all_years(data, cache_dir, endpoint, quiet, jaar)
    return scope(network, keuze.jaar)


def _all_years(data, cache_dir, endpoint, quiet, jaar=None):
    """The network of every year, and the year the reader chose."""
    from ..access import open_store
    from ..analysis.precomputed import load_network
    from ..analysis.years import plan_years
    from ..sources import DataFolder
    from ..years import parse_year, pick

    parse_year(jaar)  # a malformed year fails before any build
    folder = DataFolder.resolve(data)
    store = open_store(folder, cache_dir, endpoint=endpoint, progress=progress(quiet))
    network = load_network(store, folder.sources_texts_dir)
    keuze = pick(plan_years(network), jaar, allow_all=False)
    if not quiet and len(keuze.jaren) > 1:
        err_console().print(
            f"{keuze.label()} (andere jaren: --jaar {', '.join(map(str, keuze.jaren))})", highlight=False, markup=False
        )
    return network, keuze


def _names(network):
    from ..analysis.network import nodes_of
    from ..reports.tables import Names

    return Names(
        {n: d.get("label", n) for n, d in network.nodes(data=True)},
        {t: network.nodes[t].get("code") or "" for t in nodes_of(network, "thema")},
    )


@app.command()
@handles_errors
def overlap(
    thema: ThemaOpt = None,
    langs: LangsOpt = "alles",
    as_matrix: Annotated[
        bool, typer.Option("--matrix/--paren", help="Thema × thema-matrix in plaats van paren.")
    ] = False,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    alles: AllesOpt = False,
    excel: ExcelOpt = False,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Waar overlappen thema's? Per paar wat ze delen, per as en in totaal.

    Per paar thema's wat ze delen (onderwerpen, organisaties, wetgeving, overlegpartners),
    de overlap per as (0–1; wat weinig thema's noemen telt zwaar, wat elk thema noemt
    nauwelijks, zoals in het rapport) en in totaal, van meeste naar minste overlap; de
    kolom jaccard geeft het gewone aandeel gedeeld. Op het scherm eerst een samenvatting;
    --alles toont elk paar.

    Voorbeeld: kennisgraaf overlap --thema Waterkwaliteit --langs onderwerpen
    """
    from ..analysis.network import counted_themes, find_theme, label, targets
    from ..analysis.overlap import overlaps, parse_axes
    from ..errors import KennisgraafError
    from ..reports.summary import overlap_summary
    from ..reports.tables import matrix_table, overlap_table, overlaps_json
    from ..screen import ROW_LIMIT

    check_format(fmt)
    axes = parse_axes(langs)  # a wrong axis fails before any build
    network = _network(data, cache_dir, endpoint, quiet, jaar)
    chosen = find_theme(network, thema) if thema else None
    if chosen and chosen not in counted_themes(network):  # a sub-theme without a plan has no overlap of its own
        parents = ", ".join(label(network, p) for p in targets(network, chosen, "kn:subthemaVan"))
        raise KennisgraafError(
            f"{label(network, chosen)} is een subthema van {parents} zonder eigen plan; "
            f"kies --thema {parents.split(', ')[0]}"
        )
    found = overlaps(network, axes, thema=chosen)
    names = _names(network)
    if as_matrix:
        emit(matrix_table(found, names), fmt, out, excel=excel)
    elif fmt == "json":
        write_text(overlaps_json(found, names, axes), out)
    elif fmt == "table" and not alles:  # a person reads: the biggest pairs first, then a screenful
        table = overlap_table(found, names, axes, focus=chosen)
        emit_all([overlap_summary(found, names, focus=chosen), table], fmt, out, limit=ROW_LIMIT)
    else:
        emit(overlap_table(found, names, axes, focus=chosen, wide=fmt in ("csv", "xlsx")), fmt, out, excel=excel)


@app.command()
@handles_errors
def gaps(
    soort: Annotated[
        list[str] | None,
        typer.Option(
            "--soort",
            "-s",
            metavar="SOORT",
            show_default=False,
            help="Alleen deze soort(en) bevinding, bijv. overdracht-zonder-plan.",
        ),
    ] = None,
    ernst: Annotated[
        str | None,
        typer.Option(
            "--ernst",
            "-e",
            metavar="ERNST",
            show_default=False,
            help="Alleen deze ernst of zwaarder: hoog, middel of laag.",
        ),
    ] = None,
    thema: ThemaOpt = None,
    regisseur: Annotated[
        str | None,
        typer.Option(
            "--regisseur",
            "-r",
            help="Alleen wat de thema's van deze kennisregisseur raakt (naam zoals in het colofon).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    alles: AllesOpt = False,
    excel: ExcelOpt = False,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Wat valt tussen twee stoelen? Bevindingen, de zwaarste eerst.

    Elke bevinding met soort, ernst, de betrokken thema's, een uitleg, wie erover gaat (de
    regisseurs), wat te doen en waar het staat (plan, paragraaf en regel); op het scherm eerst
    een samenvatting, --alles toont ze allemaal: overdrachten zonder plan of product,
    eenzijdige samenhang en samenwerking, onderwerpen en wetten zonder regie of product,
    organisaties die maar één thema betrekt, onvolledige producten, begrotingen die niet
    kloppen, kwartaalpieken en
    bijeenkomsten op dezelfde dag.

    Voorbeeld: kennisgraaf gaps --regisseur "Suzanne Giardina" --ernst middel
    """
    from ..analysis.actions import concerns
    from ..analysis.findings import KINDS, SEVERITIES, severity_key
    from ..analysis.gaps import find_gaps
    from ..analysis.network import find_theme
    from ..errors import KennisgraafError
    from ..reports.summary import gaps_summary, heaviest_first
    from ..reports.tables import findings_json, gaps_table
    from ..screen import ROW_LIMIT

    check_format(fmt)
    for kind in soort or []:
        if kind not in KINDS:
            raise KennisgraafError(f"onbekende soort {kind!r}; kies uit: {', '.join(KINDS)}")
    if ernst is not None and ernst not in SEVERITIES:
        raise KennisgraafError(f"onbekende ernst {ernst!r}; kies uit: {', '.join(SEVERITIES)}")
    network = _network(data, cache_dir, endpoint, quiet, jaar)
    found = heaviest_first(find_gaps(network))
    if soort:
        found = [f for f in found if f.kind in soort]
    if ernst:
        found = [f for f in found if SEVERITIES.index(f.severity) <= SEVERITIES.index(ernst)]
    title = "Gaten tussen de thema's"
    if thema:
        chosen = find_theme(network, thema)
        found = [f for f in found if chosen in f.themas]
    if regisseur:
        known = _regisseurs(network)
        if regisseur.casefold().strip() not in {r.casefold() for r in known}:
            raise KennisgraafError(f"onbekende regisseur {regisseur!r} (--regisseur); kies uit: {', '.join(known)}")
        found = [f for f in found if concerns(network, f, regisseur)]
        title = f"Wat {regisseur} aangaat"
    found = sorted(found, key=severity_key)
    names = _names(network)
    if fmt == "json":
        write_text(findings_json(found, names), out)
    elif fmt == "table" and not alles:  # a person reads: the counts first, then a screenful
        emit_all([gaps_summary(found), gaps_table(found, names, title)], fmt, out, limit=ROW_LIMIT)
    else:
        emit(gaps_table(found, names, title), fmt, out, excel=excel)


def _regisseurs(network) -> list[str]:
    from ..analysis.actions import regisseurs
    from ..analysis.network import nodes_of

    return sorted({r for t in nodes_of(network, "thema") for r in regisseurs(network, t)})


@app.command()
@handles_errors
def rapport(
    out: OutOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAAT",
            show_default=False,
            help="md of html (standaard: volgt de extensie van --out, anders md).",
        ),
    ] = None,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Eén leesbaar rapport voor het hele netwerk (Markdown of HTML).

    Samenvatting, overlapmatrix, grootste overlappen met wat de thema's delen, alle gaten
    per soort (met plan en regel), de
    organisaties en onderwerpen die de meeste thema's verbinden, en clusters van thema's.
    HTML is één zelfstandig bestand (geen internet nodig).

    Over één planjaar (standaard het laatste); heeft de graaf een eerder jaar, dan volgt een
    hoofdstuk met wat er sinds dat jaar veranderde (als kennisgraaf vergelijk).

    Voorbeeld: kennisgraaf rapport --out rapport.html
    """
    from ..analysis import analyse
    from ..reports.rapport import FORMATS, render

    if fmt is None:
        fmt = "html" if out is not None and Path(out).suffix.lower() in (".html", ".htm") else "md"
    check_format(fmt, FORMATS)
    from ..analysis.compare import compare
    from ..analysis.years import scope
    from ..reports.vergelijking import comparison_blocks

    everything, keuze = _all_years(data, cache_dir, endpoint, quiet, jaar)
    earlier = [y for y in keuze.jaren if keuze.jaar is not None and y < keuze.jaar]
    extra = comparison_blocks(compare(everything, earlier[-1], keuze.jaar)) if earlier else []
    texts = _texts_dir(data) if fmt == "html" else None
    write_text(render(analyse(scope(everything, keuze.jaar)), fmt, extra, texts), out)


def _texts_dir(data):
    from ..sources import DataFolder

    return DataFolder.resolve(data).sources_texts_dir
