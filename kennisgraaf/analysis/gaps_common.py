"""What the gap rules share: how a finding names themes and cites the plan text.

The rules live in gaps_relations.py, gaps_topics.py and gaps_planning.py; these helpers keep
their wording and their citations (`bron`: "file:line") alike, so that every finding reads the
same and points a reader at a line to check.
"""

from __future__ import annotations

from .graph import label, label_of, plan_bron, plans_of, targets


def in_sentence(network, node) -> str:
    """A label as it reads mid-sentence: lower case where the plans write it so
    ("producten over omgevingsplannen"), else as it is (PFAS, RENURE, Seveso)."""
    data = network.nodes[node] if node in network else {}
    return data.get("inZin") or label(network, node)


def _names(network, nodes, sentence: bool = False) -> str:
    name = (lambda n: in_sentence(network, n)) if sentence else label_of(network)
    names = sorted(name(n) for n in nodes)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _themes(network, *groups) -> tuple[str, ...]:
    # a dict keeps the first-seen order and answers `in` at once: at 1 M a finding names
    # 2,000 themes, and a list's `in` made that 4 million steps per finding
    seen: dict[str, None] = {}
    name = label_of(network)
    for group in groups:
        for t in [group] if isinstance(group, str) else sorted(group, key=name):
            if t:
                seen.setdefault(t)
    return tuple(seen)


def _bronnen(*values) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for value in values:
        for v in [value] if isinstance(value, str) or value is None else value:
            if v:
                out.setdefault(v)
    return tuple(out)


def _year(network, plan) -> int | None:
    return network.nodes[plan].get("jaar") if plan else None


def _plan_in(network, thema, year) -> str | None:
    plans = sorted(plans_of(network, thema))
    same = [p for p in plans if year is None or _year(network, p) in (year, None)]
    return same[0] if same else None


def _theme_of(network, node) -> list[str]:
    data = network.nodes[node]
    if data["kind"] == "plan":
        return [data["thema"]] if data.get("thema") else []
    return list(data.get("themas", ()))


def _where(network, node, topics) -> str | None:
    """Where a plan or item names a topic (one IRI or a set): the item's line, or the plan
    line found for the topic."""
    data = network.nodes[node]
    if data["kind"] != "plan":
        return data.get("bron")
    topics = {topics} if isinstance(topics, str) else set(topics)
    for topic in sorted(topics & targets(network, node, "kn:onderwerp")):
        if f"kn:onderwerp {topic}" in data.get("regels", {}):
            return plan_bron(network, node, f"kn:onderwerp {topic}")
    return data.get("bestand")
