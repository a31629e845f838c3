"""Where in a plan text a plan-level fact is stated.

Items carry their own line (kn:bronRegel), but a plan's totals and the themes, laws and topics
the plan names as a whole carry none. So that a finding about them can still cite a line a
reader can check, the plan text (graph/bronnen/...) is searched for the amount or the name.
That search is a heuristic, kept apart from the loader (network.py) so that its choices (which
line wins, which repeated paragraph to skip) can be read and tested on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from ..numbers import euro, euro_text  # noqa: F401  (euro re-exported for views and gap texts)
from .wordstarts import WordStarts


class PlanTexts:
    """Finds the line of a plan text that states a plan-level fact (no kn:bronRegel of its own)."""

    def __init__(self, folder: Path | None = None):
        if folder is None:
            from ..sources import shipped_root

            folder = shipped_root() / "graph" / "bronnen"
        self.folder = Path(folder)

    @lru_cache(maxsize=64)  # noqa: B019 - a handful of small files per run
    def lines(self, relative: str | None) -> tuple[str, ...]:
        if not relative:
            return ()
        path = self.folder / relative
        if not path.is_file():
            return ()
        return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())

    @lru_cache(maxsize=1)  # noqa: B019 - one folder per run
    def _all_text(self) -> str:
        if not self.folder.is_dir():
            return ""
        return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(self.folder.rglob("*.txt")))

    @lru_cache(maxsize=1)  # noqa: B019 - one folder per run
    def _words(self) -> WordStarts:
        return WordStarts(self._all_text())

    def sentence_form(self, name: str) -> str:
        """`name` as the plan texts write it mid-sentence: lower case when they write it so
        more often than capitalised after a lower-case word; else `name` unchanged."""
        if not name or not name[0].isupper() or (len(name) > 1 and name[1].isupper()):
            return name
        lower = name[0].lower() + name[1:]
        text, words = self._all_text(), self._words()
        low = sum(1 for i in words.find(lower, _find) if _word_edges(text, i, len(lower)))
        high = sum(
            1
            for i in words.find(name, _find)
            if _word_edges(text, i, len(name)) and i >= 2 and text[i - 1] == " " and text[i - 2].islower()
        )
        return lower if low > high else name

    def headings(self, relative: str | None) -> tuple[tuple[int, str], ...]:
        """The section headings of a plan text as (line, heading), in order (see `headings`)."""
        return headings(self.lines(relative))

    def plan_lines(self, relative, plan: dict, related: list[tuple[str, tuple[str, ...]]]) -> dict[str, int]:
        """Lines for the plan's totals and for each (key, names) in `related`: the key is
        "<property> <IRI>" of a plan-level statement (kn:samenhangMet, kn:wet, kn:onderwerp, kn:partner)."""
        lines = self.lines(relative)
        found: dict[str, int] = {}
        if not lines:
            return found
        if plan.get("activiteitenbudget") is not None:
            line = amount_line(lines, plan["activiteitenbudget"], prefer="budget")
            if line:
                found["kn:activiteitenbudget"] = line
        if plan.get("tabelTotaal") is not None:
            line = amount_line(lines, plan["tabelTotaal"], prefer="totaal")
            if line:
                found["kn:tabelTotaal"] = line
        for key, namen in related:
            line = mention_line(
                lines, namen, themes=key.startswith("kn:samenhangMet "), partners=key.startswith("kn:partner ")
            )
            if line:
                found[key] = line
        return found


def amount_line(lines, amount, prefer: str) -> int | None:
    pattern = re.compile(rf"(?<![\d.]){re.escape(euro_text(amount))}(?![\d])")
    hits = [i for i, line in enumerate(lines, 1) if pattern.search(line)]
    if not hits:
        return None
    same = [i for i in hits if prefer in lines[i - 1].lower()]
    if same:
        return same[0]
    if prefer == "totaal":
        heads = [i for i, line in enumerate(lines, 1) if line.strip().lower().startswith("totaal")]
        after = [i for i in hits if heads and i > heads[0]]
        return after[0] if after else hits[-1]
    return hits[0]


#: a list of partners after "Belangrijke partners zijn:" runs on for a page, one name a line
PARTNER_LIST = 30
_PARTNER_WORDS = re.compile(r"partner|samenwerk|samen met|contact", re.I)


def mention_line(lines, names, themes: bool = False, partners: bool = False) -> int | None:
    """The first line naming one of `names`, outside the paragraph every plan repeats; for a
    theme (`themes`) preferably near a line about themes ('samenhang', 'kennisthema'); for an
    organisation the plan names as partner (`partners`) only in a sentence about partners or
    cooperation, or in a list of partners ("Belangrijke partners zijn:"). A name with an
    apostrophe also matches the typographic one the plan texts use ("Veiligheidsregio’s")."""
    names = [*names, *(n.replace("'", "’") for n in names if "'" in n)]
    alternatives = [re.escape(n) for n in names if len(n) >= 2]
    if not alternatives:
        return None
    # one alternation: its leftmost match starts inside the line exactly when one of the names does
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.I)
    lines = tuple(lines)
    skip = _boilerplate(lines)
    hits = []
    for i in _candidate_lines(lines, names):
        line = lines[i - 1]
        joined = line + " " + (lines[i] if i < len(lines) else "")  # a name may wrap onto the next line
        if i not in skip and (m := pattern.search(joined)) and m.start() < len(line):
            hits.append(i)
    if not hits:
        return None
    for i in hits if themes else ():
        window = " ".join(lines[max(0, i - 4) : i + 1]).lower()
        if "samenhang" in window or "kennisthema" in window or re.search(r"thema\W{1,2}s\b", window):
            return i
    if partners:
        sentences, lists = _partner_lines(lines)
        for i in hits:
            if i in sentences or i - 1 in sentences or any(j < i <= j + PARTNER_LIST for j in lists):
                return i
        return None  # a name in passing (a table cell, a report) states no partnership
    return hits[0]


@lru_cache(maxsize=16)  # the same text is asked about once per partner
def _partner_lines(lines: tuple[str, ...]) -> tuple[frozenset[int], tuple[int, ...]]:
    """The lines (1-based) that speak of partners or cooperation (a name on it or the next line
    is named as a partner), and those of them that open a list ("... partners zijn:")."""
    found = [i for i, line in enumerate(lines, 1) if _PARTNER_WORDS.search(line)]
    lists = tuple(i for i in found if "partner" in lines[i - 1].lower() and lines[i - 1].rstrip().endswith(":"))
    return frozenset(found), lists


def _candidate_lines(lines: tuple[str, ...], names) -> list[int]:
    """The lines (1-based, in order) where one of `names` may start: a superset of the lines
    whose regex search (case-insensitive) matches, found with plain substring search in the
    lower-cased text, so the regex runs on a few lines instead of every line. Where lower
    case is not what the regex compares (a dotless ı, a long ſ, Greek; see `_CASE_EXCEPTIONS`)
    every line is a candidate."""
    text, lower, starts = _lowered(lines)
    names = [n for n in names if len(n) >= 2]
    if (
        lower is None
        or _CASE_EXCEPTIONS is None
        or any(_CASE_EXCEPTIONS & set(n) or len(n.lower()) != len(n) for n in names)
    ):
        return list(range(1, len(lines) + 1))
    found: set[int] = set()
    for name in {n.lower() for n in names}:
        at = lower.find(name)
        while at >= 0:
            i = bisect_right(starts, at)
            if at - starts[i - 1] < len(lines[i - 1]):
                found.add(i)
            at = lower.find(name, at + 1)
    return sorted(found)


def _case_exceptions() -> frozenset[str] | None:
    """Characters the regex engine matches case-insensitively by more than lower case (None:
    unknown on this Python, so never take the substring shortcut)."""
    extra = getattr(getattr(re, "_compiler", None), "_EXTRA_CASES", None)
    if not isinstance(extra, dict):
        return None
    return frozenset(chr(c) for key, alike in extra.items() for c in (key, *alike) if c > 127)


_CASE_EXCEPTIONS = _case_exceptions()


@lru_cache(maxsize=16)  # the same text is asked about once per name
def _lowered(lines: tuple[str, ...]) -> tuple[str, str | None, tuple[int, ...]]:
    """The lines joined by a space (as a name wraps), that text in lower case (None when lower
    case changes its length or it holds a case exception), and where each line starts."""
    text = " ".join(lines)
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    lower = text.lower()
    if len(lower) != len(text) or (_CASE_EXCEPTIONS or frozenset()) & set(text):
        return text, None, tuple(starts)
    return text, lower, tuple(starts)


@lru_cache(maxsize=16)  # the same text is asked about once per name
def _boilerplate(lines: tuple[str, ...]) -> frozenset[int]:
    """Lines of the sentence every plan repeats, listing all plans ('Voor elk prioritair thema
    is een afzonderlijk kennisplan opgesteld: ... gepubliceerd op Kennisnet.'): naming a theme
    there states no relation."""
    skip: set[int] = set()
    for i, line in enumerate(lines, 1):
        if "afzonderlijk kennisplan" in line.lower():
            for j in range(i, min(i + 5, len(lines) + 1)):
                skip.add(j)
                if "gepubliceerd" in lines[j - 1].lower():
                    break
    return frozenset(skip)


def _find(text: str, word: str):
    """Every start index of `word` in `text` (plain substring search: fast)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _word_edges(text: str, start: int, length: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[start + length] if start + length < len(text) else " "
    return not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-")


_NOT_A_HEADING = re.compile(r"[@€]|^\W|^\d")


def headings(lines) -> tuple[tuple[int, str], ...]:
    """The section headings of an OCR'd plan text, so a finding can say "Samenhang met andere
    thema's" and not only a line number: a short line (4-70 characters) that starts with a
    capital, does not end like a sentence (. , ; or :), stands on its own (after a blank line,
    a full stop or a page break) and is followed by prose (a line of 60+ characters); a
    "Tabel: ..." caption always counts. Table cells are short lines followed by short lines,
    so they never qualify."""
    found = []
    for i, raw in enumerate(lines):
        text = raw.strip()
        if not (4 <= len(text) <= 70) or _NOT_A_HEADING.search(text) or not text[0].isupper():
            continue
        caption = text.lower().startswith("tabel")
        if text[-1] in ".,;:" and not caption:
            continue
        before = lines[i - 1].strip() if i else ""
        if before and not raw.startswith(" ") and not before.endswith(".") and not caption:
            continue
        after = [x.strip() for x in lines[i + 1 : i + 3] if x.strip()]
        if caption or (after and len(after[0]) >= 60):
            found.append((i + 1, re.sub("[\u2019']{2,}", "\u2019", text)))
    return tuple(found)


def heading_at(found, line: int) -> str | None:
    """The heading of the section that holds `line` (the last heading at or before it)."""
    current = None
    for number, text in found:
        if number > line:
            break
        current = text
    return current
