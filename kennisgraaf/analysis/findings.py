"""The results of the analyses as plain, frozen data: every rendering starts from these.

Themes and items are IRIs (the node ids of the network); `bronnen` are plan lines as
"kennisplan-2026-waterkwaliteit.txt:183" (or just the file name where no line is known).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("hoog", "middel", "laag")

#: every finding kind, in the order the report shows them, with its Dutch heading
KINDS = {
    "overdracht-zonder-plan": "Regieoverdracht naar een thema zonder plan",
    "overdracht-zonder-product": "Regieoverdracht zonder product bij de ontvanger",
    "thema-zonder-plan": "Thema genoemd door anderen, maar zonder plan",
    "jaar-in-opbouw": "Planjaar in opbouw: nog niet alle thema's hebben een plan",
    "samenhang-eenzijdig": "Samenhang die maar één kant noemt",
    "onderwerp-zonder-regie": "Onderwerp bij meerdere thema's zonder regie",
    "samenwerking-eenzijdig": "Samenwerking die het andere plan niet noemt",
    "samenwerking-zonder-capaciteit": "Samenwerking in een kwartaal waarin het partnerthema niets plant",
    "wet-aankomend-zonder-product": "Aankomende wetgeving zonder product",
    "wet-zonder-product": "Wetgeving bij meerdere thema's zonder product",
    "organisatie-een-thema": "Organisatie die maar één thema betrekt",
    "begroting-telt-niet-op": "Producttabel telt niet op tot het totaal",
    "begroting-boven-budget": "Begroting boven het activiteitenbudget",
    "product-onvolledig": "Product zonder vorm, status, planning of budget",
    "kwartaal-piek": "Piek in opleveringen per kwartaal",
    "bijeenkomsten-zelfde-dag": "Bijeenkomsten van verschillende thema's op dezelfde dag",
}


@dataclass(frozen=True)
class Overlap:
    """What two themes share, per axis (item IRIs), how alike they are per axis (Jaccard,
    0..1) and overall (the mean over the axes asked for).

    `specifiek` weighs what they share by how specific it is (overlap.py, SPECIFIC): per axis
    the share of the smaller theme's items that the other has too, an item counting less the
    more themes name it; `specifiek_score` is its mean over the axes. `algemeen` are the shared
    items that (nearly) every theme names (Gemeenten, Provincies): shown apart, they say little."""

    thema_a: str
    thema_b: str
    shared: dict[str, tuple[str, ...]]
    similarity: dict[str, float]
    score: float
    specifiek: dict[str, float] = field(default_factory=dict)
    specifiek_score: float = 0.0
    algemeen: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def specific_items(self, axis: str) -> tuple[str, ...]:
        """The shared items of an axis without the generic ones."""
        generic = set(self.algemeen.get(axis, ()))
        return tuple(i for i in self.shared.get(axis, ()) if i not in generic)

    def shared_count(self) -> int:
        return sum(len(items) for items in self.shared.values())

    def other(self, thema: str) -> str:
        return self.thema_b if thema == self.thema_a else self.thema_a


@dataclass(frozen=True)
class Plaats:
    """Where a finding stands in a plan, as a regisseur finds it: the plan's name, the section
    heading of the plan text that holds the line, the file and the line (None: the finding is
    about something the plan does not say)."""

    plan: str
    bestand: str
    regel: int | None = None
    kop: str | None = None
    pad: str | None = None  # the text's path under graph/bronnen ("2026/kennisplan-2026-x.txt")

    def text(self) -> str:
        where = [self.plan]
        if self.kop:
            where.append(f"§ {self.kop}")
        where.append(f"regel {self.regel}" if self.regel else "(niet in de tekst)")
        return ", ".join(where)


@dataclass(frozen=True)
class Finding:
    """One gap: its kind (a slug from KINDS), severity (hoog/middel/laag), the themes
    involved, one Dutch line of explanation, the plan lines behind it and the items
    (products, handovers, topics, ...) it is about. `wie`, `actie` and `waar` make it
    actionable (actions.py fills them in): the regisseurs of the themes involved, one Dutch
    sentence saying what to do, and the plan sections behind `bronnen`."""

    kind: str
    severity: str
    themas: tuple[str, ...]
    uitleg: str
    bronnen: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    wie: tuple[str, ...] = ()
    actie: str = ""
    waar: tuple[Plaats, ...] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")


@dataclass(frozen=True)
class Bridge:
    """An organisation or topic that links themes: its betweenness in the theme–item graph
    and the themes it touches."""

    node: str
    kind: str
    betweenness: float
    themas: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    """Everything one run of the analyses produces, for the reports and the CLI."""

    themas: tuple[str, ...]
    labels: dict[str, str]
    codes: dict[str, str]
    overlaps: tuple[Overlap, ...]
    findings: tuple[Finding, ...]
    bridges: tuple[Bridge, ...]
    clusters: tuple[tuple[str, ...], ...]
    axes: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    plans: dict[str, tuple[str, ...]] = field(default_factory=dict)
    jaren: tuple[int, ...] = ()
    verbinders: tuple[tuple[str, tuple[str, ...]], ...] = ()
    wetten: tuple[dict, ...] = ()  # timeline rows (see analysis.laws.timeline)
    regisseurs: dict[str, tuple[str, ...]] = field(default_factory=dict)


def sort_key(finding: Finding) -> tuple:
    """Report order: by kind, then the heaviest first."""
    kinds = list(KINDS)
    return (kinds.index(finding.kind), SEVERITIES.index(finding.severity), finding.themas, finding.uitleg)


def severity_key(finding: Finding) -> tuple:
    """What-concerns-me order (`gaps`): the heaviest first, then by kind."""
    return (SEVERITIES.index(finding.severity), *sort_key(finding))
