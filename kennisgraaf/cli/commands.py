"""Importing this module registers every command on the app."""

from . import (
    analysis_cmds,  # noqa: F401
    authoring_cmds,  # noqa: F401
    build_cmds,  # noqa: F401
    export_cmds,  # noqa: F401
    kaart_cmds,  # noqa: F401
    query_cmds,  # noqa: F401
    serve_cmds,  # noqa: F401
    site_cmds,  # noqa: F401
    view_cmds,  # noqa: F401
    year_cmds,  # noqa: F401
)
