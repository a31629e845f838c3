"""The README's module map stays true to the package: every module named, none that is gone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kennisgraaf"


def layout_paths() -> set[str]:
    """The paths the "Layout" block names, rebuilt from its indentation (two spaces a level)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```\n", 1)[1].split("```", 1)[0]
    named: set[str] = set()
    stack: list[str] = []
    for line in block.splitlines():
        match = re.match(r"^( *)(\S+)", line)
        if match is None:
            continue
        stack = [*stack[: len(match.group(1)) // 2], match.group(2).rstrip("/")]
        named.add("/".join(stack))
    return named


def package_modules() -> set[str]:
    """Every module and subpackage; a package's __init__.py is named by its folder."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        rel = path.relative_to(ROOT)
        found.add(str(rel.parent) if path.name == "__init__.py" else str(rel))
    return found


def test_every_module_is_in_the_layout_section():
    missing = sorted(package_modules() - layout_paths())
    assert not missing, f"README.md, Layout: voeg een regel toe voor {missing}"


def test_the_layout_section_names_no_module_that_is_gone():
    gone = sorted(p for p in layout_paths() if p.startswith("kennisgraaf/") and not (ROOT / p).exists())
    assert not gone, f"README.md, Layout noemt wat niet (meer) bestaat: {gone}"


def test_the_layout_parser_sees_nested_modules():
    named = layout_paths()
    assert {"kennisgraaf/api.py", "kennisgraaf/analysis/gaps.py", "kennisgraaf/cli/output.py"} <= named
