"""The Dutch CLI frame through click's own gettext support.

click and typer mark every frame string ("Usage:", "Options", "Missing option",
"[default: …]", "No such command") with `gettext.gettext`. We bind our text domain to
`locale/nl/LC_MESSAGES/kennisgraaf.mo` and put Dutch first in `$LANGUAGE`, so those
strings come out Dutch without touching click's output. Must run before typer renders
anything (typer's rich help reads its panel titles when `rich_utils` is first imported).

`python -m kennisgraaf.cli.i18n` compiles the `.po` (the hand-edited source) into the
`.mo`; a test fails when the shipped `.mo` differs from a fresh compile.
"""

from __future__ import annotations

import ast
import gettext
import os
import struct
from pathlib import Path

DOMAIN = "kennisgraaf"
LOCALE_DIR = Path(__file__).parent / "locale"
PO_FILE = LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO_FILE = PO_FILE.with_suffix(".mo")


def install() -> None:
    """Make click's and typer's frame strings Dutch for this process."""
    languages = os.environ.get("LANGUAGE", "")
    if not languages.startswith("nl"):
        os.environ["LANGUAGE"] = "nl" + (":" + languages if languages else "")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    _dutch_type_names()


def _dutch_type_names() -> None:
    """click shows a parameter's type by its `name` ("TEXT", "INTEGER RANGE") and that name is
    not marked for translation; naming click's own types in Dutch covers every command, also
    the ones added later, and their errors ("'x' is geen geldig getal")."""
    import click

    click.STRING.name = "tekst"
    click.INT.name = click.FLOAT.name = "getal"
    click.IntRange.name = click.FloatRange.name = "getal"
    click.BOOL.name = "ja/nee"


def parse_po(text: str) -> dict[str, str]:
    """msgid → msgstr (plural forms joined by NUL, as in a .mo) from a simple .po file."""
    catalog: dict[str, str] = {}
    entry: dict[str, list[str]] = {}
    key = None

    def flush():
        if "msgid" in entry:
            msgid = "".join(entry["msgid"])
            if "msgid_plural" in entry:
                msgid += "\0" + "".join(entry["msgid_plural"])
                forms = sorted(k for k in entry if k.startswith("msgstr["))
                catalog[msgid] = "\0".join("".join(entry[k]) for k in forms)
            else:
                catalog[msgid] = "".join(entry.get("msgstr", []))
        entry.clear()

    for line in text.splitlines() + [""]:
        line = line.strip()
        if not line or line.startswith("#"):
            if not line:
                flush()
                key = None
            continue
        if line.startswith('"') and key is not None:
            entry[key].append(ast.literal_eval(line))
            continue
        key, _, rest = line.partition(" ")
        entry[key] = [ast.literal_eval(rest)]
    return catalog


def compile_mo(catalog: dict[str, str]) -> bytes:
    """The GNU .mo bytes for a catalog (the layout gettext.GNUTranslations reads)."""
    keys = sorted(catalog)
    ids = [k.encode("utf-8") for k in keys]
    strs = [catalog[k].encode("utf-8") for k in keys]
    start = 7 * 4 + 16 * len(keys)
    offsets, pool = [], b""
    for data in ids + strs:
        offsets.append((len(data), start + len(pool)))
        pool += data + b"\0"
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    table = b"".join(struct.pack("ii", *o) for o in offsets)
    return header + table + pool


def compiled() -> bytes:
    return compile_mo(parse_po(PO_FILE.read_text(encoding="utf-8")))


if __name__ == "__main__":
    MO_FILE.write_bytes(compiled())
    print(f"geschreven: {MO_FILE}")
