"""Importing this module registers every command on the app."""

from . import build_cmds  # noqa: F401
