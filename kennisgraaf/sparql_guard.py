"""Checks on query text from someone else, before any store sees it.

The graph is read-only here, and a query must not reach outside it: SERVICE would make
the store call another server. Keywords are looked for only in the query's own syntax,
with comments, strings and IRIs blanked out, so a label like "insert" is no false alarm.
"""

from __future__ import annotations

import re

from .errors import QueryError

_UPDATE = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_BLANK = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"  # IRIs
    r"|#[^\n]*",  # comments
    re.S,
)


def syntax_only(query: str) -> str:
    """The query with strings, IRIs and comments replaced by spaces."""
    return _BLANK.sub(lambda m: " " * len(m.group(0)), query)


def _keyword(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w:?$]){word}(?![\w:-])", text, re.I) is not None


def check_read_only(query: str) -> None:
    text = syntax_only(query)
    for word in _UPDATE:
        if _keyword(text, word) and not (word == "WITH" and not _keyword(text, "DELETE|INSERT")):
            raise QueryError(
                f"alleen-lezen: {word.upper()} wijzigt de graaf en wordt hier niet uitgevoerd; "
                "gebruik SELECT, ASK, CONSTRUCT of DESCRIBE"
            )
    if _keyword(text, "SERVICE"):
        raise QueryError("SERVICE (een andere server bevragen) is hier niet toegestaan")


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of these keywords in the query."""
    match = re.search(r"(?<![\w:?$])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", syntax_only(query), re.I)
    if not match:
        raise QueryError("geen SPARQL-query: verwacht SELECT, ASK, CONSTRUCT of DESCRIBE")
    return match.group(1).upper()


def where_group_start(query: str) -> int:
    """The offset just inside the `{` that opens the query's WHERE group.

    SELECT and ASK: the first `{` outside any brackets after the query form keyword.
    CONSTRUCT: its template comes first, so the `{` after the WHERE keyword.
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


_FROM = re.compile(r"(?<![\w:?$])FROM(?![\w:-])", re.I)


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset (FROM or FROM NAMED)."""
    return _FROM.search(syntax_only(query)) is not None
