"""What the views read: the analysis network, its overlaps and gaps, and the few facts the
network does not carry (a plan's regisseur, a product's top-level status), each asked once.

Everything is fetched lazily, so a view only pays for what it shows; tests can hand in
their own overlaps and gaps.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from pathlib import Path

from .. import sparql

#: properties by which a plan or an item states something about a topic, organisation or law
EVIDENCE_PROPS = (
    "kn:onderwerp",
    "kn:partner",
    "org:hasMember",
    "kn:beheerder",
    "kn:wet",
    "kn:stakeholder",
    "kn:noemtOrganisatie",
)
#: `Context(jaar=...)` when the network is not cut to one plan year
EVERY_YEAR = "alle"


class Context:
    """One store, read for views: build it once, ask it for several views."""

    def __init__(self, store, texts: Path | None = None, overlaps=None, gaps=None, network=None, jaar=EVERY_YEAR):
        self.store = store
        self.texts = texts
        #: the plan year the network is cut to when it is first read (`analysis.years.scope`)
        self.jaar = jaar
        #: overlaps or gaps of the caller's own: a page drawn from them is not the build's to keep
        self.handed_in = overlaps is not None or gaps is not None
        if overlaps is not None:
            self.__dict__["overlaps"] = list(overlaps)
        if gaps is not None:
            self.__dict__["gaps"] = list(gaps)
        if network is not None:
            self.__dict__["network"] = network

    # the analysis ----------------------------------------------------------------------

    @cached_property
    def network(self):
        from ..analysis.precomputed import load_network

        network = load_network(self.store, self.texts)
        if self.jaar is EVERY_YEAR:
            return network
        from ..analysis.years import scope

        return scope(network, self.jaar)

    @cached_property
    def overlaps(self) -> list:
        from ..analysis.overlap import overlaps

        return overlaps(self.network)

    @cached_property
    def gaps(self) -> list:
        from ..analysis.gaps import find_gaps

        return find_gaps(self.network)

    def handover_gaps(self) -> dict[str, list]:
        """Handover IRI → the gap findings about it."""
        found: dict[str, list] = defaultdict(list)
        for finding in self.gaps:
            if finding.kind.startswith("overdracht-zonder-"):
                for item in finding.items:
                    found[item].append(finding)
        return found

    # facts the network does not keep -------------------------------------------------------

    @cached_property
    def regisseurs(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for row in self.store.select(sparql.text("context-regisseurs")).rows:
            out[row["plan"].value].append(row["naam"].value)
        return {plan: sorted(set(names)) for plan, names in out.items()}

    @cached_property
    def statuses(self) -> dict[str, tuple[str, str]]:
        """Product → (its status IRI, the top concept it belongs to)."""
        out: dict[str, tuple[str, str]] = {}
        for row in self.store.select(sparql.text("context-statussen")).rows:
            status = row["status"].value
            top = row["top"].value if "top" in row else status
            product = row["product"].value
            if product not in out or out[product][1] == out[product][0]:
                out[product] = (status, top)
        return out

    def labels(self, iris) -> dict[str, str]:
        from ..labels import label_map

        return label_map(self.store, set(iris))

    # reading the network -----------------------------------------------------------------

    def node(self, iri: str) -> dict:
        return self.network.nodes[iri]

    def kind(self, iri: str) -> str | None:
        return self.network.nodes[iri].get("kind") if iri in self.network else None

    def label(self, iri: str) -> str:
        from ..labels import name_of

        return name_of(iri, self.network.nodes[iri].get("label") if iri in self.network else None)

    def out(self, iri: str, *props: str) -> list[str]:
        from ..analysis.graph import targets

        return sorted(targets(self.network, iri, *props))

    def into(self, iri: str, *props: str) -> list[str]:
        from ..analysis.graph import sources

        return sorted(sources(self.network, iri, *props))

    def themes(self, with_subthemes: bool = False) -> list[str]:
        """The themes to show: the ones the analysis counts (or every theme node)."""
        from ..analysis.graph import counted_themes, nodes_of

        if with_subthemes:
            return sorted(nodes_of(self.network, "thema"), key=lambda t: (self.label(t).casefold(), t))
        return counted_themes(self.network)

    def theme_count(self) -> int:
        """How many themes `themes()` gives, kept beside a cached build: `view themas` refuses
        above 1,500, and saying so must not load a 1 M network each time."""
        if self.handed_in or self.jaar is EVERY_YEAR or "network" in vars(self):
            return len(self.themes())
        from ..analysis.precomputed import kept_for_year

        return kept_for_year(self.store, self.texts, self.jaar, "themas-geteld", (), lambda: len(self.themes()))

    def plans(self, thema: str) -> list[str]:
        return self.into(thema, "kn:thema")

    def items(self, thema: str, *kinds: str) -> list[str]:
        found = self.into(thema, "kn:vanThema")
        return [i for i in found if not kinds or self.kind(i) in kinds]

    def item_themes(self, item: str) -> list[str]:
        data = self.network.nodes[item]
        return list(data.get("themas") or self.out(item, "kn:vanThema"))

    def bron(self, iri: str) -> str | None:
        """Where the plan text states this item ("kennisplan-2026-x.txt:123"); a plan: its file."""
        from ..analysis.graph import bron

        found = bron(self.network, iri)
        if not found and self.kind(iri) == "plan":
            return self.network.nodes[iri].get("bestand")
        return found or None

    def plan_bron(self, plan: str, fact: str | None = None) -> str | None:
        """The plan file, with the line of a plan-level fact where the analysis found it."""
        from ..analysis.graph import plan_bron

        return plan_bron(self.network, plan, fact)

    # evidence: which item of a theme states a link --------------------------------------

    @cached_property
    def _broader(self) -> dict[str, set[str]]:
        from ..analysis.graph import broader_closure

        return broader_closure(self.network)

    @cached_property
    def evidence_index(self) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
        """(theme, thing) → [(item or plan, property, the thing it names)]: the statements that
        tie a theme to a topic (also through a narrower topic), an organisation or a law."""
        index: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
        for thema in self.themes(with_subthemes=True):
            for source in self.plans(thema) + self.items(thema):
                index[(thema, source)].append((source, "self", source))
                for _, target, prop in self.network.out_edges(source, keys=True):
                    if prop not in EVIDENCE_PROPS:
                        continue
                    index[(thema, target)].append((source, prop, target))
                    if prop == "kn:onderwerp":
                        for broader in self._broader.get(target, ()):
                            index[(thema, broader)].append((source, prop, target))
        return {key: sorted(set(value)) for key, value in index.items()}

    def evidence(self, thema: str, target: str, kinds: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
        found = self.evidence_index.get((thema, target), [])
        return [e for e in found if not kinds or self.kind(e[0]) in kinds]

    def statement_bron(self, source: str, prop: str, target: str) -> str | None:
        """Where `source` (an item, or a plan) states `prop target`."""
        if self.kind(source) == "plan":
            return self.plan_bron(source, f"{prop} {target}")
        return self.bron(source)

    def evidence_bron(self, thema: str, targets, kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The plan lines that tie a theme to these things, one entry per plan file."""
        found = []
        for target in targets:
            for source, prop, named in self.evidence(thema, target, kinds):
                bron = self.statement_bron(source, prop, named)
                if bron:
                    found.append(bron)
        return merge_bron(found)


def merge_bron(bronnen) -> tuple[str, ...]:
    """["a.txt:12", "a.txt:3", "a.txt", "b.txt"] → ("a.txt:3, 12", "b.txt"): per file its lines,
    the bare file name only where no line of that file is known."""
    lines: dict[str, set[int]] = {}
    for bron in bronnen:
        name, _, line = bron.partition(":")
        lines.setdefault(name, set())
        if line.isdigit():
            lines[name].add(int(line))
    return tuple(
        f"{name}:{', '.join(str(n) for n in sorted(found))}" if found else name for name, found in lines.items()
    )
