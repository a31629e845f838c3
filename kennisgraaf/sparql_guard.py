"""Checks on query text from someone else, before any store sees it.

The graph is read-only here, and a query must not reach outside it: SERVICE would make
the store call another server, LOAD or an update would change or fetch data, a FROM on a
`file:` IRI names a file. These are decided on the *parsed* query (rdflib's SPARQL 1.1
parser and algebra), never on its text, so no escape, comment or odd IRI can hide a
SERVICE from the guard while the engine still sees it. Whatever the parser cannot read
is refused: only what was checked reaches the engine.

`check_read_only` is the one entry point (the server's workers, every Store, and the
integrity checks in `queries/checks/*.rq` use it); its result is cached per text, in memory
and — once a command has named its cache folder (`remember_in`) — on disk, so a warm command
does not pay rdflib's import and parse (~0.7 s for `stats`) for the catalogue queries it
asked before. Only accepted verdicts are kept, keyed by a hash of this module's own source,
the rdflib version and the exact text: a changed guard, parser or query is checked afresh.

Nesting is bounded before parsing: a deeply nested query would exhaust the parser's
recursion (and crashes Oxigraph's parser outright, SIGSEGV), so it is refused first.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import urllib.parse
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import QueryError

#: brackets `(`, `{`, `[` open at once, at most; the parser's own limit is near 40
MAX_DEPTH = 30
MAX_QUERY_CHARS = 1_000_000

_BLANK = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"  # IRIs
    r"|#[^\n]*",  # comments
    re.S,
)
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_UPDATES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT",
    "DeleteData": "DELETE",
    "DeleteWhere": "DELETE",
    "Modify": "DELETE/INSERT",
}
#: dataset IRIs name graphs of the store; a scheme that names a file or a local resource is refused
_DATASET_SCHEMES = ("http", "https", "urn", "tag")


class QueryRefused(QueryError):
    """A query that parses but may not run here (update, SERVICE, a FROM on a file)."""


@dataclass(frozen=True)
class CheckedQuery:
    """What the guard learnt from the parsed query."""

    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    has_dataset: bool  # a FROM or FROM NAMED clause


def syntax_only(query: str) -> str:
    """The query with strings, IRIs and comments replaced by spaces (for locating, never for refusing)."""
    return _BLANK.sub(lambda m: " " * len(m.group(0)), query)


def check_depth(query: str, limit: int = MAX_DEPTH) -> None:
    """Refuse more than `limit` brackets open at once (strings and comments not counted).

    This is the cheap first line with a clear message; should odd text make the count too
    low, the parser's own recursion limit refuses the query next, still before any engine.
    """
    depth = 0
    for char in syntax_only(query):
        if char in "({[":
            depth += 1
            if depth > limit:
                raise QueryError(
                    f"de query is te diep genest: meer dan {limit} haakjes tegelijk open "
                    "( (, { of [ ); vereenvoudig de query"
                )
        elif char in ")}]":
            depth = max(0, depth - 1)


def check_read_only(query: str) -> CheckedQuery:
    """Parse `query` and refuse what may not run; its form and whether it names a dataset.

    Raises QueryRefused (an update, LOAD, SERVICE, a FROM on a file) or QueryError (too
    long, too deeply nested, or not a SPARQL query) with a Dutch message.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"de query is te lang: meer dan {MAX_QUERY_CHARS} tekens")
    check_depth(query)
    return _checked(query)


#: where accepted verdicts are kept on disk (None: in memory only); see `remember_in`
_memo_dir: Path | None = None
MEMO_FOLDER = "gecontroleerde-vragen"


def remember_in(cache_root: Path | None) -> None:
    """Keep accepted verdicts in `cache_root`/gecontroleerde-vragen (None: stop keeping them)."""
    global _memo_dir
    _memo_dir = Path(cache_root) / MEMO_FOLDER if cache_root is not None else None


@functools.cache
def _guard_fingerprint() -> str:
    import importlib.util

    digest = hashlib.sha256(Path(__file__).read_bytes())
    spec = importlib.util.find_spec("rdflib")  # found, not imported; its __init__ names its version
    digest.update(Path(spec.origin).read_bytes() if spec and spec.origin else b"")
    return digest.hexdigest()


def _memo_file(query: str) -> Path | None:
    if _memo_dir is None:
        return None
    key = hashlib.sha256((_guard_fingerprint() + "\0" + query).encode("utf-8", "surrogatepass")).hexdigest()
    return _memo_dir / f"{key}.json"


