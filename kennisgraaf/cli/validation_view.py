"""How SHACL findings look in the terminal (the table itself is `api.violation_table`)."""

from __future__ import annotations

from ..api import violation_table

__all__ = ["print_violations", "violation_table"]


def print_violations(violations, console) -> None:
    if violations:
        from .output import screen_text

        console.print(
            screen_text(violation_table(violations), console), markup=False, highlight=False, soft_wrap=True, end=""
        )
