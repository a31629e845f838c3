"""The errors a user can cause, each with the exit code the CLI returns.

Exit codes follow pySHACL's convention: 0 all good, 1 the data violates the shapes,
2 the input could not be read or a command was used wrongly.
"""

from __future__ import annotations


class KennisgraafError(Exception):
    """An error the user can fix; the CLI prints `str(err)` and exits with `exit_code`."""

    exit_code = 2


class SourceError(KennisgraafError):
    """A source file that does not parse; the message starts with `path:line:`."""

    def __init__(self, path, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {message}")


class DataFolderError(KennisgraafError):
    """A --data folder that does not exist or holds no sources."""


class ValidationFailed(KennisgraafError):
    """The graph violates the SHACL shapes; carries the list of findings."""

    exit_code = 1

    def __init__(self, violations):
        self.violations = violations
        super().__init__(f"{len(violations)} probleem/problemen gevonden bij de validatie")


class QueryError(KennisgraafError):
    """A query that cannot run: malformed, an update, an unknown name or parameter."""


class StoreError(KennisgraafError):
    """The store (cache, or a remote endpoint) cannot answer."""
