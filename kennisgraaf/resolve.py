"""Turn what a person types ("pfas", "RIVM", "waterkwaliteit", "Q2") into an RDF term.

A bare quarter ("Q2") means that quarter of a year that has plans; once two plan years
are loaded it is ambiguous and the user is asked for "2027-Q2".

Candidates and their labels come from the graph itself (bound with VALUES, never pasted),
so a 2027 organisation is found without code changes. An unknown value gets the closest
matches in the error message.

The name matching itself (`normalise`, `NameIndex`: labels, abbreviations, `skos:altLabel`,
slugs, fuzzy suggestions above a threshold, and finding names in running text) is the one
rule shared by query parameters, `inlezen` (workbook cells) and `scan` (plan texts).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field

import pyoxigraph as ox

from . import sparql
from .errors import QueryError
from .namespaces import ID, KN, ORG, PROV, XSD
from .namespaces import SKOS as _SKOS
from .slugs import local_name, normalise, slugify

__all__ = ["NameIndex", "local_name", "normalise", "resolve", "slugify"]

#: parameter kind → the class its values belong to
KIND_CLASS = {
    "thema": str(KN.Thema),
    "plan": str(KN.Kennisplan),
    "organisatie": str(ORG.Organization),
    "onderwerp": str(_SKOS.Concept),
    "wet": str(KN.Wet),
    "kwartaal": str(KN.Kwartaal),
    "status": str(_SKOS.Concept),
    "vorm": str(_SKOS.Concept),
    "product": str(KN.Kennisproduct),
    "overdracht": str(KN.Regieoverdracht),
    "overleg": str(KN.Overleg),
    "persoon": str(KN.Persoon),
    "item": str(PROV.Entity),  # anything a plan states with a source line
}
#: kinds whose values share a class are told apart by their IRI namespace
#: kinds where one typed name may stand for several items at once (a product and its event)
MULTI_KINDS = {"item"}
KIND_NAMESPACE = {"onderwerp": str(ID["onderwerp"]), "status": str(ID["status"]), "vorm": str(ID["vorm"])}

CANDIDATES = sparql.text("name_candidates")


#: how similar (difflib ratio) a typed name must be to a known one to be suggested
SUGGEST_CUTOFF = 0.75


def is_abbreviation(label: str) -> bool:
    """'RIVM', 'Bal', 'IenW', 'KRW': short names matched in text as written (with their
    capitals), so 'Bal' does not match the word 'bal'; longer names match in any case."""
    return " " not in label and len(label) <= 4 and any(c.isalpha() for c in label)


#: "PGS15, 29 en 37": a series that names PGS 15, PGS 29 and PGS 37
_SERIES = re.compile(r"(?<![\w])([A-Z]{2,})[\s-]?(\d+)((?:\s*(?:,|en|of)\s*\d+)+)")


@dataclass
class Mention:
    """One place a text names a known item: the 1-based line, the words as written."""

    iri: str
    line: int
    text: str
    kind: str = ""


@dataclass
class NameIndex:
    """Every name of the items of one kind (labels, abbreviations, slugs) → their IRIs."""

    names: dict[str, set[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # IRI → its preferred label
    abbreviations: dict[str, set[str]] = field(default_factory=dict)  # as written → IRIs
    literal: dict[str, set[str]] = field(default_factory=dict)  # 'omgevingsdienst.nl': dots count

    def add(self, iri: str, label: str, preferred: bool = False) -> None:
        key = normalise(label)
        if not key:
            return
        self.names.setdefault(key, set()).add(iri)
        written = label.strip()
        if is_abbreviation(written):
            self.abbreviations.setdefault(written, set()).add(iri)
        elif re.search(r"\w\.\w", written):
            self.literal.setdefault(_fold(written), set()).add(iri)
        if preferred or iri not in self.labels:
            self.labels[iri] = label
        self.names.setdefault(normalise(local_name(iri)), set()).add(iri)

    def lookup(self, raw: str) -> set[str]:
        """The IRIs this exact name (after normalisation) stands for."""
        return set(self.names.get(normalise(raw), set()))

    def suggest(self, raw: str, n: int = 3, cutoff: float = SUGGEST_CUTOFF) -> list[str]:
        """The preferred labels of the closest known names, best first."""
        key = normalise(raw)
        close = difflib.get_close_matches(key, list(self.names), n=n * 3, cutoff=cutoff)
        found: list[str] = []
        for name in close:
            for iri in sorted(self.names[name]):
                label = self.labels.get(iri, name)
                if label not in found:
                    found.append(label)
        return found[:n]

    def label_for(self, iri: str) -> str:
        """A name that finds exactly this IRI again: its label, or its slug when that is ambiguous."""
        label = self.labels.get(iri)
        if label is not None and self.lookup(label) == {iri}:
            return label
        return local_name(iri)

    def find_in(self, lines: list[str]) -> list[Mention]:
        return find_names({"": self}, lines)


def find_names(indexes: dict[str, NameIndex], lines: list[str]) -> list[Mention]:
    """Every place the lines name an item of any of these indexes (kind → index).

    A name may run on to the next line (the OCR'd plans break lines anywhere); it counts for
    the line it starts on. Within a kind the longest name wins ('Bodem en ondergrond', not also
    'Bodem'); a topic inside a meeting's name ('Handboek Onvoorziene Lozingen') is still named.
    """
    patterns = [p for kind, index in indexes.items() for p in _patterns(index, kind)]
    patterns.sort(key=lambda p: -p[0])
    # one search over the whole text first: only the few names that occur at all are tried per line
    whole = " ".join(lines)
    whole_folded = _fold(whole)
    patterns = [p for p in patterns if p[1].search(whole_folded if p[3] else whole)]
    found = []
    for number, line in enumerate(lines, start=1):
        following = lines[number] if number < len(lines) else ""
        window = f"{line} {following}"
        plain = _fold(window)
        taken: dict[str, list[tuple[int, int]]] = {}
        for _, pattern, iris, folded, kind in patterns:
            spans = taken.setdefault(kind, [])
            for match in pattern.finditer(plain if folded else window):
                span = match.span()
                if span[0] >= len(line) or any(span[0] < end and start < span[1] for start, end in spans):
                    continue  # inside a longer name of the same kind
                spans.append(span)
                found += [Mention(iri, number, window[span[0] : span[1]], kind) for iri in sorted(iris)]
        for match in _SERIES.finditer(line):
            prefix, numbers = match.group(1), [match.group(2), *re.findall(r"\d+", match.group(3))]
            for n in numbers[1:]:
                for kind, index in indexes.items():
                    for iri in sorted(index.lookup(f"{prefix}{n}") or index.lookup(f"{prefix} {n}")):
                        found.append(Mention(iri, number, f"{prefix} {n}", kind))
    return found


def _fold(text: str) -> str:
    """Case and accents folded, same length as the input so match spans point into it."""
    return "".join(_fold_char(c) for c in text)


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFKD", c)
    base = "".join(b for b in base if not unicodedata.combining(b)).casefold()
    return base[:1] if base else " "


def _patterns(index: NameIndex, kind: str) -> list[tuple[int, re.Pattern, set[str], bool, str]]:
    """Regexes for the names of an index: abbreviations case-sensitive, the rest folded."""
    patterns = []
    for written, iris in index.abbreviations.items():
        body = re.escape(written)
        patterns.append((len(written), re.compile(rf"(?<![\w-]){body}(?![\w])"), iris, False, kind))
    literal_keys = {normalise(w) for w in index.literal}
    for written, iris in index.literal.items():
        patterns.append((len(written), re.compile(rf"(?<![\w@.]){re.escape(written)}(?!\w)"), iris, True, kind))
    for key, iris in index.names.items():
        short = len(key) <= 4 and any(normalise(w) == key for w in index.abbreviations)
        if short or len(key) < 3 or key in literal_keys:
            continue
        words = ["(?:en|&)" if w == "en" else re.escape(w) for w in key.split()]
        body = r"[\W_]+".join(words)
        patterns.append((len(key), re.compile(rf"(?<![\w]){body}(?!\w)"), iris, True, kind))
    return patterns


def candidates(store, kind: str) -> dict[str, set[str]]:
    """label (normalised) → IRIs, for every item of this kind, its slug included."""
    return index(store, kind).names


def index(store, kind: str) -> NameIndex:
    """The names of every item of this kind in the store (a 2027 organisation included)."""
    results = store.select(CANDIDATES, {"class": ox.NamedNode(KIND_CLASS[kind])})
    namespace = KIND_NAMESPACE.get(kind)
    names = NameIndex()
    for row in results.rows:
        iri = row["item"].value
        if namespace and not iri.startswith(namespace):
            continue
        names.add(iri, row["label"].value)
    return names


#: Dutch "het"-words take "onbekend", the others "onbekende" ("onbekend thema", "onbekende organisatie")
NEUTER = {"thema", "kwartaal", "item", "onderwerp", "overleg", "product", "getal"}


def unknown(kind: str) -> str:
    return ("onbekend " if kind in NEUTER else "onbekende ") + kind


def unknown_name(what: str, kind: str, raw: str, close=(), more: str = "") -> str:
    """The one wording of "no such name", for every resolver (parameters, --thema, queries):
    `thema: onbekend thema 'watr'; bedoelde u: 'Water'?`, then what the user can pick from.

    >>> unknown_name("--thema", "thema", "watr", ["Water"], "Thema's: Water")
    "--thema: onbekend thema 'watr'; bedoelde u: 'Water'? Thema's: Water"
    """
    hint = f"; bedoelde u: {', '.join(repr(c) for c in close)}?" if close else ""
    text = f"{what + ': ' if what else ''}{unknown(kind)} {raw!r}{hint}"
    return f"{text}{'' if hint else '.'} {more}" if more else text


def resolve(store, kind: str, raw: str, name: str = "") -> ox.NamedNode | ox.Literal | list[ox.NamedNode]:
    """One RDF term for a typed parameter value; a clear error when there is none.

    A name that several items carry (or, for items, that several names contain as a word)
    stands for all of them where the kind allows it, and otherwise the error lists them by
    name; suggestions are names as written, never internal ids."""
    what = f"parameter {name!r}" if name else kind
    if kind == "tekst":
        return ox.Literal(raw)
    if kind == "getal":
        try:
            return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD + "integer"))
        except ValueError:
            raise QueryError(f"{what}: {raw!r} is geen geheel getal") from None
    if kind not in KIND_CLASS:
        raise QueryError(f"{what}: onbekende soort parameter {kind!r}")
    from .derived import kept_for  # the index of a cached build is made once, beside it

    names = kept_for(store, "namen", (kind,), lambda: index(store, kind))
    key = normalise(raw)
    hits = names.lookup(raw)
    if not hits and kind in MULTI_KINDS and key:  # "Staalslakken": every item whose name has it as a word
        word = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
        hits = {iri for known, iris in names.names.items() if word.search(known) for iri in iris}
    if len(hits) == 1:
        return ox.NamedNode(next(iter(hits)))
    if len(hits) > 1 and kind in MULTI_KINDS:
        return [ox.NamedNode(h) for h in sorted(hits)]
    if len(hits) > 1:
        listed = sorted({names.labels.get(h, local_name(h)) for h in hits}, key=str.casefold)
        raise QueryError(f"{what}: {raw!r} is niet eenduidig; kies een van: {', '.join(map(repr, listed))}")
    close = names.suggest(raw, n=5, cutoff=0.5)
    if not close:
        close = sorted({label for label in names.labels.values() if key and key in normalise(label)})[:5]
    raise QueryError(unknown_name(what, kind, raw, close))
