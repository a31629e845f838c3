"""Queries from the network run in worker processes, so a time limit can really stop one.

Oxigraph cannot cancel a query that is running in a thread, and a thread cannot be killed.
A process can: each worker holds its own copy of the graph (loaded from the build's
N-Quads), answers one query at a time, and writes the result in the negotiated format
with the row cap applied while reading it. When a query overruns the time limit the pool
kills that worker and starts a fresh one in the background; the other workers carry on.

The worker is also where a query is checked (parsed by the guard) and where memory is
bounded: each worker process runs under an address-space limit (RLIMIT_AS), so a query
that would build gigabytes fails in that worker alone, which is then replaced. The
answer is bounded in rows and in bytes. When every worker is busy a query is not queued
behind heavy ones: after a short wait (`queue_wait`) it gets 503 with Retry-After.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import resource
import signal
import threading
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from ..sparql_guard import QueryRefused, check_read_only
from ..store import query_options, short_message
from . import negotiate
from .results import TooLarge, boolean_body, capped, graph_body, limited, solutions_body

STARTUP_TIMEOUT = 120.0
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one query may use: rows and bytes in its answer, address space of its worker."""

    max_rows: int = 10_000
    max_bytes: int = 50 * MB
    max_memory: int | None = 512 * MB  # None: no limit (the operating system's)


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


def execute(store: ox.Store, job: Job, limits: Limits) -> Outcome:
    """Check one query, run it on `store` and write its result; never raises for a bad query."""
    max_rows = limits.max_rows
    try:
        check_read_only(job.query)
    except QueryRefused as err:
        return error(403, str(err))
    except QueryError as err:
        return error(400, str(err))
    try:
        options = query_options(job.query, job.default_graphs, job.named_graphs)
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
            rows = (tuple(solution[n] for n in names) for solution in limited(result, max_rows))
            body = solutions_body(names, rows, choice[1], limits.max_bytes)
            return Outcome(200, negotiate.with_charset(choice[0]), body)
        choice = negotiate.choose(job.accept, negotiate.GRAPH, job.fmt)
        if choice is None:
            return _not_acceptable(negotiate.GRAPH)
        body = graph_body(capped(result, max_rows), choice[1])
        if len(body) > limits.max_bytes:
            raise TooLarge(limits.max_bytes, "bytes")
        return Outcome(200, negotiate.with_charset(choice[0]), body)
    except TooLarge as err:
        return error(
            422,
            f"resultaat te groot: meer dan {err.limit} {err.unit} (de grens van deze server); "
            "maak de vraag specifieker of gebruik LIMIT",
        )
    except MemoryError:
        return error(503, _OUT_OF_MEMORY)
    except SyntaxError as err:
        return error(400, f"SPARQL-fout: {short_message(err)}")
    except (ValueError, OSError, RuntimeError) as err:
        if "memory" in str(err).lower():
            return error(503, _OUT_OF_MEMORY)
        return error(400, f"query kan niet worden uitgevoerd: {short_message(err)}")


_OUT_OF_MEMORY = (
    "de query vroeg meer geheugen dan de grens van deze server en is afgebroken; "
    "maak de vraag specifieker (minder combinaties, LIMIT)"
)


def _not_acceptable(offers) -> Outcome:
    return error(406, negotiate.refusal(offers))


def limit_memory(max_memory: int | None) -> None:
    """An address-space limit for this process: allocation beyond it fails here, not in the machine."""
    if max_memory is None:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        max_memory = min(max_memory, hard)
    resource.setrlimit(resource.RLIMIT_AS, (max_memory, hard))


def worker_main(conn, graph_file: str, limits: Limits) -> None:
    """The loop of one worker process: load the graph, then answer jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server, which stops us
    limit_memory(limits.max_memory)
    store = ox.Store()
    store.bulk_load(path=graph_file, format=ox.RdfFormat.N_QUADS)
    # Oxigraph reports a failed allocation (the memory limit) with a backtrace on stderr
    # before it aborts; the pool answers the query and logs one line instead.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(execute(store, job, limits))


class Worker:
    def __init__(self, context, graph_file: str, limits: Limits):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=worker_main, args=(child, graph_file, limits), name="kennisgraaf-worker", daemon=True
        )
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> None:
        try:
            if self.conn.poll(timeout):
                self.conn.recv()
                return
        except (EOFError, OSError):
            pass
        self.kill()
        raise StoreError(
            f"een werkproces kon de graaf niet laden (binnen {timeout:g} s, met de geheugengrens van --max-memory)"
        )

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

    def __init__(
        self,
        graph_file: str | os.PathLike,
        *,
        size: int = 2,
        timeout: float = 10.0,
        limits: Limits | None = None,
        queue_wait: float = 0.5,
    ):
        self.graph_file, self.size, self.timeout = str(graph_file), size, timeout
        self.limits = limits or Limits()
        self.queue_wait = queue_wait
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
        worker = Worker(self._context, self.graph_file, self.limits)
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
            except (StoreError, EOFError, OSError):
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

        A query waits for a free worker at most `queue_wait` seconds (half a second by
        default: enough for a burst of cheap queries to take turns), then a full pool
        answers 503 with Retry-After, so a cheap query is never queued behind heavy ones
        for the length of their time limit.
        """
        try:
            worker = self._idle.get(timeout=self.queue_wait) if self.queue_wait > 0 else self._idle.get_nowait()
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
            worker.process.join(1)
            code = worker.process.exitcode
            self._replace(worker)
            if code is not None and code in (-signal.SIGABRT, -signal.SIGKILL):
                return error(503, _OUT_OF_MEMORY)  # Rust aborts when an allocation fails
            return error(500, "het werkproces voor deze query is onverwacht gestopt")
        self._replace(worker)
        return error(
            503,
            f"tijdslimiet overschreden: de query liep langer dan {self.timeout:g} s "
            "en is afgebroken; maak de vraag specifieker",
        )

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop()
