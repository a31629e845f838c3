"""What validation finds, in a module without rdflib: the build and the CLI import it cheaply."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    severity: str
    node: str
    label: str
    path: str
    message: str
    value: str
    source: str  # the Turtle file that states the node
    line: int | None  # kn:bronRegel of the node in the plan text, if any

    @property
    def is_error(self) -> bool:
        return self.severity == "fout"
