"""What falls between two chairs: every gap kind as a list of Findings.

Each rule (see RULES) reads the network (network.py) and returns the findings of one kind;
`find_gaps` runs them all and makes each finding actionable (actions.py: who, what, where).
The rules are grouped by what they check: gaps_relations.py (handovers and related themes),
gaps_cooperation.py (work one plan routes to another theme), gaps_topics.py (topics, laws and
organisations no theme takes up) and
gaps_planning.py (budgets, product details, calendar). The rules, and the thresholds they use,
are stated in each function's docstring so that a reader can check a finding against the plan
by hand.
"""

from __future__ import annotations

import networkx as nx

from .actions import actionable
from .findings import Finding, sort_key
from .gaps_cooperation import cooperation_without_capacity, one_sided_cooperation
from .gaps_planning import budgets, incomplete_products, quarter_peaks, same_day_events
from .gaps_relations import handovers, one_sided_relations, themes_without_plan
from .gaps_topics import laws_without_product, lonely_organisations, topics_without_lead, upcoming_laws
from .years import fold_incomplete_year


def find_gaps(network: nx.MultiDiGraph) -> list[Finding]:
    """All findings of every kind, sorted by kind (report order), severity and themes."""
    found: list[Finding] = []
    for rule in RULES:
        found.extend(rule(network))
    return sorted((actionable(network, f) for f in fold_incomplete_year(network, found)), key=sort_key)


RULES = (
    handovers,
    themes_without_plan,
    one_sided_relations,
    one_sided_cooperation,
    cooperation_without_capacity,
    topics_without_lead,
    upcoming_laws,
    laws_without_product,
    lonely_organisations,
    budgets,
    incomplete_products,
    quarter_peaks,
    same_day_events,
)
