"""Putting text into HTML safely: the one place the views, the report and the server escape.

Everything a page shows comes from plan texts and user input; none of it may become markup.
"""

from __future__ import annotations

import html
import json


def esc(text) -> str:
    """Text (or anything printable) as HTML text or a quoted attribute value."""
    return html.escape(str(text), quote=True)


def script_json(value) -> str:
    """JSON that is safe inside <script type="application/json">: no `<`, `>` or `&` at all."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
