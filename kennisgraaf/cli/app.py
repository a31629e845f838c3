"""The typer application and the options every command shares (defined once, here)."""

from __future__ import annotations

import functools
import inspect
import os
from pathlib import Path
from typing import Annotated

import typer


class _DutchTyper(typer.Typer):
    """click writes the usage placeholders without gettext: name them in Dutch here, once."""

    def command(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPTIES]")
        return super().command(*args, **kwargs)


app = _DutchTyper(
    name="kennisgraaf",
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
    help=(
        "Kennisgraaf van het Kennisnetwerk VTH: de kennisplannen als één RDF-graaf, met "
        "vragen (SPARQL), overlap- en gatenanalyses, netwerkweergaven en rapporten.\n\n"
        "Voorbeeld: kennisgraaf build && kennisgraaf stats"
    ),
    add_completion=False,  # our own Dutch --install-completion/--show-completion below
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"kennisgraaf {__version__}")
        raise typer.Exit()


def _completion(install: bool):
    """--install-completion / --show-completion, via typer's own completion machinery."""

    def callback(ctx: typer.Context, value: bool) -> None:
        if not value or ctx.resilient_parsing:
            return
        from typer._completion_classes import completion_init
        from typer._completion_shared import _get_shell_name, get_completion_script
        from typer._completion_shared import install as install_script

        completion_init()
        shell = Path(os.environ.get("SHELL", "")).name or _get_shell_name() or "bash"
        if shell not in ("bash", "zsh", "fish", "powershell", "pwsh"):
            typer.echo(f"aanvullen kan niet voor shell {shell!r}; wel voor bash, zsh, fish of powershell", err=True)
            raise typer.Exit(2)
        if install:
            shell, path = install_script(shell=shell, prog_name="kennisgraaf")
            typer.echo(f"aanvullen voor {shell} geïnstalleerd in {path}; werkt na het herstarten van de terminal")
        else:
            typer.echo(
                get_completion_script(prog_name="kennisgraaf", complete_var="_KENNISGRAAF_COMPLETE", shell=shell)
            )
        raise typer.Exit()

    return callback


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", help="Toon de versie en stop.", callback=_version, is_eager=True)
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            help="Installeer aanvullen (Tab) voor uw shell.",
            callback=_completion(True),
            expose_value=False,
            is_eager=True,
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            help="Toon het aanvulscript voor uw shell.",
            callback=_completion(False),
            expose_value=False,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """`kennisgraaf` alone prints the help and exits 0 (click's no_args_is_help exits 2)."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="MAP",
        help="Datamap met ontology/ en graph/ (standaard: de meegeleverde 2026-data).",
        show_default=False,
        rich_help_panel="Gegevens",
    ),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        metavar="MAP",
        help="Map voor de gebouwde graaf (standaard: de cachemap van de gebruiker; of $KENNISGRAAF_CACHE_DIR).",
        show_default=False,
        rich_help_panel="Gegevens",
    ),
]
EndpointOpt = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        metavar="URL",
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
    typer.Option("--format", "-f", metavar="FORMAAT", help="Uitvoer: table, csv, json, md of xlsx."),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="BESTAND", help="Schrijf de uitvoer naar dit bestand.", show_default=False),
]
QuietOpt = Annotated[bool, typer.Option("--quiet/--no-quiet", "-q", help="Geen voortgang tonen.", show_default=False)]
AllesOpt = Annotated[
    bool,
    typer.Option("--alles/--samenvatting", help="Alle rijen, ook voorbij een schermvol.", show_default=False),
]
ExcelOpt = Annotated[
    bool,
    typer.Option(
        "--excel/--no-excel", help="CSV voor een Nederlandse Excel: ';', UTF-8 met BOM, CRLF.", show_default=False
    ),
]
JaarOpt = Annotated[
    str | None,
    typer.Option(
        "--jaar",
        "-j",
        metavar="JAAR",
        help="Planjaar, bijv. 2026 (standaard: het laatste jaar met plannen); 'alle' waar jaren samen "
        "kunnen (query, export: met een kolom jaar).",
        show_default=False,
        rich_help_panel="Gegevens",
    ),
]


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
            from ..files import os_reason

            fail(KennisgraafError(f"{err.filename}: {os_reason(err)}"))

    return wrapper


#: the options every graph command may have, from which its `Kennisgraaf` is built
SHARED_OPTIONS = ("data", "cache_dir", "endpoint", "jaar", "timeout", "quiet")


def uses_graaf(func):
    """Build the command's `Kennisgraaf` once, here, from the shared options it declares.

    The command keeps declaring `--data`, `--cache-dir`, ... (so its `--help` lists them where
    it always did) and takes the built graph as its first parameter `kg`, which typer never
    sees. Nothing is opened yet: the graph is built when the command first asks a question,
    after it has checked its own options.
    """
    signature = inspect.signature(func, eval_str=True)
    shown = [p for name, p in signature.parameters.items() if name != "kg"]

    @functools.wraps(func)
    def wrapper(**kwargs):
        from ..api import Kennisgraaf
        from .output import progress

        kg = Kennisgraaf(
            kwargs.get("data"),
            kwargs.get("cache_dir"),
            kwargs.get("endpoint"),
            kwargs.get("jaar"),
            timeout=kwargs.get("timeout"),
            progress=progress(kwargs.get("quiet", False)),
        )
        return func(kg, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=shown)
    return wrapper
