"""The node kinds of the analysis network and the relations only the reasoner states.

Kept apart so that the loader, the builder and the analyses agree on one list without
importing each other.
"""

from __future__ import annotations

KINDS = (
    "thema",
    "plan",
    "product",
    "onderwerp",
    "organisatie",
    "wet",
    "overleg",
    "bijeenkomst",
    "overdracht",
    "aangedragen",
    "samenwerking",
)
#: things a plan states, with a source line (kn:inPlan, kn:bronRegel)
ITEM_KINDS = ("product", "overleg", "bijeenkomst", "overdracht", "aangedragen", "samenwerking")
#: theme-level relations that only the reasoner states (the ontology's property chains and inverses)
INFERRED = ("kn:vanThema", "kn:raaktOnderwerp", "kn:werktMet", "kn:noemtWet", "kn:verwantMet")
