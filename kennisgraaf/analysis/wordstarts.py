"""Where each word of a long text starts, so that counting a name in the plan texts costs the
name's occurrences rather than a scan of every text (`PlanTexts.sentence_form` counts each
topic twice: a scan per topic grew with topics × text, 26 s at 100 k).

A word is a run of characters that are alphanumeric (`str.isalnum`) or "-", the same edges as
`textlines._word_edges`: a name matches at a word edge only where a word starts, and that
word is then exactly the name's first word. (`[^\\W_]` is `str.isalnum` in Python's `re`.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_WORD = re.compile(r"(?:[^\W_]|-)+")


class WordStarts:
    """The start index of every word of `text`, by word."""

    def __init__(self, text: str):
        self.text = text
        self._starts: dict[str, list[int]] = {}
        for match in _WORD.finditer(text):
            self._starts.setdefault(match.group(), []).append(match.start())

    def find(self, name: str, fallback: Callable[[str, str], Iterator[int]]) -> Iterator[int]:
        """Every start index of `name` in the text where a word starts (a superset of the
        matches at word edges, in order); a name that does not begin with a word is left to
        `fallback(text, name)`, the plain substring search."""
        first = _WORD.match(name)
        if first is None:
            yield from fallback(self.text, name)
            return
        for start in self._starts.get(first.group(), ()):
            if self.text.startswith(name, start):
                yield start
