"""The typer application and the options every command shares (defined once, here)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="kennisgraaf",
    help=(
        "Kennisgraaf van het Kennisnetwerk VTH: de kennisplannen als één RDF-graaf, met "
        "vragen (SPARQL), overlap- en gatenanalyses, netwerkweergaven en rapporten.\n\n"
        "Voorbeeld: kennisgraaf build && kennisgraaf stats"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Datamap met ontology/ en graph/ (standaard: de meegeleverde 2026-data).",
        show_default=False,
        rich_help_panel="Gegevens",
    ),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        help="Map voor de gebouwde graaf (standaard: de cachemap van de gebruiker; of $KENNISGRAAF_CACHE_DIR).",
        show_default=False,
        rich_help_panel="Gegevens",
    ),
]
EndpointOpt = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        help="Een SPARQL 1.1-endpoint (URL) in plaats van de lokale build. Inloggen: zet "
        "$KENNISGRAAF_ENDPOINT_USER en $KENNISGRAAF_ENDPOINT_PASSWORD.",
        show_default=False,
        rich_help_panel="Gegevens",
    ),
]
EndpointTimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout",
        help="Met --endpoint: totale tijdslimiet per verzoek in seconden (ook voor een server die traag druppelt).",
        min=0.1,
        rich_help_panel="Gegevens",
    ),
]
FormatOpt = Annotated[
    str,
    typer.Option("--format", "-f", help="Uitvoer: table, csv, json of md."),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Schrijf de uitvoer naar dit bestand.", show_default=False),
]
JaarOpt = Annotated[
    str | None,
    typer.Option(
        "--jaar",
        "-j",
        help="Planjaar, bijv. 2026 (standaard: het laatste jaar met plannen); 'alle' waar jaren samen "
        "kunnen (query, export: met een kolom jaar).",
        show_default=False,
        rich_help_panel="Gegevens",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet/--no-quiet", "-q", help="Geen voortgang tonen.")]


def handles_errors(func):
    """Turn a KennisgraafError into one line on stderr and its exit code: no traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from ..errors import KennisgraafError
        from .output import fail

        try:
            return func(*args, **kwargs)
        except KennisgraafError as err:
            fail(err)
        except OSError as err:  # the last net: a file that cannot be read or written, in one line
            if err.filename is None:
                raise
            from .paths import os_reason

            fail(KennisgraafError(f"{err.filename}: {os_reason(err)}"))

    return wrapper
