"""`kennisgraaf serve`: the graph over HTTP — a read-only SPARQL 1.1 endpoint, a query page,
a page per resource and the views and report, for everyone on the network to use."""

from .server import KennisgraafServer, ServeConfig

__all__ = ["KennisgraafServer", "ServeConfig"]
