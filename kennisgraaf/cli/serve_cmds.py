"""Commands that share the graph: serve (a local endpoint with pages) and publish (to a triple store)."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ..api import Kennisgraaf
from .app import CacheOpt, DataOpt, FormatOpt, OutOpt, QuietOpt, app, handles_errors, uses_graaf
from .output import err_console, show

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
@handles_errors
@uses_graaf
def serve(
    kg: Kennisgraaf,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    host: Annotated[
        str, typer.Option(metavar="ADRES", help="Adres om op te luisteren; alleen deze computer tenzij anders gezegd.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="POORT", help="Poort (0: kies een vrije).", min=0, max=65535)] = 8000,
    site: Annotated[
        Path | None,
        typer.Option(
            "--site",
            metavar="MAP",
            help="Map met de netwerkweergaven en het rapport, te zien onder /site/.",
            show_default=False,
            exists=True,
            file_okay=False,
            dir_okay=True,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(metavar="SECONDEN", help="Tijdslimiet per query in seconden.", min=0.1)
    ] = 10.0,
    max_rows: Annotated[
        int, typer.Option(metavar="AANTAL", min=1, help="Hoogstens zoveel rijen (of triples) per antwoord.")
    ] = 10_000,
    workers: Annotated[
        int,
        typer.Option(
            metavar="AANTAL",
            help="Aantal werkprocessen dat tegelijk queries uitvoert (0: min(4, aantal cpu's)).",
            min=0,
            show_default=False,
        ),
    ] = 0,
    views: Annotated[
        bool,
        typer.Option("--views/--no-views", help="Zonder --site: maak bij het starten de weergaven en het rapport."),
    ] = True,
    max_memory: Annotated[
        int,
        typer.Option("--max-memory", metavar="MB", min=0, help="Geheugengrens per werkproces in MB (0: geen grens)."),
    ] = 512,
    max_mb: Annotated[
        float, typer.Option("--max-answer-mb", metavar="MB", min=0.001, help="Hoogstens zoveel MB per antwoord.")
    ] = 50.0,
    queue_wait: Annotated[
        float,
        typer.Option(
            "--queue-wait",
            metavar="S",
            min=0,
            help="Zo lang mag een query op een vrij werkproces wachten; daarna 503 (0: meteen).",
        ),
    ] = 0.5,
    cors: Annotated[
        str | None,
        typer.Option(
            "--cors",
            metavar="ORIGIN",
            show_default=False,
            help="Sta webpagina's van deze origin (of '*') toe de antwoorden te lezen; standaard uit.",
        ),
    ] = None,
    log: Annotated[bool, typer.Option("--log/--no-log", help="Toon elk verzoek op stderr.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Start een webserver op de graaf: SPARQL-endpoint, vragen, bronpagina's, weergaven.

    Een startpagina (/), een SPARQL 1.1-endpoint (/sparql), een vragenpagina met de vaste vragen
    (/vragen), een pagina per bron (/id/thema/waterkwaliteit) en de weergaven (/site/).

    Het endpoint is alleen-lezen: updates, LOAD en SERVICE worden geweigerd, en elke query heeft een
    tijdslimiet, een geheugengrens en een grens aan rijen en bytes per antwoord. Zonder --site
    maakt de server bij het starten de weergaven en het rapport van dezelfde build. Stop met Ctrl+C.

    Voorbeeld: kennisgraaf serve --port 8000
    """
    from ..serve.worker import MB

    console = err_console()
    _port_free(host, port)  # before the build and the site: a busy port is said at once
    made = Path(tempfile.mkdtemp(prefix="kennisgraaf-site-")) if site is None and views else None

    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        server = kg.server(
            site,
            make_site=made,
            host=host,
            port=port,
            timeout=timeout,
            max_rows=max_rows,
            workers=workers,
            max_memory=max_memory * MB if max_memory else None,
            max_bytes=int(max_mb * MB),
            cors=cors,
            queue_wait=queue_wait,
            log=(lambda line: console.print(line, markup=False, highlight=False)) if log else None,
        )
        if host not in LOOPBACK:
            console.print(f"[yellow]let op:[/] de server is bereikbaar voor andere computers via {host}")
        console.print(
            f"kennisgraaf draait op {server.url}  (SPARQL: {server.url}sparql; stop met Ctrl+C)",
            highlight=False,
            soft_wrap=True,
        )
        signal.signal(signal.SIGTERM, stop)  # a service manager's stop: close the workers cleanly too
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            console.print("gestopt", highlight=False)
        finally:
            server.close()
    finally:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)


