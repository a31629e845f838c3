"""Attacks on `kennisgraaf serve` while a cheap ASK probes it every second.

    python benchmarks/attack_serve.py [--seconds 15] [--workers 2]

Three attacks, one after the other, each for a fixed time: heavy queries (an ORDER BY
over a cartesian product, a four-way product; more of them at once than there are
workers), big bodies (50 MB announced, sent as fast as the socket takes it, and invalid
`Content-Length: -1`), and slow clients (connections that send their body one byte a
second). Meanwhile a probe sends `ASK { thema:waterkwaliteit a kn:Thema }` every second
on a fresh connection. Printed per attack: the probe's maximum and median latency, its
answers by status, and the peak resident memory of the server and its workers together.

Bounded by design: the server is a separate process on 127.0.0.1 (ephemeral port), every
attack thread stops at its deadline, every socket has a timeout, and the server is stopped
at the end. Nothing leaves the loopback interface. The machines are shared: the figures
vary from run to run. Goal: probe latency ≤ 1 s and memory ≤ 1 GB under every attack.
"""

from __future__ import annotations

import argparse
import collections
import os
import socket
import statistics
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from load_serve import start_server, stop_server

ASK = "ASK { thema:waterkwaliteit a kn:Thema }"
HEAVY = [
    "SELECT ?a ?d ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?a ?d LIMIT 1",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
]


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(c) for c in children.read().split()]
        except OSError:
            pass
    return found


def rss_bytes(pid: int) -> int:
    total = 0
    for each in descendants(pid):
        try:
            with open(f"/proc/{each}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def post(url: str, body: bytes, timeout: float = 30.0, headers: str = "") -> int | None:
    """One raw POST /sparql; the answer's status, or None when the connection failed."""
    parts = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
            head = (
                f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                f"Accept: application/sparql-results+json\r\nConnection: close\r\n{headers}"
                f"Content-Length: {len(body)}\r\n\r\n"
            )
            sock.sendall(head.encode() + body)
            answer = sock.recv(64)
            return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else None
    except (OSError, ValueError, IndexError):
        return None


class Attack:
    def __init__(self, url: str, pid: int, seconds: float):
        self.url, self.pid, self.seconds = url, pid, seconds
        self.deadline = time.monotonic() + seconds
        self.probes: list[tuple[float, int | None]] = []
        self.peak = 0

    def running(self) -> bool:
        return time.monotonic() < self.deadline

    def probe(self) -> None:
        while self.running():
            started = time.perf_counter()
            status = post(self.url, ASK.encode(), timeout=30)
            self.probes.append((time.perf_counter() - started, status))
            time.sleep(max(0.0, 1.0 - (time.perf_counter() - started)))

    def sample(self) -> None:
        while self.running():
            self.peak = max(self.peak, rss_bytes(self.pid))
            time.sleep(0.1)

    def run(self, attackers: list[threading.Thread]) -> dict:
        helpers = [threading.Thread(target=self.probe, daemon=True), threading.Thread(target=self.sample, daemon=True)]
        for thread in helpers + attackers:
            thread.start()
        for thread in helpers + attackers:
            thread.join(self.seconds + 40)
        latencies = [lat for lat, _ in self.probes]
        return {
            "probes": len(self.probes),
            "max": max(latencies),
            "median": statistics.median(latencies),
            "statuses": dict(collections.Counter(str(s) for _, s in self.probes)),
            "peak": self.peak,
        }


def settle(url: str, seconds: float = 40.0) -> None:
    """Wait until the probe is answered again: queries of the last attack finish or time out first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and post(url, ASK.encode(), timeout=5) != 200:
        time.sleep(0.5)


def heavy(attack: Attack, query: str) -> None:
    while attack.running():
        post(attack.url, query.encode(), timeout=max(1.0, attack.deadline - time.monotonic()))


def big_body(attack: Attack, invalid: bool) -> None:
    parts = urllib.parse.urlsplit(attack.url)
    block = b"#" * 65536
    while attack.running():
        try:
            with socket.create_connection((parts.hostname, parts.port), timeout=2) as sock:
                length = "-1" if invalid else str(50_000_000)
                sock.sendall(
                    f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                    f"Content-Length: {length}\r\n\r\n".encode()
                )
                sent = 0
                while attack.running() and sent < 50_000_000:
                    sock.sendall(block)
                    sent += len(block)
        except OSError:
            time.sleep(0.05)


def slow_client(attack: Attack) -> None:
    parts = urllib.parse.urlsplit(attack.url)
    while attack.running():
        try:
            with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
                sock.sendall(
                    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                    b"Content-Length: 1000\r\n\r\n"
                )
                while attack.running():
                    sock.sendall(b" ")
                    time.sleep(1.0)
        except OSError:
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="duration of each attack")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=None, help="data folder (default: the shipped data)")
    args = parser.parse_args()

    from kennisgraaf.access import ensure_build

    cache = Path(tempfile.mkdtemp(prefix="kg-bench-attack-"))
    ensure_build(Path(args.data) if args.data else None, cache)
    process, url = start_server(cache, args.data, args.workers)
    results = {}
    try:
        time.sleep(1.0)
        idle = Attack(url, process.pid, min(5.0, args.seconds))
        results["geen aanval"] = idle.run([])
        attack = Attack(url, process.pid, args.seconds)
        results[f"zware queries ({2 * args.workers + 2} tegelijk)"] = attack.run(
            [
                threading.Thread(target=heavy, args=(attack, HEAVY[i % 2]), daemon=True)
                for i in range(2 * args.workers + 2)
            ]
        )
        settle(url)
        attack = Attack(url, process.pid, args.seconds)
        results["grote bodies (50 MB, Content-Length -1)"] = attack.run(
            [threading.Thread(target=big_body, args=(attack, i % 2 == 1), daemon=True) for i in range(4)]
        )
        settle(url)
        attack = Attack(url, process.pid, args.seconds)
        results["trage clients (50, 1 byte/s)"] = attack.run(
            [threading.Thread(target=slow_client, args=(attack,), daemon=True) for _ in range(50)]
        )
    finally:
        stop_server(process)

    print(
        f"kennisgraaf serve, {args.workers} workers, {os.cpu_count()} cpu's, {args.seconds:g} s per attack; "
        "probe: ASK every second on a new connection"
    )
    print(f"{'aanval':<42} {'probes':>6} {'max s':>6} {'med s':>6} {'piek RSS MB':>11}  antwoorden")
    for name, r in results.items():
        print(
            f"{name:<42} {r['probes']:>6} {r['max']:>6.2f} {r['median']:>6.2f} {r['peak'] / 2**20:>11.0f}  "
            f"{r['statuses']}"
        )


if __name__ == "__main__":
    main()
