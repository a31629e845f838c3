"""Authoring commands: werkboek (plan → Excel), inlezen (Excel → plan Turtle), scan (plan text)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..api import Kennisgraaf
from .app import AllesOpt, DataOpt, FormatOpt, OutOpt, app, handles_errors, uses_graaf
from .output import err_console, show

ThemaOpt = Annotated[
    str, typer.Option("--thema", help="Thema: naam, afkorting of slug (bijv. 'Waterkwaliteit', 'ZZS').")
]
JaarOpt = Annotated[str, typer.Option("--jaar", help="Planjaar.")]


@app.command()
@handles_errors
@uses_graaf
def werkboek(
    kg: Kennisgraaf,
    thema: ThemaOpt,
    out: Annotated[Path, typer.Option("--out", "-o", help="Het Excel-bestand dat wordt geschreven (.xlsx).")],
    jaar: JaarOpt = "2026",
    data: DataOpt = None,
) -> None:
    """Schrijf het werkboek (Excel) van een kennisplan: één blad per tabel, keuzelijsten uit de
    registers. Bestaat het plan nog niet, dan krijgt u een leeg werkboek voor dat thema en jaar.

    Voorbeeld: kennisgraaf werkboek --thema zzs --jaar 2026 --out zzs.xlsx
    """
    path = kg.werkboek(thema, out, jaar)
    err_console().print(f"geschreven: {path}", highlight=False, markup=False)


@app.command()
@handles_errors
@uses_graaf
def inlezen(
    kg: Kennisgraaf,
    workbook: Annotated[Path, typer.Argument(help="Het ingevulde werkboek (.xlsx).", show_default=False)],
    data: DataOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run/--no-dry-run", help="Alleen controleren en het verschil tonen; niets schrijven.")
    ] = False,
    vervangen: Annotated[
        bool,
        typer.Option(
            "--vervangen/--no-vervangen", help="Een bestaand planbestand vervangen (na het verschil te tonen)."
        ),
    ] = False,
    nieuw: Annotated[
        bool,
        typer.Option(
            "--nieuw-toevoegen/--no-nieuw-toevoegen",
            help="Onbekende organisaties en onderwerpen aan het register toevoegen.",
        ),
    ] = False,
) -> None:
    """Lees een werkboek in: controleer elke cel, schrijf graph/plans/<jaar>/<thema>.ttl en valideer.
    Er wordt niets geschreven tenzij het hele werkboek klopt; een bestaand plan wordt alleen met
    --vervangen overschreven, nadat het verschil is getoond.

    Voorbeeld: kennisgraaf inlezen zzs.xlsx --dry-run
    """
    from ..authoring.model import AuthoringError
    from ..authoring.plans import write

    console = err_console()
    try:
        result = kg.inlezen(workbook, add_new=nieuw)
    except AuthoringError as err:
        for problem in err.problems:
            console.print(f"[red]fout:[/] {problem}", markup=True, highlight=False, soft_wrap=True)
        console.print(
            f"{len(err.problems)} fout(en) in {workbook.name}; er is niets geschreven.", highlight=False, markup=False
        )
        raise typer.Exit(2) from None
    for item in result.result.new:
        console.print(f"nieuw: {item.kind} '{item.label}' ({item.where}) → {item.iri}", highlight=False, markup=False)
    if result.old_text is not None:
        if not result.changed:
            console.print(f"ongewijzigd: {result.target}", highlight=False, markup=False)
            return
        typer.echo(result.diff, nl=False)
    if dry_run:
        console.print("--dry-run: niets geschreven.", highlight=False, markup=False)
        return
    if result.old_text is not None and not vervangen:
        console.print(
            f"{result.target} bestaat al; niets geschreven. Controleer het verschil hierboven en "
            "herhaal met --vervangen.",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    write(result)
    for path in result.register_additions:
        console.print(f"aangevuld: {path}", highlight=False, markup=False)
    console.print(
        f"geschreven: {result.target} ({len(result.result.graph)} triples, gevalideerd)", highlight=False, markup=False
    )


@app.command()
@handles_errors
@uses_graaf
def scan(
    kg: Kennisgraaf,
    text: Annotated[
        Path, typer.Argument(help="Een plantekst (platte tekst, UTF-8).", show_default=False, metavar="BESTAND")
    ],
    thema: Annotated[
        str | None,
        typer.Option(
            "--thema", help="Vergelijk met het plan van dit thema (standaard: uit de bestandsnaam).", show_default=False
        ),
    ] = None,
    jaar: JaarOpt = "2026",
    workbook: Annotated[
        Path | None,
        typer.Option(
            "--workbook", help="Schrijf een werkboek, vooraf ingevuld met wat de scan vond.", show_default=False
        ),
    ] = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    data: DataOpt = None,
    alles: AllesOpt = False,
) -> None:
    """Zoek in een plantekst elk begrip dat de registers kennen; vergelijk met de graaf.

    Wat de graaf van het plan koppelt: genoemd maar niet gekoppeld, gekoppeld maar nergens
    genoemd, en onbekende afkortingen.

    Voorbeeld: kennisgraaf scan kennisplan-2026-waterkwaliteit.txt
    """
    show(kg.scan(text, thema, jaar, workbook=workbook), fmt, out, alles=alles)
    if workbook is not None:
        err_console().print(
            f"geschreven: {workbook} (vooraf ingevuld; vul de rollen en de rest aan)", highlight=False, markup=False
        )
