"""Content negotiation: which media type to answer with, from the Accept header.

The SPARQL 1.1 Protocol leaves the choice to HTTP: a client names the types it takes (with
q-values and wildcards) and the server picks the best one it can write. A `format`
parameter (`?format=csv`) overrides the header, for links and browsers.
"""

from __future__ import annotations

from dataclasses import dataclass

#: (media type, key) in the server's order of preference, per kind of result
SOLUTIONS = (
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
)
BOOLEAN = (
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
)
GRAPH = (
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("application/ld+json", "jsonld"),
    ("application/rdf+xml", "rdfxml"),
    ("text/plain", "ntriples"),
)
#: a Linked Data resource (/id/…, /def/…, /graph/…): its page, or its triples in any RDF syntax
PAGE = (
    ("text/html", "html"),
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("application/ld+json", "jsonld"),
    ("application/rdf+xml", "rdfxml"),
)
#: a listing (/graph/): a page only
LISTING = (("text/html", "html"),)
#: `/id/thema/x.ttl`: the file-extension form of a resource, for links and plain downloads
EXTENSIONS = {".html": "html", ".ttl": "turtle", ".nt": "ntriples", ".jsonld": "jsonld", ".rdf": "rdfxml"}

#: `?format=` values and the keys they stand for
FORMAT_ALIASES = {
    "json": "json",
    "srj": "json",
    "xml": "xml",
    "srx": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "turtle": "turtle",
    "ttl": "turtle",
    "ntriples": "ntriples",
    "nt": "ntriples",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "rdfxml": "rdfxml",
    "rdf": "rdfxml",
    "html": "html",
}


@dataclass(frozen=True)
class Range:
    type: str
    subtype: str
    q: float

    def matches(self, media: str) -> int:
        """How specifically this range matches `media`: 2 exact, 1 type/*, 0 */*, -1 not."""
        kind, _, sub = media.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 0
        if self.type == kind and self.subtype == "*":
            return 1
        if self.type == kind and self.subtype == sub:
            return 2
        return -1


def parse_accept(header: str | None) -> list[Range]:
    ranges = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        kind, _, sub = fields[0].lower().partition("/")
        if not kind or not sub:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(Range(kind, sub, q))
    return ranges


def split_extension(path: str) -> tuple[str, str | None]:
    """`thema/x.ttl` → (`thema/x`, `turtle`); a path without a known extension comes back whole."""
    for extension, key in EXTENSIONS.items():
        if path.endswith(extension):
            return path[: -len(extension)], key
    return path, None


def refusal(offers) -> str:
    """The 406 message: that nothing asked for fits, and every media type that would have."""
    types = ", ".join(dict.fromkeys(media for media, _ in offers))
    return f"geen van de gevraagde mediatypen (Accept) is mogelijk voor dit resultaat; kies uit: {types}"


def with_charset(media: str) -> str:
    """The Content-Type of a textual answer names its encoding (all of ours are UTF-8)."""
    textual = media.startswith("text/") or media.endswith(("json", "xml")) or media == "application/n-triples"
    return f"{media}; charset=utf-8" if textual else media


def choose(accept: str | None, offers, fmt: str | None = None) -> tuple[str, str] | None:
    """The (media type, key) to answer with; None when the client takes none of the offers."""
    if fmt:
        key = FORMAT_ALIASES.get(fmt.strip().lower())
        return next(((media, k) for media, k in offers if k == key), None)
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    best, best_q = None, 0.0
    for media, key in offers:
        matched = [(level, r.q) for r in ranges if (level := r.matches(media)) >= 0]
        if not matched:
            continue
        q = max(matched)[1]  # the most specific range decides
        if q > best_q:
            best, best_q = (media, key), q
    return best
