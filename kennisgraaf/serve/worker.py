"""Queries from the network run in worker processes, so a time limit can really stop one.

Oxigraph cannot cancel a query that is running in a thread, and a thread cannot be killed.
A process can: each worker holds its own copy of the graph (loaded from the build's
N-Quads), answers one query at a time, and writes the result in the negotiated format
with the row cap applied while reading it. When a query overruns the time limit the pool
kills that worker and starts a fresh one in the background; the other workers carry on.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..store import query_options
from . import negotiate
from .results import TooLarge, boolean_body, capped, graph_body, solutions_body

STARTUP_TIMEOUT = 120.0


@dataclass(frozen=True)
class Job:
    """One query as the protocol delivered it; the worker negotiates once it knows the result kind."""

    query: str
    accept: str | None = None
    fmt: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    status: int
    content_type: str
    body: bytes
    headers: dict = field(default_factory=dict)


def error(status: int, message: str) -> Outcome:
    return Outcome(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def execute(store: ox.Store, job: Job, max_rows: int) -> Outcome:
    """Run one query on `store` and write its result; never raises for a bad query."""
    options = query_options(job.query, job.default_graphs, job.named_graphs)
    try:
        result = store.query(job.query, **options)
        if isinstance(result, ox.QueryBoolean):
            choice = negotiate.choose(job.accept, negotiate.BOOLEAN, job.fmt)
            if choice is None:
                return _not_acceptable(negotiate.BOOLEAN)
            return Outcome(200, choice[0], boolean_body(bool(result), choice[1]))
        if isinstance(result, ox.QuerySolutions):
            choice = negotiate.choose(job.accept, negotiate.SOLUTIONS, job.fmt)
            if choice is None:
                return _not_acceptable(negotiate.SOLUTIONS)
            names = [v.value for v in result.variables]
            rows = [tuple(solution[n] for n in names) for solution in capped(result, max_rows)]
            return Outcome(200, _with_charset(choice[0]), solutions_body(names, rows, choice[1]))
        choice = negotiate.choose(job.accept, negotiate.GRAPH, job.fmt)
        if choice is None:
            return _not_acceptable(negotiate.GRAPH)
        triples = capped(result, max_rows)
        return Outcome(200, _with_charset(choice[0]), graph_body(triples, choice[1]))
    except TooLarge as err:
        return error(422, f"resultaat te groot: meer dan {err.limit} rijen (de grens van deze server); "
                          "maak de vraag specifieker of gebruik LIMIT")
    except SyntaxError as err:
        return error(400, f"SPARQL-fout: {err}")
    except (ValueError, OSError, RuntimeError) as err:
        return error(400, f"query kan niet worden uitgevoerd: {err}")


def _with_charset(media: str) -> str:
    textual = media.startswith("text/") or media.endswith(("json", "xml")) or media == "application/n-triples"
    return f"{media}; charset=utf-8" if textual else media


def _not_acceptable(offers) -> Outcome:
    types = ", ".join(dict.fromkeys(media for media, _ in offers))
    return error(406, f"geen van de gevraagde mediatypen (Accept) is mogelijk voor dit resultaat; kies uit: {types}")


def worker_main(conn, graph_file: str, max_rows: int) -> None:
    """The loop of one worker process: load the graph, then answer jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server, which stops us
    store = ox.Store()
    store.bulk_load(path=graph_file, format=ox.RdfFormat.N_QUADS)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(execute(store, job, max_rows))


class Worker:
    def __init__(self, context, graph_file: str, max_rows: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, graph_file, max_rows),
                                       name="kennisgraaf-worker", daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError(f"worker niet gestart binnen {timeout:g} s")
        self.conn.recv()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(2)
        self.kill()


class WorkerPool:
    """A fixed number of worker processes; `run` borrows one for a query, within the time limit."""

    def __init__(self, graph_file: str, *, size: int = 2, timeout: float = 10.0, max_rows: int = 10_000):
        self.graph_file, self.size, self.timeout, self.max_rows = str(graph_file), size, timeout, max_rows
        self._context = multiprocessing.get_context("spawn")  # the server is threaded: never fork
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._workers: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._start() for _ in range(size)]
        for worker in started:
            worker.wait_ready(STARTUP_TIMEOUT)
            self._idle.put(worker)

    def _start(self) -> Worker:
        worker = Worker(self._context, self.graph_file, self.max_rows)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: Worker) -> None:
        """Kill `worker`; start its successor in the background (the others keep serving)."""
        worker.kill()
        with self._lock:
            self._workers.discard(worker)

        def respawn():
            if self._closed:
                return
            fresh = self._start()
            try:
                fresh.wait_ready(STARTUP_TIMEOUT)
            except (RuntimeError, EOFError, OSError):
                with self._lock:
                    self._workers.discard(fresh)
                return
            if self._closed:  # the pool closed while this one started
                fresh.stop()
                return
            self._idle.put(fresh)

        threading.Thread(target=respawn, name="kennisgraaf-respawn", daemon=True).start()

    def run(self, job: Job) -> Outcome:
        """The worker's outcome, or the error outcome when busy, over the time limit or crashed.

        A query waits for a free worker as long as the time limit (at least 10 s) before the
        answer is 503 busy.
        """
        try:
            worker = self._idle.get(timeout=max(self.timeout, 10.0))
        except queue.Empty:
            busy = error(503, "de server is bezet: alle werkprocessen zijn bezig; probeer het zo opnieuw")
            busy.headers["Retry-After"] = "2"
            return busy
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                outcome = worker.conn.recv()
                self._idle.put(worker)
                return outcome
        except (EOFError, OSError, ValueError):
            self._replace(worker)
            return error(500, "het werkproces voor deze query is onverwacht gestopt")
        self._replace(worker)
        return error(503, f"tijdslimiet overschreden: de query liep langer dan {self.timeout:g} s "
                          "en is afgebroken; maak de vraag specifieker")

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop()
