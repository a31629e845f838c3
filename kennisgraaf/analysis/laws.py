"""Law coverage over time: which laws the themes name, when they take effect, whether a
product works them out. The rapport's timeline and the themakaart read these rows; the gap
rules on laws are in gaps_topics.py (one definition of 'upcoming' and 'worked out')."""

from __future__ import annotations

from .gaps_topics import date_text, upcoming, worked_out_by
from .network import label, nodes_of, sources


def timeline(network) -> list[dict]:
    """One row per law that a theme names and that has a date or is upcoming: label, date
    (ISO, or None), date as text, upcoming, the themes that name it and the products that work
    it out. Dated laws first, by date; then the upcoming laws without a date, by name."""
    rows = []
    for wet in nodes_of(network, "wet"):
        data = network.nodes[wet]
        themes = tuple(sorted(sources(network, wet, "kn:noemtWet"), key=lambda n: label(network, n)))
        date = data.get("inwerkingtreding")
        soon = upcoming(network, wet)
        if not themes or not (date or soon):
            continue
        rows.append(
            {
                "wet": wet,
                "label": label(network, wet),
                "datum": str(date) if date else None,
                "datumTekst": date_text(date) if date else "datum onbekend",
                "aankomend": soon,
                "themas": themes,
                "producten": tuple(worked_out_by(network, wet)),
            }
        )
    return sorted(rows, key=lambda r: (r["datum"] is None, r["datum"] or "", r["label"].casefold()))