def _port_free(host: str, port: int) -> None:
    """Fail in Dutch, before any work, when host:port cannot be listened on."""
    import socket

    from ..api import listen_error
    from ..errors import KennisgraafError

    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as err:
        raise KennisgraafError(f"onbekend adres {host!r}: {err.strerror or err}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
        try:
            probe.bind(address)
        except OSError as err:
            raise KennisgraafError(listen_error(host, port, err)) from None


@app.command()
@handles_errors
@uses_graaf
def publish(
    kg: Kennisgraaf,
    store: Annotated[
        str,
        typer.Option(
            "--store",
            metavar="URL",
            help="Graph Store-adres van de triplestore (SPARQL 1.1 Graph Store HTTP Protocol).",
            show_default=False,
        ),
    ],
    user: Annotated[
        str | None, typer.Option("--user", metavar="NAAM", help="Gebruikersnaam (Basic of Digest).", show_default=False)
    ] = None,
    password_env: Annotated[
        str | None,
        typer.Option(
            "--password-env",
            metavar="VAR",
            show_default=False,
            help="Naam van de omgevingsvariabele met het wachtwoord (nooit het wachtwoord zelf).",
        ),
    ] = None,
    prune: Annotated[
        bool,
        typer.Option("--prune/--no-prune", help="Verwijder eerder gepubliceerde grafen die de build niet meer heeft."),
    ] = True,
    timeout: Annotated[
        float, typer.Option(metavar="SECONDEN", min=1, help="Totale tijdslimiet per HTTP-verzoek in seconden.")
    ] = 120.0,
    all_: Annotated[
        bool, typer.Option("--all", help="Stuur alle grafen, ook die een onderbroken vorige poging al verving.")
    ] = False,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Zet elke benoemde graaf van de build in een triplestore (één PUT per graaf).

    Ontologie, registers, elk plan en de afgeleide triples: wat er stond wordt vervangen, dus
    een nieuwe publicatie laat geen verouderde triples achter.

    Virtuoso: --store http://localhost:8890/sparql-graph-crud-auth (Digest, met --user en
    --password-env); Fuseki: --store http://localhost:3030/ds/data.

    Voorbeeld: kennisgraaf publish --store http://localhost:8890/sparql-graph-crud
    """
    from ..errors import KennisgraafError

    password = None
    if password_env:
        if user is None:
            raise KennisgraafError("--password-env zonder --user: geef ook de gebruikersnaam")
        if password_env not in os.environ:
            raise KennisgraafError(f"omgevingsvariabele {password_env} is niet gezet")
        password = os.environ[password_env]
    elif user is not None:
        password = typer.prompt(f"wachtwoord voor {user}", hide_input=True, err=True)
    console = err_console()

    def resumed(done: int) -> None:
        if not quiet:
            console.print(
                f"vervolg van een onderbroken publicatie: {done} grafen waren al vervangen "
                "(--all stuurt alles opnieuw)",
                highlight=False,
            )

    result = kg.publish(
        store,
        user=user,
        password=password,
        prune=prune,
        timeout=timeout,
        again=all_,
        progress=None if quiet else (lambda graph: console.print(f"PUT {graph}", highlight=False)),
        on_resume=resumed,
    )
    show(result, fmt, out)
