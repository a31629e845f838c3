"""How SHACL findings look in the terminal."""

from __future__ import annotations

from ..tables import Table


def violation_table(violations) -> Table:
    rows = [
        [
            v.severity,
            v.source + (f" (planregel {v.line})" if v.line else ""),
            v.label,
            v.path,
            v.message + (f" [waarde: {v.value}]" if v.value else ""),
        ]
        for v in violations
    ]
    return Table(["ernst", "bestand", "knoop", "eigenschap", "melding"], rows, title="Validatie")


def print_violations(violations, console) -> None:
    if violations:
        from .output import screen_text

        console.print(
            screen_text(violation_table(violations), console), markup=False, highlight=False, soft_wrap=True, end=""
        )