@functools.lru_cache(maxsize=512)
def _checked(query: str) -> CheckedQuery:
    memo = _memo_file(query)
    if memo is not None:
        try:
            return CheckedQuery(**json.loads(memo.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            pass  # not checked before (or an unreadable memo): check now
    verdict = _parse_and_check(query)
    if memo is not None:
        _keep(memo, verdict)
    return verdict


def _keep(memo: Path, verdict: CheckedQuery) -> None:
    """Write the memo atomically; a cache folder that cannot be written only costs speed."""
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(dir=memo.parent, prefix=".memo-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(asdict(verdict), out)
        os.replace(staging, memo)
    except OSError:
        pass


def _parse_and_check(query: str) -> CheckedQuery:
    from .namespaces import BASE, PREFIXES

    parsed = _parse(query)
    if parsed is None:
        _refuse_update(query)
    body = parsed[1]
    _refuse_service(body)
    has_dataset = False
    for clause in body["datasetClause"] if "datasetClause" in body else []:
        has_dataset = True
        iri = str(clause["default"] if "default" in clause else clause["named"])
        if urllib.parse.urlsplit(iri).scheme.lower() not in _DATASET_SCHEMES:
            raise QueryRefused(
                f"FROM <{iri}>: een dataset noemt grafen van de graaf zelf, geen bestanden "
                "of andere bronnen; gebruik een graaf-IRI (http, https of urn)"
            )
    try:
        from rdflib.plugins.sparql.algebra import translateQuery

        translateQuery(parsed, base=BASE, initNs=PREFIXES)
    except RecursionError:
        raise QueryError("de query is te diep genest; vereenvoudig de query") from None
    except Exception as err:  # rdflib's own errors (an unknown prefix, a bad aggregate) are many kinds
        prefix = re.match(r"Unknown namespace prefix\s*:\s*(\S+)", str(err))
        if prefix:
            raise QueryError(
                f"SPARQL-fout: onbekend prefix {prefix.group(1)}:; declareer het met PREFIX of gebruik "
                "een bekend prefix (kennisgraaf sparql --explain)"
            ) from None
        raise QueryError(f"SPARQL-fout: {_one_line(err)}") from None
    return CheckedQuery(_FORMS[body.name], has_dataset)


def _parse(query: str):
    """The parse tree of a query; None when the text is not a query (it may be an update)."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return parseQuery(query)
    except RecursionError:
        raise QueryError("de query is te diep genest; vereenvoudig de query") from None
    except Exception:  # pyparsing's ParseException, and errors from escape handling
        return None


def _refuse_update(query: str) -> None:
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        update = parseUpdate(query)
    except RecursionError:
        raise QueryError("de query is te diep genest; vereenvoudig de query") from None
    except Exception:
        update = None
    operations = [op.name for op in (update.request if update is not None else [])]
    if operations:
        word = _UPDATES.get(operations[0], operations[0].upper())
        raise QueryRefused(
            f"alleen-lezen: {word} wijzigt de graaf en wordt hier niet uitgevoerd; "
            "gebruik SELECT, ASK, CONSTRUCT of DESCRIBE"
        )
    try:
        parseQuery(query)
    except Exception as err:
        lineno, col = getattr(err, "lineno", None), getattr(err, "col", None)  # pyparsing's position
        where = f"regel {lineno}, kolom {col}: " if lineno is not None else ""
        message = getattr(err, "msg", None) or str(err)
        message = re.sub(r"^Expected (\w+)$", r"onverwacht teken of onverwacht einde (verwacht: \1)", message)
        raise QueryError(f"SPARQL-fout: {where}{_one_line(Exception(message))}") from None
    raise QueryError("SPARQL-fout: geen geldige query")  # pragma: no cover - parsed the second time


def _refuse_service(node) -> None:
    """Walk the parse tree (CompValues, lists, ParseResults) for a SERVICE pattern."""
    stack = [node]
    while stack:
        item = stack.pop()
        name = getattr(item, "name", None)
        if name == "ServiceGraphPattern":
            raise QueryRefused("SERVICE (een andere server bevragen) is hier niet toegestaan")
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(list(item))


def _one_line(err: Exception, limit: int = 200) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, from the parsed query."""
    return check_read_only(query).form


def where_group_start(query: str) -> int:
    """The offset just inside the `{` that opens the query's WHERE group.

    Only used on queries the guard accepted. SELECT and ASK: the first `{` outside any
    brackets after the query form keyword. CONSTRUCT: its template comes first, so the
    `{` after the WHERE keyword.
    """
    text = syntax_only(query)
    form = re.search(r"(?<![\w:?$])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", text, re.I)
    if not form:
        raise QueryError("geen SPARQL-query: verwacht SELECT, ASK, CONSTRUCT of DESCRIBE")
    start = form.end()
    if form.group(1).upper() in ("CONSTRUCT", "DESCRIBE"):
        where = re.compile(r"(?<![\w:?$])WHERE(?![\w:-])", re.I).search(text, start)
        if not where:
            raise QueryError("parameters binden vraagt om een WHERE-deel in de query")
        start = where.end()
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "{" and depth == 0:
            return index + 1
    raise QueryError("parameters binden: geen WHERE-groep gevonden")


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset (FROM or FROM NAMED), from the parsed query."""
    return check_read_only(query).has_dataset
