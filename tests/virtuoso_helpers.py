"""A throw-away Virtuoso (Debian's virtuoso-opensource) on localhost, for the publish tests.

It runs from a temporary folder with its own virtuoso.ini: both ports are free loopback
ports, the database is fresh (user dba, password dba), and it is stopped (SIGTERM, then
SIGKILL) when the block ends. Nothing outside the folder is read or written.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 8
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {dir}
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 8
ServerThreads = 8
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 0
"""


@dataclass
class Virtuoso:
    sparql: str  # SPARQL 1.1 Protocol endpoint (read)
    graph_store: str  # Graph Store HTTP Protocol, Digest auth (dba/dba)
    process: subprocess.Popen
    folder: Path
    user: str = "dba"
    password: str = "dba"

    def log_tail(self, lines: int = 30) -> str:
        log = self.folder / "virtuoso.log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(geen log)"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def executable() -> str:
    found = shutil.which("virtuoso-t")
    if not found:
        raise RuntimeError(
            "virtuoso-t niet gevonden: installeer Debian's virtuoso-opensource (scripts/system-packages)"
        )
    return found


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_virtuoso(folder: Path, startup_timeout: float = 90.0) -> Iterator[Virtuoso]:
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    while sql_port == http_port:
        sql_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(dir=folder, http_port=http_port, sql_port=sql_port))
    output = open(folder / "stdout.log", "wb")  # noqa: SIM115 - closed in finally
    process = subprocess.Popen(
        [executable(), "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=output,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{http_port}"
    server = Virtuoso(f"{base}/sparql", f"{base}/sparql-graph-crud-auth", process, folder)
    try:
        deadline = time.monotonic() + startup_timeout
        while not _up(server.sparql):
            if process.poll() is not None:
                raise RuntimeError(
                    f"virtuoso-t stopte bij het starten (exit {process.returncode}):\n{server.log_tail()}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(f"virtuoso-t niet bereikbaar na {startup_timeout:g} s:\n{server.log_tail()}")
            time.sleep(0.2)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        output.close()
