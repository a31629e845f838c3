"""Load test of `kennisgraaf serve`: throughput and latency of a catalogue query at 1, 4 and 16 clients.

    python benchmarks/load_serve.py [--query thema-overzicht] [--requests 400] [--workers N]

Bounded by design: the server runs as a separate process on 127.0.0.1 (an ephemeral port),
each level sends a fixed number of requests (after a short warm-up), every request has a
timeout, and the server is stopped at the end. Each client keeps one HTTP/1.1 connection
and POSTs the named query's text to /sparql (SPARQL JSON back), as a SPARQL client would.
Nothing leaves the loopback interface. The machines are shared and noisy: read medians
and percentiles, not single figures.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

LEVELS = (1, 4, 16)


def start_server(cache: Path, data: str | None, workers: int) -> tuple[subprocess.Popen, str]:
    command = [
        sys.executable,
        "-c",
        "from kennisgraaf.cli import main; main()",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--workers",
        str(workers),
        "--cache-dir",
        str(cache),
        "--quiet",
    ]
    if data:
        command += ["--data", data]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"}
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if "draait op " in line:
            return process, line.split("draait op ", 1)[1].split()[0]
        if not line and process.poll() is not None:
            break
    process.kill()
    raise SystemExit(f"de server startte niet: {process.stderr.read()}")


def stop_server(process: subprocess.Popen) -> None:
    """SIGTERM, then a kill if the server has not stopped within 20 s."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()


def client(url: str, body: bytes, count: int, latencies: list[float], errors: list[str]) -> None:
    parts = urllib.parse.urlsplit(url)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}
    try:
        for _ in range(count):
            started = time.perf_counter()
            connection.request("POST", "/sparql", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            latencies.append(time.perf_counter() - started)
            if response.status != 200:
                errors.append(str(response.status))
    except OSError as err:
        errors.append(repr(err))
    finally:
        connection.close()


def level(url: str, body: bytes, clients: int, requests: int) -> dict:
    per_client = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
    latencies: list[float] = []
    errors: list[str] = []
    threads = [threading.Thread(target=client, args=(url, body, n, latencies, errors)) for n in per_client]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] * 1000

    return {
        "clients": clients,
        "requests": len(ordered),
        "seconds": elapsed,
        "throughput": len(ordered) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p95": pct(95),
        "p99": pct(99),
        "errors": len(errors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="thema-overzicht", help="named query from queries/")
    parser.add_argument("--requests", type=int, default=400, help="requests per concurrency level")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--workers", type=int, default=0, help="server worker processes (0: the default)")
    parser.add_argument("--data", default=None, help="data folder (default: the shipped data)")
    args = parser.parse_args()

    from kennisgraaf.access import ensure_build
    from kennisgraaf.queries import Catalogue
    from kennisgraaf.serve.server import default_workers
    from kennisgraaf.sources import DataFolder

    cache = Path(tempfile.mkdtemp(prefix="kg-bench-serve-"))
    data = Path(args.data) if args.data else None
    report = ensure_build(data, cache)
    query = Catalogue.load(DataFolder.resolve(data).queries_dir).get(args.query)
    body = query.text.encode("utf-8")
    workers = args.workers or default_workers()
    process, url = start_server(cache, args.data, workers)
    try:
        level(url, body, 1, args.warmup)
        results = [level(url, body, clients, args.requests) for clients in LEVELS]
    finally:
        stop_server(process)

    triples = report.asserted + report.inferred
    print(
        f"query {args.query!r} via POST /sparql; {triples} triples; {workers} workers; "
        f"{os.cpu_count()} cpu's; {args.requests} requests per level"
    )
    print(f"{'clients':>7} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for r in results:
        print(
            f"{r['clients']:>7} {r['requests']:>8} {r['throughput']:>8.1f} {r['p50']:>8.1f} {r['p95']:>8.1f} "
            f"{r['p99']:>8.1f} {r['errors']:>6}"
        )


if __name__ == "__main__":
    main()
