"""The SPARQL the code itself runs, one `.rq` file per query in this folder, loaded by name.

The regisseurs' catalogue lives in queries/ at the top of the repository; these are the
queries the package needs internally (labels, loading the network, resource pages...).
Keeping them in files means every query can be read, linted and tested as SPARQL, and no
Python string ever grows a query by formatting values into it: values are bound.

    >>> "skos:prefLabel" in text("labels")
    True
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def text(name: str) -> str:
    """The query `name` (this folder's `<name>.rq`); a missing name is a programming error."""
    return files(__name__).joinpath(f"{name}.rq").read_text(encoding="utf-8")


def names() -> list[str]:
    """Every internal query, for the test that parses each one."""
    return sorted(p.name.removesuffix(".rq") for p in files(__name__).iterdir() if p.name.endswith(".rq"))
