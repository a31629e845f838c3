"""Importing this module registers every command on the app."""

from . import build_cmds  # noqa: F401
from . import query_cmds  # noqa: F401
from . import export_cmds  # noqa: F401
from . import serve_cmds  # noqa: F401
