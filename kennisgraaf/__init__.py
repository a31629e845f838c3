"""kennisgraaf: the knowledge plans of the Kennisnetwerk VTH as one RDF knowledge graph."""

__version__ = "0.1.0"
