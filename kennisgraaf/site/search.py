"""Full-text search over every label, description and plan-text line: the documents, the index
script the browser loads, and the same ranking in Python for `kennisgraaf zoek`.

The browser runs MiniSearch (vendored in static/, MIT); this module reproduces its scoring
(BM25+ with k=1.2, b=0.7, d=0.5; prefix matches weighted 0.375·len/(len+0.3·extra); OR over
the query's terms, times the number of terms that matched) so the CLI and the site rank
alike. Both sides fold text with one rule, `slugs.normalise` (accents, case, punctuation:
"Staalslakken" finds "staalslakken", "e" finds "é"); static/zoek.js mirrors it and a browser
test checks that the two agree. Documents carry their terms already folded, so the index
is built here at `site` time and the browser only splits on spaces.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass

from ..htmltext import script_json
from ..slugs import normalise

#: the indexed fields and their boosts (MiniSearch `boost`; unlisted fields count 1)
FIELDS = ("naam", "anders", "tekst")
BOOST = {"naam": 3.0, "anders": 2.0, "tekst": 1.0}
PREFIX_WEIGHT = 0.375
BM25_K, BM25_B, BM25_D = 1.2, 0.7, 0.5
SNIPPET = 160  # characters of a description or plan line shown under a hit


def terms(text: str) -> list[str]:
    """The search terms of a text or a query (the one folding rule, shared with scan and resolve)."""
    return normalise(text).split()


@dataclass(frozen=True)
class Doc:
    """One search hit target: a page (or a line of a plan text) and what it is found by."""

    id: str  # site path, with "#r12" for a plan line
    naam: str  # shown as the hit's title
    soort: str  # what it is: "thema", "product", "plantekst", ...
    anders: str = ""  # other names: abbreviations, alternative labels, codes
    tekst: str = ""  # descriptions, or the plan line itself

    def field_terms(self) -> dict[str, str]:
        """Every field as folded terms joined by single spaces (what the browser indexes)."""
        return {
            "naam": " ".join(terms(self.naam)) if self.soort != "plantekst" else "",
            "anders": " ".join(terms(self.anders)),
            "tekst": " ".join(terms(self.tekst)),
        }


@dataclass(frozen=True)
class Hit:
    doc: Doc
    score: float
    matched: tuple[str, ...]


class SearchIndex:
    """The inverted index over `docs`, scored as MiniSearch scores (see the module docstring)."""

    def __init__(self, docs: list[Doc]):
        self.docs = list(docs)
        self.postings: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
        self.lengths: list[dict[str, int]] = []
        self.average: dict[str, float] = {f: 0.0 for f in FIELDS}
        for number, doc in enumerate(self.docs):
            lengths = {}
            for name, text in doc.field_terms().items():
                tokens = text.split(" ")  # as the browser's tokenizer: "" is one (empty) token
                lengths[name] = len(set(tokens))
                # MiniSearch keeps a running mean, in this order; the same floats come out
                self.average[name] = (self.average[name] * number + lengths[name]) / (number + 1)
                for token in tokens:
                    if token:
                        fields = self.postings[token][name]
                        fields[number] = fields.get(number, 0) + 1
            self.lengths.append(lengths)
        self.vocabulary = sorted(self.postings)

    def _bm25(self, tf: int, matching: int, length: int, average: float) -> float:
        idf = math.log(1 + (len(self.docs) - matching + 0.5) / (matching + 0.5))
        return idf * (BM25_D + tf * (BM25_K + 1) / (tf + BM25_K * (1 - BM25_B + BM25_B * length / average)))

    def _term_scores(self, term: str) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        start = bisect.bisect_left(self.vocabulary, term)
        for found in self.vocabulary[start:]:
            if not found.startswith(term):
                break
            extra = len(found) - len(term)
            weight = 1.0 if not extra else PREFIX_WEIGHT * len(found) / (len(found) + 0.3 * extra)
            for name, docs in self.postings[found].items():
                for number, tf in docs.items():
                    length, average = self.lengths[number][name], self.average[name]
                    scores[number] += weight * BOOST[name] * self._bm25(tf, len(docs), length, average)
        return scores

    def search(self, query: str, limit: int | None = 20) -> list[Hit]:
        """The documents matching any term of `query` (each as a prefix), best first."""
        total: dict[int, float] = defaultdict(float)
        matched: dict[int, list[str]] = defaultdict(list)
        for term in terms(query):
            for number, score in self._term_scores(term).items():
                total[number] += score
                if term not in matched[number]:
                    matched[number].append(term)
        ranked = sorted(total, key=lambda n: (-total[n] * len(matched[n]), n))
        hits = [Hit(self.docs[n], total[n] * len(matched[n]), tuple(matched[n])) for n in ranked]
        return hits[:limit] if limit else hits


def index_script(docs: list[Doc], hrefs: list[str]) -> str:
    """static/zoekindex.js: the documents with their folded terms, for MiniSearch in the
    browser (a script, not a .json file: a page opened from file:// may not fetch)."""
    rows = []
    for doc, href in zip(docs, hrefs, strict=True):
        fields = doc.field_terms()
        rows.append(
            [doc.id, href, doc.naam, doc.soort, _snippet(doc), fields["naam"], fields["anders"], fields["tekst"]]
        )
    data = {"velden": list(FIELDS), "boost": BOOST, "prefixgewicht": PREFIX_WEIGHT, "documenten": rows}
    return "window.KENNISGRAAF_ZOEKINDEX = " + script_json(data) + ";\n"


def _snippet(doc: Doc) -> str:
    text = " ".join(doc.tekst.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"
