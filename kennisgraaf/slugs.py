"""Names made from text and names read off IRIs: the one rule for each.

`slugify` turns a typed name into the readable last part of a new IRI; `local_name` reads
that part back off any IRI (a project id, a vocabulary term after '#'), for the places that
show an item that has no label and for the slugs of file names. Both live here so a slug
written by `inlezen` and one read by a view or a report can never disagree.

    >>> slugify("Zó Werkt Water")
    'zo-werkt-water'
    >>> local_name("https://w3id.org/kennisgraaf/id/thema/water/")
    'water'
    >>> local_name("http://www.w3.org/2004/02/skos/core#prefLabel")
    'prefLabel'
"""

from __future__ import annotations

import re
import unicodedata


def normalise(text: str) -> str:
    """The matching key of a name: no accents, case, punctuation or doubled spaces; & is 'en'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " en ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def slugify(text: str) -> str:
    """A stable, readable IRI slug for a name: 'Zó Werkt Water' → 'zo-werkt-water'."""
    return normalise(text).replace(" ", "-")


def local_name(iri: str) -> str:
    """The last part of an IRI, after its last '/' or '#' (a trailing '/' ignored)."""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
